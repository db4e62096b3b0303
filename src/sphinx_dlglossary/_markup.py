"""Light Markdown of term definitions turned into docutils nodes.

Handled: ```code```, ``*emphasis*``, ``**strong**`` and ``[text](url)``.

Definitions come from term files, including the project's own; they are never parsed as
reStructuredText or passed through as HTML, so whatever they hold is shown as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Literal

from docutils import nodes

__all__ = ["inline_html", "inline_nodes", "paragraphs", "paragraphs_html"]

Kind = Literal["text", "code", "strong", "em", "link"]

_INLINE = re.compile(
    r"`(?P<code>[^`]+)`"
    r"|\*\*(?P<strong>[^*]+)\*\*"
    r"|(?<![\w*])[*_](?P<em>[^*_\s](?:[^*_]*[^*_\s])?)[*_](?![\w*])"
    r"|\[(?P<label>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)"
)


def tokens(text: str) -> Iterator[tuple[Kind, str, str]]:
    """``(kind, text, url)`` for each run of one paragraph of light Markdown."""
    position = 0
    for found in _INLINE.finditer(text):
        if found.start() > position:
            yield "text", text[position : found.start()], ""
        kinds: tuple[Kind, ...] = ("code", "strong", "em")
        kind: Kind = next((k for k in kinds if found.group(k) is not None), "link")
        if kind == "link":
            yield "link", found.group("label"), found.group("url")
        else:
            yield kind, found.group(kind), ""
        position = found.end()
    if position < len(text):
        yield "text", text[position:], ""


_NODES = {"code": nodes.literal, "strong": nodes.strong, "em": nodes.emphasis}
_TAGS = {"code": ('<code class="docutils literal notranslate">', "</code>"),
         "strong": ("<strong>", "</strong>"), "em": ("<em>", "</em>")}


def inline_nodes(text: str) -> list[nodes.Node]:
    """The nodes of one paragraph of light Markdown."""
    result: list[nodes.Node] = []
    for kind, run, url in tokens(text):
        if kind == "text":
            result.append(nodes.Text(run))
        elif kind == "link":
            result.append(nodes.reference(run, run, refuri=url))
        else:
            result.append(_NODES[kind](run, run))
    return result


def inline_html(text: str) -> str:
    """One paragraph of light Markdown as HTML, everything in it escaped."""
    parts = []
    for kind, run, url in tokens(text):
        if kind == "text":
            parts.append(html.escape(run, quote=False))
        elif kind == "link":
            parts.append(f'<a class="reference external" href="{html.escape(url)}">'
                         f"{html.escape(run, quote=False)}</a>")
        else:
            start, end = _TAGS[kind]
            parts.append(f"{start}{html.escape(run, quote=False)}{end}")
    return "".join(parts)


def _blocks(text: str) -> list[str]:
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip()))
    return [block for block in blocks if block]


def paragraphs(text: str, classes: tuple[str, ...] = ()) -> list[nodes.paragraph]:
    """One paragraph node per blank-line-separated paragraph of ``text``."""
    return [
        nodes.paragraph(block, "", *inline_nodes(block), classes=list(classes))
        for block in _blocks(text)
    ]


def paragraphs_html(text: str, css_class: str = "") -> str:
    """The paragraphs of ``text`` as HTML ``<p>`` elements."""
    opening = f'<p class="{css_class}">' if css_class else "<p>"
    return "".join(f"{opening}{inline_html(block)}</p>\n" for block in _blocks(text))
