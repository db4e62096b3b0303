"""Offsets to lines and columns, by the line index and by counting forward."""

from __future__ import annotations

import random

from dlglossary.positions import LineCounter, LineIndex


def test_counting_from_the_last_offset_gives_the_index_positions() -> None:
    rng = random.Random(4)
    for _ in range(500):
        text = "".join(rng.choice("ab \n\r\n\x0c\u2028é") for _ in range(rng.randint(0, 80)))
        index, counter = LineIndex(text), LineCounter(text)
        offsets = sorted(rng.randint(0, len(text)) for _ in range(rng.randint(1, 12)))
        # Mostly forwards, as findings come; now and then back a little or far.
        for position, offset in enumerate(offsets):
            if rng.random() < 0.3:
                offset = rng.randint(0, len(text))
            assert counter.position(offset) == index.position(offset), (text, offsets, position)


def test_line_and_column_are_one_based_and_count_code_points() -> None:
    counter = LineCounter("é x\nLSTM here\r\nand GRU")
    assert counter.position(0) == (1, 1)
    assert counter.position(2) == (1, 3)
    assert counter.position(4) == (2, 1)
    assert counter.position(19) == (3, 5)
    assert counter.position(9) == (2, 6)  # backwards
