-- dlglossary language server for Neovim 0.11+.
--
-- Put this file on your 'runtimepath' as lsp/dlglossary.lua (for example
-- ~/.config/nvim/lsp/dlglossary.lua) and enable it from init.lua:
--
--     vim.lsp.enable("dlglossary")
--
-- Change settings without copying the file:
--
--     vim.lsp.config("dlglossary", {
--       settings = { dlglossary = { ignoredWords = { "FOO" } } },
--     })
--
-- Settings go under `settings.dlglossary` (the server asks for the "dlglossary"
-- section with workspace/configuration); see editors/nvim/README.md.

-- Neovim sends the filetype as the LSP language id; the server expects VS Code's ids.
local language_ids = {
  rst = "restructuredtext",
  tex = "latex",
  plaintex = "latex",
  text = "plaintext",
}

---@type vim.lsp.Config
return {
  cmd = { "dlglossary-lsp" },
  filetypes = { "markdown", "rst", "python", "tex", "plaintex", "text" },
  root_markers = { "dlglossary.toml", "pyproject.toml", ".git" },
  get_language_id = function(_, filetype)
    return language_ids[filetype] or filetype
  end,
  settings = {
    dlglossary = {},
  },
}
