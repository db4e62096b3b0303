"""The extension's own nodes, and the opt-out directive and role.

``dlglossary_placeholder``
    Left by the ``dlglossary`` directive at read time; filled with the entries at write
    time, once every document's term use is known.
``dlglossary_tip``
    The richer CSS tooltip of a link. Its text is an attribute, not a child, so search
    indexes and other builders never see it; only HTML writes it, escaped.
``dlglossary-skip``
    A directive and a role marking a passage that is neither linked nor checked.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.writers.html5 import HTML5Translator

from ._textmap import SKIP_CLASS

__all__ = [
    "SkipDirective",
    "SkipRole",
    "dlglossary_placeholder",
    "dlglossary_tip",
    "skip_node",
    "visit_tip_html",
]


class dlglossary_placeholder(nodes.General, nodes.Element):
    """Where a ``dlglossary`` directive's entries go (``terms``, ``categories``)."""


class dlglossary_tip(nodes.Inline, nodes.Element):
    """A CSS tooltip: ``title`` (the term) and ``summary`` attributes."""


def visit_tip_html(self: HTML5Translator, node: dlglossary_tip) -> None:
    """Write the tooltip as a span that CSS shows on hover and on keyboard focus."""
    title = self.encode(node["title"])
    summary = self.encode(node["summary"])
    self.body.append(
        f'<span class="dlglossary-tip" role="tooltip"><strong>{title}</strong> {summary}</span>'
    )
    raise nodes.SkipNode


def skip_node(self: Any, node: nodes.Node) -> None:
    """Writers other than HTML leave tooltips out."""
    raise nodes.SkipNode


class SkipDirective(SphinxDirective):
    """``.. dlglossary-skip::`` — its content is neither linked nor checked."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        """Parse the content into a container that the linker leaves alone."""
        container = nodes.container(classes=[SKIP_CLASS, *self.options.get("class", [])])
        self.set_source_info(container)
        container += self.parse_content_to_nodes(allow_section_headings=True)
        return [container]


class SkipRole(SphinxRole):
    """``:dlglossary-skip:`text``` — text that is neither linked nor checked."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """The text, as an inline that the linker leaves alone."""
        return [nodes.inline(self.rawtext, self.text, classes=[SKIP_CLASS])], []
