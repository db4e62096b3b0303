"""Completion of term names in documents, with each term's summary as documentation.

Inside a reST ``:term:`` role (or a MyST ``{term}`` role) the typed prefix is replaced;
elsewhere in prose the word being typed is.
"""

from __future__ import annotations

import re

from lsprotocol import types

from dlglossary import Store, Term

from .analysis import LineMap

__all__ = ["complete"]

_ROLE = re.compile(r"(?::term:|\{term\})`([^`]*)$")
_WORD = re.compile(r"[\w-]*$")


def complete(
    lines: LineMap, position: types.Position, store: Store, *, markdown: bool
) -> types.CompletionList | None:
    """Term-name completions at ``position`` (None when past the end of the text)."""
    offset = lines.offset(position)
    if offset is None:
        return None
    line_start = lines.starts[position.line]
    before = lines.text[line_start:offset]
    role = _ROLE.search(before)
    word = _WORD.search(before)
    prefix = role.group(1) if role else (word.group() if word else "")
    edit_range = lines.range(offset - len(prefix), offset)
    items = []
    for term in store.sorted():
        items.append(_item(term, term.term, edit_range, markdown))
        items.extend(_item(term, acronym, edit_range, markdown) for acronym in term.acronyms)
    return types.CompletionList(is_incomplete=False, items=items)


def _item(term: Term, label: str, edit_range: types.Range, markdown: bool) -> types.CompletionItem:
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    detail = term.term if label != term.term else term.category
    return types.CompletionItem(
        label=label,
        kind=types.CompletionItemKind.Text,
        detail=detail,
        documentation=types.MarkupContent(kind=kind, value=term.summary),
        filter_text=label,
        text_edit=types.TextEdit(range=edit_range, new_text=label),
    )
