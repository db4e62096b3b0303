"""Notebook support: cells arrive through LSP notebook sync as text documents.

pygls keeps the cells in its workspace; this module says which notebook sync the server
advertises and where a cell's notebook lives (for finding its project).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

__all__ = ["NOTEBOOK_SYNC", "document_path"]

#: Jupyter notebooks, markdown and code cells alike. ``notebook="jupyter-notebook"`` is
#: required: pygls-based clients cannot parse a selector without it (cattrs >= 25).
NOTEBOOK_SYNC = types.NotebookDocumentSyncOptions(
    notebook_selector=[
        types.NotebookDocumentFilterWithCells(
            notebook="jupyter-notebook",
            cells=[
                types.NotebookCellLanguage(language="markdown"),
                types.NotebookCellLanguage(language="python"),
            ],
        )
    ],
    save=False,
)


def document_path(uri: str) -> Path | None:
    """The file a document (or a notebook cell, ``vscode-notebook-cell:``) belongs to."""
    parsed = urlparse(uri)
    if parsed.scheme in ("file", "vscode-notebook-cell") and parsed.path:
        return Path(unquote(parsed.path))
    return None
