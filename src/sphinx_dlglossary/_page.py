"""The generated glossary page of HTML builders.

When no ``dlglossary`` directive lists a term, links go to a page the extension writes
itself (``dlglossary_page``, default ``glossary-terms``). By default it lists only the
terms the project uses, so it stays small and cheap however large the store grows;
``dlglossary_page_terms = "all"`` lists every term.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder

from ._domain import domain_of
from ._entries import entry_list
from ._project import project_of
from ._resolve import add_tooltips
from ._targets import generated_page, page_terms

__all__ = ["collect_pages", "render_page", "write_singlehtml_page"]

Page = tuple[str, dict[str, Any], str]


def collect_pages(app: Sphinx) -> Iterator[Page]:
    """``html-collect-pages``: the generated page (html, dirhtml, epub)."""
    if isinstance(app.builder, SingleFileHTMLBuilder):
        return
    page = render_page(app)
    if page is not None:
        yield page


def write_singlehtml_page(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: singlehtml collects no extra pages, so write ours here."""
    if exception is None and isinstance(app.builder, SingleFileHTMLBuilder):
        page = render_page(app)
        if page is not None:
            app.builder.handle_page(*page)


def render_page(app: Sphinx) -> Page | None:
    """The generated page as ``(pagename, context, template)``, if the build has one."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder):
        return None
    page = generated_page(app.env, builder)
    if page is None:
        return None
    project = project_of(app.config)
    terms = page_terms(app.env)
    if not terms and domain_of(app.env).placements():
        return None  # the project's own glossary pages list everything linked
    title = project.settings.page_title
    section = nodes.section(ids=["dlglossary-page"])
    section += nodes.title(title, title)
    if terms:
        here = {t.id for t in terms}
        section += entry_list(terms, project.store, app.env, builder, page, here)
    else:
        section += nodes.paragraph("", "This project links no glossary terms yet.")
    add_tooltips(section, app.env)
    # What ``write_doc`` sets up for a document, so the translator finds it for the page.
    builder.current_docname = page
    builder.secnumbers = {}
    builder.fignumbers = {}
    body = builder.render_partial(section)["fragment"]
    return page, {"title": title, "body": body, "display_toc": False}, "page.html"
