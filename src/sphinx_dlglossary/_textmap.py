"""The prose of a doctree as one string, with every offset mapped back to its Text node.

The core matcher and checker work on plain strings. :func:`collect_prose` walks a
doctree in document order and joins the text it may read into one string, so that the
matcher decides ambiguous words on the whole document, as it does everywhere else.

Each Text node is classified by *all* of its ancestors, not only its parent:

``skip``
    Not prose at all (code, literals, math, raw output, comments, targets, index
    entries, API signatures, passages marked with the ``dlglossary-skip`` class). Left
    out of the string.
``context``
    Prose that must not become a link (titles, glossary terms, existing references,
    abbreviations). Read for context and checked for jargon, never linked.
``link``
    Ordinary prose: its term occurrences may become links.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from docutils import nodes
from sphinx import addnodes

__all__ = ["SKIP_CLASS", "Piece", "Prose", "collect_prose"]

#: Nodes carrying this class (the ``dlglossary-skip`` directive and role) are left alone.
SKIP_CLASS = "dlglossary-skip"

Kind = Literal["link", "context", "xref"]

_SKIPPED: tuple[type[nodes.Element], ...] = (
    nodes.FixedTextElement,  # literal_block, doctest_block, math_block, ...
    nodes.literal,
    nodes.math,
    nodes.raw,
    nodes.comment,
    nodes.target,
    nodes.substitution_definition,
    nodes.system_message,
    nodes.problematic,
    nodes.image,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.label,
    nodes.option_string,
    nodes.docinfo,
    addnodes.index,
    addnodes.desc_signature,
    addnodes.literal_emphasis,
    addnodes.literal_strong,
    addnodes.toctree,
    addnodes.download_reference,
    addnodes.productionlist,
    addnodes.manpage,
)
_CONTEXT: tuple[type, ...] = (
    nodes.Titular,  # title, subtitle, rubric
    nodes.reference,
    addnodes.pending_xref,
    nodes.term,
    nodes.abbreviation,
    nodes.field_name,
)
#: Marks a place where something was left out, so that no term spans it.
GAP = "\ufffc"
BLOCK_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Piece:
    """One Text node's share of the joined string: ``text[start:end]``."""

    node: nodes.Text
    start: int
    end: int
    kind: Kind
    #: The innermost section holding the text (0 outside any section).
    section: int
    #: Term ids whose own glossary definition this text is part of.
    own: frozenset[str] = frozenset()


@dataclass
class Prose:
    """The joined prose of a document and where each part came from."""

    text: str = ""
    pieces: list[Piece] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def piece_at(self, offset: int) -> Piece | None:
        """The piece holding ``offset``, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        piece = self.pieces[index]
        return piece if piece.start <= offset < piece.end else None


def collect_prose(
    document: nodes.Node, definition_ids: dict[int, frozenset[str]] | None = None
) -> Prose:
    """The prose of ``document``.

    Parameters
    ----------
    document
        The doctree (or any part of one).
    definition_ids
        For ``definition`` nodes (by ``id()``): the term ids they define, so that a
        term's own definition never links to itself.
    """
    walker = _Walker(definition_ids or {})
    walker.walk(document, "link", 0, frozenset())
    prose = Prose("".join(walker.parts), walker.pieces)
    prose._starts = [p.start for p in walker.pieces]
    return prose


class _Walker:
    def __init__(self, definition_ids: dict[int, frozenset[str]]) -> None:
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.length = 0
        self.block: nodes.Node | None = None
        self.gap = False
        self.sections = 0
        self.definition_ids = definition_ids

    def walk(self, node: nodes.Node, kind: Kind, section: int, own: frozenset[str]) -> None:
        if isinstance(node, nodes.Text):
            self.add(node, kind, section, own)
            return
        if isinstance(node, _SKIPPED) or SKIP_CLASS in node.get("classes", ()):  # type: ignore[attr-defined]
            self.gap = True
            return
        if isinstance(node, addnodes.pending_xref):
            is_term = node.get("refdomain") == "std" and node.get("reftype") == "term"
            kind = "xref" if is_term else "context"
        elif isinstance(node, _CONTEXT) and kind == "link":
            kind = "context"
        if isinstance(node, nodes.section):
            self.sections += 1
            section = self.sections
        if isinstance(node, nodes.definition):
            own = own | self.definition_ids.get(id(node), frozenset())
        for child in _children(node):
            self.walk(child, kind, section, own)

    def add(self, node: nodes.Text, kind: Kind, section: int, own: frozenset[str]) -> None:
        text = str(node)
        if not text:
            return
        block = _block_of(node)
        if self.parts:
            if block is not self.block:
                self.parts.append(BLOCK_BREAK)
                self.length += len(BLOCK_BREAK)
            elif self.gap:
                self.parts.append(GAP)
                self.length += 1
        self.block, self.gap = block, False
        self.pieces.append(Piece(node, self.length, self.length + len(text), kind, section, own))
        self.parts.append(text)
        self.length += len(text)


def _children(node: nodes.Node) -> Iterator[nodes.Node]:
    if isinstance(node, nodes.Element):
        yield from list(node.children)


def _block_of(node: nodes.Node) -> nodes.Element | None:
    """The nearest ancestor that is a block of text (a paragraph, a title, ...)."""
    parent: nodes.Element | None = node.parent
    while parent is not None and (
        isinstance(parent, nodes.Inline) or not isinstance(parent, nodes.TextElement)
    ):
        parent = parent.parent
    return parent
