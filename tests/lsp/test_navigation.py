"""Completion of term names in documents and go-to-definition into the TOML file."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import capabilities, start
from .test_hover import open_doc


async def test_completion_inside_a_term_role(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.rst", "See :term:`flux\n", "restructuredtext")
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=15),
        )
    )
    assert isinstance(result, types.CompletionList)
    item = next(i for i in result.items if i.label == "flux capacitor")
    assert item.documentation is not None
    assert "time travel" in item.documentation.value  # type: ignore[union-attr]
    assert isinstance(item.text_edit, types.TextEdit)
    assert item.text_edit.range.start == types.Position(line=0, character=11)


async def test_no_completion_in_code(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.py", "x = flux\n", "python")
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=8),
        )
    )
    assert result is None


async def test_definition_goes_to_the_entry(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", "A flux capacitor.\n", "markdown")
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=4),
        )
    )
    assert isinstance(result, types.Location)
    assert result.uri == (project / "terms.toml").resolve().as_uri()
    assert result.range.start.line == 0


async def test_unknown_document_and_empty_document(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    missing = (project / "never-opened.md").as_uri()
    assert (
        await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=missing),
                position=types.Position(line=0, character=0),
            )
        )
        is None
    )
    uri = open_doc(client, project / "empty.md", "", "markdown")
    assert (
        await client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=3, character=9),
            )
        )
        is None
    )
    binary = open_doc(client, project / "bin.txt", "\x00\x01\x02 flux capacitor \x00", "plaintext")
    found = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=binary),
            position=types.Position(line=0, character=6),
        )
    )
    assert found is not None
