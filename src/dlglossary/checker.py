"""Undefined-jargon findings for one document.

This is the one engine behind the CLI's ``check``, the language server's diagnostics and
the Sphinx extension's warnings.

``undefined-acronym``
    A known acronym used before the document spells it out. An expansion counts in
    either order and any case: "long short-term memory (LSTM)", "LSTM (Long Short-Term
    Memory)"; so do initials that spell the acronym. Reported once, at the first use,
    with a fix that writes the expansion there.
``unknown-jargon``
    A word that looks like an acronym (two or more capitals, at least as many capitals as
    lower-case letters: ``RoPE``, ``GELU``, ``ViTs``, ``LoRA``) that neither the store, the
    project glossary, the list of everyday acronyms nor the document itself defines.

Lines holding ``dlglossary: ignore`` and passages between ``dlglossary: off`` and
``dlglossary: on`` are never reported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, partial
from typing import NamedTuple

from .documents import Segment, segment
from .find import find_terms
from .focus import Focus, Undecided
from .matcher import Match
from .memo import per_object
from .model import Term
from .store import Store, builtin_data_dir
from .text import name_words, singular_forms

__all__ = ["CODES", "Finding", "Fix", "check_text", "common_acronyms"]

UNDEFINED_ACRONYM = "undefined-acronym"
UNKNOWN_JARGON = "unknown-jargon"
#: Every finding code, in documentation order.
CODES = (UNDEFINED_ACRONYM, UNKNOWN_JARGON)

# Only words with two or more capitals can look like acronyms; the lookahead lets the
# regex engine skip every other word without a Python call.
_JARGON_CANDIDATE = re.compile(
    r"(?<![\w.\-/@#$%&=])(?=[a-z0-9]*[A-Z][a-z0-9]*[A-Z])"
    r"[A-Za-z][A-Za-z0-9]*[A-Za-z0-9](?![\w\-/@]|\.\w)"
)
_INNER_CAPITAL = re.compile(r"[A-Z](?<=[A-Za-z0-9][A-Z])\w*")
_SUPPRESS_LINE = re.compile(r"dlglossary:\s*ignore\b")
_SUPPRESS_BLOCK = re.compile(r"dlglossary:\s*off\b[\s\S]*?(?:dlglossary:\s*on\b|\Z)")
_SMALL_WORDS = frozenset(
    {"of", "for", "and", "the", "to", "from", "with", "in", "on", "a", "an", "by", "via"}
)
_ROMAN = re.compile(r"[IVXLCDM]+")
_CAPITALS_RUN = re.compile(r"(?:\b[A-Z]{2,}\b[ \t]+)+\b[A-Z]{2,}\b")
_EXPANSION_REACH = 160
_VERDICT_LIMIT = 50_000
# After an acronym: a plural "s", or the last dot of one written with dots ("i.i.d."),
# which the matcher leaves out.
_CLOSING = re.compile(r"[s.]?\s*[),;]")
_OPENS_AFTER = re.compile(r"[s.]?\s*\(")
_EXPANSION_AFTER = re.compile(rf"[s.]?\s*\(([^()]{{3,{_EXPANSION_REACH}}})\)")


# Findings and fixes are plain records made by the thousand in a docs tree: a named tuple
# is made in one call, a frozen dataclass with one call per field.
class Fix(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str
    title: str


class Finding(NamedTuple):
    """One undefined-jargon finding in a document."""

    code: str
    message: str
    start: int
    end: int
    word: str
    term_id: str | None = None
    fix: Fix | None = None


def check_text(
    text: str,
    language: str,
    store: Store,
    *,
    select: Iterable[str] = CODES,
    ignored_words: Iterable[str] = (),
    include_comments: bool = False,
    matches: Sequence[Match] | None = None,
    segments: Sequence[Segment] | None = None,
) -> list[Finding]:
    """The findings for ``text``, written in ``language``, sorted by position.

    Parameters
    ----------
    text, language
        The document and its LSP language id.
    store
        The terms that count as defined.
    select
        The finding codes to report.
    ignored_words
        Words never reported (compared exactly and case-insensitively).
    include_comments
        Also check comments of code.
    matches
        The document's term occurrences, when the caller has them already.
    segments
        The document's segments, when not those of ``language`` (notebooks).
    """
    selected = set(select)
    ignored = set(ignored_words) | {w.casefold() for w in ignored_words}
    kinds = {"prose", "comment"} if include_comments else {"prose"}
    if segments is None:
        segments = segment(text, language)
    checked = [s for s in segments if s.kind in kinds]
    if not checked or not selected:
        return []
    findings: list[Finding] = []
    if matches is None:
        # Match only the clauses the checks read; the whole document only when that
        # cannot decide whether an ordinary-English name counts.
        try:
            focus = Focus(text, checked, store, segments)
            findings = _findings(text, checked, focus.matches, store, ignored, selected, focus)
        except Undecided:
            matches = find_terms(text, language, store, segments)
    if matches is not None:
        findings = _findings(text, checked, matches, store, ignored, selected, None)
    quiet = _suppressed(text)
    findings = [f for f in findings if not _inside(quiet, f.start)]
    findings.sort(key=lambda f: (f.start, f.code))
    return findings


def _findings(
    text: str,
    checked: list[Segment],
    matches: Sequence[Match],
    store: Store,
    ignored: set[str],
    selected: set[str],
    focus: Focus | None,
) -> list[Finding]:
    findings: list[Finding] = []
    if UNDEFINED_ACRONYM in selected:
        uses = matches
        if focus is None:
            # The whole document's matches; the focused ones all lie in checked parts.
            spans = [(s.start, s.end) for s in checked]
            uses = [m for m in matches if _inside(spans, m.start)]
        findings.extend(_undefined_acronyms(text, uses, store, ignored))
    if UNKNOWN_JARGON in selected:
        if focus is not None:
            covered = focus.covers
            candidates: Iterable[re.Match[str]] = _jargon_in_words(text, focus.capital_words)
        else:
            spans = [(m.start, m.end) for m in matches]
            covered = partial(_inside, spans)
            candidates = (
                found
                for part in checked
                for found in _jargon_candidates(text, part.start, part.end)
            )
        findings.extend(_unknown_jargon(text, candidates, covered, store, ignored))
    return findings


# -- undefined-acronym ----------------------------------------------------------------------


def _undefined_acronyms(
    text: str, matches: Sequence[Match], store: Store, ignored: set[str]
) -> list[Finding]:
    seen: dict[tuple[str, str], list[Match]] = {}
    for match in matches:
        if match.kind == "acronym":
            seen.setdefault((match.term_id, match.form), []).append(match)
    findings = []
    for (term_id, acronym), uses in seen.items():
        term = store.get(term_id)
        if term is None or term.well_known or acronym in ignored or acronym.casefold() in ignored:
            continue
        first = uses[0]
        expanded_at = next((u for u in uses if _is_expansion(text, u, term)), None)
        if expanded_at is first:
            continue
        if expanded_at is None:
            message = f"'{acronym}' is used without being spelled out"
        else:
            message = f"'{acronym}' is used before it is spelled out"
        expansion = term.expansion
        if expansion is not None:
            message += f"; write '{expansion} ({acronym})' at its first use"
        findings.append(
            Finding(
                UNDEFINED_ACRONYM,
                message,
                first.start,
                first.end,
                first.text,
                term_id,
                _expansion_fix(text, first, expansion),
            )
        )
    return findings


def _is_expansion(text: str, use: Match, term: Term) -> bool:
    """Whether this use of an acronym is where the document spells it out."""
    acronym = use.form
    # Both forms need a parenthesis next to the acronym; most uses have none.
    near = text[max(0, use.start - 8) : use.start].rstrip()
    if near and near[-1] != "(" and _OPENS_AFTER.match(text, use.end) is None:
        return False
    before = text[max(0, use.start - _EXPANSION_REACH) : use.start]
    after = text[use.end : use.end + _EXPANSION_REACH]
    names = [n for n in (term.term, *term.aliases) if n not in term.acronyms]
    # "long short-term memory (LSTM)"
    opened = before.rstrip()
    if opened.endswith("(") and _CLOSING.match(after):
        words = name_words(opened[:-1])
        if _ends_with_name(words, names) or _initials_match(words, acronym, from_end=True):
            return True
    # "LSTM (long short-term memory)"
    inside = _EXPANSION_AFTER.match(after)
    if inside:
        words = name_words(inside.group(1))
        if _ends_with_name(words, names, whole=True) or _initials_match(words, acronym):
            return True
    return False


def _ends_with_name(words: list[str], names: list[str], *, whole: bool = False) -> bool:
    folded = [w.lower() for w in words]
    for name in names:
        wanted = [w.lower() for w in name_words(name)]
        if not wanted or len(wanted) > len(folded):
            continue
        tail = folded[-len(wanted) :]
        if whole and len(folded) != len(wanted):
            continue
        if tail[:-1] == wanted[:-1] and (
            tail[-1] == wanted[-1] or wanted[-1] in (s.lower() for s in singular_forms(tail[-1]))
        ):
            return True
    return False


def _initials_match(words: list[str], acronym: str, *, from_end: bool = False) -> bool:
    """Whether the words' initials spell the acronym's capitals ("Rotary Position Embedding")."""
    letters = [c.lower() for c in acronym if c.isupper() or c.isdigit()]
    if len(letters) < 2:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) < len(letters):
        return False
    chosen = content[-len(letters) :] if from_end else content[: len(letters)]
    if not from_end and len(content) != len(letters):
        return False
    return [w[0].lower() for w in chosen] == letters


def _expansion_fix(text: str, use: Match, expansion: str | None) -> Fix | None:
    if expansion is None:
        return None
    plural = use.text.endswith("s") and not use.form.endswith("s")
    spelled = _pluralize(expansion) if plural else expansion
    if _starts_sentence(text, use.start):
        spelled = spelled[0].upper() + spelled[1:]
    end, written = use.end, use.text
    if use.form.endswith(".") and text.startswith(".", end):
        # "i.i.d." is matched without its last dot, which may also end the sentence.
        end, written = end + 1, written + "."
    replacement = f"{spelled} ({written})"
    title = f"Spell out '{use.form}': {replacement}"
    if end > use.end and _ends_sentence(text, end):
        replacement += "."
    return Fix(use.start, end, replacement, title)


def _ends_sentence(text: str, position: int) -> bool:
    after = text[position : position + 3]
    return not after.strip() or after[0] == "\n" or (after[0] == " " and after[1:2].isupper())


def _pluralize(phrase: str) -> str:
    if re.search(r"[^aeiou]y$", phrase):
        return phrase[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", phrase):
        return phrase + "es"
    return phrase + "s"


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 40) : position].rstrip(" \t*_>#-")
    return not before or (
        before.endswith(("\n", ".", "!", "?", ":")) and not before.endswith("e.g.")
    )


# -- unknown-jargon -------------------------------------------------------------------------


def _unknown_jargon(
    text: str,
    candidates: Iterable[re.Match[str]],
    covered: Callable[[int], bool],
    store: Store,
    ignored: set[str],
) -> list[Finding]:
    known_anywhere = _known_words(store)
    introduced = _Introductions(text)
    shouting = _Shouting(text)
    reported: set[str] = set()
    verdicts: dict[str, bool] = {}  # per word: never jargon in this document
    findings = []
    for found in candidates:
        word = found.group()
        if word in reported:
            continue
        known = verdicts.get(word)
        if known is None:
            base = word[:-1] if word.endswith("s") and word[-2:-1].isupper() else word
            known = (
                known_anywhere(base)
                or word in ignored
                or base in ignored
                or base.casefold() in ignored
                or introduced.defines(base)
            )
            verdicts[word] = known
        if known or covered(found.start()) or shouting(found.start()):
            continue
        reported.add(word)
        findings.append(
            Finding(
                UNKNOWN_JARGON,
                f"'{word}' looks like jargon but is neither in the glossary "
                "nor defined in the document",
                found.start(),
                found.end(),
                word,
            )
        )
    return findings


def _known_words(store: Store) -> Callable[[str], bool]:
    """Whether a word is never jargon in any document, remembered per word for ``store``.

    Documents of one project share most of their acronyms, so each is looked up once.
    The verdicts live in `_verdicts`, apart from this function that refers to ``store``,
    so that they are forgotten with the store.
    """
    everyday = common_acronyms()
    verdicts = _verdicts(store)

    def known(word: str) -> bool:
        verdict = verdicts.get(word)
        if verdict is None:
            if len(verdicts) > _VERDICT_LIMIT:
                verdicts.clear()  # a server that runs for weeks reads many words
            verdict = verdicts[word] = (
                not _looks_like_jargon(word)
                or word in everyday
                or store.lookup(word) is not None
                or _ROMAN.fullmatch(word) is not None
            )
        return verdict

    return known


@per_object
def _verdicts(store: Store) -> dict[str, bool]:
    """The remembered verdicts of :func:`_known_words` for ``store``."""
    return {}


def _jargon_candidates(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of `_JARGON_CANDIDATE` in ``text[start:end]``, found quickly.

    Each candidate has a capital after its first letter; the regex engine can skip to such
    capitals in C, and only the words around them are tried against the full pattern.
    """
    for inner in _INNER_CAPITAL.finditer(text, start, end):
        word_start = inner.start() - 1
        while word_start > start and text[word_start - 1].isalnum():
            word_start -= 1
        found = _JARGON_CANDIDATE.match(text, word_start, end)
        if found is not None:
            yield found


