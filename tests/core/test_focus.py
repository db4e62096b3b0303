"""The checker's focused matching gives exactly what matching the whole document gives.

`check_text` without ``matches`` only matches the clauses around capitals, identifier
chains and a few acronyms (`dlglossary.focus`); these tests hold it to the same findings
as `check_text` given the whole document's matches, on hand-picked edge cases and on
thousands of generated documents made of the store's own names and awkward separators.
"""

from __future__ import annotations

import itertools
import random

import pytest

from dlglossary import Store, builtin_store, check_text, find_terms, segment
from dlglossary.documents import Segment
from dlglossary.focus import _candidate_patterns, _parts_touched, focused_matches


@pytest.fixture(scope="module")
def store() -> Store:
    return builtin_store()


def same_findings(text: str, language: str, store: Store, **options: object) -> None:
    focused = check_text(text, language, store, **options)  # type: ignore[arg-type]
    whole = check_text(
        text, language, store, matches=find_terms(text, language, store), **options  # type: ignore[arg-type]
    )
    assert focused == whole, text


EDGE_CASES = [
    # Acronyms alone, in parentheses, plural, possessive, at line ends and hyphenated.
    "The LSTM remembers. A long short-term memory (LSTM) network. CNNs and the CNN's kernel.",
    "Long Short-Term\nMemory (LSTM) spans a line break; so does long short-term\n\nmemory (LSTM).",
    "We use t-SNE, BiLSTM-CRF taggers and a GPT-style decoder with RoPE and GELU.",
    # An acronym inside a longer term, and a term that runs across the candidate's line.
    "A Vision Transformer (ViT) beats a ViT-B/16 baseline; F1 score and the F1 are reported.",
    "Coefficient of determination R² and seq2seq models; R²s of 0.9.",
    # Identifier chains and snake_case words in prose.
    "Call torch.nn.functional.gelu, nn.BatchNorm2d and model.cnn_layer before e.g. AdamW.",
    # Ordinary-English acronyms that need context: none here, so the whole document is
    # matched to decide (and nothing is found).
    "The GAP between the two rooms is small. The PER diem is paid.",
    # ...and a document with enough context to decide from the clauses alone.
    "Stochastic gradient descent (SGD) trains the CNN; global average pooling (GAP) ends it.",
    # Suppressions and unknown jargon next to known terms.
    "QZRX and FooNet are new. dlglossary: ignore QZRX\n<!-- dlglossary: off -->BLORP<!-- dlglossary: on -->",
    # Stops of every kind right next to a candidate.
    "(LSTM),[CNN];{GRU}:'RNN'\"GAN\"/VAE\\BERT|MLP!SGD?ReLU*GELU",
    "LSTM\u00a0network, LSTM\tnetwork, LSTM\r\nnetwork, LSTM -- network, LSTM - network.",
    # The acronyms without an inner capital, against holes, URLs and each other.
    "F1`x` and seq2seq`y`; W&B https://wandb.ai and i.i.d.`z`, R²<b>0.9</b> F1s.",
    "An F1www.example.org score, i.i.d samples, W & B runs and W-B logs; noF1 here.",
    # Each alone, ending a part that a hole starting with a letter follows.
    "The F1www.example.org score.",
    "A seq2seqhttps://example.org model.",
    "Logged to W&Bwww.wandb.ai today.",
]


@pytest.mark.parametrize("text", EDGE_CASES)
@pytest.mark.parametrize("language", ["markdown", "plaintext", "restructuredtext", "latex"])
def test_edge_cases(store: Store, text: str, language: str) -> None:
    same_findings(text, language, store)


def test_code_comments(store: Store) -> None:
    text = "x = nn.LSTM(4, 8)  # the LSTM and a GRU (gated recurrent unit)\ny = 'CNN'\n"
    same_findings(text, "python", store, include_comments=True)


