"""Measure the language server at the client: start-up, hover latency, diagnostics after an
edit, resident memory. Run: ``.venv/bin/python bench/bench_lsp.py``.

Documents are generated: a 5,000-line Python module and a 1 MB Markdown file of
deep-learning prose with code fences. Hovers are sent one at a time at positions spread
over the document (on terms and off them) after the document's analysis is done.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HOVERS = 400

PARAGRAPH = (
    "We train a convolutional neural network (CNN) with stochastic gradient descent and a "
    "learning rate schedule. Batch normalization and dropout regularize the model, and the "
    "attention layers of the transformer use layer normalization. Overfitting shows on the "
    "validation set after a few epochs.\n\n"
)
FENCE = (
    "```python\nmodel = nn.Conv2d(3, 64, kernel_size=3)\n"
    "opt = torch.optim.SGD(model.parameters(), lr=0.01)\n```\n\n"
)


def markdown_document(size: int = 1_000_000) -> str:
    parts: list[str] = []
    total, index = 0, 0
    while total < size:
        part = f"## Section {index}\n\n{PARAGRAPH}{FENCE if index % 3 == 0 else ''}"
        parts.append(part)
        total += len(part)
        index += 1
    return "".join(parts)


def python_document(lines: int = 5000) -> str:
    block = (
        "def train_{i}(model, data, learning_rate=0.1):\n"
        "    # Apply dropout, then batch normalization.\n"
        "    x = nn.Dropout(p=0.5)(data)\n"
        "    opt = torch.optim.Adam(model.parameters(), lr=learning_rate)\n"
        "    return x\n"
    )
    return "".join(block.format(i=i) for i in range(lines // 5))


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def wait_diagnostics(
    client: LanguageClient, uri: str, version: int
) -> list[types.Diagnostic]:
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    return list(report.items)


async def hover_times(client: LanguageClient, uri: str, text: str) -> list[float]:
    lines = text.split("\n")
    times = []
    for k in range(HOVERS):
        line = (k * 7919) % len(lines)
        character = (k * 31) % max(1, len(lines[line]))
        params = types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
        start = time.perf_counter()
        await client.text_document_hover_async(params)
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main() -> None:
    folder = Path(tempfile.mkdtemp())
    client = LanguageClient("bench", "1")
    started = time.perf_counter()
    await client.start_io(sys.executable, "-m", "dlglossary_lsp")
    caps = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities(),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        )
    )
    await client.initialize_async(
        types.InitializeParams(capabilities=caps, root_uri=folder.as_uri())
    )
    print(f"initialize answered {time.perf_counter() - started:.3f} s after process start")
    client.initialized(types.InitializedParams())
    pid = client._server.pid  # type: ignore[attr-defined]

    for name, language, text in (
        ("big.py", "python", python_document()),
        ("big.md", "markdown", markdown_document()),
    ):
        uri = (folder / name).as_uri()
        start = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id=language, version=1, text=text
                )
            )
        )
        found = await wait_diagnostics(client, uri, 1)
        print(
            f"{name}: {len(text):,} chars, {text.count(chr(10)):,} lines; first analysis "
            f"{time.perf_counter() - start:.3f} s ({len(found)} diagnostics)"
        )
        times = await hover_times(client, uri, text)
        print(
            f"{name}: hover p50 {statistics.median(times):.2f} ms, "
            f"p99 {percentile(times, 0.99):.2f} ms "
            f"({HOVERS} hovers)"
        )
        if language == "markdown":
            start = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                    content_changes=[
                        types.TextDocumentContentChangePartial(
                            range=types.Range(
                                start=types.Position(line=4, character=0),
                                end=types.Position(line=4, character=0),
                            ),
                            text="The ZQRT model. ",
                        )
                    ],
                )
            )
            await wait_diagnostics(client, uri, 2)
            print(
                f"{name}: diagnostics {1000 * (time.perf_counter() - start):.0f} ms after an edit"
            )
    print(f"resident memory {rss_mb(pid):.0f} MB")
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


if __name__ == "__main__":
    asyncio.run(main())
