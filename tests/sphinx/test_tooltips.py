"""Tooltips: the summary as the link title, or a CSS tooltip; acronyms as abbreviations."""

from __future__ import annotations

import pytest

from .helpers import body, html

SUMMARY = "A made-up network &lt;b&gt;for tests&lt;/b&gt; &amp; nothing else."


@pytest.mark.sphinx("html", testroot="basic")
def test_summary_is_the_escaped_link_title(app):
    app.build()
    assert f'title="{SUMMARY}"' in body(app.outdir, "index")
    assert "dlglossary-tip" not in body(app.outdir, "index")


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_tooltips": "css"})
def test_css_tooltip_is_escaped_and_styled(app):
    app.build()
    page = body(app.outdir, "index")
    assert (
        '<span class="dlglossary-tip" role="tooltip"><strong>quokka network</strong> '
        f"{SUMMARY}</span>" in page
    )
    assert f'title="{SUMMARY}"' not in page
    assert "dlglossary.css" in html(app.outdir, "index")
    css = (app.outdir / "_static" / "dlglossary.css").read_text(encoding="utf-8")
    assert "a.dlglossary-link:focus .dlglossary-tip" in css


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_tooltips": "off"})
def test_tooltips_can_be_turned_off(app):
    app.build()
    assert SUMMARY not in body(app.outdir, "index")


@pytest.mark.sphinx("latex", testroot="basic", confoverrides={"dlglossary_link_mode": "all"})
def test_latex_spells_acronyms_out(app):
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxstyleabbreviation{QKN} (quokka network)" in tex


@pytest.mark.sphinx("html", testroot="glossary", srcdir="tips-rebuild-in-process")
def test_project_definition_tooltips_follow_a_second_build_of_the_same_app(app):
    app.build()
    assert 'title="Our own &lt;script&gt;' in body(app.outdir, "index")
    project = app.srcdir / "project.rst"
    project.write_text(
        project.read_text(encoding="utf-8").replace("Our own", "A rewritten"), encoding="utf-8"
    )
    index = app.srcdir / "index.rst"
    index.write_text(index.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    app.build()
    assert 'title="A rewritten &lt;script&gt;' in body(app.outdir, "index")
