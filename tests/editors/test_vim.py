"""Vim with ALE, set up the way editors/vim/README.md tells a new user to.

Each test writes the README's ``~/.vimrc`` block (plus the README line it is about) into
an empty home, copies editors/vim/ale.vim to ``~/.vim/plugin/dlglossary.vim`` as the
README says, and runs Vim in silent Ex mode with drivers/vim.vim: it opens files, waits
for ALE to start the server, hovers with ``:ALEHover`` and reads ALE's diagnostics.

Needs Vim 8.2+ with jobs and timers and Debian's ALE (``vim-nox vim-ale``, which
.ci/install-editors.sh installs); skips otherwise. The vim-lsp set-up has no test here:
vim-lsp is not available from Debian, PyPI or npm.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from dlglossary import builtin_store

from .conftest import (
    ACRONYM_AT,
    DRIVERS,
    EDITORS,
    MARKDOWN,
    MARKDOWN_HOVER,
    PYTHON_CODE_HOVER,
    PYTHON_HOVER,
    SUMMARY,
    VENV_BIN,
    Project,
    run_driver,
)

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("server")]

README = EDITORS / "vim" / "README.md"
#: Where the README has users put editors/vim/ale.vim.
PLUGIN = "~/.vim/plugin/dlglossary.vim"

#: Python that names dropout only through ``nn.Dropout``; the hover is on ``Dropout``.
MODEL = "from torch import nn\n\nlayer = nn.Dropout(0.1)\n"
DROPOUT_HOVER = (2, 12)
#: Plain text (filetype ``text``, for which ALE runs no linter unless told to).
TEXT = "Dropout regularizes the neural network.\n"
TEXT_HOVER = (0, 2)
#: Line 7 (1-based) has two unknown acronyms, QZRX at column 15 and WXYZ at 24.
JARGON = MARKDOWN + "\nWe also tried QZRX and WXYZ.\n"
QZRX_AT = (7, 15)


def _ale_position(position: tuple[int, int]) -> tuple[int, int]:
    """An LSP (0-based) position as ALE's loclist gives it: 1-based line and column."""
    return position[0] + 1, position[1] + 1


def _readme_vimrc() -> str:
    """The README's ``~/.vimrc`` block, without the Markdown list indentation."""
    readme = README.read_text("utf-8")
    # The tests install the plugin the way the README says, so it must still say so.
    assert f"cp editors/vim/ale.vim {PLUGIN}" in readme
    match = re.search(r"```vim\n(( *)\" ~/\.vimrc\n.*?)\n *```", readme, re.S)
    assert match, f"{README} has no ```vim block starting with '\" ~/.vimrc'"
    indent = len(match[2])
    return "\n".join(line[indent:] for line in match[1].splitlines()) + "\n"


def _vim() -> str:
    vim = shutil.which("vim")
    if vim is None:
        pytest.skip("Vim is not installed (apt-get install vim-nox vim-ale)")
    problem = _vim_problem(vim)
    if problem:
        pytest.skip(problem)
    return vim


@functools.cache
def _vim_problem(vim: str) -> str | None:
    """Why this Vim cannot run ALE's LSP client, or None."""
    version = subprocess.run(
        [vim, "--version"], capture_output=True, text=True, timeout=60, check=False
    ).stdout
    match = re.search(r"VIM - Vi IMproved (\d+)\.(\d+)", version)
    if match is None or (int(match[1]), int(match[2])) < (8, 2):
        return f"{vim} is not Vim 8.2+ ({version.splitlines()[:1]})"
    if "+job" not in version or "+timers" not in version:
        return f"{vim} has no +job/+timers (a tiny build?): apt-get install vim-nox"
    with tempfile.TemporaryDirectory() as home:
        vimrc = Path(home) / ".vimrc"
        vimrc.write_text("packadd! ale\n", encoding="utf-8")
        probe = subprocess.run(
            [vim, "-N", "-i", "NONE", "-es", "-u", str(vimrc),
             "-c", "if !exists('g:loaded_ale') | cquit | endif", "-c", "qall!"],
            env=os.environ | {"HOME": home}, capture_output=True, text=True, timeout=60,
            check=False, stdin=subprocess.DEVNULL,
        )
    if probe.returncode != 0:
        return "ALE is not installed for Vim (apt-get install vim-ale)"
    return None


