"""Segmentation: what is read as prose, as code, and what is left out."""

from __future__ import annotations

import random
import re

import pytest

from dlglossary import documents, segment


def prose(text: str, language: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text, language) if s.kind == "prose"]


def code(text: str, language: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text, language) if s.kind == "code"]


@pytest.mark.parametrize("language", ["markdown", "plaintext", "restructuredtext", "latex"])
def test_email_addresses_and_urls_are_left_out_whole(language: str) -> None:
    text = "Write to first.LAST+ml@example.org or see https://x.org/LSTM and www.cnn.com today."
    joined = " ".join(prose(text, language))
    assert "first" not in joined and "LAST" not in joined and "example" not in joined
    assert "LSTM" not in joined and "cnn" not in joined
    assert joined.startswith("Write to") and "today" in joined


def test_an_at_sign_alone_is_prose() -> None:
    assert "".join(prose("Meet @ noon, or user@ here.", "markdown")) == "Meet @ noon, or user@ here."


def test_markdown_blocks_must_start_a_line() -> None:
    text = "Before\n  $$\n  x = LSTM\n  $$\nmiddle $$ y $$ after\n   [ref]: http://u\n<!-- CNN -->end"
    kept = "".join(prose(text, "markdown"))
    assert "x = LSTM" not in kept and "CNN" not in kept and "http" not in kept
    assert "middle" in kept and "end" in kept
    # Inline math "$$ y $$" in the middle of a line is not a display block.
    assert "after" in kept


def test_markdown_html_block_needs_at_most_three_spaces_of_indent() -> None:
    text = "<script>\nvar LSTM = 1;\n</script>\n    <pre>kept as prose</pre>\n"
    kept = "".join(prose(text, "markdown"))
    assert "LSTM" not in kept
    assert "kept as prose" in kept


def test_markdown_inline_code_spans_and_fences() -> None:
    text = "Use ``a `CNN` here`` and `nn.Dropout`.\n\n```python\nx = nn.LSTM()\n```\n"
    assert "nn.Dropout" in code(text, "markdown")
    assert any("nn.LSTM" in part for part in code(text, "markdown"))
    assert "CNN" not in "".join(prose(text, "markdown"))


def test_front_matter_only_at_the_start() -> None:
    text = "---\ntitle: CNN\n---\nBody text.\n\n---\nNot: front matter\n---\n"
    kept = "".join(prose(text, "markdown"))
    assert "title" not in kept and "Not: front matter" in kept


def test_latex_escaped_percent_and_dollar_are_prose() -> None:
    text = "We reach 95\\% accuracy % a CNN comment\nand pay \\$5 for $x_{CNN}$ math."
    kept = "".join(prose(text, "latex"))
    assert "accuracy" in kept and "and pay" in kept and "math" in kept
    assert "CNN" not in kept
    comments = [text[s.start : s.end] for s in segment(text, "latex") if s.kind == "comment"]
    assert comments == ["% a CNN comment"]


def test_rst_inline_literals_need_a_boundary() -> None:
    text = "A ``CNN`` literal and x``RNN`` glued."
    kept = "".join(prose(text, "restructuredtext"))
    assert "CNN" not in kept
    assert "RNN" in kept


# Python strings and comments as a pattern that tries every position states them: a string
# starts at its prefix letters, which no word character may come before.
_PYTHON_BY_EVERY_POSITION = re.compile(
    r"(?P<comment>\#[^\n]*)"
    r"|(?P<string>(?<![\w])[rRbBuUfF]{0,2}(?:'''(?:\\.|[^\\])*?(?:'''|\Z)"
    r'|"""(?:\\.|[^\\])*?(?:"""|\Z)'
    r"|'(?:\\.|[^'\\\n])*(?:'|$)"
    r'|"(?:\\.|[^"\\\n])*(?:"|$)))',
    re.MULTILINE,
)


def test_python_strings_found_at_their_quotes_are_those_of_every_position() -> None:
    pieces = ["'", '"', "'''", '"""', "#", "r", "b", "rb", "f", "x", "_", " ", "\n", "\\", "1"]
    rng = random.Random(8)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected, position = [], start
        for found in _PYTHON_BY_EVERY_POSITION.finditer(text, start, end):
            if found.start() > position:
                expected.append((position, found.start(), "code"))
            kind = "comment" if found.group("comment") is not None else "string"
            expected.append((found.start(), found.end(), kind))
            position = found.end()
        if position < end:
            expected.append((position, end, "code"))
        assert [tuple(s) for s in documents._python(text, start, end)] == expected, text


def test_closing_fences_found_by_their_line_break_are_those_found_by_line_start() -> None:
    pieces = ["```", "````", "~~~", "`", " ", "   ", "    ", "\t", "\n", "x", "\r\n"]
    rng = random.Random(9)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        mark, length = rng.choice([("`", 3), ("`", 4), ("~", 3)])
        fence_end = rng.randint(0, len(text))
        if fence_end < len(text) and text[fence_end] != "\n":
            continue  # an opening line ends at its line break (or at the end)
        end = rng.randint(fence_end, len(text))
        by_line_start = re.compile(
            rf"^ {{0,3}}{re.escape(mark)}{{{length},}}[ \t]*$", re.MULTILINE
        ).search(text, min(fence_end + 1, end), end)
        by_break = documents._closing_fence(mark, length).search(text, fence_end, end)
        expected = by_line_start and (by_line_start.start(), by_line_start.end())
        assert (by_break and (by_break.start() + 1, by_break.end())) == expected, text


def test_blocks_searched_past_the_next_fence_are_those_searched_up_to_it() -> None:
    pieces = ["$$", "<!--", "-->", "<script>", "</script>", "[a]: x", "[b]", " ", "  ", "\n", "x"]
    patterns = [pattern for _, pattern in documents._MD_BLOCKS]
    rng = random.Random(12)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        line_starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
        end = rng.choice([*line_starts, len(text)])  # a fence begins its line
        start = rng.randint(0, end)
        up_to_end = documents._Searches(patterns, text, end)
        past_end = documents._Searches(patterns, text, len(text))
        assert documents._markdown_block(text, start, end, past_end) == (
            documents._markdown_block(text, start, end, up_to_end)
        ), (text, start, end)
