"""Term matches in only the clauses the checker reads.

The checker needs two things from the matcher: every acronym occurrence, and whether a
word that looks like jargon lies inside a known term. Both only ever involve words with a
capital after their first letter (``LSTM``, ``GPUs``, ``t-SNE``), identifier chains
(``nn.Dropout``, ``cnn_layer``) or one of a few acronyms without such a capital (``F1``,
``R²``). So instead of matching the whole document, the words around those places are
matched, which is several times faster on real documentation, where most words are
ordinary English.

The result is exact, not a heuristic. A multi-word term can only span gaps of spaces, one
line break or a hyphen (see :mod:`dlglossary.matcher`), so matching never carries across
any other punctuation or a blank line: a clause between two such "stops" is matched the
same way whether the scan starts at the beginning of the document or at the clause. The
context rule for ordinary-English names (:mod:`dlglossary.context`) needs the whole
document; when the matched clauses alone cannot settle it, :func:`focused_matches` says
so and the caller matches the whole document instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .context import DOCUMENT_ANCHORS, near_anchor, ruled_out
from .documents import Segment
from .matcher import Match, Matcher
from .store import Store
from .text import name_words

__all__ = ["focused_matches"]

# One character class first, so that the regex engine skips to candidates in C: a capital
# inside a word, an underscore, or a dot that joins an identifier chain.
_CANDIDATE = r"[A-Z_.](?:(?<=\w[A-Z])|(?<=_)|(?<=\w\.)(?=[A-Za-z_]))\w*"
# Where a clause stops, reading forwards and (on the reversed text) backwards: any
# character that never joins the words of a term (not a word character, space, hyphen or
# a dot inside a chain), or a blank line.
# Each starts with one character class, for the same reason as `_CANDIDATE`.
_STOP = re.compile(
    r"[^\w \t\-‐‑](?:(?<=[^\w\s.])|(?<=\.)(?!(?<=\w\.)[A-Za-z_])|(?<=\n)[ \t]*\r?\n)"
)
_STOP_REVERSED = re.compile(
    r"[^\w \t\-‐‑](?:(?<=[^\w\s.])|(?<=\.)(?!(?<=[A-Za-z_]\.)\w)|(?<=\n)\r?[ \t]*\n)"
)


def focused_matches(text: str, checked: Sequence[Segment], store: Store) -> list[Match] | None:
    """The resolved term matches in the clauses of ``checked`` that the checker reads.

    Returns ``None`` when whether an ordinary-English name counts cannot be decided from
    those clauses alone; the caller then matches the whole document.
    """
    matcher = store.matcher
    patterns = _candidate_patterns(matcher)
    reversed_text = text[::-1]
    size = len(text)
    clauses: set[tuple[int, int]] = set()
    for part in checked:
        for pattern in patterns:
            clause_end = part.start
            for found in pattern.finditer(text, part.start, part.end):
                position = found.start()
                if position < clause_end:
                    continue  # in the clause already taken
                stop = _STOP_REVERSED.search(reversed_text, size - position, size - part.start)
                clause_start = size - stop.start() if stop else part.start
                stop = _STOP.search(text, found.end(), part.end)
                clause_end = stop.start() if stop else part.end
                clauses.add((clause_start, clause_end))
    raw: list[Match] = []
    for clause_start, clause_end in sorted(clauses):
        raw.extend(matcher.scan(text, "prose", clause_start, clause_end))
    return _resolve_locally(text, raw, store)


def _resolve_locally(text: str, raw: list[Match], store: Store) -> list[Match] | None:
    anchors = [m.start for m in raw if not m.ambiguous]
    whole_document = len({m.term_id for m in raw if not m.ambiguous}) >= DOCUMENT_ANCHORS
    kept: list[Match] = []
    for match in raw:
        if match.ambiguous:
            term = store.get(match.term_id)
            if term is not None and ruled_out(text, match, term.not_in):
                continue
            if not whole_document and not near_anchor(anchors, match.start):
                return None  # an anchor may lie outside the clauses read
        kept.append(match)
    return kept


@lru_cache(maxsize=8)
def _candidate_patterns(matcher: Matcher) -> tuple[re.Pattern[str], ...]:
    """The candidate pattern, and one for the acronyms it would miss (``F1``, ``R²``)."""
    base = re.compile(_CANDIDATE)
    extra = set()
    for acronym in matcher.acronyms():
        words = name_words(acronym)
        if words and not any(base.search(word) for word in words):
            # The whole acronym as it can appear in prose, so that short words such as
            # the "W" of "W B" do not make every "W" a candidate.
            extra.add(_surface_pattern(words))
    if not extra:
        return (base,)
    names = "|".join(sorted(extra, key=len, reverse=True))
    return base, re.compile(rf"(?:{names})(?!\w)")


_JOINABLE = r"(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*|[-‐‑])"


def _surface_pattern(words: list[str]) -> str:
    """A pattern for a name's words as they can appear in prose, from a word boundary."""
    body = _JOINABLE.join(_with_plural(word) for word in words)
    first = re.escape(words[0][0])
    if words[0][0].isalnum() and body.startswith(first):
        # The first letter before the boundary check, so that the regex engine can skip
        # to that letter (see `_CANDIDATE`).
        return f"{first}(?<!\\w.){body[len(first):]}"
    return rf"(?<!\w){body}"


def _with_plural(word: str) -> str:
    """A pattern for ``word`` and the plurals the matcher reads as it."""
    if word[-1] in "yY":
        return re.escape(word[:-1]) + r"(?:[yY]|[iI][eE][sS])"
    return re.escape(word) + r"(?:[eE]?[sS])?"
