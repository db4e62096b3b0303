"""Write term files in the one canonical form the store is kept in.

The form is what ``dlglossary format`` writes and what the data tests compare against:
entries sorted by id, keys in :data:`~dlglossary.termfile.FIELDS` order, empty fields left
out, definitions wrapped at 88 columns inside ``\"\"\"`` strings.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable

from .model import Term

__all__ = ["dump_term", "dump_terms"]

WIDTH = 88


def dump_terms(terms: Iterable[Term]) -> str:
    """Render ``terms`` as the canonical text of a term file."""
    return "\n".join(dump_term(term) for term in sorted(terms, key=lambda t: t.id))


def dump_term(term: Term) -> str:
    """Render one entry as a canonical ``[[term]]`` table."""
    lines = ["[[term]]", f"id = {_string(term.id)}", f"term = {_string(term.term)}"]
    for key, values in (
        ("acronyms", term.acronyms),
        ("aliases", term.aliases),
        ("code", term.code),
    ):
        if values:
            lines.append(_array(key, values))
    lines.append(f"category = {_string(term.category)}")
    lines.append(f"summary = {_string(term.summary)}")
    if term.definition:
        lines.append(f'definition = """\n{_wrap(term.definition)}\n"""')
    for key, values in (
        ("related", term.related),
        ("ambiguous", term.ambiguous),
        ("not_in", term.not_in),
    ):
        if values:
            lines.append(_array(key, values))
    if term.well_known:
        lines.append("well_known = true")
    if term.references:
        lines.append("references = [")
        for ref in term.references:
            lines.append(
                f"  {{ title = {_string(ref.title)}, year = {ref.year}, "
                f"url = {_string(ref.url)} }},"
            )
        lines.append("]")
    return "\n".join(lines) + "\n"


def _string(value: str) -> str:
    # JSON string escapes are a subset of TOML basic-string escapes.
    return json.dumps(value, ensure_ascii=False)


def _array(key: str, values: tuple[str, ...]) -> str:
    one_line = f"{key} = [{', '.join(_string(v) for v in values)}]"
    if len(one_line) <= WIDTH:
        return one_line
    return "\n".join([f"{key} = [", *(f"  {_string(v)}," for v in values), "]"])


def _wrap(definition: str) -> str:
    paragraphs = definition.split("\n\n")
    wrapped = (
        textwrap.fill(p, WIDTH, break_long_words=False, break_on_hyphens=False) for p in paragraphs
    )
    body = "\n\n".join(wrapped)
    # Inside a multi-line basic string only backslashes and runs of quotes need escaping.
    return body.replace("\\", "\\\\").replace('"""', '""\\"')
