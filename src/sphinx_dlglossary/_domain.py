"""Per-document data of the extension, kept in the build environment.

A domain holds it because Sphinx already pickles, purges (``env-purge-doc``) and merges
(parallel reads) domain data; the domain declares no directives or roles of its own.
For each document it records

* ``used``: ids of the store's terms that the document links (automatically or with
  ``:term:``);
* ``placements``: the ``dlglossary`` directives it holds (which terms each renders);
* ``tips``: for the project's own ``.. glossary::`` entries, anchor -> a short plain-text
  definition, used as the tooltip of links to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import Any, ClassVar, TypedDict

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from dlglossary import Term

from ._linking import ID_ATTRIBUTE
from ._nodes import dlglossary_placeholder
from ._project import project_of
from ._traverse import descendants

__all__ = ["ANCHOR_PREFIX", "GlossaryDomain", "Placement", "anchor_of", "domain_of"]

ANCHOR_PREFIX = "dlglossary-"
_PER_DOCUMENT = ("used", "placements", "tips")
_TIP_LENGTH = 200
#: The nodes :meth:`GlossaryDomain.process_doc` records.
_INTERESTING = (addnodes.pending_xref, dlglossary_placeholder, addnodes.glossary)


class Placement(TypedDict):
    """What one ``dlglossary`` directive lists."""

    terms: str  # "all" or "used"
    categories: list[str]


def anchor_of(term_id: str) -> str:
    """The HTML anchor of a term's entry on a glossary page."""
    return ANCHOR_PREFIX + term_id


class GlossaryDomain(Domain):
    """Storage for the extension's per-document data (see the module docstring)."""

    name = "dlglossary"
    label = "Deep-learning glossary"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {
        "used": {}, "placements": {}, "tips": {}, "fingerprint": "",
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._used: frozenset[str] | None = None
        self._placements: list[tuple[str, Placement]] | None = None
        self._project_terms: frozenset[str] | None = None
        self._tips: dict[str, str] | None = None
        #: Answers worked out from the data above at write time, by the other modules
        #: (where each term's links go, relative URIs); forgotten when the data changes.
        self.memo: dict[tuple[str, ...], Any] = {}

    def _changed(self) -> None:
        self._used = None
        self._placements = None
        self._project_terms = None
        self._tips = None
        self.memo.clear()

    def clear_doc(self, docname: str) -> None:
        """Forget what ``docname`` recorded."""
        self._changed()
        for key in _PER_DOCUMENT:
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over the data of documents read by a parallel reader."""
        self._changed()
        for key in _PER_DOCUMENT:
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record the terms, glossary directives and project glossary entries of a document."""
        self._changed()
        store = project_of(env.config).store
        used: set[str] = set()
        placements: list[Placement] = []
        glossaries: list[addnodes.glossary] = []
        for node in descendants(document, _INTERESTING):
            if isinstance(node, dlglossary_placeholder):
                placements.append(
                    Placement(terms=node["terms"], categories=list(node["categories"]))
                )
                continue
            if isinstance(node, addnodes.glossary):
                glossaries.append(node)
                continue
            assert isinstance(node, addnodes.pending_xref)
            xref = node
            if xref.get("refdomain") != "std" or xref.get("reftype") != "term":
                continue
            term_id = xref.get(ID_ATTRIBUTE)
            if term_id is None:
                term = store.lookup(xref.get("reftarget", ""))
                term_id = term.id if term is not None else None
            if term_id is not None:
                used.add(term_id)
        if used:
            self.data["used"][docname] = sorted(used)
        if placements:
            self.data["placements"][docname] = placements
        tips = _glossary_tips(glossaries)
        if tips:
            self.data["tips"][docname] = tips

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[tuple[str, nodes.reference]]:
        """Nothing: the extension's links are ``std:term`` references."""
        return []

    # -- queries --------------------------------------------------------------------------

    def project_terms(self) -> frozenset[str]:
        """The terms of the project's own ``.. glossary::`` directives, in lower case."""
        if self._project_terms is None:
            std = self.env.get_domain("std")
            self._project_terms = frozenset(
                name.lower() for name, _, kind, _, _, _ in std.get_objects() if kind == "term"
            )
        return self._project_terms

    def used_terms(self) -> frozenset[str]:
        """Ids of every term some document uses."""
        if self._used is None:
            self._used = frozenset(
                term_id for ids in self.data["used"].values() for term_id in ids
            )
        return self._used

    def placements(self) -> list[tuple[str, Placement]]:
        """Every ``dlglossary`` directive, by document name (sorted, so builds agree)."""
        if self._placements is None:
            self._placements = [
                (docname, placement)
                for docname in sorted(self.data["placements"])
                for placement in self.data["placements"][docname]
            ]
        return self._placements

    def page_of(self, term: Term, used: Set[str]) -> str | None:
        """The first document whose ``dlglossary`` directive lists ``term``."""
        for docname, placement in self.placements():
            if lists(placement, term, used):
                return docname
        return None

    def tip(self, anchor: str) -> str | None:
        """The tooltip text of a project glossary entry, by its anchor."""
        if self._tips is None:
            self._tips = {}
            for docname in sorted(self.data["tips"]):  # the first document's wins
                for key, text in self.data["tips"][docname].items():
                    self._tips.setdefault(key, str(text))
        return self._tips.get(anchor)


def lists(placement: Placement, term: Term, used: Set[str]) -> bool:
    """Whether a ``dlglossary`` directive with ``placement`` lists ``term``."""
    if placement["categories"] and term.category not in placement["categories"]:
        return False
    return placement["terms"] == "all" or term.id in used


def domain_of(env: BuildEnvironment) -> GlossaryDomain:
    """The extension's domain in ``env``."""
    domain = env.get_domain(GlossaryDomain.name)
    assert isinstance(domain, GlossaryDomain)
    return domain


def _glossary_tips(glossaries: list[addnodes.glossary]) -> dict[str, str]:
    tips: dict[str, str] = {}
    for glossary in glossaries:
        for item in glossary.findall(nodes.definition_list_item):
            definition = next(iter(item.findall(nodes.definition)), None)
            if definition is None:
                continue
            text = _shorten(" ".join(definition.astext().split()))
            for anchor in _anchors(item.findall(nodes.term)):
                tips.setdefault(anchor, text)
    return tips


def _anchors(terms: Iterable[nodes.term]) -> list[str]:
    return [anchor for term in terms for anchor in term["ids"]]


def _shorten(text: str) -> str:
    if len(text) <= _TIP_LENGTH:
        return text
    cut = text.rfind(" ", 0, _TIP_LENGTH - 1)
    return text[: cut if cut > 0 else _TIP_LENGTH - 1].rstrip(",;:") + "…"
