"""Loading term files: validation messages name the file, the line and the field."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

from dlglossary import Store, load_store
from dlglossary.canonical import dump_terms
from dlglossary.store import builtin_store
from dlglossary.termfile import parse_term_file, read_term_file

ENTRY = """\
[[term]]
id = "{id}"
term = "{term}"
category = "project"
summary = "A thing."
"""


def write(tmp_path: Path, text: str, name: str = "terms.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    """The problems reported for the project file (the built-in store's are tested elsewhere)."""
    return [str(p) for p in load_store([path]).problems if p.path == str(path)]


def test_broken_toml_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[[term]]\nid = "a"\nterm = \n')
    [problem] = read_term_file(path).problems
    assert problem.path == str(path) and problem.line == 3
    assert "invalid TOML" in problem.message


def test_missing_summary(tmp_path: Path) -> None:
    path = write(tmp_path, '[[term]]\nid = "a"\nterm = "A"\ncategory = "x"\n')
    assert messages(path) == [f"{path}:1: summary: missing"]


def test_unknown_field_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="a", term="A") + 'colour = "red"\n')
    [message] = messages(path)
    assert message.startswith(f"{path}:6: colour: unknown field")


def test_duplicate_id(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="a", term="A") + ENTRY.format(id="a", term="B"))
    [message] = messages(path)
    assert message.startswith(f"{path}:7: id: duplicate id 'a'")


def test_alias_claimed_by_two_entries(tmp_path: Path) -> None:
    text = ENTRY.format(id="a", term="A") + 'aliases = ["shared name"]\n'
    text += ENTRY.format(id="b", term="B") + 'aliases = ["Shared-Name"]\n'
    path = write(tmp_path, text)
    [message] = messages(path)
    assert message.startswith(f"{path}:12: aliases: 'Shared-Name' is already a name of 'a'")
    # The first claim keeps the name; the second entry still loads.
    store = load_store([path]).store
    assert store.lookup("shared name").id == "a"  # type: ignore[union-attr]
    assert "b" in store


def test_related_pointing_at_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="a", term="A") + 'related = ["no-such-entry"]\n')
    [message] = messages(path)
    assert message == f"{path}:6: related: 'no-such-entry' is not the id of any entry"


def test_bad_types_and_slugs(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="Not A Slug", term="A"))
    assert "is not a kebab-case slug" in messages(path)[0]
    path = write(tmp_path, ENTRY.format(id="a", term="A") + "aliases = 3\n", "b.toml")
    assert "aliases: must be a list of non-empty strings" in messages(path)[0]


def test_ambiguous_must_name_the_entry(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="a", term="A") + 'ambiguous = ["B"]\n')
    assert "'B' is not one of the entry's names" in messages(path)[0]


def test_bad_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    broken = write(tmp_path, "[[term]\n", "broken.toml")
    good = write(tmp_path, ENTRY.format(id="project-thing", term="project thing"), "good.toml")
    result = load_store([broken, good])
    assert "project-thing" in result.store
    assert len(result.store) > 500  # the built-in store is still there
    assert any(p.path == str(broken) for p in result.problems)


def test_non_utf8_glossary(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(b'[[term]]\nid = "caf\xe9"\n')
    [problem] = read_term_file(path).problems
    assert problem.line == 2 and "UTF-8" in problem.message


def test_project_entry_overrides_builtin(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="dropout", term="dropout") + 'aliases = ["DropIt"]\n')
    store = load_store([path]).store
    assert store["dropout"].summary == "A thing."
    assert store["dropout"].source == path


def test_project_name_wins_over_builtin_name(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="our-sgd", term="our optimizer") + 'acronyms = ["SGD"]\n')
    result = load_store([path])
    assert messages(path) == []
    assert result.store.lookup("SGD").id == "our-sgd"  # type: ignore[union-attr]
    assert "SGD" not in result.store["stochastic-gradient-descent"].acronyms


def test_disabled_terms() -> None:
    store = load_store(disabled=["dropout"]).store
    assert "dropout" not in store and len(store) == len(builtin_store()) - 1


