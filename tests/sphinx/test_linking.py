"""Which occurrences become links, and which never do."""

from __future__ import annotations

import pytest
from docutils import nodes
from sphinx import addnodes

from .helpers import auto_links, body, links

QUOKKA = "quokka-network"
WOMBAT = "wombat-layer"


@pytest.mark.sphinx("html", testroot="basic")
def test_first_occurrence_per_document_by_default(app):
    app.build()
    doctree = app.env.get_doctree("index")
    assert auto_links(doctree) == [(QUOKKA, "quokka network"), (WOMBAT, "wombat layer")]


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_link_mode": "section"})
def test_section_mode_links_once_per_section(app):
    app.build()
    ids = [term_id for term_id, _ in auto_links(app.env.get_doctree("index"))]
    assert ids == [QUOKKA, WOMBAT, WOMBAT, QUOKKA]


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_link_mode": "all"})
def test_all_mode_links_every_prose_occurrence(app):
    app.build()
    texts = [text for _, text in auto_links(app.env.get_doctree("index"))]
    # Prose only: twice in the first paragraph, the text of the index entry, the second
    # section and the function's description.
    assert texts.count("quokka network") == 5
    assert texts.count("QKN") == 2
    assert texts.count("wombat layer") == 4


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_link_mode": "off"})
def test_off_mode_links_nothing(app):
    app.build()
    assert auto_links(app.env.get_doctree("index")) == []


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_link_mode": "all"})
def test_never_links_inside_excluded_nodes_at_any_depth(app):
    app.build()
    doctree = app.env.get_doctree("index")
    excluded = (
        nodes.literal, nodes.literal_block, nodes.math, nodes.title, nodes.reference,
        nodes.comment, nodes.target, nodes.substitution_definition, addnodes.desc_signature,
    )
    for xref in doctree.findall(addnodes.pending_xref):
        if "dlglossary_id" not in xref:
            continue
        parent = xref.parent
        while parent is not None:
            assert not isinstance(parent, excluded), parent
            assert "dlglossary-skip" not in parent.get("classes", ())
            parent = parent.parent


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_link_mode": "all"})
def test_skip_directive_and_role_and_page_switch(app):
    app.build()
    html = body(app.outdir, "index")
    assert "Skipped passage: quokka network." in html
    assert '<span class="dlglossary-skip">quokka network</span>' in html
    assert auto_links(app.env.get_doctree("off")) == []
    assert links(body(app.outdir, "off")) == []


@pytest.mark.sphinx(
    "html", testroot="basic", srcdir="metadata-mode", confoverrides={"dlglossary_link_mode": "all"}
)
def test_page_metadata_can_choose_the_mode(app):
    (app.srcdir / "off.rst").write_text(
        ":dlglossary: first\n\nPage\n====\n\nA quokka network, a quokka network.\n",
        encoding="utf-8",
    )
    app.build()
    assert auto_links(app.env.get_doctree("off")) == [(QUOKKA, "quokka network")]


@pytest.mark.sphinx("html", testroot="basic")
def test_links_are_std_term_references(app):
    app.build()
    xref = next(
        x for x in app.env.get_doctree("index").findall(addnodes.pending_xref)
        if "dlglossary_id" in x
    )
    assert (xref["refdomain"], xref["reftype"], xref["reftarget"]) == ("std", "term", "quokka network")
    assert xref.astext() == "quokka network"
    # Written, the link looks like one ``:term:`` makes (the inline comes at write time).
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<span class="xref std std-term dlglossary-link">quokka network</span>' in html


@pytest.mark.sphinx("html", testroot="basic")
def test_an_explicit_term_reference_counts_as_the_first_link(app):
    app.build()
    assert auto_links(app.env.get_doctree("explicit")) == []
    found = links(body(app.outdir, "explicit"))
    assert ("glossary-terms.html#dlglossary-quokka-network", "quokka network") in found


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_link_mode": "all"})
def test_acronyms_become_abbreviations(app):
    app.build()
    assert any(x.get("dlglossary_acronym") for x in app.env.get_doctree("index").findall(addnodes.pending_xref))
    resolved = app.env.get_and_resolve_doctree("index", app.builder, tags=app.tags)
    abbreviations = list(resolved.findall(nodes.abbreviation))
    assert abbreviations
    assert {a["explanation"] for a in abbreviations} == {"quokka network"}
    assert '<abbr title="quokka network">QKN</abbr>' in body(app.outdir, "index")


@pytest.mark.sphinx("html", testroot="basic", confoverrides={"dlglossary_disabled_terms": ["wombat-layer"]})
def test_disabled_terms_are_not_linked(app):
    app.build()
    ids = [i for i, _ in auto_links(app.env.get_doctree("index"))]
    assert QUOKKA in ids
    assert WOMBAT not in ids


def test_an_auto_link_makes_its_list_attributes_when_asked():
    import pickle

    from sphinx_dlglossary._linking import auto_term_xref

    xref = auto_term_xref("QKN", nodes.Text("QKN"), refdomain="std", reftype="term")
    assert isinstance(xref, addnodes.pending_xref) and xref.tagname == "pending_xref"
    assert "ids" not in xref.attributes  # not made until asked for
    assert "ids" in xref and xref.get("ids") == [] and xref["names"] == []
    xref["classes"].append("seen")
    assert xref.get("classes") == ["seen"]
    for copy in (pickle.loads(pickle.dumps(xref)), xref.deepcopy(), xref.copy()):
        assert copy["classes"] == ["seen"] and copy["dupnames"] == []
        assert (copy["refdomain"], copy["reftype"]) == ("std", "term")