def _jargon_in_words(text: str, words: Iterable[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The matches of `_JARGON_CANDIDATE` among words found already: (start, part end)."""
    for start, end in words:
        found = _JARGON_CANDIDATE.match(text, start, end)
        if found is not None:
            yield found


def _looks_like_jargon(word: str) -> bool:
    upper = sum(map(str.isupper, word))
    lower = sum(map(str.islower, word))
    return upper >= 2 and upper >= lower and len(word) <= 12


class _Shouting:
    """Which words of a document are part of text written in capitals ("DO NOT EDIT")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, tuple[bool, list[tuple[int, int]]]] = {}

    def __call__(self, position: int) -> bool:
        """Whether the word at ``position`` is shouted."""
        start = self.text.rfind("\n", 0, position) + 1
        known = self._lines.get(start)
        if known is None:
            known = self._lines[start] = self._read_line(start)
        whole_line, runs = known
        return whole_line or any(a <= position < b for a, b in runs)

    def _read_line(self, start: int) -> tuple[bool, list[tuple[int, int]]]:
        end = self.text.find("\n", start)
        line = self.text[start : end if end != -1 else len(self.text)]
        # Words in capitals are few, so they are counted first: a long line of ordinary
        # prose is ruled out without listing all its words.
        shouted = len(_SHOUTED.findall(line))
        words = len(_LETTERS.findall(line)) if shouted >= 3 else 0
        if words >= 4 and shouted >= 0.75 * words:
            return True, []
        # Two or more capitalised words in a row ("THIS IS", "DO NOT").
        return False, [(start + m.start(), start + m.end()) for m in _CAPITALS_RUN.finditer(line)]


_LETTERS = re.compile(r"[A-Za-z]{2,}")
_SHOUTED = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Z]+(?![A-Za-z])")


