"""The glossary: built-in terms for ``:term:``, project glossaries, the directive and page."""

from __future__ import annotations

import pytest

from .helpers import body, html, links


@pytest.mark.sphinx("html", testroot="basic")
def test_builtin_terms_work_with_the_term_role(app):
    app.build()
    assert "term not in glossary" not in app.warning.getvalue()
    found = links(body(app.outdir, "explicit"))
    assert ("glossary-terms.html#dlglossary-dropout", "dropout") in found
    assert ("glossary-terms.html#dlglossary-quokka-network", "QKN") in found


@pytest.mark.sphinx("html", testroot="basic")
def test_generated_page_lists_the_used_terms_sorted_with_anchors(app):
    app.build()
    page = body(app.outdir, "glossary-terms")
    anchors = [a for a in ("dlglossary-dropout", "dlglossary-quokka-network",
                           "dlglossary-wombat-layer") if f'id="{a}"' in page]
    assert len(anchors) == 3
    assert page.index("dlglossary-dropout") < page.index("dlglossary-quokka-network")
    # Only used terms: an unrelated built-in term is absent.
    assert 'id="dlglossary-learning-rate"' not in page
    assert "(QKN)" in page
    assert '<a class="reference external" href="https://example.org/quokka">On Quokkas (2020)</a>' in page
    assert 'href="#dlglossary-wombat-layer"' in page  # related entry on the same page


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_page_terms": "all"})
def test_generated_page_can_list_every_term(app):
    app.build()
    page = body(app.outdir, "glossary-terms")
    assert 'id="dlglossary-learning-rate"' in page
    assert 'id="dlglossary-batch-normalization"' in page


@pytest.mark.sphinx(
    "html", testroot="basic", srcdir="page-name", confoverrides={"dlglossary_page": "terms/dl"}
)
def test_generated_page_name_is_configurable(app):
    app.build()
    assert (app.outdir / "terms" / "dl.html").is_file()
    assert not (app.outdir / "glossary-terms.html").exists()
    assert "terms/dl.html#dlglossary-quokka-network" in body(app.outdir, "index")


@pytest.mark.sphinx("html", testroot="glossary")
def test_a_project_glossary_wins_without_duplicate_warnings(app):
    app.build()
    assert "duplicate" not in app.warning.getvalue()
    index = body(app.outdir, "index")
    found = links(index)
    # "wombat layer" is defined by the project: links go to its entry.
    assert ("project.html#term-wombat-layer", "wombat layer") in found
    # "quokka network" is defined there under its acronym only.
    assert ("project.html#term-QKN", "quokka network") in found


@pytest.mark.sphinx("html", testroot="glossary")
def test_project_definitions_become_escaped_tooltips(app):
    app.build()
    index = html(app.outdir, "index")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert "<script>alert(1)" not in index


@pytest.mark.sphinx("html", testroot="glossary")
def test_directive_renders_a_category_and_takes_the_links(app):
    app.build()
    page = body(app.outdir, "terms")
    assert 'id="dlglossary-quokka-network"' in page
    assert 'id="dlglossary-wombat-layer"' in page
    assert 'id="dlglossary-dropout"' not in page
    # Terms a directive lists are not repeated on the generated page.
    assert not (app.outdir / "glossary-terms.html").exists()
    assert "A made-up network &lt;b&gt;for tests&lt;/b&gt; &amp; nothing else." in page


@pytest.mark.sphinx("html", testroot="myst")
def test_directive_with_used_terms(app):
    app.build()
    page = body(app.outdir, "glossary")
    assert 'id="dlglossary-quokka-network"' in page
    assert 'id="dlglossary-dropout"' not in page
    assert ("glossary.html#dlglossary-quokka-network", "quokka network") in links(
        body(app.outdir, "index")
    )
