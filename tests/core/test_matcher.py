"""The matcher's semantics (DESIGN.md "Matching semantics"), one case per behaviour."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from dlglossary import Store, builtin_store, find_terms, matcher


@pytest.fixture(scope="module")
def store() -> Store:
    return builtin_store()


def found(text: str, store: Store, language: str = "plaintext") -> list[tuple[str, str]]:
    return [(m.text, m.term_id) for m in find_terms(text, language, store)]


def ids(text: str, store: Store, language: str = "plaintext") -> list[str]:
    return [term_id for _, term_id in found(text, store, language)]


# -- prose ----------------------------------------------------------------------------------

DL = " They were trained with stochastic gradient descent."


def test_plural_acronym(store: Store) -> None:
    assert found("Two CNNs." + DL, store)[0] == ("CNNs", "convolutional-neural-network")


def test_possessive_acronym(store: Store) -> None:
    assert found("The CNN's output." + DL, store)[0] == ("CNN", "convolutional-neural-network")


def test_acronym_case_sensitive_in_prose(store: Store) -> None:
    assert "long-short-term-memory" in ids("An LSTM reads the sequence.", store)
    assert "long-short-term-memory" not in ids("lstm", store)


def test_lowercase_acronym_in_code(store: Store) -> None:
    matches = found("lstm = build(hidden=128)\n", store, "python")
    assert ("lstm", "long-short-term-memory") in matches


@pytest.mark.parametrize("spelling", ["fine-tuning", "fine tuning", "finetuning", "Fine-Tuning"])
def test_hyphen_space_and_closed_variants(store: Store, spelling: str) -> None:
    assert found(f"We use {spelling} here." + DL, store)[0] == (spelling, "fine-tuning")


def test_longest_match_wins(store: Store) -> None:
    assert found("stochastic gradient descent", store) == [
        ("stochastic gradient descent", "stochastic-gradient-descent")
    ]
    assert found("plain gradient descent", store) == [("gradient descent", "gradient-descent")]


def test_multiword_term_across_a_line_break(store: Store) -> None:
    assert ids("stochastic gradient\ndescent", store) == ["stochastic-gradient-descent"]


def test_no_match_across_punctuation(store: Store) -> None:
    assert "stochastic-gradient-descent" not in ids("stochastic. Gradient descent", store)


def test_whole_words_only(store: Store) -> None:
    assert ids("CNNx and xCNN", store) == []


def test_matches_do_not_overlap_and_are_ordered(store: Store) -> None:
    matches = find_terms(
        "Batch normalization and dropout regularize a convolutional neural network.",
        "plaintext",
        store,
    )
    assert all(a.end <= b.start for a, b in itertools.pairwise(matches))
    assert [m.term_id for m in matches] == [
        "batch-normalization", "dropout", "convolutional-neural-network"
    ]


# Characters the prose reader joins the words of one name with (DESIGN.md): a name with
# any other ("W&B", "train/test split", "k-means++") is found through its other names.
_JOINED = re.compile(r"[\w \-'’]+")


def _joined_by_the_reader(name: str, acronym: bool) -> bool:
    return _JOINED.fullmatch(name.replace(".", "") if acronym else name) is not None


def test_every_name_in_the_store_is_found_written_alone(store: Store) -> None:
    missed = []
    for term in store.sorted():
        for name in (term.term, *term.aliases, *term.acronyms):
            readable = _joined_by_the_reader(name, acronym=name in term.acronyms)
            if not readable or len(re.sub(r"\W", "", name)) < 2:
                continue
            found = store.matcher.scan(name)
            whole = len(name.rstrip("."))
            if not any(m.term_id == term.id and (m.start, m.end) == (0, whole) for m in found):
                missed.append((term.id, name, [(m.text, m.term_id) for m in found]))
    assert missed == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An exact-case name beside a longer lower-case one with the same first word
        # ("iid assumption", "bidirectional encoder ..."): both paths are followed.
        ("IID data", [("IID", "iid")]),
        ("a bidirectional RNN", [("bidirectional RNN", "bidirectional-rnn")]),
        ("an F1 of 0.9", [("F1", "f1-score")]),
        # The same for a plural read as its singular ("model EMA" and "model").
        ("large models", [("models", "model")]),
        # Dotted acronyms are one token; the last dot may end the sentence.
        ("samples are i.i.d.", [("i.i.d", "iid")]),
        # Possessives inside a name.
        ("Newton's method", [("Newton's method", "newtons-method")]),
        ("Lloyd’s algorithm", [("Lloyd’s algorithm", "k-means")]),
        ("the CNN's output", [("CNN", "convolutional-neural-network")]),
        # A name in capitals written in lower case is an English word.
        ("we clip gradients at CLIP scale", [("gradients", "gradient"), ("CLIP", "clip")]),
    ],
)
def test_names_sharing_a_first_word(store: Store, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.term_id) for m in store.matcher.scan(text)] == expected


# -- code -----------------------------------------------------------------------------------

CODE_CASES = [
    ("x = nn.BatchNorm2d(64)", "nn.BatchNorm2d", "batch-normalization"),
    ("y = tf.keras.layers.BatchNormalization()", "tf.keras.layers.BatchNormalization",
     "batch-normalization"),
    ("learning_rate = 0.1", "learning_rate", "learning-rate"),
    ("learningRate = 0.1", "learningRate", "learning-rate"),
    ("MAX_EPOCHS = 10", "EPOCHS", "epoch"),
    ("self.dropout = None", "dropout", "dropout"),
    ("opt = make(params, lr=3e-4)", "lr", "learning-rate"),
    ("loss = F.cross_entropy(logits, y)", "F.cross_entropy", "cross-entropy-loss"),
    ("opt = optim.AdamW(model.parameters())", "optim.AdamW", "adamw"),
]


@pytest.mark.parametrize(("source", "text", "term_id"), CODE_CASES)
def test_code_identifiers(store: Store, source: str, text: str, term_id: str) -> None:
    # A deep-learning file: `import torch` is the context ordinary words need.
    document = "import torch\n" + source + "\n"
    assert (text, term_id) in found(document, store, "python")


def test_comment_and_docstring_are_prose(store: Store) -> None:
    source = (
        "import torch\n"
        "def step(model):\n"
        '    """Run one step of stochastic gradient descent."""\n'
        "    # apply batch normalization before the convolutional neural network\n"
    )
    matches = found(source, store, "python")
    assert ("stochastic gradient descent", "stochastic-gradient-descent") in matches
    assert ("batch normalization", "batch-normalization") in matches
    assert ("convolutional neural network", "convolutional-neural-network") in matches


def test_qualified_name_is_one_match(store: Store) -> None:
    matches = found("import torch\nx = torch.nn.functional.cross_entropy(a, b)\n", store, "python")
    assert ("torch.nn.functional.cross_entropy", "cross-entropy-loss") in matches


def test_markdown_code_fence_is_code(store: Store) -> None:
    text = "Training a CNN:\n\n```python\nopt = optim.AdamW(params, lr=1e-3)\n```\n"
    assert ("optim.AdamW", "adamw") in found(text, store, "markdown")


# -- ordinary English ---------------------------------------------------------------------------

QUIET = [
    "A bug in the Linux kernel made the machine reboot.",
    "Please pay attention to the warnings in the log.",
    "The timestamp counts seconds since the epoch.",
    "Run the installer from a batch file on Windows.",
    "Set the font weight of the heading to bold.",
    "Adjust the CSS padding of the sidebar.",
    "The server rejected an auth token that had expired.",
]


@pytest.mark.parametrize("sentence", QUIET)
def test_ordinary_english_stays_quiet(store: Store, sentence: str) -> None:
    assert found(sentence, store) == []


LOUD = [
    ("Each convolutional neural network layer slides a kernel over the input.", "kernel"),
    ("The neural network computes attention over every position of the input.", "attention"),
    ("We train the neural network for one epoch with stochastic gradient descent.", "epoch"),
    ("Each batch feeds the neural network during stochastic gradient descent.", "batch"),
    ("Backpropagation updates each weight of the neural network.", "weight"),
    ("The convolutional neural network adds padding to keep the size.", "padding"),
    ("The language model predicts the next token after the tokenizer runs.", "token"),
]


@pytest.mark.parametrize(("sentence", "word"), LOUD)
def test_ordinary_words_count_in_deep_learning_text(store: Store, sentence: str, word: str) -> None:
    assert any(text.lower() == word for text, _ in found(sentence, store)), found(sentence, store)


def test_excluding_phrase_wins_even_in_deep_learning_text(store: Store) -> None:
    text = "We trained a convolutional neural network with dropout. The Linux kernel crashed."
    assert all(text_ != "kernel" for text_, _ in found(text, store))


def test_ordinary_words_in_code_need_deep_learning_code(store: Store) -> None:
    plain = "def render(page):\n    weight = page.font.weight\n    return weight\n"
    assert found(plain, store, "python") == []
    deep = "import torch\nweight = model.fc.weight\n"
    assert any(term_id for text, term_id in found(deep, store, "python") if text == "weight")


def test_code_tokens_are_found_as_by_a_leading_lookbehind() -> None:
    leading = re.compile(r"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
    rng = random.Random(2)
    for _ in range(20000):
        text = "".join(rng.choice("ab_.1 (é\nX") for _ in range(rng.randint(0, 15)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert [m.span() for m in matcher._CODE_TOKEN.finditer(text, start, end)] == [
            m.span() for m in leading.finditer(text, start, end)
        ], text
