"""The language server: LSP plumbing only.

Every decision is made by the feature modules and, below them, by the shared core.

Start-up stays lean: the core and the term store load on a worker thread after
``initialized``, so ``initialize`` is answered as soon as pygls itself has loaded.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from . import files
from .notebook import NOTEBOOK_SYNC, document_path

if TYPE_CHECKING:
    from dlglossary import Match, Term

    from .analysis import Analysis
    from .engine import Engine

__all__ = ["DEBOUNCE_SECONDS", "SETTINGS_WAIT_SECONDS", "GlossaryServer", "server"]

DEBOUNCE_SECONDS = 0.1
#: How long diagnostics wait for the client's workspace settings after start-up.
SETTINGS_WAIT_SECONDS = 5.0
_WATCHED = ("**/*.toml",)
F = TypeVar("F", bound=Callable[..., Any])
logger = logging.getLogger(__name__)


class GlossaryServer(LanguageServer):
    """A language server with the dlglossary engine and its scheduling state."""

    def __init__(self) -> None:
        # The version is read on the worker thread: importlib.metadata costs start-up time.
        super().__init__("dlglossary-lsp", "", notebook_document_sync=NOTEBOOK_SYNC)
        self._engine: Engine | None = None
        self._engine_lock = threading.Lock()
        self.init_options: object = None
        self.root: Path | None = None
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._shown: set[str] = set()
        #: Why each document's diagnostics were last skipped ("" when they were not).
        self._skipped: dict[str, str] = {}
        #: Set once the settings of ``initialized`` are in (or could not be had), so that
        #: the first diagnostics already use them.
        self.settings_ready = asyncio.Event()

    @property
    def engine(self) -> Engine:
        """The engine (created, with the core imported, on first use)."""
        if self._engine is None:
            with self._engine_lock:
                if self._engine is None:
                    from .engine import Engine
                    from .settings import parse_settings

                    engine = Engine()
                    engine.projects.workspace_root = self.root
                    engine.projects.set_layer(
                        parse_settings(self.init_options, "initializationOptions")
                    )
                    self._engine = engine
        return self._engine

    # -- messages ------------------------------------------------------------------------

    def log(self, message: str, level: types.MessageType = types.MessageType.Log) -> None:
        """Send ``message`` to the client's log (``window/logMessage``)."""
        try:
            self.window_log_message(types.LogMessageParams(type=level, message=message))
        except Exception:
            logger.warning("%s", message)

    def show_once(self, message: str, level: types.MessageType = types.MessageType.Warning) -> None:
        """Show ``message`` to the user once per session (and log it)."""
        self.log(message, level)
        if message not in self._shown:
            self._shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=level, message=message))

    def report_problems(self, uri: str) -> None:
        """Show problems with settings and project glossaries for the document ``uri``."""
        context = self.engine.context_of(uri)
        for problem in context.setting_problems:
            self.show_once(f"dlglossary settings: {problem}")
        for problem in context.glossary_problems:
            self.show_once(f"dlglossary glossary: {problem}")
        for problem in context.builtin_problems:
            if str(problem) not in self._shown:
                self._shown.add(str(problem))
                self.log(f"dlglossary built-in store: {problem}", types.MessageType.Log)

    # -- documents -----------------------------------------------------------------------

    def document(self, uri: str) -> TextDocument | None:
        """The open document ``uri`` (None for documents the client never opened)."""
        from urllib.parse import unquote

        document: TextDocument | None = self.workspace.text_documents.get(unquote(uri))
        return document

    @property
    def pull_diagnostics(self) -> bool:
        """Whether the client pulls diagnostics (else the server pushes them)."""
        return self.client_capabilities.text_document is not None and (
            self.client_capabilities.text_document.diagnostic is not None
        )

    async def settings_known(self) -> None:
        """Wait (a bounded time) until the start-up settings have been read."""
        try:
            await asyncio.wait_for(self.settings_ready.wait(), SETTINGS_WAIT_SECONDS)
        except TimeoutError:
            self.settings_ready.set()

    def schedule(self, uri: str, delay: float = DEBOUNCE_SECONDS) -> None:
        """Analyse the document ``uri`` after ``delay`` (restarted by each new edit)."""
        old = self._tasks.pop(uri, None)
        if old is not None:
            old.cancel()
        self._tasks[uri] = asyncio.ensure_future(self._refresh(uri, delay))

    async def _refresh(self, uri: str, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
            await self.settings_known()
            document = self.document(uri)
            if document is None:
                return
            analysis = await asyncio.shield(asyncio.wrap_future(self.engine.submit(document)))
            self.report_problems(uri)
            if analysis.skipped and self._skipped.get(uri) != analysis.skipped:
                self.log(f"no diagnostics for {uri}: {analysis.skipped}", types.MessageType.Info)
            self._skipped[uri] = analysis.skipped
            current = self.document(uri)
            if (
                self.pull_diagnostics
                or current is None
                or current.version != analysis.version
                # Settings changed meanwhile: the refresh scheduled then publishes.
                or analysis.generation != self.engine.generation
            ):
                return
            from .diagnostics import to_diagnostics

            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri,
                    version=analysis.version,
                    diagnostics=to_diagnostics(analysis),
                )
            )
        except asyncio.CancelledError:
            raise
        except Exception:
            self.log(
                f"dlglossary: analysis of {uri} failed\n{traceback.format_exc()}",
                types.MessageType.Error,
            )
        finally:
            if self._tasks.get(uri) is asyncio.current_task():
                del self._tasks[uri]

    def refresh_all(self) -> None:
        """Re-analyse every open document (settings or files changed)."""
        self.engine.invalidate()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)
        capabilities = self.client_capabilities.workspace
        if (
            self.pull_diagnostics
            and capabilities is not None
            and capabilities.diagnostics is not None
            and capabilities.diagnostics.refresh_support
        ):
            self.workspace_diagnostic_refresh(None)

    def clear(self, uri: str) -> None:
        """Forget a closed document and clear its pushed diagnostics."""
        task = self._tasks.pop(uri, None)
        if task is not None:
            task.cancel()
        self._skipped.pop(uri, None)
        self.engine.forget(uri)
        if not self.pull_diagnostics:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )

    def read_file(self, path: Path) -> tuple[str | None, int | None]:
        """A file as the editor sees it: (text, version) when open, else from disk."""
        document = self.document(path.resolve().as_uri())
        if document is not None:
            return document.source, document.version
        if not path.exists():
            return None, None
        try:
            return path.read_text(encoding="utf-8"), None
        except (OSError, UnicodeDecodeError):
            return "\ufffd", None  # present but unreadable: never created, not editable

    @property
    def markdown(self) -> bool:
        """Whether the client renders Markdown in hovers."""
        document = self.client_capabilities.text_document
        formats = document.hover.content_format if document and document.hover else None
        return formats is None or types.MarkupKind.Markdown in formats


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dlglossary")
    except PackageNotFoundError:
        return "0.0.0"


