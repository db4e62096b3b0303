"""Code actions for findings.

Spell an acronym out, ignore a word for the project, add a word to the project glossary.

Edits go to the file that already holds the project's settings (``dlglossary.toml`` or
``[tool.dlglossary]`` in ``pyproject.toml``); ``dlglossary.toml`` is created only when
there is none. Nothing else in those files changes.

A new file is created by the client (a ``CreateFile`` operation) when it supports that
(``workspace.workspaceEdit.resourceOperations`` lists ``create``). Otherwise the action
carries the ``dlglossary.createFiles`` command (:mod:`dlglossary_lsp.files`) and the
server writes the new file itself; existing files are always edited by the client.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path
from pygls.workspace.position_codec import PositionCodec

from dlglossary import Finding, Term
from dlglossary.canonical import dump_term
from dlglossary.config import CONFIG_FILE

from .analysis import Analysis, LineMap
from .files import CREATE_FILES
from .tomledit import Insertion, add_to_array

__all__ = ["EditSupport", "FileReader", "code_actions", "new_term", "slug"]

#: Reads a file the way the editor sees it: (text or None if missing, open version or None).
FileReader = Callable[[Path], tuple[str | None, int | None]]
GLOSSARY_FILE = "glossary.toml"


@dataclass(frozen=True)
class EditSupport:
    """What the client can apply in a workspace edit.

    Attributes
    ----------
    document_changes
        Versioned ``documentChanges`` (else the plain ``changes`` map is used).
    create_files
        ``CreateFile`` operations (else the server creates new files through
        the :data:`~dlglossary_lsp.files.CREATE_FILES` command).
    """

    document_changes: bool = True
    create_files: bool = True

    @classmethod
    def of(cls, capabilities: types.ClientCapabilities) -> EditSupport:
        """The support a client declares in its capabilities."""
        workspace = capabilities.workspace
        edit = workspace.workspace_edit if workspace is not None else None
        if edit is None:
            return cls(document_changes=False, create_files=False)
        create = types.ResourceOperationKind.Create in (edit.resource_operations or ())
        # Resource operations only exist inside documentChanges: a client that lists them
        # (Neovim does, without the documentChanges flag) applies documentChanges.
        return cls(document_changes=bool(edit.document_changes) or create, create_files=create)


@dataclass(frozen=True)
class _Edit:
    """Insert into the file at ``path`` (whose current text is ``text``), or create it."""

    path: Path
    version: int | None
    text: str
    insertion: Insertion
    create: bool = False


def code_actions(
    analysis: Analysis,
    start: int,
    end: int,
    read: FileReader,
    fallback_root: Path | None,
    diagnostics: Sequence[types.Diagnostic] = (),
    support: EditSupport | None = None,
) -> list[types.CodeAction]:
    """The actions for the findings of ``analysis`` that touch ``text[start:end]``."""
    support = support or EditSupport()
    actions: list[types.CodeAction] = []
    seen: set[str] = set()
    for finding in analysis.findings or ():
        if finding.end < start or finding.start > end:
            continue
        attached = [d for d in diagnostics if d.code == finding.code] or None
        if finding.fix is not None:
            fix = finding.fix
            edit = types.TextEdit(
                range=analysis.lines.range(fix.start, fix.end), new_text=fix.replacement
            )
            actions.append(
                types.CodeAction(
                    title=fix.title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=attached,
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={analysis.uri: [edit]}),
                )
            )
        if finding.word in seen:
            continue
        seen.add(finding.word)
        offers = [(f"Ignore '{finding.word}' in this project", _ignore_word)]
        if finding.term_id is None:
            offers.append((f"Add '{finding.word}' to the project glossary", _add_term))
        for title, make in offers:
            change = make(analysis, finding, read, fallback_root)
            if change is not None:
                actions.append(_action(title, change, attached, analysis.lines.codec, support))
    return actions


def slug(word: str) -> str:
    """A kebab-case id for a new entry named ``word``."""
    return re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-") or "term"


def new_term(word: str) -> Term:
    """A prefilled project entry for ``word``, for the user to complete."""
    return Term(
        id=slug(word),
        term=word,
        category="project",
        summary=f"TODO: say in one sentence what {word} means.",
    )


def _action(
    title: str,
    edits: list[_Edit],
    diagnostics: list[types.Diagnostic] | None,
    codec: PositionCodec,
    support: EditSupport,
) -> types.CodeAction:
    created = [] if support.create_files else [e for e in edits if e.create]
    kept = edits if support.create_files else [e for e in edits if not e.create]
    edit = _workspace_edit(kept, codec, support)
    command = None
    if created:
        files = [{"uri": _uri(e.path), "text": e.text + e.insertion.text} for e in created]
        command = types.Command(title=title, command=CREATE_FILES, arguments=files)
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics,
        edit=edit,
        command=command,
    )


def _settings_file(analysis: Analysis, fallback_root: Path | None) -> tuple[Path, bool] | None:
    """The file holding the settings, and whether it is a pyproject.toml."""
    source = analysis.context.config.source
    if source is not None:
        return source, source.name == "pyproject.toml"
    if fallback_root is None:
        return None
    return fallback_root / CONFIG_FILE, False


def _setting_edit(
    path: Path, pyproject: bool, key: str, value: str, read: FileReader
) -> _Edit | None:
    text, version = read(path)
    if text is None:
        created = add_to_array("", key, value, pyproject=False)
        return None if created is None else _Edit(path, None, "", created, create=True)
    insertion = add_to_array(text, key, value, pyproject=pyproject)
    return None if insertion is None else _Edit(path, version, text, insertion)


def _ignore_word(
    analysis: Analysis, finding: Finding, read: FileReader, fallback_root: Path | None
) -> list[_Edit] | None:
    target = _settings_file(analysis, fallback_root)
    if target is None:
        return None
    edit = _setting_edit(target[0], target[1], "ignored_words", finding.word, read)
    return None if edit is None else [edit]


def _add_term(
    analysis: Analysis, finding: Finding, read: FileReader, fallback_root: Path | None
) -> list[_Edit] | None:
    entry = dump_term(new_term(finding.word))
    config = analysis.context.config
    edits: list[_Edit] = []
    if config.glossaries:
        glossary = config.glossaries[0]
    else:
        target = _settings_file(analysis, fallback_root)
        if target is None:
            return None
        glossary = target[0].parent / GLOSSARY_FILE
        setting = _setting_edit(target[0], target[1], "glossaries", GLOSSARY_FILE, read)
        if setting is None:
            return None
        edits.append(setting)
    text, version = read(glossary)
    if text is None:
        edits.insert(0, _Edit(glossary, None, "", Insertion(0, entry), create=True))
    else:
        separator = "" if not text.strip() else ("\n" if text.endswith("\n") else "\n\n")
        edits.insert(0, _Edit(glossary, version, text, Insertion(len(text), separator + entry)))
    return edits


def _uri(path: Path) -> str:
    return from_fs_path(str(path)) or path.as_uri()


def _workspace_edit(
    edits: list[_Edit], codec: PositionCodec, support: EditSupport
) -> types.WorkspaceEdit | None:
    if not edits:
        return None
    changes: list[types.TextDocumentEdit | types.CreateFile] = []
    plain: dict[str, list[types.TextEdit]] = {}
    for edit in edits:
        uri = _uri(edit.path)
        if edit.create:
            options = types.CreateFileOptions(ignore_if_exists=True)
            changes.append(types.CreateFile(uri=uri, options=options))
        at = LineMap(edit.text, codec).position(edit.insertion.offset)
        text_edit = types.TextEdit(
            range=types.Range(start=at, end=at), new_text=edit.insertion.text
        )
        plain.setdefault(uri, []).append(text_edit)
        changes.append(
            types.TextDocumentEdit(
                text_document=types.OptionalVersionedTextDocumentIdentifier(
                    uri=uri, version=edit.version
                ),
                edits=[text_edit],
            )
        )
    if support.document_changes:
        return types.WorkspaceEdit(document_changes=changes)
    return types.WorkspaceEdit(changes=plain)
