"""Write-phase handlers: resolving term links, filling glossaries, adding tooltips."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from ._domain import ANCHOR_PREFIX, GlossaryDomain, domain_of
from ._entries import fill_glossaries
from ._linking import ACRONYM_ATTRIBUTE, ID_ATTRIBUTE, LINK_CLASS
from ._nodes import dlglossary_placeholder, dlglossary_tip
from ._project import project_of
from ._targets import link_to_term
from ._traverse import descendants

__all__ = [
    "ResolveAutoLinks",
    "add_tooltips",
    "builder_of",
    "decorate",
    "doctree_resolved",
    "resolve_builtin_term",
]

#: Runs after intersphinx (500): an explicit ``:term:`` of another project's term goes there.
BUILTIN_TERM_PRIORITY = 800
#: Classes of the ``inline`` inside a term link, as Sphinx's ``:term:`` role sets them.
TERM_CLASSES = ["xref", "std", "std-term", LINK_CLASS]


class ResolveAutoLinks(SphinxPostTransform):
    """Resolve the links the extension inserted, before Sphinx's own resolver runs.

    Doing it here, in one pass, spares each link the generic path (a failed lookup,
    then a ``missing-reference`` event that every handler sees); the result is the
    same reference :func:`link_to_term` gives ``:term:``. Tooltips are added later, with
    those of every other term link (:func:`doctree_resolved`).
    """

    default_priority = 9  # ReferencesResolver is 10

    def run(self, **kwargs: Any) -> None:
        """Replace this document's auto links with references (or plain text)."""
        links: set[int] = set()
        parents: dict[int, nodes.Element] = {}
        for node in descendants(self.document, addnodes.pending_xref):
            if ID_ATTRIBUTE in node.attributes and node.parent is not None:
                links.add(id(node))
                parents[id(node.parent)] = node.parent
        # A paragraph holds many links: each parent's children are looked through once,
        # not once per link as ``replace_self`` would.
        for parent in parents.values():
            for index, child in enumerate(parent.children):
                if id(child) in links:
                    parent[index] = self._resolved(cast(addnodes.pending_xref, child))

    def _resolved(self, node: addnodes.pending_xref) -> nodes.Element:
        """The reference (or, with nowhere to link to, the content) replacing ``node``."""
        term = project_of(self.config).store.get(node[ID_ATTRIBUTE])
        text = node.astext()
        # The content a ``:term:`` role gives its link (see ``term_xref``).
        inner: list[nodes.Node] = list(node.children)
        if term is not None and term.expansion and node.get(ACRONYM_ATTRIBUTE):
            inner = [nodes.abbreviation(text, text, explanation=term.expansion)]
        content = nodes.inline(text, "", *inner, classes=TERM_CLASSES)
        if term is None:
            return content
        fromdocname = node.get("refdoc", self.env.docname)
        builder = builder_of(self.env)
        return link_to_term(self.env, builder, fromdocname, term, content, node)


def builder_of(env: BuildEnvironment) -> Builder:
    """The builder of the running build (Sphinx keeps it on the application)."""
    app = getattr(env, "_app", None) or getattr(env, "app")  # noqa: B009 - Sphinx < 8
    builder: Builder = app.builder
    return builder


def resolve_builtin_term(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: resolve ``:term:`name``` to a term of the store.

    With nowhere to link to, the text is kept rather than warned about.
    """
    if node.get("refdomain") != "std" or node.get("reftype") != "term" or ID_ATTRIBUTE in node:
        return None
    term = project_of(env.config).store.lookup(node.get("reftarget", ""))
    if term is None:
        return None
    fromdocname = node.get("refdoc", env.docname)
    return link_to_term(env, app.builder, fromdocname, term, contnode, node)


def doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: render glossary placeholders, then decorate term links.

    One walk finds both (an assembled doctree of latex or singlehtml holds many pages).
    """
    placeholders: list[dlglossary_placeholder] = []
    references: list[nodes.reference] = []
    for node in descendants(doctree, (dlglossary_placeholder, nodes.reference)):
        if isinstance(node, dlglossary_placeholder):
            placeholders.append(node)
        elif isinstance(node, nodes.reference):
            references.append(node)
    if placeholders:
        fill_glossaries(placeholders, app.env, app.builder, docname)
        references = descendants(doctree, nodes.reference)
    if app.builder.format == "html":
        add_tooltips(references, domain_of(app.env))


def add_tooltips(references: Iterable[nodes.reference], domain: GlossaryDomain) -> None:
    """Give every link to a term its summary: as the title, or as a CSS tooltip."""
    for reference in references:
        if any(isinstance(c, nodes.inline) and "std-term" in c["classes"]
               for c in reference.children):
            decorate(reference, domain)


def decorate(reference: nodes.reference, domain: GlossaryDomain) -> None:
    """Add the tooltip of the term ``reference`` points to, if the settings want one."""
    project = project_of(domain.env.config)
    mode = project.settings.tooltips
    if LINK_CLASS not in reference["classes"]:
        reference["classes"].append(LINK_CLASS)
    if mode == "off":
        return
    anchor = reference.get("refid") or reference.get("refuri", "").partition("#")[2]
    if anchor.startswith(ANCHOR_PREFIX):
        term = project.store.get(anchor[len(ANCHOR_PREFIX):])
        if term is None:
            return
        title, summary = term.term, term.summary
    else:
        tip = domain.tip(anchor)
        if tip is None:
            return
        title, summary = reference.astext(), tip
    if mode == "title":
        reference.setdefault("reftitle", summary)
    elif not any(isinstance(child, dlglossary_tip) for child in reference.children):
        reference += dlglossary_tip(title=title, summary=summary)