def _run(
    env: dict[str, str], out: Path, cases: list[dict[str, Any]], vimrc_lines: list[str]
) -> dict[str, Any]:
    """Set the home up as the README says, run the driver on ``cases``, return its JSON."""
    vim = _vim()
    home = Path(env["HOME"])
    vimrc = home / ".vimrc"
    vimrc.write_text(_readme_vimrc() + "\n".join([*vimrc_lines, ""]), encoding="utf-8")
    plugin = home / PLUGIN.removeprefix("~/")
    plugin.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(EDITORS / "vim" / "ale.vim", plugin)
    env = env | {"DLG_CASES": json.dumps(cases), "DLG_OUT": str(out), "DLG_TIMEOUT_MS": "20000"}
    # Silent Ex mode reads no vimrc unless given one with -u; plugins and packages load
    # as in a normal start.
    command = [vim, "-N", "-i", "NONE", "-es", "-u", str(vimrc), "-S", str(DRIVERS / "vim.vim")]
    return run_driver(command, env, out, timeout=120)


def _case(path: Path, hovers: list[tuple[int, int]], **extra: Any) -> dict[str, Any]:
    return {"file": str(path), "hovers": [list(h) for h in hovers], **extra}


def _vim_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_ale_starts_the_configured_server_with_hover_and_diagnostics(
    project: Project, editor_env: dict[str, str]
) -> None:
    executable = VENV_BIN / "dlglossary-lsp"
    if not executable.is_file():
        pytest.skip(f"{executable} is missing: install the project into the venv")
    model = project.root / "model.py"
    model.write_text(MODEL, encoding="utf-8")
    text = project.root / "notes.txt"
    text.write_text(TEXT, encoding="utf-8")
    # Only g:ale_dlglossary_executable (as the README shows it) can find this server.
    path = [p for p in editor_env["PATH"].split(os.pathsep) if Path(p) != VENV_BIN]
    result = _run(
        editor_env | {"PATH": os.pathsep.join(path)},
        project.root / "vim-ale.json",
        [
            _case(project.markdown, [MARKDOWN_HOVER], diagnostics=True),
            _case(project.python, [PYTHON_HOVER, PYTHON_CODE_HOVER]),
            _case(model, [DROPOUT_HOVER]),
            _case(text, [TEXT_HOVER]),
        ],
        [f"let g:ale_dlglossary_executable = {_vim_string(str(executable))}"],
    )
    markdown, python, torch, plain = result["files"]
    assert [f["filetype"] for f in result["files"]] == ["markdown", "python", "python", "text"]
    assert all(f["attached"] for f in result["files"]), result["files"]
    assert {Path(f["root"]) for f in result["files"]} == {project.root}
    assert markdown["connection"] == f"{executable}:{markdown['root']}"
    assert SUMMARY.lower() in markdown["hovers"][0].lower()
    assert SUMMARY.lower() in python["hovers"][0].lower()
    assert "learning rate" in python["hovers"][1].lower()
    dropout = builtin_store()["dropout"].summary
    assert dropout in torch["hovers"][0]
    assert dropout in plain["hovers"][0]
    at = _ale_position(ACRONYM_AT)
    acronym = [d for d in markdown["diagnostics"] if (d["lnum"], d["col"]) == at]
    assert [d["code"] for d in acronym] == ["undefined-acronym"], markdown["diagnostics"]
    assert "FBL" in acronym[0]["text"]


def test_dlglossary_settings_reach_the_server(
    project: Project, editor_env: dict[str, str]
) -> None:
    jargon = project.root / "jargon.md"
    jargon.write_text(JARGON, encoding="utf-8")
    settings = {
        "select": ["unknown-jargon"],
        "severity": {"unknown-jargon": "error"},
        "ignoredWords": ["WXYZ"],
    }
    result = _run(
        editor_env, project.root / "vim-settings.json",
        [_case(jargon, [], diagnostics=True, type="E")],
        [f"let g:dlglossary_settings = {json.dumps(settings)}"],
    )
    (entry,) = result["files"]
    assert entry["attached"]
    # Only QZRX is left: FBL's code is not selected, WXYZ is ignored; and it is an error.
    found = [(d["lnum"], d["col"], d["code"], d["type"]) for d in entry["diagnostics"]]
    assert found == [(*QZRX_AT, "unknown-jargon", "E")]


@pytest.mark.parametrize("marker", ["pyproject.toml", ".git/", ".git"])
def test_the_server_runs_at_the_nearest_project_root(
    tmp_path: Path, editor_env: dict[str, str], marker: str
) -> None:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    if marker.endswith("/"):
        (root / marker).mkdir()
    else:
        # A .git file is what a git worktree or submodule has.
        (root / marker).write_text("gitdir: elsewhere\n" if marker == ".git" else "", "utf-8")
    notes = root / "docs" / "notes.md"
    notes.write_text(MARKDOWN, encoding="utf-8")
    result = _run(editor_env, tmp_path / "vim-root.json", [_case(notes, [])], [])
    (entry,) = result["files"]
    assert entry["attached"]
    assert Path(entry["root"]) == root
