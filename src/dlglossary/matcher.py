"""Find term occurrences in prose and in code.

Prose is read as a stream of words: whole words only, case-insensitive names,
case-sensitive acronyms, plurals and possessives, hyphen/space/closed variants alike,
leftmost-longest and without overlaps. Code is read as dotted identifier chains: exact
code names first (``nn.BatchNorm2d``, ``F.cross_entropy``, ``lr``), then each identifier
split into words the way developers write them (``learning_rate``, ``learningRate``,
``MAX_EPOCHS``).

:meth:`Matcher.scan` returns raw matches for one stretch of text; whether an ordinary
word such as "kernel" counts is decided afterwards for the whole document by
:mod:`dlglossary.context`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Literal, NamedTuple

from .model import Term
from .text import (
    is_acronym_like,
    is_distinctive_identifier,
    name_key,
    name_words,
    singular_forms,
    split_identifier,
)

__all__ = ["Match", "Matcher", "Mode", "name_key"]

Mode = Literal["prose", "code"]
Kind = Literal["term", "alias", "acronym", "code"]

#: Conventional import aliases, so that ``F.gelu`` is read as ``torch.nn.functional.gelu``.
MODULE_ALIASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "F": (("torch", "nn", "functional"), ("nn", "functional")),
    "nn": (("torch", "nn"), ("flax", "linen"), ("equinox", "nn")),
    "optim": (("torch", "optim"),),
    "tf": (("tensorflow",),),
    "np": (("numpy",),),
    "jnp": (("jax", "numpy"),),
    "tfk": (("tf", "keras"),),
}

# Separators that may stand between the words of one multi-word term in prose: spaces
# (with at most one line break) or a hyphen. Anything else ends the term.
_JOINABLE_GAP = re.compile(r"[ \t]+(?:\r?\n[ \t]*)?|\r?\n[ \t]*|[-‐‑]")
_PROSE_TOKEN = re.compile(r"\w+(?:\.(?=[A-Za-z_])\w+)*")
# An identifier chain not inside a longer one. The lookbehind comes after the first
# character, so that the regex engine skips to identifier starts in C.
_CODE_TOKEN = re.compile(r"[A-Za-z_](?<![\w.][A-Za-z_])\w*(?:\.[A-Za-z_]\w*)*")
_CASE_SENSITIVE = "\x00"
_CACHE_LIMIT = 50_000
# Lower-cased acronyms this short ("gan", "sam", "rag") read as ordinary identifiers
# unless the document is about deep learning.
_SHORT_LOWERED_ACRONYM = 4


class Match(NamedTuple):
    """One term occurrence: ``text[start:end]`` names the entry ``term_id``."""

    start: int
    end: int
    term_id: str
    text: str
    form: str
    kind: Kind
    ambiguous: bool


# A tuple's own constructor: Match's generated ``__new__`` is a Python function, and a docs
# tree has tens of thousands of matches.
_new_match = partial(tuple.__new__, Match)


class _Hit(NamedTuple):
    term_id: str
    form: str
    kind: Kind
    ambiguous: bool

    def __reduce__(self) -> tuple[Callable[..., _Hit], tuple[type[_Hit], tuple[Any, ...]]]:
        # Unpickled by the tuple's own constructor, not by the generated ``__new__`` (a
        # Python function): the store's cache holds thousands.
        return tuple.__new__, (_Hit, tuple(self))


#: A trie of name words, flattened into one dict: each path of words from the root, its
#: keys joined by `_STEP`, maps to the name ending there (None where only longer names
#: pass). One dict of strings and tuples instead of a node object per word keeps the
#: index quick to build and to copy, and leaves the garbage collector little to walk in
#: long-running hosts (a Sphinx build, a language server).
_Trie = dict[str, "_Hit | None"]
_STEP = "\x1f"


class _CodeName(NamedTuple):
    parts: tuple[str, ...]
    hit: _Hit


class Matcher:
    """A compiled index over the names of a set of terms.

    Parameters
    ----------
    terms
        The entries to find. Where two entries claim the same name, the first wins, so
        pass project entries before built-in ones.
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self._prose: _Trie = {}
        self._code: _Trie = {}
        self._code_names: dict[str, list[_CodeName]] = {}
        self._chain_cache: dict[str, _Hits] = {}
        self._clause_cache: dict[str, _Hits] = {}
        self._acronyms: list[str] = []
        for term in terms:
            self._add_term(term)
        self._first_words = _first_words(self._prose)

    # -- building -------------------------------------------------------------------------

    def acronyms(self) -> tuple[str, ...]:
        """Every acronym this matcher finds in prose, in the order the terms were given."""
        return tuple(self._acronyms)

    def _add_term(self, term: Term) -> None:
        ambiguous = set(term.ambiguous)
        self._acronyms.extend(term.acronyms)
        for name, kind in (
            (term.term, "term"),
            *((a, "alias") for a in term.aliases),
            *((a, "acronym") for a in term.acronyms),
        ):
            hit = _Hit(term.id, name, kind, name in ambiguous)  # type: ignore[arg-type]
            self._add_prose_name(name, hit, acronym=kind == "acronym")
            self._add_code_words(name, hit, acronym=kind == "acronym")
        for name in term.code:
            hit = _Hit(term.id, name, "code", name in ambiguous)
            parts = tuple(name.split("."))
            self._code_names.setdefault(parts[-1], []).append(_CodeName(parts, hit))

    def _add_prose_name(self, name: str, hit: _Hit, *, acronym: bool) -> None:
        words = name_words(name)
        if len("".join(words)) < 2:
            return  # a single letter is never a term on its own
        exact = acronym or any(is_acronym_like(w) for w in words)
        if acronym and "." in name.strip("."):
            # "i.i.d." reads as one dotted token in prose; nobody writes it "i i d".
            _insert(self._prose, [_CASE_SENSITIVE + name.strip(".")], hit)
            return
        if exact:
            _insert(self._prose, [_CASE_SENSITIVE + w for w in words], hit)
            if not acronym and not all(w.isupper() for w in words if w.isalpha()):
                # "resnet" and "pytorch" written in lower case still mean ResNet and
                # PyTorch; names in capitals ("CLIP", "GLUE") would read as English words.
                _insert(self._prose, [_CASE_SENSITIVE + w.lower() for w in words], hit)
            return
        _insert(self._prose, [w.lower() for w in words], hit)
        if len(words) > 1:
            _insert(self._prose, ["".join(words).lower()], hit)

    def _add_code_words(self, name: str, hit: _Hit, *, acronym: bool) -> None:
        words = [w.lower() for w in name_words(name)]
        if len("".join(words)) < 2:
            return
        if acronym and len("".join(words)) < _SHORT_LOWERED_ACRONYM:
            hit = hit._replace(ambiguous=True)
        _insert(self._code, words, hit)
        if len(words) > 1:
            _insert(self._code, ["".join(words)], hit)

    # -- scanning -------------------------------------------------------------------------

    def scan(
        self, text: str, mode: Mode = "prose", start: int = 0, end: int | None = None
    ) -> list[Match]:
        """Raw term occurrences in ``text[start:end]``, leftmost-longest, not overlapping.

        Matches of ambiguous names are included (``Match.ambiguous``); use
        :func:`dlglossary.context.resolve` to keep only those that hold in context.
        """
        stop = len(text) if end is None else end
        if mode == "code":
            return self._scan_code(text, start, stop)
        return self._scan_prose(text, start, stop)

    def scan_clause(self, text: str, start: int, end: int) -> list[Match]:
        """:meth:`scan` of prose that no term crosses the ends of (a clause), memoised.

        Documents repeat their short clauses ("(LSTM)", "on GPUs"), so each distinct one is
        read once. A prose scan depends on nothing outside its range, so this is exact.
        """
        clause = text[start:end]
        hits = _memoised(self._clause_cache, clause, self._prose_of)
        return _placed(hits, clause, start)

    def _prose_of(self, clause: str) -> list[Match]:
        return self._scan_prose(clause, 0, len(clause))

    def _chain_of(self, name: str) -> list[Match]:
        return self._match_chain(name, 0, len(name), prose=False)

    def _scan_prose(self, text: str, start: int, stop: int) -> list[Match]:
        tokens = list(map(re.Match.span, _PROSE_TOKEN.finditer(text, start, stop)))
        matches: list[Match] = []
        first_words = self._first_words
        code_names = self._code_names
        i, count = 0, len(tokens)
        while i < count:
            token_start, token_end = tokens[i]
            word = text[token_start:token_end]
            if (
                word.lower() not in first_words
                and "." not in word
                and "_" not in word
                and word not in code_names
            ):
                i += 1  # the common case: an ordinary word that starts no term
                continue
            if "." in word or "_" in word:
                dotted = self._prose.get(_CASE_SENSITIVE + word) if "." in word else None
                if dotted is not None:
                    # The final dot of "i.i.d." stays out: it may end the sentence too, and a
                    # match never depends on the text after its last word.
                    matches.append(_make(text, token_start, token_end, dotted))
                else:
                    matches.extend(self._match_chain(text, token_start, token_end, prose=True))
                i += 1
                continue
            # A word may lead down more than one path ("RNN" as the acronym, and as the
            # lower-case word of a longer name), so every path is followed.
            prose, paths, best, best_end, j = self._prose, [""], None, i, i
            while j < count:
                if j > i and not _JOINABLE_GAP.fullmatch(text, tokens[j - 1][1], tokens[j][0]):
                    if _is_possessive(text, tokens[j - 1][1], tokens[j]):
                        j += 1  # "Newton's method": the "s" belongs to the word before
                        continue
                    break
                paths = _steps_prose(prose, paths, text[tokens[j][0] : tokens[j][1]])
                if not paths:
                    break
                for path in paths:
                    hit = prose[path]
                    if hit is not None:
                        best, best_end = hit, j
                        break
                j += 1
            if best is None:
                # `AdamW`, `BatchNorm2d` written in prose without their module.
                if word in code_names and is_distinctive_identifier(word):
                    matches.extend(
                        self._match_chain(text, token_start, token_end, prose=True, words=False)
                    )
                i += 1
                continue
            match_end = tokens[best_end][1]
            matches.append(_make(text, token_start, match_end, best))
            i = best_end + 1
        return matches

    def _scan_code(self, text: str, start: int, stop: int) -> list[Match]:
        matches: list[Match] = []
        for chain in _CODE_TOKEN.finditer(text, start, stop):
            # Code repeats its identifiers, so each distinct chain is analysed once.
            name = chain.group()
            hits = _memoised(self._chain_cache, name, self._chain_of)
            matches.extend(_placed(hits, name, chain.start()))
        return matches

    def _match_chain(
        self, text: str, start: int, end: int, *, prose: bool, words: bool = True
    ) -> list[Match]:
        """Matches inside one dotted identifier chain such as ``torch.nn.functional.gelu``."""
        components: list[tuple[int, int]] = []
        position = start
        for part in text[start:end].split("."):
            components.append((position, position + len(part)))
            position += len(part) + 1
        names = [text[a:b] for a, b in components]
        candidates: list[tuple[int, int, _Hit]] = []
        for index in range(len(names)):
            found = self._code_name_at(names, index, prose=prose)
            if found is not None:
                first, hit = found
                candidates.append((first, index, hit))
        chosen: list[tuple[int, int, _Hit]] = []
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        covered_until = -1
        for first, last, hit in candidates:
            if first > covered_until:
                chosen.append((first, last, hit))
                covered_until = last
        matches = [
            _make(text, components[first][0], components[last][1], hit)
            for first, last, hit in chosen
        ]
        if words:
            covered = {index for first, last, _ in chosen for index in range(first, last + 1)}
            for index, (a, b) in enumerate(components):
                if index not in covered:
                    matches.extend(self._match_identifier_words(text, a, b))
            matches.sort()
        return matches

    def _code_name_at(
        self, names: list[str], index: int, *, prose: bool
    ) -> tuple[int, _Hit] | None:
        """The longest code name ending at component ``index``: (first component, hit)."""
        best: tuple[int, _Hit] | None = None
        for candidate in self._code_names.get(names[index], ()):
            parts = candidate.parts
            if len(parts) == 1:
                if prose:
                    continue  # bare short names such as `lr` only mean something in code
                first = index
            else:
                first = _match_qualifier(names, index, parts)
                if first == index and not is_distinctive_identifier(parts[-1]):
                    continue
            if best is None or first < best[0]:
                best = (first, candidate.hit)
        return best

    def _match_identifier_words(self, text: str, start: int, end: int) -> list[Match]:
        """Words inside one identifier: whole first, then split (``learning_rate``)."""
        identifier = text[start:end]
        code = self._code
        whole = _step_code(code, "", identifier)
        hit = code[whole] if whole is not None else None
        if hit is not None and not identifier.startswith("_"):
            return [_make(text, start, end, hit)]
        spans = split_identifier(identifier)
        matches: list[Match] = []
        i = 0
        while i < len(spans):
            path, best, best_end, j = "", None, i, i
            while j < len(spans):
                child = _step_code(code, path, identifier[spans[j][0] : spans[j][1]])
                if child is None:
                    break
                path = child
                hit = code[path]
                if hit is not None:
                    best, best_end = hit, j
                j += 1
            if best is None:
                i += 1
                continue
            matches.append(_make(text, start + spans[i][0], start + spans[best_end][1], best))
            i = best_end + 1
        return matches


