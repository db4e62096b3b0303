"""Small readers of what a Sphinx test build wrote."""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes


def html(outdir: Path, page: str) -> str:
    return (outdir / f"{page}.html").read_text(encoding="utf-8")


def body(outdir: Path, page: str) -> str:
    """The page's main content, without the theme around it."""
    text = html(outdir, page)
    start = text.index('<div class="body" role="main">')
    return text[start : text.index('<div class="sphinxsidebar"', start)]


def links(text: str) -> list[tuple[str, str]]:
    """(href, link text) of every term link in some HTML."""
    found = re.finditer(r'<a class="[^"]*dlglossary-link[^"]*" href="([^"]*)"[^>]*>(.*?)</a>', text)
    return [(m.group(1), re.sub(r"<[^>]+>", "", m.group(2))) for m in found]


def auto_links(doctree: nodes.Node) -> list[tuple[str, str]]:
    """(term id, text) of every link the extension inserted, in document order."""
    return [
        (xref["dlglossary_id"], xref.astext())
        for xref in doctree.findall(addnodes.pending_xref)
        if "dlglossary_id" in xref
    ]
