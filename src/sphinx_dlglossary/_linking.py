"""The read-phase transform that links term occurrences and reports undefined jargon.

It runs after the i18n ``Locale`` transform (priority 20) and smart quotes (750), so it
links the translated text, and before the domains collect their data (850), so the links
are recorded with the document. Links are ordinary ``std:term`` cross-references
(:class:`~sphinx.addnodes.pending_xref`), so every builder resolves them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from dlglossary import Match, Store, Term, check_text, find_terms

from ._diagnostics import report_findings
from ._project import project_of
from ._textmap import Prose, collect_prose

__all__ = [
    "ACRONYM_ATTRIBUTE",
    "ID_ATTRIBUTE",
    "LINK_CLASS",
    "AutoLink",
    "choose_links",
    "page_switch",
    "term_xref",
]

#: Attribute of the links this extension makes: the id of the linked term.
ID_ATTRIBUTE = "dlglossary_id"
#: Attribute of the links this extension makes whose text is an acronym of the term.
ACRONYM_ATTRIBUTE = "dlglossary_acronym"
#: Class of the links this extension makes (on the content and the final reference).
LINK_CLASS = "dlglossary-link"
METADATA_KEY = "dlglossary"
_OFF = frozenset({"off", "false", "no", "0", "skip", "none"})
_MODES = frozenset({"first", "section", "all"})


class AutoLink(SphinxTransform):
    """Link the terms of the document's prose; warn about undefined jargon."""

    #: After the i18n ``Locale`` transform (20), so that a translated page is linked and
    #: checked in its translation, and Sphinx does not find links that the message lacks.
    default_priority = 760

    def apply(self, **kwargs: Any) -> None:
        """Run on one document (a thin shell around :func:`choose_links`)."""
        project = project_of(self.config)
        switch = page_switch(self.document)
        if switch == "off":
            return
        mode = switch or project.config.link_mode
        codes = project.warned_codes
        if mode == "off" and not codes:
            return
        store = project.store
        prose = collect_prose(self.document, _definition_ids(self.document, store))
        if not prose.text.strip():
            return
        # Without links to make, the checker matches only the passages it reads.
        matches = find_terms(prose.text, "plaintext", store) if mode != "off" else None
        if codes:
            findings = check_text(
                prose.text, "plaintext", store, select=codes,
                ignored_words=project.config.ignored_words, matches=matches,
            )
            report_findings(findings, prose, self.env.docname)
        if matches is not None:
            _insert_links(prose, choose_links(prose, matches, mode), store, self.env.docname)


def page_switch(document: nodes.document) -> str | None:
    """The page's ``dlglossary`` metadata: "off", a link mode, or None when unset."""
    for info in document.children:
        if not isinstance(info, nodes.docinfo):
            continue
        for field in info.findall(nodes.field):
            name, body = field.children[0], field.children[1]
            if name.astext().strip().lower() != METADATA_KEY:
                continue
            value = body.astext().strip().lower()
            if value in _OFF:
                return "off"
            return value if value in _MODES else None
    return None


def choose_links(prose: Prose, matches: Sequence[Match], mode: str) -> dict[int, list[Match]]:
    """The matches to link, by index of the piece they lie in.

    ``first`` links the first occurrence of each term in the document, ``section`` the
    first in each section, ``all`` every one. A term the author already links with
    ``:term:`` counts as linked there.
    """
    chosen: dict[int, list[Match]] = {}
    seen: set[tuple[int, str]] = set()
    index_of = {id(piece): i for i, piece in enumerate(prose.pieces)}
    for match in matches:
        piece = prose.piece_at(match.start)
        if piece is None or match.end > piece.end:
            continue
        key = (piece.section if mode == "section" else 0, match.term_id)
        if piece.kind == "xref":
            seen.add(key)
            continue
        if piece.kind != "link" or match.term_id in piece.own:
            continue
        if mode != "all" and key in seen:
            continue
        seen.add(key)
        chosen.setdefault(index_of[id(piece)], []).append(match)
    return chosen


class auto_term_xref(addnodes.pending_xref):
    """A ``pending_xref`` that keeps its empty list attributes only once asked for.

    Every element holds four lists (``ids``, ``classes``, ``names``, ``dupnames``), and
    an automatic link almost never uses them. Every page read stays in memory until it
    is written, and every object in it is walked by each full run of the garbage
    collector, so these four lists were a third of what a link cost it. Reading one
    (``node["ids"]``, ``node.get("ids")``) makes it, as on any element; only
    ``node.attributes`` shows the difference. Sphinx and docutils see an ordinary
    ``pending_xref`` (it is one), and it is resolved before any writer sees it.
    """

    tagname = "pending_xref"

    def __init__(self, rawsource: str = "", *children: nodes.Node, **attributes: Any) -> None:
        super().__init__(rawsource, *children, **attributes)
        for name in self.list_attributes:
            if not self.attributes[name]:
                del self.attributes[name]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str) and key not in self.attributes and key in self.list_attributes:
            self.attributes[key] = []
        return super().__getitem__(key)

    def get(self, key: str, failobj: Any | None = None) -> Any:
        """An attribute's value (an unset list attribute is made empty, as ever)."""
        if key not in self.attributes and key in self.list_attributes:
            self.attributes[key] = []
        return super().get(key, failobj)

    def __contains__(self, key: Any) -> bool:
        return (isinstance(key, str) and key in self.list_attributes) or super().__contains__(
            key
        )


def term_xref(match: Match, term: Term, docname: str) -> addnodes.pending_xref:
    """A ``std:term`` cross-reference for one occurrence, marked as this extension's.

    It holds only the text. The ``inline`` that a ``:term:`` link holds, and the
    abbreviation an acronym becomes, are added by :class:`~._resolve.ResolveAutoLinks`
    when the page is written: every page read stays in memory until it is written, a
    page may hold a hundred links, and each element costs the garbage collector about
    nine objects to walk on every full collection.
    """
    xref = auto_term_xref(
        match.text, nodes.Text(match.text), refdomain="std", reftype="term",
        reftarget=term.term, refexplicit=True, refwarn=False, refdoc=docname,
    )
    if match.kind == "acronym":
        xref[ACRONYM_ATTRIBUTE] = True
    xref[ID_ATTRIBUTE] = term.id
    return xref


def _insert_links(
    prose: Prose, chosen: dict[int, list[Match]], store: Store, docname: str
) -> None:
    for index, matches in chosen.items():
        piece = prose.pieces[index]
        parent = piece.node.parent
        if parent is None:
            continue
        new: list[nodes.Node] = []
        position = piece.start
        for match in matches:
            term = store.get(match.term_id)
            if term is None:
                continue
            if match.start > position:
                new.append(nodes.Text(prose.text[position : match.start]))
            new.append(term_xref(match, term, docname))
            position = match.end
        if position < piece.end:
            new.append(nodes.Text(prose.text[position : piece.end]))
        at = next(i for i, child in enumerate(parent.children) if child is piece.node)
        parent[at : at + 1] = new


def _definition_ids(document: nodes.document, store: Store) -> dict[int, frozenset[str]]:
    """For each definition of a ``glossary``: the term ids its entry defines."""
    found: dict[int, frozenset[str]] = {}
    for glossary in document.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            ids = frozenset(
                term.id for name in item.findall(nodes.term)
                if (term := store.lookup(name.astext())) is not None
            )
            for definition in item.findall(nodes.definition):
                found[id(definition)] = ids
    return found
