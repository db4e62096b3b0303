"""The shared checker: undefined acronyms, unknown jargon, suppressions and fixes."""

from __future__ import annotations

import random
import re

import pytest

from dlglossary import Store, builtin_store, check_text, checker
from dlglossary.fixes import apply_fixes


@pytest.fixture(scope="module")
def store() -> Store:
    return builtin_store()


def codes(text: str, store: Store, language: str = "markdown", **kw: object) -> list[tuple[str, str]]:
    return [(f.code, f.word) for f in check_text(text, language, store, **kw)]  # type: ignore[arg-type]


DL = "We train it with stochastic gradient descent and backpropagation.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        DL + "A long short-term memory (LSTM) network. The LSTM remembers.",
        DL + "An LSTM (long short-term memory) network. The LSTM remembers.",
        DL + "An LSTM (Long Short-Term Memory) network.",
        DL + "Long Short-Term Memory (LSTMs) are old.",
        # White space around the parentheses, however much.
        DL + "A long short-term memory (           LSTM ) network.",
        DL + "An LSTM\n            (long short-term memory) network.",
        DL + "An LSTMs  (long short-term memories) network.",
    ],
)
def test_expansion_in_either_order_and_any_case(store: Store, text: str) -> None:
    assert ("undefined-acronym", "LSTM") not in codes(text, store)
    assert ("undefined-acronym", "LSTMs") not in codes(text, store)


def test_acronym_before_its_expansion(store: Store) -> None:
    text = DL + "The LSTM is good. A long short-term memory (LSTM) remembers."
    [finding] = [f for f in check_text(text, "markdown", store) if f.code == "undefined-acronym"]
    assert finding.word == "LSTM" and "before it is spelled out" in finding.message
    assert text[finding.start : finding.end] == "LSTM"


def test_plural_and_fix(store: Store) -> None:
    text = DL + "Two LSTMs were stacked. The LSTM forgets."
    findings = check_text(text, "markdown", store)
    [finding] = [f for f in findings if f.code == "undefined-acronym"]
    assert finding.fix is not None
    fixed = apply_fixes(text, [finding.fix])
    assert "Two long short-term memories (LSTMs) were stacked." in fixed
    # Idempotent: the fixed text has nothing left to fix.
    assert not [f for f in check_text(fixed, "markdown", store) if f.code == "undefined-acronym"]


@pytest.mark.parametrize(
    ("sentence", "fixed"),
    [
        (
            "The samples are i.i.d. and shuffled.",
            "The samples are independent and identically distributed (i.i.d.) and shuffled.",
        ),
        (
            "The samples are i.i.d. Then they are shuffled.",
            "The samples are independent and identically distributed (i.i.d.). Then they are "
            "shuffled.",
        ),
        ("IID samples are rare.", "Independent and identically distributed (IID) samples are rare."),
    ],
)
def test_acronyms_written_with_dots_and_their_fix(store: Store, sentence: str, fixed: str) -> None:
    text = DL + sentence
    [finding] = [f for f in check_text(text, "markdown", store) if f.code == "undefined-acronym"]
    assert finding.term_id == "iid" and finding.fix is not None
    assert apply_fixes(text, [finding.fix]) == DL + fixed
    assert not [f for f in check_text(DL + fixed, "markdown", store) if f.code == "undefined-acronym"]


def test_fix_capitalizes_at_sentence_start(store: Store) -> None:
    text = DL + "LSTM networks remember."
    [finding] = [f for f in check_text(text, "markdown", store) if f.code == "undefined-acronym"]
    assert finding.fix is not None and finding.fix.replacement == "Long short-term memory (LSTM)"


def test_well_known_acronyms_need_no_expansion(store: Store) -> None:
    gpu = store.lookup("GPU")
    assert gpu is not None and gpu.well_known
    assert not [c for c in codes(DL + "Train on a GPU.", store) if c[1] == "GPU"]


@pytest.mark.parametrize("word", ["QXNet", "ZQRT", "XyZWs", "BLORP"])
def test_unknown_jargon(store: Store, word: str) -> None:
    assert ("unknown-jargon", word) in codes(DL + f"Then {word} is applied.", store)


