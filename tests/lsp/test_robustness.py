"""The server under stress and over TCP: bursts of edits, a real socket session."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import capabilities, start
from .test_diagnostics import diagnostics_of
from .test_hover import hover, open_doc

PHRASE = "stochastic gradient descent"


def version_text(version: int) -> tuple[str, str]:
    """The unknown word of ``version`` (its length varies) and the line holding it."""
    word = f"ZQ{chr(65 + version % 26)}{'X' * (version % 4)}"
    return word, f"We tried {word} with {PHRASE}.\n"


async def test_a_burst_of_edits_ends_with_the_diagnostics_of_the_last_text(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    word, text = version_text(1)
    uri = open_doc(client, project / "burst.md", text, "markdown")
    await diagnostics_of(client, uri)  # the store is loaded: analyses now race the edits
    for version in range(2, 51):
        old_word = word
        word, text = version_text(version)
        # An incremental change replacing the previous word, sent without waiting.
        start_at, end_at = 9, 9 + len(old_word)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(
                            start=types.Position(line=0, character=start_at),
                            end=types.Position(line=0, character=end_at),
                        ),
                        text=word,
                    )
                ],
            )
        )
        if version % 7 == 0:
            # A pause longer than the debounce: an analysis of this version starts while
            # the next edits arrive.
            await asyncio.sleep(0.15)
    final = [("unknown-jargon", word)]
    found: list[tuple[Any, Any]] = []
    for _ in range(100):
        found = [(d.code, d.data["word"]) for d in await diagnostics_of(client, uri)]  # type: ignore[index]
        if found == final:
            break
        await asyncio.sleep(0.1)
    assert found == final
    await asyncio.sleep(0.5)  # nothing older is published after the last text's findings
    assert [(d.code, d.data["word"]) for d in await diagnostics_of(client, uri)] == final  # type: ignore[index]
    # The server holds the final text: the phrase is where that text has it.
    begin = text.index(PHRASE)
    result = await hover(client, uri, 0, begin + 12)
    assert result is not None and "SGD" in result.contents.value  # type: ignore[union-attr]
    assert result.range == types.Range(
        start=types.Position(line=0, character=begin),
        end=types.Position(line=0, character=begin + len(PHRASE)),
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class _Connection:
    """JSON-RPC over a socket with Content-Length framing, as an editor speaks it."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.stream = sock.makefile("rb")

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.sock.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def receive(self) -> dict[str, Any]:
        length = None
        while True:
            line = self.stream.readline()
            if not line:
                raise EOFError("the server closed the connection")
            if line == b"\r\n":
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        assert length is not None
        message: dict[str, Any] = json.loads(self.stream.read(length))
        return message

    def request(self, id_: int, method: str, params: Any) -> Any:
        """Send a request; answer the server's own requests until the response comes."""
        self.send({"id": id_, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == id_ and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            if "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})


def _connect(port: int, server: subprocess.Popen[bytes]) -> socket.socket:
    deadline = time.monotonic() + 30
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=30)
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_tcp_mode_serves_a_session_and_exits_cleanly(project: Path) -> None:
    script = Path(sys.executable).parent / "dlglossary-lsp"
    if not script.exists():
        pytest.skip(f"{script} is not installed")
    port = _free_port()
    server = subprocess.Popen(
        [str(script), "--tcp", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        with _connect(port, server) as sock:
            rpc = _Connection(sock)
            result = rpc.request(
                1,
                "initialize",
                {"processId": None, "rootUri": project.as_uri(), "capabilities": {}},
            )
            assert result["serverInfo"]["name"] == "dlglossary-lsp"
            assert result["capabilities"]["hoverProvider"] is True
            rpc.send({"method": "initialized", "params": {}})
            uri = (project / "a.md").as_uri()
            rpc.send(
                {
                    "method": "textDocument/didOpen",
                    "params": {
                        "textDocument": {
                            "uri": uri,
                            "languageId": "markdown",
                            "version": 1,
                            "text": f"We use {PHRASE}.\n",
                        }
                    },
                }
            )
            hovered = rpc.request(
                2,
                "textDocument/hover",
                {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 10}},
            )
            assert "SGD" in hovered["contents"]["value"]
            assert rpc.request(3, "shutdown", None) is None
            rpc.send({"method": "exit", "params": None})
            assert server.wait(timeout=30) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert server.stderr is not None
    errors = server.stderr.read().decode("utf-8", "replace")
    server.stderr.close()
    assert "Traceback" not in errors, errors