_Hits = list[tuple[int, int, _Hit]]


def _memoised(cache: dict[str, _Hits], piece: str, scan: Callable[[str], list[Match]]) -> _Hits:
    """The matches ``scan`` finds in ``piece`` alone, kept per distinct piece."""
    hits = cache.get(piece)
    if hits is None:
        hits = [(m.start, m.end, _Hit(m.term_id, m.form, m.kind, m.ambiguous)) for m in scan(piece)]
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cache[piece] = hits
    return hits


def _placed(hits: _Hits, piece: str, offset: int) -> list[Match]:
    """Memoised ``hits`` of ``piece`` as matches of a text where it starts at ``offset``."""
    return [
        _new_match(
            (offset + a, offset + b, hit.term_id, piece[a:b], hit.form, hit.kind, hit.ambiguous)
        )
        for a, b, hit in hits
    ]


def _first_words(trie: _Trie) -> frozenset[str]:
    """Every word, in lower case, that `_steps_prose` can take from the root of ``trie``.

    A superset (singular and plural forms of each first word, whatever its case), so
    that one set lookup rules out an ordinary word.
    """
    words: set[str] = set()
    for key in trie:
        if _STEP in key:
            continue
        lower = key.removeprefix(_CASE_SENSITIVE).lower()
        words.update((lower, lower + "s", lower + "es"))
        if lower.endswith("y"):
            words.add(lower[:-1] + "ies")
    return frozenset(words)


