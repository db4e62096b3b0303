"""Term occurrences in a whole document: segmentation, matching and context together."""

from __future__ import annotations

from collections.abc import Sequence

from .context import resolve
from .documents import Segment, segment
from .matcher import Match
from .store import Store

__all__ = ["find_terms"]


def find_terms(
    text: str, language: str, store: Store, segments: Sequence[Segment] | None = None
) -> list[Match]:
    """Every term occurrence in ``text`` (written in ``language``), in order.

    Code segments are read as identifiers, everything else as prose; ordinary-English
    names are kept only where the document's context supports them. ``segments``
    replaces the segmentation of ``language`` (notebooks pass their cells').
    """
    matcher = store.matcher
    raw: list[Match] = []
    for part in segment(text, language) if segments is None else segments:
        if part.kind == "code":
            raw.extend(matcher.scan(text, "code", part.start, part.end))
        else:
            raw.extend(matcher.scan(text, "prose", part.start, part.end))
    return resolve(text, raw, store.get)
