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

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from .context import DOCUMENT_ANCHORS, WINDOW, near_anchor, ruled_out
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


def focused_matches(
    text: str,
    checked: Sequence[Segment],
    store: Store,
    segments: Sequence[Segment] | None = None,
) -> list[Match] | None:
    """The resolved term matches in the clauses of ``checked`` that the checker reads.

    ``segments`` are all the document's segments (``checked`` among them): where an
    ordinary-English name needs context, the text around it is matched too. Returns
    ``None`` when that cannot decide it; the caller then matches the whole document.
    """
    reader = _Reader(text, store)
    clauses: set[tuple[int, int]] = set()
    for part in checked:
        for pattern in _candidate_patterns(store.matcher):
            clause_end = part.start
            for found in pattern.finditer(text, part.start, part.end):
                if found.start() < clause_end:
                    continue  # in the clause already taken
                clause_start = reader.clause_start(found.start(), part.start)
                clause_end = reader.clause_end(found.end(), part.end)
                clauses.add((clause_start, clause_end))
    raw: list[Match] = []
    for clause_start, clause_end in sorted(clauses):
        raw.extend(store.matcher.scan_clause(text, clause_start, clause_end))
    return _resolve(reader, raw, checked if segments is None else segments)


class _Reader:
    """Clause and token boundaries of one text, found forwards and backwards."""

    def __init__(self, text: str, store: Store) -> None:
        self.text = text
        self.store = store
        self.reversed = text[::-1]

    def clause_start(self, position: int, floor: int) -> int:
        """Where the clause holding ``position`` starts (not before ``floor``)."""
        size = len(self.text)
        stop = _STOP_REVERSED.search(self.reversed, size - position, size - floor)
        return size - stop.start() if stop else floor

    def clause_end(self, position: int, ceiling: int) -> int:
        """Where the clause holding ``position`` ends (not after ``ceiling``)."""
        stop = _STOP.search(self.text, position, ceiling)
        return stop.start() if stop else ceiling

    def scan(self, part: Segment, lo: int, hi: int) -> list[Match]:
        """The raw matches of ``part`` around ``text[lo:hi]``, from true boundaries."""
        lo, hi = max(lo, part.start), min(hi, part.end)
        if lo >= hi:
            return []
        if part.kind == "code":
            # Code tokens never hold white space, so a scan may start and end at any.
            lo = _whitespace_before(self.text, lo, part.start)
            found = _WHITESPACE.search(self.text, hi, part.end)
            hi = found.start() if found else part.end
            return self.store.matcher.scan(self.text, "code", lo, hi)
        lo = self.clause_start(lo, part.start)
        hi = self.clause_end(hi, part.end)
        return self.store.matcher.scan(self.text, "prose", lo, hi)


def _resolve(reader: _Reader, raw: list[Match], segments: Sequence[Segment]) -> list[Match] | None:
    """Keep the raw matches that hold in context, or None when that cannot be decided."""
    anchors = sorted(m.start for m in raw if not m.ambiguous)
    anchor_ids = {m.term_id for m in raw if not m.ambiguous}
    kept: list[Match] = []
    for match in raw:
        if match.ambiguous:
            term = reader.store.get(match.term_id)
            if term is not None and ruled_out(reader.text, match, term.not_in):
                continue
            if len(anchor_ids) < DOCUMENT_ANCHORS and not near_anchor(anchors, match.start):
                # The clauses read hold too few terms to tell: match the text around.
                lo, hi = match.start - WINDOW, match.end + WINDOW
                for part in segments:
                    if part.end > lo and part.start < hi:
                        for found in reader.scan(part, lo, hi):
                            if not found.ambiguous:
                                bisect.insort(anchors, found.start)
                                anchor_ids.add(found.term_id)
                if len(anchor_ids) < DOCUMENT_ANCHORS and not near_anchor(anchors, match.start):
                    return None  # only the whole document can tell
        kept.append(match)
    return kept


_WHITESPACE = re.compile(r"\s")


def _whitespace_before(text: str, position: int, floor: int) -> int:
    """The position just after the last white space before ``position`` (or ``floor``)."""
    for index in range(position - 1, floor - 1, -1):
        if text[index].isspace():
            return index + 1
    return floor


@lru_cache(maxsize=8)
def _candidate_patterns(matcher: Matcher) -> tuple[re.Pattern[str], ...]:
    """The candidate pattern, and one for each acronym it would miss (``F1``, ``R²``)."""
    base = re.compile(_CANDIDATE)
    extra = set()
    for acronym in matcher.acronyms():
        words = name_words(acronym)
        if words and not any(base.search(word) for word in words):
            # The whole acronym as it can appear in prose, so that short words such as
            # the "W" of "W B" do not make every "W" a candidate.
            extra.add(_surface_pattern(words))
    # One pattern each: a pattern that starts with a literal word is searched for that
    # word at memchr speed, many times faster than a set of first characters.
    return (base, *(re.compile(pattern) for pattern in sorted(extra)))


_JOINABLE = r"(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*|[-‐‑])"


def _surface_pattern(words: list[str]) -> str:
    """A pattern for a name's words as they can appear in prose, between word boundaries.

    It starts with the first word (less a final "y", which may read "ies"), so that the
    regex engine can search for it literally, and checks the boundary before it after it.
    """
    first = words[0]
    stem = first[:-1] if first[-1] in "yY" and len(first) > 1 else first
    rest = _with_plural(first)[len(re.escape(stem)) :]
    following = "".join(_JOINABLE + _with_plural(word) for word in words[1:])
    escaped = re.escape(stem)
    return rf"{escaped}(?<!\w{escaped}){rest}{following}(?!\w)"


def _with_plural(word: str) -> str:
    """A pattern for ``word`` and the plurals the matcher reads as it."""
    if word[-1] in "yY" and len(word) > 1:
        return re.escape(word[:-1]) + r"(?:[yY]|[iI][eE][sS])"
    return re.escape(word) + r"(?:[eE]?[sS])?"
