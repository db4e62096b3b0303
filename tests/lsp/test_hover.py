"""Hover: the term's entry, the whole match as range, nothing where there is no term."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import capabilities, start


def open_doc(client: LanguageClient, path: Path, text: str, language: str) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    return uri


async def hover(client: LanguageClient, uri: str, line: int, character: int) -> types.Hover | None:
    return await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )


async def test_hover_inside_a_phrase_explains_the_whole_term(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(
        client, project / "a.md", "We train with stochastic gradient descent.\n", "markdown"
    )
    result = await hover(client, uri, 0, 25)  # inside "gradient"
    assert result is not None
    assert isinstance(result.contents, types.MarkupContent)
    assert result.contents.kind == types.MarkupKind.Markdown
    assert "SGD" in result.contents.value
    assert result.range == types.Range(
        start=types.Position(line=0, character=14), end=types.Position(line=0, character=41)
    )


async def test_project_term_hover_shows_the_entry(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.txt", "The flux capacitor is charged.\n", "plaintext")
    result = await hover(client, uri, 0, 6)
    assert result is not None
    value = result.contents.value  # type: ignore[union-attr]
    assert "**flux capacitor** (FXC)" in value
    assert "*project*" in value
    assert "The part that makes time travel possible." in value
    assert "stores `temporal` charge" in value


async def test_no_hover_without_a_term(client: LanguageClient, project: Path) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", "Nothing to see here.\n", "markdown")
    assert await hover(client, uri, 0, 3) is None


async def test_python_identifiers_attributes_and_keywords(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    text = (
        "import torch.nn as nn\n"
        "layer = nn.Dropout(p=0.5)\n"
        "opt = torch.optim.SGD(params, lr=0.1)\n"
        "# apply batch normalization first\n"
        'def f():\n    """Uses a convolutional neural network."""\n'
    )
    uri = open_doc(client, project / "m.py", text, "python")
    dropout = await hover(client, uri, 1, 13)
    assert dropout is not None and "Dropout" in dropout.contents.value  # type: ignore[union-attr]
    lr = await hover(client, uri, 2, 31)
    assert lr is not None and "earning rate" in lr.contents.value  # type: ignore[union-attr]
    comment = await hover(client, uri, 3, 15)
    assert comment is not None and "atch normalization" in comment.contents.value  # type: ignore[union-attr]
    doc = await hover(client, uri, 5, 20)
    assert doc is not None and "CNN" in doc.contents.value  # type: ignore[union-attr]


async def test_positions_after_an_emoji_use_the_negotiated_encoding(
    client: LanguageClient, project: Path
) -> None:
    result = await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    encoding = result.capabilities.position_encoding or types.PositionEncodingKind.Utf16
    uri = open_doc(client, project / "e.md", "😀 é flux capacitor here\n", "markdown")
    # UTF-16: "😀" is two units, "é" one; UTF-8: four and two bytes.
    begin = {types.PositionEncodingKind.Utf16: 5, types.PositionEncodingKind.Utf8: 8}[encoding]
    found = await hover(client, uri, 0, begin + 1)
    assert found is not None
    assert found.range == types.Range(
        start=types.Position(line=0, character=begin),
        end=types.Position(line=0, character=begin + 14),
    )
    assert await hover(client, uri, 0, begin + 14) is None
    assert await hover(client, uri, 5, 0) is None  # past the end


async def test_plain_text_for_clients_without_markdown(
    raw_client: LanguageClient, project: Path
) -> None:
    caps = capabilities("visual-studio-code")
    assert caps.text_document is not None and caps.text_document.hover is not None
    caps.text_document.hover.content_format = [types.MarkupKind.PlainText]
    await start(raw_client, project, caps)
    uri = open_doc(raw_client, project / "a.txt", "The flux capacitor.\n", "plaintext")
    result = await hover(raw_client, uri, 0, 6)
    assert result is not None
    assert result.contents.kind == types.MarkupKind.PlainText  # type: ignore[union-attr]
    assert "stores temporal charge" in result.contents.value  # type: ignore[union-attr]
    assert "**" not in result.contents.value  # type: ignore[union-attr]