def guarded(function: F) -> F:
    """Log, never raise: a failing handler answers None and the server keeps running."""
    if asyncio.iscoroutinefunction(function):

        @functools.wraps(function)
        async def run_async(ls: GlossaryServer, params: Any) -> Any:
            try:
                return await function(ls, params)
            except Exception:
                ls.log(
                    f"dlglossary: {function.__name__} failed\n{traceback.format_exc()}",
                    types.MessageType.Error,
                )
                return None

        return run_async  # type: ignore[return-value]

    @functools.wraps(function)
    def run(ls: GlossaryServer, params: Any) -> Any:
        try:
            return function(ls, params)
        except Exception:
            ls.log(
                f"dlglossary: {function.__name__} failed\n{traceback.format_exc()}",
                types.MessageType.Error,
            )
            return None

    return run  # type: ignore[return-value]


server = GlossaryServer()

# -- lifecycle ---------------------------------------------------------------------------


@server.feature(types.INITIALIZE)
@guarded
def initialize(ls: GlossaryServer, params: types.InitializeParams) -> None:
    """Keep initializationOptions and the workspace root; load nothing yet."""
    ls.init_options = params.initialization_options
    folders = params.workspace_folders or []
    root = folders[0].uri if folders else params.root_uri
    ls.root = (
        document_path(root) if root else (Path(params.root_path) if params.root_path else None)
    )


@server.feature(types.INITIALIZED)
@guarded
async def initialized(ls: GlossaryServer, params: types.InitializedParams) -> None:
    """Load the store in the background, read workspace settings, watch TOML files."""
    try:
        loop = asyncio.get_running_loop()
        warm_up = loop.run_in_executor(None, _warm_up, ls)
        # Ask for the settings while the store loads; apply them once the engine exists.
        answered, raw = await _fetch_workspace_settings(ls)
        await warm_up
        if answered:
            _apply_workspace_settings(ls, raw)
    finally:
        ls.settings_ready.set()
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is not None and watched.dynamic_registration:
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=g) for g in _WATCHED]
        )
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="dlglossary-watch",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=options,
                    )
                ]
            )
        )


