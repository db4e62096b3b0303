"""Code actions that need a new file: created by the client where it can, else by the
server through the ``dlglossary.createFiles`` command."""

from __future__ import annotations

import asyncio
import tomllib
from pathlib import Path
from typing import Any, Union

from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import capabilities, start
from .test_diagnostics import _apply, apply, diagnostics_of
from .test_hover import hover, open_doc

CREATE_FILES = "dlglossary.createFiles"


def read_code_actions_like_editors(client: LanguageClient) -> None:
    """Tell a Command from a CodeAction the way editors do: by a string ``command``.

    lsprotocol's client-side hook takes every object with a ``command`` key for a
    Command, so a CodeAction carrying an edit *and* a command would be misread.
    """
    converter = client.protocol._converter

    def structure(value: Any, _: object) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(value.get("command"), str) else types.CodeAction
        result: types.Command | types.CodeAction = converter.structure(value, kind)
        return result

    converter.register_structure_hook(Union[types.Command, types.CodeAction], structure)  # noqa: UP007


async def actions_for(client: LanguageClient, uri: str, word: str) -> dict[str, types.CodeAction]:
    """The code actions on the finding for ``word``, by the first word of their title."""
    read_code_actions_like_editors(client)
    finding = next(
        d
        for d in await diagnostics_of(client, uri)
        if d.data["word"] == word  # type: ignore[index]
    )
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=finding.range,
            context=types.CodeActionContext(diagnostics=[finding]),
        )
    )
    assert actions is not None
    return {a.title.split()[0]: a for a in actions if isinstance(a, types.CodeAction)}


def apply_changes(edit: types.WorkspaceEdit | None) -> dict[Path, str]:
    """Apply the plain ``changes`` map of an edit to the files (not writing them)."""
    assert edit is not None and edit.document_changes is None and edit.changes is not None
    texts: dict[Path, str] = {}
    for uri, edits in edit.changes.items():
        path = Path(uri.removeprefix("file://"))
        text = path.read_text(encoding="utf-8")
        for item in edits:
            text = _apply(text, item)
        texts[path] = text
    return texts


async def execute(client: LanguageClient, command: types.Command | None) -> None:
    assert command is not None and command.command == CREATE_FILES
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
    )


async def test_add_term_without_any_settings_file_creates_both_files(
    client: LanguageClient, tmp_path: Path
) -> None:
    await start(client, tmp_path, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, tmp_path / "a.md", "ZQRT helps.\n", "markdown")
    add = (await actions_for(client, uri, "ZQRT"))["Add"]
    assert add.command is None and add.edit is not None and add.edit.document_changes
    created = [c.uri for c in add.edit.document_changes if isinstance(c, types.CreateFile)]
    assert sorted(created) == [
        (tmp_path / "dlglossary.toml").as_uri(),
        (tmp_path / "glossary.toml").as_uri(),
    ]
    files = apply(add.edit)
    assert files[tmp_path / "dlglossary.toml"] == 'glossaries = ["glossary.toml"]\n'
    (entry,) = tomllib.loads(files[tmp_path / "glossary.toml"])["term"]
    assert (entry["id"], entry["term"]) == ("zqrt", "ZQRT")


async def test_clients_that_cannot_create_files_have_the_server_create_them(
    raw_client: LanguageClient, tmp_path: Path
) -> None:
    caps = capabilities("emacs")  # eglot: documentChanges, but no resource operations
    result = await start(raw_client, tmp_path, caps)
    assert result.capabilities.execute_command_provider is not None
    assert CREATE_FILES in result.capabilities.execute_command_provider.commands
    uri = open_doc(raw_client, tmp_path / "a.md", "ZQRT and ZQRTX help.\n", "markdown")
    ignore = (await actions_for(raw_client, uri, "ZQRT"))["Ignore"]
    assert ignore.edit is None  # nothing the client could apply: the file does not exist
    assert ignore.command is not None and list(ignore.command.arguments or ()) == [
        {"uri": (tmp_path / "dlglossary.toml").as_uri(), "text": 'ignored_words = ["ZQRT"]\n'}
    ]
    await execute(raw_client, ignore.command)
    settings = tmp_path / "dlglossary.toml"
    assert settings.read_text(encoding="utf-8") == 'ignored_words = ["ZQRT"]\n'
    # The server re-checks at once: ZQRT is no longer reported, ZQRTX still is.
    words: list[object] = []
    for _ in range(100):
        words = [d.data["word"] for d in await diagnostics_of(raw_client, uri)]  # type: ignore[index]
        if words == ["ZQRTX"]:
            break
        await asyncio.sleep(0.05)
    assert words == ["ZQRTX"]
    # With the file there, the next word is an ordinary edit of it.
    again = (await actions_for(raw_client, uri, "ZQRTX"))["Ignore"]
    assert again.command is None
    assert apply(again.edit) == {settings: 'ignored_words = ["ZQRT", "ZQRTX"]\n'}


async def test_add_term_for_a_bare_client_edits_the_settings_and_creates_the_glossary(
    raw_client: LanguageClient, tmp_path: Path
) -> None:
    settings = tmp_path / "dlglossary.toml"
    settings.write_text('select = ["unknown-jargon"]\n', encoding="utf-8")
    await start(raw_client, tmp_path, types.ClientCapabilities())  # no workspaceEdit at all
    uri = open_doc(raw_client, tmp_path / "a.md", "ZQRT helps.\n", "markdown")
    add = (await actions_for(raw_client, uri, "ZQRT"))["Add"]
    # The existing file is edited through the plain `changes` map; the new one by command.
    assert apply_changes(add.edit) == {
        settings: 'select = ["unknown-jargon"]\nglossaries = ["glossary.toml"]\n'
    }
    assert add.command is not None and add.command.arguments is not None
    (new_file,) = add.command.arguments
    assert new_file["uri"] == (tmp_path / "glossary.toml").as_uri()
    # What the client does: apply the edit (here, saved at once), then run the command.
    settings.write_text('select = ["unknown-jargon"]\nglossaries = ["glossary.toml"]\n')
    await execute(raw_client, add.command)
    assert "zqrt" in (tmp_path / "glossary.toml").read_text(encoding="utf-8")
    result = await hover(raw_client, uri, 0, 1)
    assert result is not None and "TODO: say in one sentence what ZQRT means" in (
        result.contents.value  # type: ignore[union-attr]
    )


async def test_the_create_command_never_overwrites_nor_writes_other_files(
    raw_client: LanguageClient, tmp_path: Path
) -> None:
    await start(raw_client, tmp_path, capabilities("emacs"))
    existing = tmp_path / "dlglossary.toml"
    existing.write_text("# mine\n", encoding="utf-8")
    await execute(
        raw_client,
        types.Command(
            title="",
            command=CREATE_FILES,
            arguments=[
                {"uri": existing.as_uri(), "text": "ignored_words = []\n"},
                {"uri": (tmp_path / "evil.sh").as_uri(), "text": "rm -rf /\n"},
                {"uri": "untitled:x.toml", "text": ""},
                "nonsense",
            ],
        ),
    )
    assert existing.read_text(encoding="utf-8") == "# mine\n"
    assert not (tmp_path / "evil.sh").exists()
    for _ in range(50):
        if len(raw_client.messages) >= 4:
            break
        await asyncio.sleep(0.05)
    shown = [m.message for m in raw_client.messages]
    assert len(shown) == 4, shown
    assert "exists already" in shown[0] and "only TOML files" in shown[1]
    assert all(m.type == types.MessageType.Error for m in raw_client.messages)
