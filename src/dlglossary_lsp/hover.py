"""The text of a hover.

A term's names, category, summary, definition, related terms and references, as
Markdown or as plain text.
"""

from __future__ import annotations

import re

from dlglossary import Store, Term

__all__ = ["render_hover"]

_MARKUP = re.compile(r"`([^`]*)`|\*\*([^*]+)\*\*|\*([^*]+)\*|_([^_]+)_")


def render_hover(term: Term, store: Store, *, markdown: bool = True) -> str:
    """The hover text for ``term``; related ids are shown by their display names."""
    related = [store[r].term for r in term.related if r in store]
    if markdown:
        return _markdown(term, related)
    return _plain(term, related)


def _markdown(term: Term, related: list[str]) -> str:
    title = f"**{term.term}**"
    if term.acronyms:
        title += f" ({', '.join(term.acronyms)})"
    parts = [f"{title} · *{term.category}*", term.summary]
    if term.definition and term.definition != term.summary:
        parts.append(term.definition)
    if related:
        parts.append("Related: " + ", ".join(related))
    for ref in term.references:
        parts.append(f"Reference: [{ref.title}]({ref.url}) ({ref.year})")
    return "\n\n".join(parts)


def _plain(term: Term, related: list[str]) -> str:
    title = term.term
    if term.acronyms:
        title += f" ({', '.join(term.acronyms)})"
    parts = [f"{title} · {term.category}", term.summary]
    if term.definition and term.definition != term.summary:
        parts.append(
            _MARKUP.sub(lambda m: next(g for g in m.groups() if g is not None), term.definition)
        )
    if related:
        parts.append("Related: " + ", ".join(related))
    for ref in term.references:
        parts.append(f"Reference: {ref.title} ({ref.year}) {ref.url}")
    return "\n\n".join(parts)
