"""Decide whether ordinary-English names ("kernel", "epoch", "attention") count as jargon.

A match of a name listed in a term's ``ambiguous`` field is kept only when

1. it is not inside one of the term's ``not_in`` phrases ("the Linux kernel",
   "pay attention to", "seconds since the epoch"), and
2. the document is about deep learning: an unambiguous term occurs within
   :data:`WINDOW` characters, or the document holds at least :data:`DOCUMENT_ANCHORS`
   distinct unambiguous terms.

Per-term data and document context together decide, so that a tutorial on convolutions
finds "kernel" while a Linux README does not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from .matcher import Match
from .model import Term

__all__ = ["DOCUMENT_ANCHORS", "WINDOW", "near_anchor", "resolve", "ruled_out"]

WINDOW = 2000
DOCUMENT_ANCHORS = 3


def resolve(
    text: str, matches: Sequence[Match], term_of: Callable[[str], Term | None]
) -> list[Match]:
    """Keep the matches of ``text`` that hold in context; drop the rest."""
    anchors = [m.start for m in matches if not m.ambiguous]
    whole_document = len({m.term_id for m in matches if not m.ambiguous}) >= DOCUMENT_ANCHORS
    kept: list[Match] = []
    for match in matches:
        if match.ambiguous:
            term = term_of(match.term_id)
            if term is not None and ruled_out(text, match, term.not_in):
                continue
            if not whole_document and not near_anchor(anchors, match.start):
                continue
        kept.append(match)
    return kept


def near_anchor(anchors: Sequence[int], position: int) -> bool:
    """Whether one of ``anchors`` (sorted positions) lies within :data:`WINDOW` of ``position``."""
    index = bisect.bisect_left(anchors, position - WINDOW)
    return index < len(anchors) and anchors[index] <= position + WINDOW


def ruled_out(text: str, match: Match, phrases: tuple[str, ...]) -> bool:
    """Whether ``match`` lies inside one of the ``phrases`` ("the Linux kernel")."""
    if not phrases:
        return False
    reach, by_word = _phrase_hints(phrases, match.form)
    lo, hi = max(0, match.start - reach), min(len(text), match.end + reach)
    # Most matches are nowhere near such a phrase: unless a word that only a phrase would
    # bring ("Linux", "panic") is close by, no phrase need be tried. A substring test
    # rules out most at once; a phrase is compiled and tried only when every one of its
    # words is close by (compiling one costs as much as reading a page).
    around = text[lo:hi].lower()
    nearby: set[str] | None = None
    for word, holding in by_word.items():
        if word not in around:
            continue
        if nearby is None:
            nearby = set(_WORD.findall(around))
        for phrase, words in holding:
            if not all(nearby.intersection(forms) for forms in words):
                continue
            for found in _phrase_pattern(phrase).finditer(text, lo, hi):
                if found.start() <= match.start and match.end <= found.end():
                    return True
    return False


_WORD = re.compile(r"\w+")
_Holding = list[tuple[str, list[tuple[str, ...]]]]


@lru_cache(maxsize=4096)
def _phrase_hints(phrases: tuple[str, ...], name: str) -> tuple[int, dict[str, _Holding]]:
    """Precomputed help for `ruled_out`, per term and name matched.

    Returns how far around a match to look, and for one word of each phrase (lower
    case) the phrases that need it, each with the forms of all its words (plurals too)
    as `_phrase_pattern` reads them. The longest word not in the name itself is the least
    likely to be near by chance.
    """
    by_word: dict[str, _Holding] = {}
    own = {w.lower() for w in _WORD.findall(name)}
    for phrase in phrases:
        words = [w.lower() for w in _WORD.findall(phrase)]
        rarest = max([w for w in words if w not in own] or words, key=len)
        forms: list[tuple[str, ...]] = [(w, w + "s", w + "es") for w in words]
        by_word.setdefault(rarest, []).append((phrase, forms))
    return max(len(p) for p in phrases) + 8, by_word


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase whose words may be plural or possessive and split by spaces or hyphens."""
    words = _WORD.findall(phrase)
    body = r"[\s\-]+".join(re.escape(w) + r"(?:'s|’s|s|es)?" for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)
