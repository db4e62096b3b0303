"""Write-phase handlers: resolving term links, filling glossaries, adding tooltips."""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ._domain import ANCHOR_PREFIX, domain_of
from ._entries import fill_glossaries
from ._linking import ID_ATTRIBUTE, LINK_CLASS
from ._nodes import dlglossary_tip
from ._project import project_of
from ._targets import link_to_term

__all__ = ["add_tooltips", "doctree_resolved", "resolve_auto_link", "resolve_builtin_term"]

#: Runs before intersphinx (500): the extension's own links stay in the project.
AUTO_LINK_PRIORITY = 400
#: Runs after intersphinx: an explicit ``:term:`` of another project's term goes there.
BUILTIN_TERM_PRIORITY = 800


def resolve_auto_link(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: resolve a link the extension inserted."""
    term_id = node.get(ID_ATTRIBUTE)
    if term_id is None:
        return None
    term = project_of(env.config).store.get(term_id)
    if term is None:
        return contnode
    fromdocname = node.get("refdoc", env.docname)
    return link_to_term(env, app.builder, fromdocname, term, contnode, node)


def resolve_builtin_term(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: resolve ``:term:`name``` to a term of the store."""
    if node.get("refdomain") != "std" or node.get("reftype") != "term":
        return None
    term = project_of(env.config).store.lookup(node.get("reftarget", ""))
    if term is None:
        return None
    fromdocname = node.get("refdoc", env.docname)
    found = link_to_term(env, app.builder, fromdocname, term, contnode, node)
    # With nowhere to link to, keep the text rather than warn about a missing term.
    return found


def doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: render glossary placeholders, then decorate term links."""
    fill_glossaries(doctree, app.env, app.builder, docname)
    if app.builder.format == "html":
        add_tooltips(doctree, app.env)


def add_tooltips(doctree: nodes.Node, env: BuildEnvironment) -> None:
    """Give every link to a term its summary: as the title, or as a CSS tooltip."""
    project = project_of(env.config)
    mode = project.settings.tooltips
    if mode == "off":
        return
    domain = domain_of(env)
    for reference in doctree.findall(nodes.reference):
        if not _is_term_link(reference):
            continue
        anchor = reference.get("refid") or reference.get("refuri", "").partition("#")[2]
        if anchor.startswith(ANCHOR_PREFIX):
            term = project.store.get(anchor[len(ANCHOR_PREFIX):])
            if term is None:
                continue
            title, summary = term.term, term.summary
        else:
            tip = domain.tip(anchor)
            if tip is None:
                continue
            title, summary = reference.astext(), tip
        if LINK_CLASS not in reference["classes"]:
            reference["classes"].append(LINK_CLASS)
        if mode == "title":
            reference.setdefault("reftitle", summary)
        elif not any(isinstance(child, dlglossary_tip) for child in reference.children):
            reference += dlglossary_tip(title=title, summary=summary)


def _is_term_link(reference: nodes.reference) -> bool:
    return any(
        isinstance(child, nodes.inline) and "std-term" in child["classes"]
        for child in reference.children
    )
