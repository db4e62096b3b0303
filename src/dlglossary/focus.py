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

from .context import DOCUMENT_ANCHORS, WINDOW, near_anchor, ruled_out
from .documents import Segment
from .matcher import Match, Matcher
from .memo import per_object
from .store import Store
from .text import name_words

__all__ = ["Focus", "Undecided", "focused_matches"]

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


class Undecided(Exception):
    """Whether an ordinary-English name counts needs the whole document's matches."""


def focused_matches(
    text: str,
    checked: Sequence[Segment],
    store: Store,
    segments: Sequence[Segment] | None = None,
) -> list[Match] | None:
    """The resolved term matches in the clauses of ``checked`` that bear on the findings.

    ``segments`` are all the document's segments (``checked`` among them): where an
    ordinary-English name needs context, the text around it is matched too. Returns
    ``None`` when that cannot decide it; the caller then matches the whole document.
    """
    try:
        focus = Focus(text, checked, store, segments)
        focus.read_all()
    except Undecided:
        return None
    return focus.matches


class Focus:
    """Term matches of one document, found clause by clause where the checker asks.

    On creation, every clause that may hold an acronym is matched (:attr:`matches`).
    :meth:`covers` matches further clauses on demand: the checker asks it only about
    words that look like jargon and are not known, which are few. Both raise
    :class:`Undecided` when an ordinary-English name's context cannot be told from the
    text around it.
    """

    def __init__(
        self,
        text: str,
        checked: Sequence[Segment],
        store: Store,
        segments: Sequence[Segment] | None = None,
    ) -> None:
        self.reader = _Reader(text, store)
        self.checked = list(checked)
        self.segments = self.checked if segments is None else list(segments)
        self._starts = [part.start for part in self.checked]
        self._read: set[tuple[int, int]] = set()
        self._later: list[tuple[int, Segment]] = []  # candidates whose clause can wait
        self.context = _Context(self.reader, self.segments)
        self.matches: list[Match] = []
        #: Words with a capital after their first letter, as (start, end of their part):
        #: the only words the unknown-jargon check looks at, found here once for both.
        self.capital_words: list[tuple[int, int]] = []
        acronym_words = _acronym_words(store.matcher)
        size = len(text)
        clauses: set[tuple[int, int]] = set()
        base, rare = _candidate_patterns(store.matcher)
        reversed_text = self.reader.reversed
        clause_start_of, clause_end_of = self.reader.clause_start, self.reader.clause_end
        capital_words, later = self.capital_words, self._later
        for part in self.checked:
            part_start, part_end = part.start, part.end
            clause_end = part_start
            for found in base.finditer(text, part_start, part_end):
                position = found.start()
                word = found.group()
                if word[0] != "." and "_" not in word:
                    # A capital inside a word; the word starts where the word characters
                    # before it do (found on the reversed text, in C).
                    before = _WORD_REVERSED.match(reversed_text, size - position)
                    start = size - before.end() if before else position
                    if start >= part_start:
                        capital_words.append((start, part_end))
                    if position < clause_end:
                        continue  # in the clause already taken
                    # Only an acronym's clause is needed now.
                    if text[start : found.end()] not in acronym_words:
                        later.append((position, part))
                        continue
                elif position < clause_end:
                    continue
                clause_end = clause_end_of(found.end(), part_end)
                clauses.add((clause_start_of(position, part_start), clause_end))
        # A rare acronym's pattern runs only in the parts where the document holds
        # something like it.
        for pattern, literal, loose in rare:
            if literal not in text:
                continue
            for part in _parts_touched(loose, text, self.checked, self._starts):
                part_start, part_end = part.start, part.end
                clause_end = part_start
                for found in pattern.finditer(text, part_start, part_end):
                    position = found.start()
                    if position >= clause_end:
                        clause_end = clause_end_of(found.end(), part_end)
                        clauses.add((clause_start_of(position, part_start), clause_end))
        self._read_clauses(sorted(clauses))

    def read_all(self) -> None:
        """Also match the clauses kept for :meth:`covers` (all that the checker reads)."""
        later = {self._clause(position, part) for position, part in self._later}
        self._read_clauses(sorted(later - self._read))

    def covers(self, position: int) -> bool:
        """Whether a match that holds in context covers ``position`` (in a checked part)."""
        index = bisect.bisect_right(self._starts, position) - 1
        if index < 0 or position >= self.checked[index].end:
            return False
        clause = self._clause(position, self.checked[index])
        if clause not in self._read:
            self._read_clauses([clause])
        index = bisect.bisect_right(self.matches, position, key=_match_start) - 1
        return index >= 0 and position < self.matches[index].end

    def _clause(self, position: int, part: Segment) -> tuple[int, int]:
        return (
            self.reader.clause_start(position, part.start),
            self.reader.clause_end(position, part.end),
        )

    def _read_clauses(self, clauses: list[tuple[int, int]]) -> None:
        matcher = self.reader.store.matcher
        found: list[Match] = []
        for start, end in clauses:
            self._read.add((start, end))
            found.extend(matcher.scan_clause(self.reader.text, start, end))
        self.context.learn(found)
        keeps = self.context.keeps
        kept = [m for m in found if not m.ambiguous or (_bears_on_findings(m) and keeps(m))]
        if not self.matches:
            self.matches = kept
        elif kept:
            self.matches = sorted([*self.matches, *kept])


