"""Undefined-jargon findings of the shared checker, as Sphinx warnings.

Each warning carries the file and line of the text it is about, ``type="dlglossary"``
and the finding code as subtype, so that ``suppress_warnings =
["dlglossary.unknown-jargon"]`` silences one kind and ``-W`` makes them fatal.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from sphinx.util import logging

from dlglossary import Finding

from ._textmap import Piece, Prose

__all__ = ["WARNING_TYPE", "location_of", "report_findings"]

WARNING_TYPE = "dlglossary"
logger = logging.getLogger(__name__)


def report_findings(findings: Sequence[Finding], prose: Prose, docname: str) -> None:
    """Log each finding as a warning at the place in the source it comes from."""
    for finding in findings:
        location = location_of(prose, finding.start) or docname
        logger.warning(finding.message, location=location, type=WARNING_TYPE,
                       subtype=finding.code)


def location_of(prose: Prose, offset: int) -> str | None:
    """``source:line`` of the character at ``offset`` of the joined prose, if known."""
    piece = prose.piece_at(offset)
    if piece is None:
        return None
    block = _element_of(piece.node)
    while block is not None and not (block.source and block.line):
        block = block.parent
    if block is None or not block.line:
        return None
    # A paragraph's line is its first line; count the line breaks up to the offset.
    breaks = prose.text.count("\n", _block_start(prose, piece, block), offset)
    return f"{block.source}:{block.line + breaks}"


def _element_of(node: nodes.Node) -> nodes.Element | None:
    parent: nodes.Element | None = node.parent
    while parent is not None and isinstance(parent, nodes.Inline):
        parent = parent.parent
    return parent


def _block_start(prose: Prose, piece: Piece, block: nodes.Element) -> int:
    index = prose.pieces.index(piece)
    start = piece.start
    while index > 0:
        index -= 1
        earlier = prose.pieces[index]
        if _element_of(earlier.node) is not block:
            break
        start = earlier.start
    return start