def _warm_up(ls: GlossaryServer) -> None:
    ls.version = _version()
    engine = ls.engine
    try:
        engine.pool.submit(
            lambda: engine.projects.context(ls.root / "_" if ls.root else None).store.matcher
        )
    except Exception:
        ls.log(
            f"dlglossary: loading the store failed\n{traceback.format_exc()}",
            types.MessageType.Error,
        )


async def _fetch_workspace_settings(ls: GlossaryServer) -> tuple[bool, object]:
    """Ask for the ``dlglossary`` section: (whether the client answered, the section)."""
    capabilities = ls.client_capabilities.workspace
    if capabilities is None or not capabilities.configuration:
        return False, None
    scope = ls.root.as_uri() if ls.root else None
    try:
        result = await ls.workspace_configuration_async(
            types.ConfigurationParams(
                items=[types.ConfigurationItem(scope_uri=scope, section="dlglossary")]
            )
        )
    except Exception as error:
        ls.log(f"dlglossary: workspace/configuration failed: {error}", types.MessageType.Warning)
        return False, None
    # One item asked, one answered; null (no such section) means the defaults.
    return True, (result[0] if result else None)


def _apply_workspace_settings(ls: GlossaryServer, raw: object) -> None:
    """Make ``raw`` the workspace settings layer and re-check every open document."""
    from .settings import parse_settings

    ls.engine.projects.set_layer(parse_settings(raw, "workspace/configuration"))
    ls.refresh_all()


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
@guarded
async def did_change_configuration(
    ls: GlossaryServer, params: types.DidChangeConfigurationParams
) -> None:
    """Take the ``dlglossary`` section from the notification, or ask for it again."""
    settings = params.settings
    if isinstance(settings, dict) and "dlglossary" in settings:
        _apply_workspace_settings(ls, settings["dlglossary"])
        return
    # settings: null (the pull model) or without our section: the client has the answer.
    answered, raw = await _fetch_workspace_settings(ls)
    if answered:
        _apply_workspace_settings(ls, raw)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
@guarded
def did_change_watched_files(ls: GlossaryServer, params: types.DidChangeWatchedFilesParams) -> None:
    """A glossary or configuration file changed: reload and re-check open documents."""
    ls.refresh_all()


@server.command(files.CREATE_FILES)
def create_files(ls: GlossaryServer, *arguments: Any) -> None:
    """Create the new files of a code action for a client that cannot (see ``files``)."""
    try:
        created, problems = files.create_files(arguments)
    except Exception:
        ls.log(
            f"dlglossary: creating files failed\n{traceback.format_exc()}", types.MessageType.Error
        )
        return
    for path in created:
        ls.log(f"dlglossary: created {path}", types.MessageType.Info)
    for problem in problems:
        ls.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=f"dlglossary: {problem}")
        )
    if created:
        ls.refresh_all()