def _insert(trie: _Trie, keys: list[str], hit: _Hit) -> None:
    path = ""
    for key in keys:
        path = f"{path}{_STEP}{key}" if path else key
        trie.setdefault(path, None)
    if trie[path] is None:
        trie[path] = hit


def _child(trie: _Trie, path: str, key: str) -> str | None:
    """The path one step from ``path`` along ``key``, if the trie has it."""
    child = f"{path}{_STEP}{key}" if path else key
    return child if child in trie else None


def _is_possessive(text: str, gap_start: int, token: tuple[int, int]) -> bool:
    """Whether ``token``, after the gap from ``gap_start``, is the "s" of "'s"."""
    start, end = token
    return start == gap_start + 1 and end == start + 1 and text[gap_start] in "'’" and (
        text[start] in "sS"
    )


def _steps_prose(trie: _Trie, paths: list[str], word: str) -> list[str]:
    """The paths one prose word on from ``paths``, the exact-case one first on each.

    An exact-case step ("CLIP", "RNN") comes before a case-insensitive one ("clip"), so
    that where both end a name, the name written as in the text wins. A word ending in
    "s" that leads nowhere is tried as each of its singulars.
    """
    following: list[str] = []
    keys = (_CASE_SENSITIVE + word, word.lower())
    for path in paths:
        found = _children(trie, path, keys)
        if not found and word[-1] in "sS":
            for singular in singular_forms(word):
                found = _children(trie, path, (_CASE_SENSITIVE + singular, singular.lower()))
                if found:
                    break
        following.extend(found)
    return following


