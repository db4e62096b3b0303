"""The built-in store itself: canonical form, quality rules, coverage of the seeds."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dlglossary.canonical import dump_terms
from dlglossary.store import builtin_files, builtin_store, load_builtin
from dlglossary.termfile import read_term_file

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
FILES = builtin_files()


def test_store_loads_without_problems() -> None:
    assert [str(p) for p in load_builtin().problems] == []


def test_store_size() -> None:
    assert len(builtin_store()) >= 600


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_is_canonical(path: Path) -> None:
    termfile = read_term_file(path)
    assert termfile.problems == ()
    assert path.read_text(encoding="utf-8") == dump_terms(termfile.terms), (
        f"run: dlglossary format {path.relative_to(REPO)}"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_category_is_the_file_stem(path: Path) -> None:
    assert {t.category for t in read_term_file(path).terms} == {path.stem}


def test_summaries_are_one_sentence() -> None:
    bad = [
        t.id for t in builtin_store()
        if len(t.summary) > 160 or not t.summary.endswith(".")
        or re.search(r"[.!?]\s+[A-Z]", t.summary[:-1])
    ]
    assert bad == []


def test_definitions_are_40_to_120_words() -> None:
    bad = {t.id: len(t.definition.split()) for t in builtin_store()
           if not 40 <= len(t.definition.split()) <= 120}
    assert bad == {}


def test_most_entries_link_their_neighbours() -> None:
    store = builtin_store()
    linked = sum(1 for t in store if t.related)
    assert linked >= 0.9 * len(store)


def test_references_are_well_formed() -> None:
    for term in builtin_store():
        for ref in term.references:
            assert ref.title and 1940 <= ref.year <= 2026, term.id
            assert re.match(r"https?://\S+$", ref.url), (term.id, ref.url)


def test_ambiguous_entries_have_context_data() -> None:
    store = builtin_store()
    for word in ("kernel", "attention", "epoch", "batch", "weight", "padding", "token", "bias"):
        term = store.lookup(word)
        assert term is not None, word
        assert any(f.lower() == word for f in term.ambiguous), word
        assert term.not_in, word


def test_common_acronyms_list_is_sorted_and_unique() -> None:
    path = FILES[0].parent / "common-acronyms.txt"
    words = [w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    assert words == sorted(set(words))
    store = builtin_store()
    assert [w for w in words if any(w in t.acronyms for t in store)] == []


def _seed_tool(name: str, export: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SHARED / "tools" / name), str(export)],
        capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (SHARED / "tools").is_dir():
        pytest.skip("../shared/tools is not beside the checkout")
    path = tmp_path_factory.mktemp("export") / "terms.json"
    import contextlib
    import io

    from dlglossary.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["export", "--format", "json"]) == 0
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_every_seed_concept_is_covered(export: Path) -> None:
    result = _seed_tool("seed_coverage.py", export)
    assert result.returncode == 0, result.stdout


def test_no_definition_shares_text_with_the_seeds(export: Path) -> None:
    result = _seed_tool("seed_overlap.py", export)
    assert result.returncode == 0, result.stdout
