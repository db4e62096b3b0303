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

__all__ = ["DOCUMENT_ANCHORS", "WINDOW", "resolve"]

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
            if term is not None and _ruled_out(text, match, term.not_in):
                continue
            if not whole_document and not _near(anchors, match.start):
                continue
        kept.append(match)
    return kept


def _near(anchors: list[int], position: int) -> bool:
    index = bisect.bisect_left(anchors, position - WINDOW)
    return index < len(anchors) and anchors[index] <= position + WINDOW


def _ruled_out(text: str, match: Match, phrases: tuple[str, ...]) -> bool:
    if not phrases:
        return False
    pattern, reach = _phrases_pattern(phrases)
    lo, hi = max(0, match.start - reach), min(len(text), match.end + reach)
    for found in pattern.finditer(text, lo, hi):
        if found.start() <= match.start and match.end <= found.end():
            return True
    return False


@lru_cache(maxsize=4096)
def _phrases_pattern(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], int]:
    """One pattern for all of a term's phrases, and how far around a match to look."""
    bodies = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = re.findall(r"\w+", phrase)
        # Each word may be plural or possessive; words may be split by spaces or hyphens.
        bodies.append(r"[\s\-]+".join(re.escape(w) + r"(?:'s|’s|s|es)?" for w in words))
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(bodies)})(?!\w)", re.IGNORECASE)
    return pattern, max(len(p) for p in phrases) + 8
