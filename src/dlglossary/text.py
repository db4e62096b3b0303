"""Word-level text helpers shared by the store index and the matcher."""

from __future__ import annotations

import re

__all__ = [
    "fold",
    "is_acronym_like",
    "is_distinctive_identifier",
    "name_key",
    "name_words",
    "singular_forms",
    "split_identifier",
]

_NAME_WORD = re.compile(r"[^\W_]+")
_IDENTIFIER_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+[a-z]?(?![a-z])")
_POSSESSIVE = ("'s", "’s", "'S", "’S")


def name_words(name: str) -> list[str]:
    """The words of a term name: ``"long short-term memory"`` -> long, short, term, memory.

    Possessive ``'s`` is dropped so that "Newton's method" matches "Newtons method" too.
    """
    cleaned = name
    if "'" in name or "’" in name:
        for mark in _POSSESSIVE:
            cleaned = cleaned.replace(mark, "")
    return _NAME_WORD.findall(cleaned)


def fold(name: str) -> str:
    """A comparison key under which spelling variants of a name are equal.

    Lower case, without spaces, hyphens or other punctuation: "Fine-tuning",
    "fine tuning" and "finetuning" all fold to ``finetuning``.
    """
    return "".join(name_words(name)).lower()


def is_acronym_like(word: str) -> bool:
    """True for words written with capitals after the first letter: BERT, ReLU, ResNet, t-SNE."""
    return any(c.isupper() for c in word[1:])


def singular_forms(word: str) -> list[str]:
    """Candidate singulars of ``word``, most likely first (may be empty).

    Acronym plurals only drop a lower-case ``s`` after a capital ("CNNs" -> "CNN").
    """
    forms: list[str] = []
    if len(word) < 3 or not word.endswith(("s", "S")):
        return forms
    if word[-1] == "s" and word[-2].isupper():
        return [word[:-1]]
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + ("Y" if word.isupper() else "y"))
    if lower.endswith(("ches", "shes", "sses", "xes", "zes")):
        forms.append(word[:-2])
    if not lower.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    return forms


def split_identifier(identifier: str) -> list[tuple[int, int]]:
    """Split a code identifier into word spans, the way developers write them.

    ``learning_rate`` -> learning, rate; ``learningRate`` -> learning, Rate;
    ``MAX_EPOCHS`` -> MAX, EPOCHS; ``BatchNorm2d`` -> Batch, Norm, 2d;
    ``HTTPServer`` -> HTTP, Server.
    """
    return [(m.start(), m.end()) for m in _IDENTIFIER_PART.finditer(identifier)]


def is_distinctive_identifier(name: str) -> bool:
    """Whether a bare identifier is specific enough to name one concept on its own.

    Distinctive: inner capitals (``BatchNorm2d``, ``AdamW``), all capitals of two or
    more letters (``GELU``), digits or underscores (``cross_entropy``, ``Conv2d``).
    Plain words such as ``Linear`` or ``Dropout`` are not.
    """
    if "_" in name.strip("_") or any(c.isdigit() for c in name):
        return True
    return is_acronym_like(name)


def name_key(name: str) -> str:
    """The key under which two names of the store would collide in matching."""
    words = name_words(name)
    if any(is_acronym_like(w) for w in words):
        return " ".join(words)
    return fold(name)
