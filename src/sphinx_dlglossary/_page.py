"""The generated glossary page of HTML builders.

When no ``dlglossary`` directive lists a term, links go to a page the extension writes
itself (``dlglossary_page``, default ``glossary-terms``). By default it lists only the
terms the project uses, so it stays small and cheap however large the store grows;
``dlglossary_page_terms = "all"`` lists every term.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.environment import BuildEnvironment

from dlglossary import Term

from ._domain import anchor_of, domain_of
from ._markup import paragraphs_html
from ._project import project_of
from ._targets import generated_page, link_to_term, page_terms

__all__ = ["collect_pages", "entries_html", "render_page", "write_singlehtml_page"]

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
    terms = page_terms(app.env)
    if not terms and domain_of(app.env).placements():
        return None  # the project's own glossary pages list everything linked
    title = project_of(app.config).settings.page_title
    if terms:
        entries = entries_html(terms, app.env, builder, page)
    else:
        entries = "<p>This project links no glossary terms yet.</p>\n"
    body = (
        f'<section id="dlglossary-page">\n<h1>{html.escape(title)}'
        f'<a class="headerlink" href="#dlglossary-page" title="Link to this heading">¶</a>'
        f"</h1>\n{entries}</section>\n"
    )
    return page, {"title": title, "body": body, "display_toc": False}, "page.html"


def entries_html(
    terms: list[Term], env: BuildEnvironment, builder: Builder, page: str
) -> str:
    """The entries as HTML, as :func:`~._entries.entry_list` renders them in documents.

    Written directly rather than through docutils, so that a page of hundreds of entries
    costs milliseconds: its text is escaped here, and nothing in it is markup.
    """
    project = project_of(env.config)
    here = {term.id for term in terms}
    parts = ['<dl class="glossary dlglossary">\n']
    for term in terms:
        names = ", ".join(
            [*term.acronyms, *(a for a in term.aliases if a.casefold() != term.term.casefold())]
        )
        parts.append(f'<dt id="{anchor_of(term.id)}">{_text(term.term)}')
        if names:
            parts.append(f'<span class="dlglossary-names"> ({_text(names)})</span>')
        parts.append("</dt><dd>")
        parts.append(paragraphs_html(term.summary, "dlglossary-summary"))
        if term.definition.strip() and term.definition.strip() != term.summary.strip():
            parts.append(paragraphs_html(term.definition))
        related = [r for r in (project.store.get(i) for i in term.related) if r is not None]
        if related:
            links = ", ".join(
                _related_html(other, here, env, builder, page, project.settings.tooltips)
                for other in related
            )
            parts.append(f'<p class="dlglossary-related">Related: {links}</p>\n')
        if term.references:
            parts.append('<p class="dlglossary-references-title">References:</p>\n'
                         '<ul class="dlglossary-references simple">\n')
            for ref in term.references:
                label = _text(f"{ref.title} ({ref.year})" if ref.year else ref.title)
                if ref.url:
                    label = (f'<a class="reference external" href="{html.escape(ref.url)}">'
                             f"{label}</a>")
                parts.append(f"<li><p>{label}</p></li>\n")
            parts.append("</ul>\n")
        parts.append("</dd>\n")
    parts.append("</dl>\n")
    return "".join(parts)


def _related_html(
    term: Term, here: set[str], env: BuildEnvironment, builder: Builder, page: str,
    tooltips: str,
) -> str:
    content = f'<span class="xref std std-term">{_text(term.term)}</span>'
    if term.id in here:
        href = f"#{anchor_of(term.id)}"
    else:
        found = link_to_term(env, builder, page, term, nodes.inline(term.term, term.term))
        if not isinstance(found, nodes.reference):
            return content
        href = found.get("refuri") or f"#{found.get('refid', '')}"
    if tooltips == "title":
        return (f'<a class="dlglossary-link reference internal" href="{html.escape(href)}" '
                f'title="{html.escape(term.summary)}">{content}</a>')
    tip = ""
    if tooltips == "css":
        tip = (f'<span class="dlglossary-tip" role="tooltip"><strong>{_text(term.term)}'
               f"</strong> {_text(term.summary)}</span>")
    return (f'<a class="dlglossary-link reference internal" href="{html.escape(href)}">'
            f"{content}{tip}</a>")


def _text(text: str) -> str:
    return html.escape(text, quote=False)