def _match_start(match: Match) -> int:
    return match.start


def _bears_on_findings(match: Match) -> bool:
    """Whether an ambiguous match can change a finding, so its context must be settled.

    Only acronyms are reported undefined, and a match covers a word that looks like
    jargon only if its text holds a capital inside a word. Ambiguous matches are never
    anchors of context either, so the others ("kernel", "token") are left out unread.
    """
    return match.kind == "acronym" or _INNER_CAPITAL.search(match.text) is not None


_INNER_CAPITAL = re.compile(r"[A-Z](?<=\w[A-Z])")


def _parts_touched(
    pattern: re.Pattern[str], text: str, parts: Sequence[Segment], starts: Sequence[int]
) -> list[Segment]:
    """The parts that a match of ``pattern`` in the whole text overlaps (``starts``: theirs).

    Where a part's own search finds a match of a pattern that ``pattern`` matches
    wherever it does (and further), the whole search finds one there too, or one before
    it that runs over it: either way that part is among these.
    """
    touched: dict[int, Segment] = {}
    for found in pattern.finditer(text, starts[0] if starts else 0):
        start, end = found.span()
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        while index < len(parts) and parts[index].start < end:
            if parts[index].end > start:
                touched[index] = parts[index]
            index += 1
    return [touched[index] for index in sorted(touched)]


class _Context:
    """What the text read so far says about whether ordinary-English names count."""

    def __init__(self, reader: _Reader, segments: Sequence[Segment]) -> None:
        self.reader = reader
        self.segments = segments
        self.anchors: list[int] = []
        self.anchor_ids: set[str] = set()

    def learn(self, matches: Sequence[Match]) -> None:
        """Take note of the unambiguous terms among ``matches`` (found anywhere)."""
        for match in matches:
            if not match.ambiguous:
                bisect.insort(self.anchors, match.start)
                self.anchor_ids.add(match.term_id)

    def settled(self, position: int) -> bool:
        """Whether the document is about deep learning where ``position`` is."""
        return len(self.anchor_ids) >= DOCUMENT_ANCHORS or near_anchor(self.anchors, position)

    def keeps(self, match: Match) -> bool:
        """Whether ``match`` holds in context; raises :class:`Undecided` if unknowable here."""
        if not match.ambiguous:
            return True
        term = self.reader.store.get(match.term_id)
        if term is not None and ruled_out(self.reader.text, match, term.not_in):
            return False
        if not self.settled(match.start):
            # The clauses read hold too few terms to tell: match the text around.
            lo, hi = match.start - WINDOW, match.end + WINDOW
            for part in self.segments:
                if part.end > lo and part.start < hi:
                    self.learn(self.reader.scan(part, lo, hi))
            if not self.settled(match.start):
                raise Undecided(match.text)
        return True


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
            size = len(self.text)
            found = _WHITESPACE.search(self.reversed, size - lo, size - part.start)
            lo = size - found.start() if found else part.start
            found = _WHITESPACE.search(self.text, hi, part.end)
            hi = found.start() if found else part.end
            return self.store.matcher.scan(self.text, "code", lo, hi)
        lo = self.clause_start(lo, part.start)
        hi = self.clause_end(hi, part.end)
        return self.store.matcher.scan(self.text, "prose", lo, hi)


