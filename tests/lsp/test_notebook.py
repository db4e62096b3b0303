"""Jupyter notebooks through LSP notebook sync: hover in markdown and code cells,
diagnostics in markdown cells only."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import notebook_capabilities, start


async def test_notebook_cells(raw_client: LanguageClient, project: Path) -> None:
    result = await start(raw_client, project, notebook_capabilities())
    sync = result.capabilities.notebook_document_sync
    assert isinstance(sync, types.NotebookDocumentSyncOptions)
    notebook = (project / "nb.ipynb").as_uri()
    cells = [
        types.TextDocumentItem(
            uri=f"vscode-notebook-cell:{project}/nb.ipynb#W0",
            language_id="markdown",
            version=1,
            text="# Notes\n\nThe FXC and ZQRT matter.\n",
        ),
        types.TextDocumentItem(
            uri=f"vscode-notebook-cell:{project}/nb.ipynb#W1",
            language_id="python",
            version=1,
            text="opt = torch.optim.SGD(params, lr=0.1)\n",
        ),
    ]
    raw_client.notebook_document_did_open(
        types.DidOpenNotebookDocumentParams(
            notebook_document=types.NotebookDocument(
                uri=notebook,
                notebook_type="jupyter-notebook",
                version=1,
                cells=[
                    types.NotebookCell(kind=types.NotebookCellKind.Markup, document=cells[0].uri),
                    types.NotebookCell(kind=types.NotebookCellKind.Code, document=cells[1].uri),
                ],
            ),
            cell_text_documents=cells,
        )
    )
    markdown = await raw_client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=cells[0].uri),
            position=types.Position(line=2, character=5),
        )
    )
    assert markdown is not None and "flux capacitor" in markdown.contents.value  # type: ignore[union-attr]
    code = await raw_client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=cells[1].uri),
            position=types.Position(line=0, character=30),
        )
    )
    assert code is not None and "earning rate" in code.contents.value  # type: ignore[union-attr]
    reports = []
    for cell in cells:
        report = await raw_client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=cell.uri))
        )
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        reports.append(sorted(str(d.code) for d in report.items))
    assert reports == [["undefined-acronym", "unknown-jargon"], []]
    raw_client.notebook_document_did_change(
        types.DidChangeNotebookDocumentParams(
            notebook_document=types.VersionedNotebookDocumentIdentifier(uri=notebook, version=2),
            change=types.NotebookDocumentChangeEvent(
                cells=types.NotebookDocumentCellChanges(
                    text_content=[
                        types.NotebookDocumentCellContentChanges(
                            document=types.VersionedTextDocumentIdentifier(
                                uri=cells[0].uri, version=2
                            ),
                            changes=[
                                types.TextDocumentContentChangePartial(
                                    range=types.Range(
                                        start=types.Position(line=2, character=0),
                                        end=types.Position(line=2, character=4),
                                    ),
                                    text="",
                                )
                            ],
                        )
                    ]
                )
            ),
        )
    )
    await asyncio.sleep(0.05)
    moved = await raw_client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=cells[0].uri),
            position=types.Position(line=2, character=1),
        )
    )
    assert moved is not None and moved.range is not None
    assert moved.range.start == types.Position(line=2, character=0)