# -- document sync -------------------------------------------------------------------------


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
@guarded
def did_open(ls: GlossaryServer, params: types.DidOpenTextDocumentParams) -> None:
    """Analyse a newly opened document at once."""
    ls.schedule(params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
@guarded
def did_change(ls: GlossaryServer, params: types.DidChangeTextDocumentParams) -> None:
    """Re-analyse after a pause in typing."""
    ls.schedule(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
@guarded
def did_save(ls: GlossaryServer, params: types.DidSaveTextDocumentParams) -> None:
    """A saved glossary or configuration file applies at once."""
    if params.text_document.uri.endswith(".toml"):
        ls.refresh_all()


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
@guarded
def did_close(ls: GlossaryServer, params: types.DidCloseTextDocumentParams) -> None:
    """Forget a closed document."""
    ls.clear(params.text_document.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
@guarded
def notebook_did_open(ls: GlossaryServer, params: types.DidOpenNotebookDocumentParams) -> None:
    """Analyse every cell of a newly opened notebook."""
    for cell in params.cell_text_documents:
        ls.schedule(cell.uri, 0)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
@guarded
def notebook_did_change(ls: GlossaryServer, params: types.DidChangeNotebookDocumentParams) -> None:
    """Re-analyse edited and added cells; forget removed ones."""
    cells = params.change.cells
    if cells is None:
        return
    for change in cells.text_content or ():
        ls.schedule(change.document.uri)
    if cells.structure is not None:
        for opened in cells.structure.did_open or ():
            ls.schedule(opened.uri, 0)
        for closed in cells.structure.did_close or ():
            ls.clear(closed.uri)


@server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
@guarded
def notebook_did_close(ls: GlossaryServer, params: types.DidCloseNotebookDocumentParams) -> None:
    """Forget the cells of a closed notebook."""
    for cell in params.cell_text_documents:
        ls.clear(cell.uri)


# -- features ------------------------------------------------------------------------------


def _term_at(
    ls: GlossaryServer, uri: str, position: types.Position
) -> tuple[Analysis, Match, Term] | None:
    """The analysis, the match and the entry of the term at ``position``, if any."""
    document = ls.document(uri)
    if document is None:
        return None
    analysis = ls.engine.now(document)
    offset = analysis.lines.offset(position)
    match = analysis.match_at(offset) if offset is not None else None
    term = analysis.context.store.get(match.term_id) if match is not None else None
    if match is None or term is None:
        return None
    return analysis, match, term


@server.feature(types.TEXT_DOCUMENT_HOVER)
@guarded
def hover(ls: GlossaryServer, params: types.HoverParams) -> types.Hover | None:
    """The entry of the term under the cursor."""
    from .hover import render_hover

    found = _term_at(ls, params.text_document.uri, params.position)
    if found is None:
        return None
    analysis, match, term = found
    markdown = ls.markdown
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText,
            value=render_hover(term, analysis.context.store, markdown=markdown),
        ),
        range=analysis.lines.range(match.start, match.end),
    )


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
@guarded
def definition(ls: GlossaryServer, params: types.DefinitionParams) -> types.Location | None:
    """The term's entry in its TOML file."""
    found = _term_at(ls, params.text_document.uri, params.position)
    term = found[2] if found is not None else None
    if term is None or term.source is None:
        return None
    line = max(term.line - 1, 0)
    at = types.Position(line=line, character=0)
    return types.Location(uri=term.source.resolve().as_uri(), range=types.Range(start=at, end=at))


@server.feature(
    types.TEXT_DOCUMENT_DIAGNOSTIC,
    types.DiagnosticOptions(
        identifier="dlglossary", inter_file_dependencies=False, workspace_diagnostics=False
    ),
)
@guarded
async def diagnostic(
    ls: GlossaryServer, params: types.DocumentDiagnosticParams
) -> types.DocumentDiagnosticReport:
    """Pull diagnostics: the findings of the current version."""
    from .diagnostics import to_diagnostics

    await ls.settings_known()
    document = ls.document(params.text_document.uri)
    if document is None:
        return types.RelatedFullDocumentDiagnosticReport(items=[])
    analysis = await asyncio.shield(asyncio.wrap_future(ls.engine.submit(document)))
    ls.report_problems(document.uri)
    result_id = f"{analysis.generation}:{analysis.version}"
    if params.previous_result_id == result_id:
        return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
    return types.RelatedFullDocumentDiagnosticReport(
        items=to_diagnostics(analysis), result_id=result_id
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
@guarded
def code_action(
    ls: GlossaryServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    """Fixes for the findings in the requested range."""
    from .actions import EditSupport, code_actions

    document = ls.document(params.text_document.uri)
    if document is None:
        return None
    analysis = ls.engine.now(document)
    start = analysis.lines.offset(params.range.start)
    end = analysis.lines.offset(params.range.end)
    if start is None:
        return None
    own = [d for d in params.context.diagnostics if d.source == "dlglossary"]
    return code_actions(
        analysis,
        start,
        end if end is not None else start,
        ls.read_file,
        ls.root,
        own,
        EditSupport.of(ls.client_capabilities),
    )


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=["`"]),
)
@guarded
def completion(ls: GlossaryServer, params: types.CompletionParams) -> types.CompletionList | None:
    """Term names, in documents (not in code)."""
    from .analysis import checks_language
    from .completion import complete

    document = ls.document(params.text_document.uri)
    if document is None:
        return None
    analysis = ls.engine.now(document)
    if not checks_language(analysis.language, include_comments=False):
        return None
    return complete(analysis.lines, params.position, analysis.context.store, markdown=ls.markdown)
