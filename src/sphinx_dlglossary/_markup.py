"""Light Markdown of term definitions turned into docutils nodes.

Handled: ```code```, ``*emphasis*``, ``**strong**`` and ``[text](url)``.

Definitions come from term files, including the project's own; they are never parsed as
reStructuredText or passed through as HTML, so whatever they hold is shown as text.
"""

from __future__ import annotations

import re

from docutils import nodes

__all__ = ["inline_nodes", "paragraphs"]

_INLINE = re.compile(
    r"`(?P<code>[^`]+)`"
    r"|\*\*(?P<strong>[^*]+)\*\*"
    r"|(?<![\w*])[*_](?P<em>[^*_\s](?:[^*_]*[^*_\s])?)[*_](?![\w*])"
    r"|\[(?P<label>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)"
)


def inline_nodes(text: str) -> list[nodes.Node]:
    """The nodes of one paragraph of light Markdown."""
    result: list[nodes.Node] = []
    position = 0
    for found in _INLINE.finditer(text):
        if found.start() > position:
            result.append(nodes.Text(text[position : found.start()]))
        if found.group("code") is not None:
            result.append(nodes.literal(found.group("code"), found.group("code")))
        elif found.group("strong") is not None:
            result.append(nodes.strong(found.group("strong"), found.group("strong")))
        elif found.group("em") is not None:
            result.append(nodes.emphasis(found.group("em"), found.group("em")))
        else:
            label = found.group("label")
            result.append(nodes.reference(label, label, refuri=found.group("url")))
        position = found.end()
    if position < len(text):
        result.append(nodes.Text(text[position:]))
    return result


def paragraphs(text: str, classes: tuple[str, ...] = ()) -> list[nodes.paragraph]:
    """One paragraph node per blank-line-separated paragraph of ``text``."""
    blocks = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip())]
    return [
        nodes.paragraph(block, "", *inline_nodes(block), classes=list(classes))
        for block in blocks if block
    ]