def test_edits_are_seen_without_restart(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(id="first", term="first"))
    assert "first" in load_store([path]).store
    path.write_text(ENTRY.format(id="second", term="second thing"), encoding="utf-8")
    assert "second" in load_store([path]).store


def test_builtin_store_is_cached() -> None:
    assert builtin_store() is builtin_store()


def test_lookup_and_suggest() -> None:
    store = builtin_store()
    assert store.lookup("Stochastic Gradient Descent").id == "stochastic-gradient-descent"  # type: ignore[union-attr]
    assert store.lookup("SGD").id == "stochastic-gradient-descent"  # type: ignore[union-attr]
    assert store.lookup("CNNs").id == "convolutional-neural-network"  # type: ignore[union-attr]
    assert store.lookup("nosuchterm") is None
    assert "stochastic-gradient-descent" in [t.id for t in store.suggest("stocastic gradient")]


def test_canonical_round_trip(tmp_path: Path) -> None:
    text = textwrap.dedent('''\
        [[term]]
        id = "b"
        term = "b"
        category = "x"
        summary = "Second."
        definition = """
        Has "quotes", a backslash \\\\ and `code`.

        Second paragraph.
        """
        references = [
          { title = "T", year = 2020, url = "https://example.org/p" },
        ]

        [[term]]
        id = "a"
        term = "a"
        category = "x"
        summary = "First."
        ''')
    parsed = parse_term_file(text, Path("x.toml"))
    assert parsed.problems == ()
    canonical = dump_terms(parsed.terms)
    again = parse_term_file(canonical, Path("x.toml"))
    assert [t.id for t in again.terms] == ["a", "b"]
    assert again.terms == tuple(sorted(parsed.terms, key=lambda t: t.id))
    assert dump_terms(again.terms) == canonical


def test_store_accepts_plain_terms() -> None:
    assert len(Store([])) == 0


_CACHED_MATCHER = """
import sys
from dlglossary.matcher import Matcher
from dlglossary.store import load_builtin
store = load_builtin().store
from_cache = store._matcher_state is not None  # read (and let go) on first use below
text = "Batch normalization and dropout regularize a CNN; nn.BatchNorm2d, learning_rate."
fresh = Matcher(store)
found = [(m.start, m.term_id) for m in store.matcher.scan(text)]
assert found == [(m.start, m.term_id) for m in fresh.scan(text)], found
assert found and "batch-normalization" in {t for _, t in found}
code = "x = nn.BatchNorm2d(64); learning_rate = 3e-4"
assert store.matcher.scan(code, "code") == fresh.scan(code, "code")
assert store._matcher_state is None
print("cached" if from_cache else "built")
"""


def test_builtin_cache_keeps_the_matcher_index(tmp_path: Path) -> None:
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    environment.pop("DLGLOSSARY_NO_CACHE", None)

    def run() -> str:
        return subprocess.run(
            [sys.executable, "-c", _CACHED_MATCHER],
            capture_output=True, text=True, check=True, env=environment,
        ).stdout.strip()

    assert run() == "built"  # the first process writes the cache
    assert run() == "cached"  # the next one reads the index from it, and it matches alike
    # A damaged index in the cache is not used: the matcher is built again, and its
    # matches still agree with a fresh one's (the script asserts that, or fails).
    cache = next((tmp_path / "dlglossary").glob("store-*.pickle"))
    key, terms, problems, _ = pickle.loads(cache.read_bytes())
    cache.write_bytes(pickle.dumps((key, terms, problems, b"not a pickle")))
    run()


def test_pickled_terms_keep_every_field() -> None:
    # Terms pickle by their constructor (quick to read back); fields left out of
    # comparisons (source, lines) must survive too.
    terms = list(builtin_store())
    again = pickle.loads(pickle.dumps(terms, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == terms
    for before, after in zip(terms, again, strict=True):
        assert (after.source, after.line, after.field_lines) == (
            before.source,
            before.line,
            before.field_lines,
        )
        assert all(type(r).__name__ == "Reference" for r in after.references)
    assert sum(len(t.references) for t in again) > 100
