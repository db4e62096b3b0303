"""The joined prose of a doctree and the choice of links, without a Sphinx build."""

from __future__ import annotations

from docutils.core import publish_doctree

from dlglossary import Match
from sphinx_dlglossary._linking import choose_links
from sphinx_dlglossary._markup import inline_html, paragraphs
from sphinx_dlglossary._textmap import GAP, collect_prose


def _prose(source: str):
    return collect_prose(publish_doctree(source, settings_overrides={"report_level": 5}))


def test_offsets_map_back_to_the_text_nodes():
    prose = _prose("Title\n=====\n\nOne *two* three.\n\nFour ``code`` five.\n")
    for piece in prose.pieces:
        assert prose.text[piece.start : piece.end] == str(piece.node)
    assert prose.text.startswith("Title\n\nOne two three.\n\nFour ")
    assert GAP in prose.text  # where the literal was left out
    assert "code" not in prose.text


def test_kinds_follow_every_ancestor():
    prose = _prose(
        "Title *emphasised*\n==================\n\nSee `a link <https://x.org>`_.\n\n"
        ".. note::\n\n   * nested *text*\n"
    )
    kinds = {str(p.node): p.kind for p in prose.pieces}
    assert kinds["emphasised"] == "context"  # inside the title, two levels down
    assert kinds["a link"] == "context"
    assert kinds["text"] == "link"


def test_sections_are_numbered():
    prose = _prose("A\n=\n\nx\n\nB\n-\n\ny\n")
    sections = {str(p.node): p.section for p in prose.pieces}
    assert sections["x"] != sections["y"]


def _match(start, end, term_id, text):
    return Match(start, end, term_id, text, text, "term", False)


def test_first_and_section_and_all_modes():
    prose = _prose("A\n=\n\nfoo foo\n\nB\n-\n\nfoo\n")
    starts = [i for i in range(len(prose.text)) if prose.text.startswith("foo", i)]
    matches = [_match(s, s + 3, "foo", "foo") for s in starts]
    count = {mode: sum(len(v) for v in choose_links(prose, matches, mode).values())
             for mode in ("first", "section", "all")}
    assert count == {"first": 1, "section": 2, "all": 3}


def test_markup_is_escaped_not_interpreted():
    assert inline_html("<b>x</b> `a<b` *e*") == (
        '&lt;b&gt;x&lt;/b&gt; <code class="docutils literal notranslate">a&lt;b</code> <em>e</em>'
    )
    [paragraph] = paragraphs("<script>alert(1)</script>")
    assert paragraph.astext() == "<script>alert(1)</script>"
    assert len(paragraphs("one\n\ntwo")) == 2
