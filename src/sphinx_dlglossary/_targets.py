"""Where a link to a term goes, in the order a reader would expect.

1. The project's own ``.. glossary::`` entry for any name of the term (the project's
   definition wins over the built-in one).
2. The first ``dlglossary`` directive that lists the term.
3. The generated glossary page (HTML builders), when it lists the term.
4. Nowhere: the text stays as it is, without a warning (acronyms keep their expansion).
"""

from __future__ import annotations

from collections.abc import Set
from typing import cast

from docutils import nodes
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment

from dlglossary import Term

from ._domain import GlossaryDomain, anchor_of, domain_of
from ._linking import LINK_CLASS
from ._project import project_of

__all__ = ["generated_page", "link_to_term", "on_page", "page_terms"]

#: Where links to a term go: the names of it that the project's own glossary defines,
#: then ``(docname, generated)`` of the page listing it, if any.
Target = tuple[tuple[str, ...], tuple[str, bool] | None]


def link_to_term(
    env: BuildEnvironment, builder: Builder, fromdocname: str, term: Term,
    contnode: nodes.Element, node: addnodes.pending_xref | None = None,
) -> nodes.Element:
    """A reference from ``fromdocname`` to ``term`` around ``contnode`` (or ``contnode``)."""
    domain = domain_of(env)
    names, page = _target(domain, env, builder, term)
    if names:
        std = env.get_domain("std")
        xref = node if node is not None else addnodes.pending_xref("", refexplicit=True)
        for name in names:
            found = std.resolve_xref(env, fromdocname, builder, "term", name, xref, contnode)
            if found is not None:
                found["classes"].append(LINK_CLASS)
                return found
    if page is None:
        return contnode
    docname, generated = page
    anchor = anchor_of(term.id)
    reference = nodes.reference("", "", contnode, internal=True)
    if docname == fromdocname and not generated:
        reference["refid"] = anchor
    else:
        uri = "" if docname == fromdocname else _relative_uri(domain, builder, fromdocname, docname)
        reference["refuri"] = f"{uri}#{anchor}"
    reference["classes"].append(LINK_CLASS)
    return reference


def _target(
    domain: GlossaryDomain, env: BuildEnvironment, builder: Builder, term: Term
) -> Target:
    """Where links to ``term`` go: the names the project's glossary defines, then the page.

    The page is ``(docname, generated)``. The answer depends only on what the documents
    hold, so it is worked out once per term and build; a document read again clears it.
    """
    key = ("target", builder.name, term.id)
    known = domain.memo.get(key)
    if known is None:
        project_terms = domain.project_terms()
        names = tuple(n for n in (term.term, *term.aliases, *term.acronyms)
                      if n.lower() in project_terms)
        used = domain.used_terms()
        docname = domain.page_of(term, used)
        page: tuple[str, bool] | None = None
        if docname is not None:
            page = (docname, False)
        elif (generated := generated_page(env, builder)) is not None and on_page(env, term, used):
            page = (generated, True)
        known = domain.memo[key] = (names, page)
    return cast(Target, known)


def _relative_uri(domain: GlossaryDomain, builder: Builder, fromdocname: str, docname: str) -> str:
    """``builder.get_relative_uri``, remembered: most links of a page go to the same page."""
    key = ("uri", builder.name, fromdocname, docname)
    uri = domain.memo.get(key)
    if uri is None:
        uri = domain.memo[key] = builder.get_relative_uri(fromdocname, docname)
    return str(uri)


def generated_page(env: BuildEnvironment, builder: Builder) -> str | None:
    """The name of the generated glossary page, if this build writes one."""
    page = project_of(env.config).settings.page
    if not page or page in env.all_docs or not isinstance(builder, StandaloneHTMLBuilder):
        return None
    return page


def on_page(env: BuildEnvironment, term: Term, used: Set[str]) -> bool:
    """Whether the generated page lists ``term`` (no ``dlglossary`` directive does)."""
    listed = project_of(env.config).settings.page_terms == "all" or term.id in used
    return listed and domain_of(env).page_of(term, used) is None


def page_terms(env: BuildEnvironment) -> list[Term]:
    """The generated page's entries, sorted: the used (or all) terms no directive lists."""
    project = project_of(env.config)
    used = domain_of(env).used_terms()
    return [term for term in project.store.sorted() if on_page(env, term, used)]