@pytest.mark.parametrize(
    "text",
    [
        "Zonal Query Ranking Transform (ZQRT) is applied. Then ZQRT is applied.",
        "ZQRT (zonal query ranking transform) is applied.",
        "Read the README and the JSON API docs on GitHub.",
        "Chapter IV: the WARNING LINE IS IN CAPITALS.",
        "Use `ZQRT` in code.",
        "See https://example.org/ZQRT for details.",
        "```\nZQRT = 1\n```\n",
        "$ZQRT$ is math.",
    ],
)
def test_not_unknown_jargon(store: Store, text: str) -> None:
    assert not [c for c in codes(text, store) if c[0] == "unknown-jargon"]


def test_ignored_words(store: Store) -> None:
    assert codes(DL + "ZQRT.", store, ignored_words=["ZQRT"]) == []
    assert codes(DL + "ZQRT.", store, ignored_words=["zqrt"]) == []


def test_select(store: Store) -> None:
    text = DL + "The LSTM and ZQRT."
    assert {c for c, _ in codes(text, store, select=["unknown-jargon"])} == {"unknown-jargon"}


def test_inline_suppressions(store: Store) -> None:
    text = (
        DL + "ZQRT here. <!-- dlglossary: ignore -->\n\n"
        "<!-- dlglossary: off -->\nBLORP and QXNet.\n<!-- dlglossary: on -->\n\nXYZW."
    )
    assert [w for _, w in codes(text, store)] == ["XYZW"]


def test_languages(store: Store) -> None:
    assert ("unknown-jargon", "ZQRT") in codes(DL + "ZQRT.", store, "restructuredtext")
    assert ("unknown-jargon", "ZQRT") in codes(DL + "ZQRT.", store, "latex")
    assert ("unknown-jargon", "ZQRT") in codes(DL + "ZQRT.", store, "plaintext")
    assert codes("# ZQRT here\nx = 1\n", store, "python") == []
    assert ("unknown-jargon", "ZQRT") in codes(
        "# ZQRT here\nx = 1\n", store, "python", include_comments=True
    )


def test_rst_literal_and_math_are_skipped(store: Store) -> None:
    text = "Intro::\n\n    ZQRT = 1\n\n.. math::\n\n   BLORP\n\nAnd ``QXNet`` too.\n"
    assert codes(text, store, "restructuredtext") == []


def test_latex_math_and_commands_are_skipped(store: Store) -> None:
    text = r"\section{Intro} $ZQRT$ and \cite{BLORP} \begin{equation}QXNet\end{equation}"
    assert codes(text, store, "latex") == []


def test_front_matter_is_skipped(store: Store) -> None:
    assert codes("---\ntitle: ZQRT\n---\nHello.\n", store) == []


def test_malformed_documents_do_not_raise(store: Store) -> None:
    for language in ("markdown", "restructuredtext", "latex", "python", "plaintext"):
        for text in ("```\nunclosed", '"""unclosed', "$$ x", ".. code::\n", "\x00\x01", "", "\n" * 5):
            check_text(text, language, store)


def test_a_store_is_forgotten_once_dropped(store: Store) -> None:
    # A server builds a new store on each glossary edit; the checker's per-store memos
    # must not keep the old ones (and their matchers) alive.
    import gc
    import weakref

    from dlglossary import check_text

    fresh = Store(list(store))
    assert codes("The LSTM and FooNet. " + DL, fresh)
    matcher = weakref.ref(fresh.matcher)
    dropped = weakref.ref(fresh)
    del fresh
    gc.collect()
    assert dropped() is None and matcher() is None
    assert check_text("The LSTM.", "markdown", store)  # the shared store still works


def test_words_before_a_parenthesis_read_backwards_as_forwards() -> None:
    """The reversed-text test of `_Introductions` agrees with the pattern it replaces."""
    forwards = re.compile(r"\w[\w\s-]*\w\s*\Z")
    rng = random.Random(1)
    for _ in range(20000):
        text = "".join(rng.choice("ab -,\n(é_1 ") for _ in range(rng.randint(0, 14)))
        assert bool(checker._WORDS_BEFORE_REVERSED.match(text[::-1])) == bool(
            forwards.search(text)
        ), text
