"""VS Code: the packaged extension installed into a real workbench (code-server), driven
by a headless Chromium through Playwright, shows the server's hover.

Needs Node, code-server, Chromium and ``npm ci`` in editors/vscode (playwright-core and
vsce are its dev dependencies): .ci/install-editors.sh and ``make vsix`` provide them.
Skips, naming what is missing, otherwise. The extension finds the server as a user's
would through the ``dlglossary.server.command`` setting, pointing at the venv's
``dlglossary-lsp`` (code-server's extension host takes PATH from a login shell, which
resets it, so PATH discovery is not what this test checks).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import DRIVERS, EDITORS, SUMMARY, VENV_BIN, Project, run_driver

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("server")]

VSCODE = EDITORS / "vscode"
CODE_SERVER_CANDIDATES = ("/opt/code-server/node_modules/.bin/code-server",)
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
SETTINGS = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": False,
    "security.workspace.trust.enabled": False,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": False,
    "extensions.autoUpdate": False,
    "workbench.enableExperiments": False,
    "editor.hover.delay": 100,
}


def _require(name: str, found: str | None, how: str) -> str:
    if found is None:
        pytest.skip(f"{name} is not installed ({how})")
    return found


def _tools() -> tuple[str, str, str, str]:
    node = _require("node", shutil.which("node"), "apt-get install nodejs npm")
    code_server = _require(
        "code-server",
        shutil.which("code-server") or next(
            (c for c in CODE_SERVER_CANDIDATES if os.access(c, os.X_OK)), None
        ),
        "run .ci/install-editors.sh",
    )
    chromium = _require(
        "Chromium", next(filter(None, map(shutil.which, CHROMIUM_CANDIDATES)), None),
        "apt-get install chromium",
    )
    for package in ("playwright-core", "@vscode/vsce", "typescript", "vscode-languageclient"):
        if not (VSCODE / "node_modules" / package / "package.json").is_file():
            pytest.skip(f"{package} is missing: run `npm ci` in editors/vscode (make vsix)")
    npm = _require("npm", shutil.which("npm"), "apt-get install nodejs npm")
    return node, npm, code_server, chromium


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _package(npm: str, out: Path) -> Path:
    """Compile and package the extension as the make target does, into ``out``."""
    vsix = out / "dlglossary.vsix"
    for command in ([npm, "run", "compile"], [npm, "exec", "--", "vsce", "package",
                                              "--allow-missing-repository", "--out", str(vsix)]):
        done = subprocess.run(command, cwd=VSCODE, capture_output=True, text=True, timeout=180,
                              check=False, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return vsix


@contextlib.contextmanager
def _code_server(
    code_server: str, folder: Path, state: Path, env: dict[str, str]
) -> Iterator[str]:
    """A code-server on 127.0.0.1 in its own process group, killed whole afterwards."""
    port = _free_port()
    log = (state / "code-server.log").open("w")
    process = subprocess.Popen(
        [code_server, "--bind-addr", f"127.0.0.1:{port}", "--auth", "none",
         "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
         "--disable-getting-started-override", "--user-data-dir", str(state / "data"),
         "--extensions-dir", str(state / "extensions"), str(folder)],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"code-server did not start:\n{(state / 'code-server.log').read_text()}")
                time.sleep(0.3)
        yield f"{url}/?folder={quote(str(folder))}"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


def test_packaged_extension_shows_the_hover_in_a_real_workbench(
    project: Project, editor_env: dict[str, str], tmp_path: Path
) -> None:
    node, npm, code_server, chromium = _tools()
    vsix = _package(npm, tmp_path)
    state = tmp_path / "code-server"
    (state / "data" / "User").mkdir(parents=True)
    settings = SETTINGS | {"dlglossary.server.command": [str(VENV_BIN / "dlglossary-lsp")]}
    (state / "data" / "User" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    env = editor_env | {"NODE_OPTIONS": ""}
    installed = subprocess.run(
        [code_server, "--user-data-dir", str(state / "data"), "--extensions-dir",
         str(state / "extensions"), "--install-extension", str(vsix)],
        env=env, capture_output=True, text=True, timeout=120, check=False,
        stdin=subprocess.DEVNULL,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert any((state / "extensions").glob("dlglossary.dlglossary-*")), installed.stdout

    out = tmp_path / "vscode.json"
    with _code_server(code_server, project.root, state, env) as url:
        result = run_driver([node, str(DRIVERS / "vscode.mjs")], env | {
            "DLG_URL": url,
            "DLG_FILE": project.markdown.name,
            "DLG_POSITION": "5:6",  # "frobnication" in "A frobnication layer (FBL) is fine."
            "DLG_EXPECT": SUMMARY,
            "DLG_VSCODE_DIR": str(VSCODE),
            "DLG_CHROMIUM": chromium,
            "DLG_OUT": str(out),
            "DLG_SCREENSHOT": str(tmp_path / "workbench.png"),
        }, out, timeout=200)
    assert result["activated"], f"the extension never reported a running server; see {tmp_path}"
    assert result["hover"] and SUMMARY.lower() in result["hover"].lower(), (
        f"hover was {result['hover']!r}; screenshot in {tmp_path}"
    )
    assert result["squiggles"] >= 1  # the undefined-acronym diagnostic on "FBL"
