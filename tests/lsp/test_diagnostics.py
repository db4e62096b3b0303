"""Diagnostics from the shared checker, pushed or pulled, and the code actions on them."""

from __future__ import annotations

import asyncio
import tomllib
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import capabilities, start
from .test_hover import hover, open_doc

DOC = "We use FXC daily. ZQRT helps.\n"


async def diagnostics_of(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    caps = client.caps  # type: ignore[attr-defined]
    pull = (
        caps is not None
        and caps.text_document is not None
        and caps.text_document.diagnostic is not None
    )
    if pull:
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        return list(report.items)
    for _ in range(100):
        if uri in client.diagnostics:
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.05)
    raise AssertionError("no diagnostics published")


async def test_findings_with_codes_source_and_default_severity(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    found = {d.code: d for d in await diagnostics_of(client, uri)}
    assert set(found) == {"undefined-acronym", "unknown-jargon"}
    acronym = found["undefined-acronym"]
    assert acronym.source == "dlglossary"
    assert acronym.severity == types.DiagnosticSeverity.Information
    assert acronym.range == types.Range(
        start=types.Position(line=0, character=7), end=types.Position(line=0, character=10)
    )
    assert found["unknown-jargon"].data["word"] == "ZQRT"  # type: ignore[index]


async def test_code_is_not_checked_by_default(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.py", "# ZQRT is great\nx = 1\n", "python")
    assert await diagnostics_of(client, uri) == []


async def test_settings_select_severity_and_comments(client: LanguageClient, project: Path) -> None:
    options = {
        "select": ["unknown-jargon"],
        "severity": {"unknown-jargon": "error"},
        "checkCodeComments": True,
    }
    await start(client, project, capabilities(client.profile), options)  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.py", "# FXC and ZQRT\nx = 1\n", "python")
    found = await diagnostics_of(client, uri)
    assert [(d.code, d.severity) for d in found] == [
        ("unknown-jargon", types.DiagnosticSeverity.Error)
    ]


async def test_invalid_setting_is_shown_and_default_used(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile), {"severity": 3})  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    found = await diagnostics_of(client, uri)
    assert {d.severity for d in found} == {types.DiagnosticSeverity.Information}
    await asyncio.sleep(0.1)
    assert any("severity" in m.message for m in client.messages)


async def test_expand_acronym_action(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    found = await diagnostics_of(client, uri)
    acronym = next(d for d in found if d.code == "undefined-acronym")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=acronym.range,
            context=types.CodeActionContext(diagnostics=[acronym]),
        )
    )
    assert actions is not None
    expand = next(a for a in actions if isinstance(a, types.CodeAction) and a.is_preferred)
    assert expand.edit is not None and expand.edit.changes is not None
    (edit,) = expand.edit.changes[uri]
    assert edit.new_text == "flux capacitor (FXC)"


async def test_ignore_word_edits_the_existing_settings_file(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    jargon = next(d for d in await diagnostics_of(client, uri) if d.code == "unknown-jargon")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=jargon.range,
            context=types.CodeActionContext(diagnostics=[jargon]),
        )
    )
    assert actions is not None
    ignore = next(
        a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Ignore")
    )
    result = apply(ignore.edit)
    assert result == {
        project / "dlglossary.toml": 'glossaries = ["terms.toml"]\nignored_words = ["ZQRT"]\n'
    }
    add = next(a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Add"))
    files = apply(add.edit)
    assert list(files) == [project / "terms.toml"]
    entries = tomllib.loads(files[project / "terms.toml"])["term"]
    assert [e["id"] for e in entries] == ["flux-capacitor", "zqrt"]


async def test_ignore_word_creates_a_settings_file_only_when_there_is_none(
    client: LanguageClient, tmp_path: Path
) -> None:
    await start(client, tmp_path, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, tmp_path / "a.md", "ZQRT helps.\n", "markdown")
    jargon = next(d for d in await diagnostics_of(client, uri) if d.code == "unknown-jargon")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=jargon.range,
            context=types.CodeActionContext(diagnostics=[jargon]),
        )
    )
    assert actions is not None
    ignore = next(
        a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Ignore")
    )
    assert ignore.edit is not None and ignore.edit.document_changes is not None
    assert isinstance(ignore.edit.document_changes[0], types.CreateFile)
    assert apply(ignore.edit) == {tmp_path / "dlglossary.toml": 'ignored_words = ["ZQRT"]\n'}


async def test_glossary_edits_apply_live(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", "The time machine is here.\n", "markdown")
    assert await hover(client, uri, 0, 6) is None
    glossary = project / "terms.toml"
    glossary.write_text(
        glossary.read_text() + '\n[[term]]\nid = "time-machine"\nterm = "time machine"\n'
        'category = "project"\nsummary = "A machine for time travel."\n'
    )
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=glossary.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    await asyncio.sleep(0.3)
    result = await hover(client, uri, 0, 6)
    assert result is not None and "time travel" in result.contents.value  # type: ignore[union-attr]


async def test_broken_glossary_is_reported_and_builtin_terms_still_work(
    client: LanguageClient, project: Path
) -> None:
    (project / "terms.toml").write_text("[[term]\nbroken", encoding="utf-8")
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", "We use stochastic gradient descent.\n", "markdown")
    await diagnostics_of(client, uri)
    result = await hover(client, uri, 0, 10)
    assert result is not None and "SGD" in result.contents.value  # type: ignore[union-attr]
    await asyncio.sleep(0.1)
    assert any("terms.toml" in m.message and "invalid TOML" in m.message for m in client.messages)


def apply(edit: types.WorkspaceEdit | None) -> dict[Path, str]:
    """Apply a workspace edit to the files on disk (not writing them): path -> new text."""
    assert edit is not None and edit.document_changes is not None
    texts: dict[Path, str] = {}
    for change in edit.document_changes:
        if isinstance(change, types.CreateFile):
            texts[Path(change.uri.removeprefix("file://"))] = ""
            continue
        assert isinstance(change, types.TextDocumentEdit)
        path = Path(change.text_document.uri.removeprefix("file://"))
        text = texts.get(path, path.read_text(encoding="utf-8") if path.exists() else "")
        for item in change.edits:
            assert isinstance(item, types.TextEdit)
            text = _apply(text, item)
        texts[path] = text
    return texts


def _apply(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        return sum(len(line) + 1 for line in lines[: position.line]) + position.character

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