def _children(trie: _Trie, path: str, keys: tuple[str, ...]) -> list[str]:
    """The paths one step from ``path`` along each of ``keys`` that the trie has."""
    # The same paths as `_child` gives, without a call per key: this runs for nearly
    # every word of the clauses the checker reads.
    if not path:
        return [key for key in keys if key in trie]
    prefix = path + _STEP
    return [child for key in keys if (child := prefix + key) in trie]


def _step_code(trie: _Trie, path: str, word: str) -> str | None:
    lower = word.lower()
    child = _child(trie, path, lower)
    if child is not None:
        return child
    for singular in singular_forms(lower):
        child = _child(trie, path, singular)
        if child is not None:
            return child
    return None


def _match_qualifier(names: list[str], index: int, parts: tuple[str, ...]) -> int:
    """How far left the qualifier of ``names[index]`` agrees with ``parts``; the first index."""
    name_at, part_at = index - 1, len(parts) - 2
    while name_at >= 0 and part_at >= 0:
        if names[name_at] == parts[part_at]:
            name_at, part_at = name_at - 1, part_at - 1
            continue
        for expansion in MODULE_ALIASES.get(names[name_at], ()):
            size = len(expansion)
            if part_at + 1 >= size and parts[part_at + 1 - size : part_at + 1] == expansion:
                name_at, part_at = name_at - 1, part_at - size
                break
        else:
            break
    return name_at + 1


def _make(text: str, start: int, end: int, hit: _Hit) -> Match:
    # Tokens never include an apostrophe, so "CNN's" already ends before "'s".
    return _new_match((start, end, hit.term_id, text[start:end], hit.form, hit.kind, hit.ambiguous))
