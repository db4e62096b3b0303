"""Glossary entries as docutils nodes, and the ``dlglossary`` directive that places them.

The directive only leaves a placeholder at read time; it is replaced by the
entries at write time (:func:`fill_glossaries`), when the terms every document uses are
known::

    .. dlglossary::
       :terms: used            (all | used; default all)
       :category: optimization, vision

Each entry has an anchor (``dlglossary-<id>``), its acronyms and other names, the
summary, the definition, links to related entries and its references. Entries are not
registered as ``std`` terms, so a project glossary defining the same word causes no
duplicate-term warning.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from dlglossary import Store, Term

from ._domain import Placement, anchor_of, domain_of, lists
from ._markup import paragraphs
from ._nodes import dlglossary_placeholder
from ._project import project_of
from ._targets import link_to_term

__all__ = ["GlossaryDirective", "entry_list", "fill_glossaries"]


def _term_choice(value: str | None) -> str:
    return str(directives.choice(value or "", ("all", "used")))


def _categories(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").replace(",", " ").split() if c.strip()]


class GlossaryDirective(SphinxDirective):
    """``.. dlglossary::`` — the glossary of the project (all terms, used ones, a category)."""

    option_spec: ClassVar[dict[str, Any]] = {"terms": _term_choice, "category": _categories}

    def run(self) -> list[nodes.Node]:
        """Leave a placeholder to be filled at write time."""
        categories = self.options.get("category", [])
        known = set(project_of(self.config).store.categories())
        for unknown in sorted(set(categories) - known):
            self.state.document.reporter.warning(
                f"dlglossary: unknown category {unknown!r} (known: {', '.join(sorted(known))})",
                line=self.lineno,
            )
        node = dlglossary_placeholder(terms=self.options.get("terms", "all"),
                                      categories=categories)
        self.set_source_info(node)
        return [node]


def fill_glossaries(
    placeholders: list[dlglossary_placeholder], env: BuildEnvironment, builder: Builder,
    docname: str,
) -> None:
    """Replace each ``dlglossary`` placeholder (of page ``docname``) with its entries."""
    store = project_of(env.config).store
    used = domain_of(env).used_terms()
    listed: set[str] = set()
    for node in placeholders:
        placement = Placement(terms=node["terms"], categories=list(node["categories"]))
        terms = [t for t in store.sorted() if lists(placement, t, used) and t.id not in listed]
        listed.update(t.id for t in terms)
        node.replace_self(
            entry_list(terms, store, env, builder, docname, listed)
            if terms else nodes.paragraph("", "No entries.", classes=["dlglossary-empty"])
        )


def entry_list(
    terms: list[Term], store: Store, env: BuildEnvironment, builder: Builder,
    docname: str, here: Set[str],
) -> nodes.definition_list:
    """The entries of ``terms`` as a definition list on page ``docname``.

    ``here`` holds the ids of the entries on the same page, which related links point to
    directly; other related entries are linked wherever :func:`link_to_term` finds them.
    """
    listing = nodes.definition_list(classes=["glossary", "dlglossary"])
    for term in terms:
        listing += _entry(term, store, env, builder, docname, here)
    return listing


def _entry(
    term: Term, store: Store, env: BuildEnvironment, builder: Builder, docname: str,
    here: Set[str],
) -> nodes.definition_list_item:
    title = nodes.term(term.term, term.term, ids=[anchor_of(term.id)])
    others = [*term.acronyms, *(a for a in term.aliases if a.casefold() != term.term.casefold())]
    if others:
        title += nodes.inline("", f" ({', '.join(others)})", classes=["dlglossary-names"])
    body = nodes.definition()
    body += paragraphs(term.summary, ("dlglossary-summary",))
    if term.definition.strip() and term.definition.strip() != term.summary.strip():
        body += paragraphs(term.definition)
    related = [r for r in (store.get(i) for i in term.related) if r is not None]
    if related:
        line = nodes.paragraph("", "Related: ", classes=["dlglossary-related"])
        for index, other in enumerate(related):
            if index:
                line += nodes.Text(", ")
            line += _related_link(other, env, builder, docname, here)
        body += line
    if term.references:
        items = nodes.bullet_list(classes=["dlglossary-references"])
        for ref in term.references:
            label = f"{ref.title} ({ref.year})" if ref.year else ref.title
            text: nodes.Node = nodes.reference(label, label, refuri=ref.url) if ref.url \
                else nodes.Text(label)
            items += nodes.list_item("", nodes.paragraph("", "", text))
        body += nodes.paragraph("", "References:", classes=["dlglossary-references-title"])
        body += items
    return nodes.definition_list_item("", title, body)


def _related_link(
    term: Term, env: BuildEnvironment, builder: Builder, docname: str, here: Set[str]
) -> nodes.Element:
    content = nodes.inline(term.term, term.term, classes=["xref", "std", "std-term"])
    if term.id in here:
        return make_refnode(builder, docname, docname, anchor_of(term.id), content)
    return link_to_term(env, builder, docname, term, content)
