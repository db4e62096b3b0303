"""Convert string offsets to 1-based lines and columns."""

from __future__ import annotations

import bisect
from itertools import accumulate

__all__ = ["LineCounter", "LineIndex"]


class LineIndex:
    """Line starts of a text, for offset -> (line, column) conversions."""

    def __init__(self, text: str) -> None:
        # Each line starts one past the end of the one before; summed in C, as a Python
        # loop over the line breaks of a long file took longer than checking it.
        lengths = map(len, text.split("\n")[:-1])
        self.starts = list(accumulate(map((1).__add__, lengths), initial=0))

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset``; columns count code points."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column)."""
        return self.starts[max(0, min(line - 1, len(self.starts) - 1))] + column - 1


class LineCounter:
    """Offset -> (line, column) for offsets asked for in about increasing order.

    Line breaks are counted between each offset and the one asked for before it, so that
    a file whose findings come in order is read once, and no list of all its line starts
    is built (that took longer than checking a long file with a few findings).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._offset = 0
        self._line = 1

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset``; columns count code points."""
        if offset >= self._offset:
            self._line += self.text.count("\n", self._offset, offset)
        else:
            self._line -= self.text.count("\n", offset, self._offset)
        self._offset = offset
        return self._line, offset - self.text.rfind("\n", 0, offset)
