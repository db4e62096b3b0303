"""The term store: the built-in files of ``data/`` plus project glossaries, merged.

Project glossaries use the same format as ``data/``. They are layered over the built-in
store: an entry with the id of a built-in entry replaces it, and a name a project entry
claims is taken from the built-in entry that had it. Within one layer an id or a name
claimed twice is an error. Errors never stop a load: each becomes a
:class:`~dlglossary.model.Problem` naming the file, line and field, the offending entry
or name is left out, and everything else loads.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .model import Problem, Term
from .termfile import TermFile, read_term_file
from .text import fold, name_key

if TYPE_CHECKING:
    from .matcher import Matcher

__all__ = [
    "LoadResult",
    "Store",
    "builtin_data_dir",
    "builtin_store",
    "load_builtin",
    "load_store",
]


class Store:
    """A merged, validated set of terms, indexed for lookup and matching.

    Parameters
    ----------
    terms
        The entries.
    matcher_state
        A pickled :class:`~dlglossary.matcher.Matcher` of exactly these entries (from
        the built-in store's cache), read instead of building the matcher anew.
    """

    def __init__(self, terms: Iterable[Term], matcher_state: bytes | None = None) -> None:
        self._terms: dict[str, Term] = {t.id: t for t in terms}
        self._matcher_state = matcher_state
        self._by_name: dict[str, Term] = {}
        self._by_lower_acronym: dict[str, Term] = {}
        for term in self._terms.values():
            for name in (term.term, *term.aliases):
                self._by_name.setdefault(fold(name), term)
            for name in (*term.acronyms, *term.code):
                self._by_name.setdefault(name, term)
            for name in term.acronyms:
                self._by_lower_acronym.setdefault(name.lower(), term)

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms.values())

    def __contains__(self, term_id: object) -> bool:
        return term_id in self._terms

    def __getitem__(self, term_id: str) -> Term:
        return self._terms[term_id]

    def get(self, term_id: str) -> Term | None:
        """The entry with id ``term_id``, or None."""
        return self._terms.get(term_id)

    def sorted(self) -> list[Term]:
        """All entries, sorted by display name (case-insensitively), then id."""
        return sorted(self._terms.values(), key=lambda t: (t.term.casefold(), t.id))

    def categories(self) -> list[str]:
        """The category names in use, sorted."""
        return sorted({t.category for t in self._terms.values()})

    def lookup(self, name: str) -> Term | None:
        """The entry named ``name``: by id, acronym or code name, or any spelling of a name."""
        name = name.strip()
        return (
            self._terms.get(name)
            or self._by_name.get(name)
            or self._by_name.get(fold(name))
            or self._lookup_singular(name)
            or self._by_lower_acronym.get(name.lower())
        )

    def _lookup_singular(self, name: str) -> Term | None:
        if name.endswith("s") and len(name) > 3:
            return self._by_name.get(name[:-1]) or self._by_name.get(fold(name[:-1]))
        return None

    def suggest(self, query: str, limit: int = 5) -> list[Term]:
        """Entries whose names are close to ``query``, best first."""
        keys = {fold(n): t for t in self._terms.values() for n in (t.term, *t.aliases, *t.acronyms)}
        import difflib  # only for suggestions; start-up stays lean

        close = difflib.get_close_matches(fold(query), list(keys), n=limit * 3, cutoff=0.6)
        found: list[Term] = []
        for key in close:
            if keys[key] not in found:
                found.append(keys[key])
        return found[:limit]

    def without(self, term_ids: Iterable[str]) -> Store:
        """A copy of the store without the given entries (disabled terms)."""
        drop = set(term_ids)
        if not drop & self._terms.keys():
            return self
        return Store(t for t in self._terms.values() if t.id not in drop)

    @cached_property
    def matcher(self) -> Matcher:
        """The matcher for this store's names, built on first use."""
        from .matcher import Matcher  # not needed to load a store: start-up stays lean

        state, self._matcher_state = self._matcher_state, None  # read once, then let go
        if state is not None:
            try:
                matcher = pickle.loads(state)
                if isinstance(matcher, Matcher):
                    return matcher
            except Exception:
                pass  # a cache from elsewhere: build the index as usual
        return Matcher(self._terms.values())


@dataclass(frozen=True, slots=True)
class LoadResult:
    """A store and the problems met while loading it."""

    store: Store
    problems: tuple[Problem, ...]


def builtin_data_dir() -> Path:
    """The folder of the built-in term files, in an installed wheel or a source checkout."""
    # A wheel ships the term files inside the package (no importlib.resources: it costs
    # start-up time, and the store needs real files anyway).
    packaged = Path(__file__).with_name("data")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def builtin_files() -> list[Path]:
    """The built-in term files, sorted."""
    return sorted(builtin_data_dir().glob("*.toml"))


@lru_cache(maxsize=1)
def load_builtin() -> LoadResult:
    """Load the built-in store once per process.

    Parsing TOML is the slow part of starting up, so the validated entries are also kept
    in a cache file keyed by the term files' names, sizes and modification times (and
    those of the modules that shape what it holds); a new process reads that instead when
    nothing changed. The cache also holds the matcher's index, pickled, which the store
    reads on first use rather than building it. Any problem with the cache (missing,
    stale, unreadable, unwritable folder) simply means parsing the files again.
    """
    files = builtin_files()
    cache_key = _cache_key(files)
    cache = _cache_file(cache_key)
    if cache is not None:
        try:
            with cache.open("rb") as handle:
                key, terms, problems, matcher_state = pickle.load(handle)
            if key == cache_key:
                return LoadResult(Store(terms, matcher_state), problems)
        except Exception:
            pass
    result = _merge([[read_term_file(p) for p in files]])
    if cache is not None:
        matcher_state = pickle.dumps(result.store.matcher, protocol=pickle.HIGHEST_PROTOCOL)
        _write_cache(cache, (cache_key, tuple(result.store), result.problems, matcher_state))
    return result


def _cache_key(files: Sequence[Path]) -> str | None:
    """What the cache must have been made from: the term files' names, sizes and times."""
    here = Path(__file__).parent
    parts = [f"{_CACHE_FORMAT}:{__file__}"]
    for path in (*(here / name for name in _CACHE_SHAPERS), *files):
        try:
            stat = path.stat()
        except OSError:
            return None
        parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return ";".join(parts)


def _cache_file(key: str | None) -> Path | None:
    # The file is named by a checksum of the key and holds the key itself, which is
    # compared on loading (zlib rather than hashlib: it costs no start-up time).
    if key is None or os.environ.get("DLGLOSSARY_NO_CACHE"):
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "dlglossary" / f"store-{zlib.crc32(key.encode()):08x}.pickle"


def _write_cache(path: Path, payload: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".store-")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(payload, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass


def builtin_store() -> Store:
    """The built-in store (loaded once, cached)."""
    return load_builtin().store


_CACHE_FORMAT = 4
#: The modules whose code decides what the cache holds (entries and matcher index).
_CACHE_SHAPERS = ("model.py", "matcher.py", "text.py")
_project_cache: dict[tuple[tuple[str, int, int], ...], LoadResult] = {}


def load_store(glossaries: Sequence[Path] = (), disabled: Iterable[str] = ()) -> LoadResult:
    """The built-in store with project ``glossaries`` layered over it.

    Results are cached by the files' paths, sizes and modification times, so callers can
    ask again whenever they like and see edits to glossary files at once.
    """
    key = tuple(_stat_key(p) for p in glossaries)
    result = _project_cache.get(key)
    if result is None:
        base = load_builtin()
        if glossaries:
            project = [read_term_file(p) for p in glossaries]
            merged = _merge([project], base=base.store)
            result = LoadResult(merged.store, base.problems + merged.problems)
        else:
            result = base
        if len(_project_cache) > 32:
            _project_cache.clear()
        _project_cache[key] = result
    disabled = tuple(disabled)
    if disabled:
        result = LoadResult(result.store.without(disabled), result.problems)
    return result


def _stat_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _merge(layers: Sequence[Sequence[TermFile]], base: Store | None = None) -> LoadResult:
    """Merge layers of term files (highest priority last) over an optional base store."""
    problems: list[Problem] = []
    merged: dict[str, Term] = {t.id: t for t in base} if base is not None else {}
    for layer in layers:
        layer_terms = _check_layer(layer, problems)
        claimed = {key for t in layer_terms for key in _name_keys(t)}
        layer_ids = {t.id for t in layer_terms}
        for term_id, term in list(merged.items()):
            # A name the project claims is no longer the built-in entry's.
            if term_id not in layer_ids and claimed.intersection(_name_keys(term)):
                merged[term_id] = _drop_names(term, claimed)
        for term in layer_terms:
            merged[term.id] = term
    # Project entries first, so that they win any remaining tie in matching.
    ordered = sorted(merged.values(), key=lambda t: base is None or t.id in base)
    final = [_check_related(t, merged, problems) for t in ordered]
    return LoadResult(Store(final), tuple(problems))


def _check_layer(files: Sequence[TermFile], problems: list[Problem]) -> list[Term]:
    terms: list[Term] = []
    ids: dict[str, Term] = {}
    owners: dict[str, Term] = {}
    for termfile in files:
        problems.extend(termfile.problems)
        for term in termfile.terms:
            if term.id in ids:
                first = ids[term.id]
                problems.append(
                    _problem(term, "id", f"duplicate id {term.id!r} (first at {_where(first)})")
                )
                continue
            ids[term.id] = term
            taken: set[str] = set()
            for key, name, field in _named_keys(term):
                owner = owners.get(key)
                if owner is not None and owner.id != term.id:
                    problems.append(
                        _problem(
                            term,
                            field,
                            f"{name!r} is already a name of {owner.id!r} ({_where(owner)})",
                        )
                    )
                    taken.add(key)
                else:
                    owners[key] = term
            terms.append(_drop_names(term, taken) if taken else term)
    return terms


def _named_keys(term: Term) -> Iterator[tuple[str, str, str]]:
    yield name_key(term.term), term.term, "term"
    for alias in term.aliases:
        yield name_key(alias), alias, "aliases"
    for acronym in term.acronyms:
        yield "acronym:" + acronym, acronym, "acronyms"
    for code in term.code:
        yield "code:" + code, code, "code"


def _name_keys(term: Term) -> list[str]:
    return [key for key, _, _ in _named_keys(term)]


def _drop_names(term: Term, keys: set[str]) -> Term:
    return dataclasses.replace(
        term,
        aliases=tuple(a for a in term.aliases if name_key(a) not in keys),
        acronyms=tuple(a for a in term.acronyms if "acronym:" + a not in keys),
        code=tuple(c for c in term.code if "code:" + c not in keys),
    )


def _check_related(term: Term, terms: dict[str, Term], problems: list[Problem]) -> Term:
    missing = [r for r in term.related if r not in terms]
    if not missing:
        return term
    for related in missing:
        problems.append(_problem(term, "related", f"{related!r} is not the id of any entry"))
    return dataclasses.replace(term, related=tuple(r for r in term.related if r in terms))


def _problem(term: Term, field: str, message: str) -> Problem:
    source = str(term.source) if term.source else "<unknown>"
    return Problem(source, term.line_of(field), message, field)


def _where(term: Term) -> str:
    if term.source is None:
        return "?"
    return f"{os.path.basename(term.source)}:{term.line}"
