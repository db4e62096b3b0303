"""The command line, in-process through ``main`` and once as the installed script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dlglossary.cli import main

DOC = (
    "# Training\n\nWe train a convolutional neural network with stochastic gradient descent.\n"
    "The LSTM and ZQRT are new.\n"
)


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "guide.md").write_text(DOC, encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_define(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "define", "SGD")
    assert code == 0 and out.startswith("stochastic gradient descent")
    code, out, _ = run(capsys, "define", "sgd", "--format", "json")
    assert json.loads(out)["id"] == "stochastic-gradient-descent"


def test_define_unknown_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "define", "stocastic gradient decent")
    assert code == 1 and "did you mean: stochastic gradient descent" in err


def test_list_and_category(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--category", "optimization")
    assert code == 0 and "stochastic gradient descent" in out
    code, _, err = run(capsys, "list", "--category", "nope")
    assert code == 2 and "categories:" in err


def test_find_text_and_json(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "find", str(docs))
    assert code == 0
    where = f"{docs / 'guide.md'}:3:12-3:40:"
    assert f"{where} convolutional-neural-network 'convolutional neural network'" in out
    code, out, _ = run(capsys, "find", str(docs), "--format", "json")
    first = json.loads(out)[0]
    assert set(first) == {"path", "line", "column", "end_line", "end_column", "id", "text"}


def test_find_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "blob.md"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"line one\ncaf\xe9\n")
    code, _, err = run(capsys, "find", str(binary), str(latin), str(tmp_path / "missing.md"))
    assert code == 2
    assert f"{binary}: skipped: binary file" in err
    assert f"{latin}:2: skipped: not valid UTF-8" in err
    assert f"{tmp_path / 'missing.md'}: no such file or directory" in err


def test_check_formats(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(docs))
    assert code == 1
    assert f"{docs / 'guide.md'}:4:5: undefined-acronym" in out
    assert f"{docs / 'guide.md'}:4:14: unknown-jargon" in out
    code, out, _ = run(capsys, "check", str(docs), "--format", "json")
    assert {f["code"] for f in json.loads(out)} == {"undefined-acronym", "unknown-jargon"}
    code, out, _ = run(capsys, "check", str(docs), "--format", "github")
    assert out.startswith("::notice file=")
    code, out, _ = run(capsys, "check", str(docs), "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    result = sarif["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/guide.md"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 4


def test_check_select_ignore_statistics(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(docs), "--select", "unknown-jargon", "--statistics")
    assert code == 1 and "undefined-acronym" not in out and "1  unknown-jargon" in out
    code, out, _ = run(capsys, "check", str(docs), "--ignore", "unknown-jargon,undefined-acronym")
    assert code == 0 and out == ""
    code, _, err = run(capsys, "check", str(docs), "--select", "bogus")
    assert code == 2 and "unknown finding code" in err


def test_check_fix_is_atomic_and_idempotent(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = docs / "guide.md"
    run(capsys, "check", str(docs), "--fix")
    fixed = guide.read_text(encoding="utf-8")
    assert "The long short-term memory (LSTM) and ZQRT are new." in fixed
    assert fixed.replace("long short-term memory (LSTM)", "LSTM") == DOC
    run(capsys, "check", str(docs), "--fix")
    assert guide.read_text(encoding="utf-8") == fixed
    assert sorted(p.name for p in docs.iterdir()) == ["guide.md"]


def test_check_never_writes_without_fix(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (docs / "guide.md").stat().st_mtime_ns
    run(capsys, "check", str(docs))
    assert (docs / "guide.md").stat().st_mtime_ns == before


def test_check_honours_gitignore_and_exclude(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs / "build").mkdir()
    (docs / "build" / "out.md").write_text("ZQRT\n", encoding="utf-8")
    (docs / "draft.md").write_text("BLORP\n", encoding="utf-8")
    (docs / ".gitignore").write_text("build/\n", encoding="utf-8")
    _code, out, _ = run(capsys, "check", str(docs), "--exclude", "docs/draft.md")
    assert "out.md" not in out and "draft.md" not in out and "guide.md" in out


def test_check_thousands_of_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(2000):
        (tmp_path / f"page{index}.md").write_text("Plain words only.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00")
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 0 and out == "" and "bad.md: skipped: binary file" in err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "a" / "doc.md").write_text("Hello.\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 0 and "symlink loop" in err


def test_export_has_the_fields(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", "--format", "json")
    terms = json.loads(out)
    assert code == 0 and len(terms) >= 600
    assert {"id", "term", "acronyms", "aliases", "code", "summary", "definition", "category",
            "related", "references"} <= set(terms[0])


def test_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0 and "0 problem(s)" in out
    broken = tmp_path / "broken.toml"
    broken.write_text('[[term]]\nid = "x"\n', encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(broken))
    assert code == 1 and f"{broken}:1: term: missing" in out
    code, _, _err = run(capsys, "validate", str(tmp_path / "nope.toml"))
    assert code == 2


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "frobnicate")[0] == 2
    assert main(["check", "--help"]) == 0


def test_installed_script(docs: Path) -> None:
    script = shutil.which("dlglossary", path=str(Path(sys.executable).parent))
    assert script is not None, "the console script is not installed"
    result = subprocess.run(
        [script, "check", str(docs), "--format", "json"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)[0]["path"].endswith("guide.md")
    assert subprocess.run([script, "--help"], capture_output=True, check=False).returncode == 0