def test_generated_documents(store: Store) -> None:
    names = [
        name
        for term in store
        for name in (term.term, *term.aliases, *term.acronyms, *term.ambiguous[:2])
    ]
    names += [acronym + "s" for term in store for acronym in term.acronyms]
    separators = [" ", " ", "-", "\n", ", ", ". ", " (", ") ", "\n\n", "_", ".", "'s ", " the "]
    rng = random.Random(20261121)
    fast = 0
    for _ in range(1500):
        words = (rng.choice(names) + rng.choice(separators) for _ in range(rng.randint(1, 30)))
        text = "".join(words)
        language = rng.choice(["markdown", "plaintext", "restructuredtext", "latex", "python"])
        same_findings(text, language, store, include_comments=True)
        prose = [s for s in segment(text, language) if s.kind in ("prose", "comment")]
        fast += focused_matches(text, prose, store) is not None
    # The focused path must really be the one taken, not the fallback, most of the time.
    assert fast > 1200


def test_undecidable_context_falls_back(store: Store) -> None:
    text = "The GAP between the rooms."
    prose = segment(text, "plaintext")
    assert focused_matches(text, prose, store) is None
    # An unambiguous term in a clause that is read anyway settles it.
    rich = "An LSTM with GAP at the end."
    matches = focused_matches(rich, segment(rich, "plaintext"), store)
    assert matches is not None and "GAP" in [m.text for m in matches]


def test_ordinary_names_that_cannot_change_a_finding_are_left_unsettled(store: Store) -> None:
    # "kernel" is neither an acronym nor holds a capital inside a word: whether it counts
    # here changes no finding, so its context is not asked for (no whole-document match).
    text = "The kernel between the rooms."
    assert focused_matches(text, segment(text, "plaintext"), store) == []
    same_findings(text, "plaintext", store)
    # An ambiguous acronym still is: its use may be reported.
    text = "The kernel and the GAP between the rooms."
    assert focused_matches(text, segment(text, "plaintext"), store) is None
    same_findings(text, "plaintext", store)


def test_context_from_nearby_code(store: Store) -> None:
    # The comment's clause holds only an ambiguous acronym; the code around it (read as
    # identifiers) has the terms that settle it.
    text = "import torch.nn as nn\nlayer = nn.Conv2d(3, 8, 3)\nx = y\n# then the GAP here\n"
    same_findings(text, "python", store, include_comments=True)
    comments = [s for s in segment(text, "python") if s.kind == "comment"]
    assert focused_matches(text, comments, store, segment(text, "python")) is not None
    assert focused_matches(text, comments, store) is None  # without the code: undecided


def test_rare_acronyms_are_searched_in_the_parts_they_touch(store: Store) -> None:
    """Searching only the parts a loose match overlaps finds every part's own matches.

    Parts are cut anywhere, inside the acronyms too, so that loose matches run across
    part ends and into the holes between parts.
    """
    _, rare = _candidate_patterns(store.matcher)
    pieces = ["F1", "F1s", "f1", "R²", "W", "B", "W B", "seq2seq", "x", "_", " ", "-", "\n", "."]
    rng = random.Random(5)
    skipped = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        cuts = sorted(rng.sample(range(len(text) + 1), k=min(len(text) + 1, rng.randint(1, 10))))
        parts = [
            Segment(start, end, "prose")
            for start, end in itertools.pairwise(cuts)
            if end > start and rng.random() < 0.7
        ]
        starts = [part.start for part in parts]
        for pattern, _, loose in rare:
            touched = _parts_touched(loose, text, parts, starts)
            everywhere = [
                (found.span(), part)
                for part in parts
                for found in pattern.finditer(text, part.start, part.end)
            ]
            assert everywhere == [
                (found.span(), part)
                for part in touched
                for found in pattern.finditer(text, part.start, part.end)
            ], (text, parts)
            skipped += len(parts) - len(touched)
    assert skipped > 1000  # most parts really are left out