_WHITESPACE = re.compile(r"\s")


_WORD_REVERSED = re.compile(r"\w+")


@per_object
def _acronym_words(matcher: Matcher) -> frozenset[str]:
    """The words of acronyms, as prose may write them (plurals too)."""
    words: set[str] = set()
    for acronym in matcher.acronyms():
        for word in name_words(acronym):
            words.update((word, word + "s", word + "S", word + "es", word + "ES"))
            if word[-1:] in ("y", "Y"):
                words.update((word[:-1] + "ies", word[:-1] + "IES"))
    return frozenset(words)


_Rare = tuple[re.Pattern[str], str, re.Pattern[str]]


@per_object
def _candidate_patterns(matcher: Matcher) -> tuple[re.Pattern[str], tuple[_Rare, ...]]:
    """The candidate pattern, and one for each acronym it would miss (``F1``, ``R²``).

    Each of the latter comes with the literal text every match of it starts with, which
    a substring test finds fast, and a looser pattern that matches wherever it does
    (less its final word boundary), so that one search of the whole document tells
    which of its parts need searching.
    """
    base = re.compile(_CANDIDATE)
    extra = set()
    for acronym in matcher.acronyms():
        if "." in acronym.strip("."):
            continue  # "i.i.d." is one dotted token, which the first pattern finds
        words = name_words(acronym)
        if words and not any(base.search(word) for word in words):
            # The whole acronym as it can appear in prose, so that short words such as
            # the "W" of "W B" do not make every "W" a candidate.
            extra.add((*_surface_patterns(words), _stem(words[0])))
    # One pattern each: a pattern that starts with a literal word is searched for that
    # word at memchr speed, many times faster than a set of first characters.
    rare = tuple((re.compile(p), stem, re.compile(loose)) for p, loose, stem in sorted(extra))
    return base, rare


def _stem(word: str) -> str:
    """The literal start of every way prose may write ``word`` (less a final "y")."""
    return word[:-1] if word[-1] in "yY" and len(word) > 1 else word


_JOINABLE = r"(?:[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*|[-‐‑])"


def _surface_patterns(words: list[str]) -> tuple[str, str]:
    """Patterns for a name's words as they can appear in prose, with and without an end.

    Both start with the first word (less a final "y", which may read "ies"), so that the
    regex engine can search for it literally, and check the word boundary before it
    after it. Only the first checks the boundary after the last word: a part of the
    document may end there while the text goes on, so a search of the whole text that
    looks for the second finds every place a search of each part finds the first.
    """
    first = words[0]
    stem = _stem(first)
    rest = _with_plural(first)[len(re.escape(stem)) :]
    following = "".join(_JOINABLE + _with_plural(word) for word in words[1:])
    escaped = re.escape(stem)
    start = rf"{escaped}(?<!\w{escaped}){rest}{following}"
    return rf"{start}(?!\w)", start


def _with_plural(word: str) -> str:
    """A pattern for ``word`` and the plurals the matcher reads as it."""
    if word[-1] in "yY" and len(word) > 1:
        return re.escape(word[:-1]) + r"(?:[yY]|[iI][eE][sS])"
    return re.escape(word) + r"(?:[eE]?[sS])?"