class _Introductions:
    """The words a document introduces itself, found once per document on first use.

    "Rotary Position Embedding (RoPE)" and "RoPE (rotary position embedding)" both define
    RoPE. Both forms are found by their parentheses, which the regex engine can skip to,
    rather than searching the whole text once per word.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._after_words: dict[str, list[int]] | None = None
        self._before_phrase: set[str] | None = None

    def defines(self, word: str) -> bool:
        """Whether the document introduces ``word`` (or its plural) in either form."""
        if self._after_words is None or self._before_phrase is None:
            self._after_words, self._before_phrase = self._find()
        if word in self._before_phrase or word + "s" in self._before_phrase:
            return True
        for form in (word, word + "s"):
            for opening in self._after_words.get(form, ()):
                before = self.text[max(0, opening - _EXPANSION_REACH) : opening]
                if _WORDS_BEFORE_REVERSED.match(before[::-1]):
                    return True
        return False

    def _find(self) -> tuple[dict[str, list[int]], set[str]]:
        after_words: dict[str, list[int]] = {}
        for found in _PARENTHESIZED_WORD.finditer(self.text):
            after_words.setdefault(found.group(1), []).append(found.start())
        before_phrase = set()
        for found in _PARENTHESIZED_PHRASE.finditer(self.text):
            word = _WORD_BEFORE.search(self.text, max(0, found.start() - 40), found.start())
            if word is not None:
                before_phrase.add(word.group(1))
        return after_words, before_phrase


# "(RoPE)" after some words; "RoPE (rotary position embedding)": a phrase of two or more
# words in parentheses, and the word right before it.
_PARENTHESIZED_WORD = re.compile(r"\(\s*(\w+)\s*\)")
_PARENTHESIZED_PHRASE = re.compile(r"\(\s*[A-Za-z][\w-]*(?:\s+[\w-]+)+\s*\)")
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+)\s*\Z")
# Two or more word characters end the text before the parenthesis, with only word
# characters, white space and hyphens between them (`\w[\w\s-]*\w\s*\Z`). Matched on
# the reversed text from its start: searched for forwards, the pattern ran to the end of
# the text from every word character.
_WORDS_BEFORE_REVERSED = re.compile(r"\s*\w[\w\s-]*\w")


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    """Everyday acronyms that are never jargon (``data/common-acronyms.txt``)."""
    path = builtin_data_dir() / "common-acronyms.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# -- helpers ----------------------------------------------------------------------------------


def _suppressed(text: str) -> list[tuple[int, int]]:
    if "dlglossary:" not in text:
        return []  # a substring test is many times faster than the two regex searches
    ranges = []
    for found in _SUPPRESS_LINE.finditer(text):
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        ranges.append((start, end if end != -1 else len(text)))
    ranges.extend((m.start(), m.end()) for m in _SUPPRESS_BLOCK.finditer(text))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(ranges: Sequence[tuple[int, int]], position: int) -> bool:
    """Whether ``position`` lies in one of ``ranges`` (sorted and not overlapping)."""
    index = bisect.bisect_right(ranges, (position, 1 << 62)) - 1
    return index >= 0 and ranges[index][0] <= position < ranges[index][1]
