-- dlglossary with nvim-lspconfig.
--
-- nvim-lspconfig 2.x on Neovim 0.11+ reads lsp/*.lua files from 'runtimepath', so
-- copying editors/nvim/lsp/dlglossary.lua to ~/.config/nvim/lsp/ and calling
-- vim.lsp.enable("dlglossary") is all it takes; settings are then changed with
-- vim.lsp.config("dlglossary", { settings = { dlglossary = { ... } } }).
--
-- With an older nvim-lspconfig (Neovim 0.8 to 0.10), register the server once and
-- set it up like any other:

local configs = require("lspconfig.configs")
local util = require("lspconfig.util")

if not configs.dlglossary then
  configs.dlglossary = {
    default_config = {
      cmd = { "dlglossary-lsp" },
      filetypes = { "markdown", "rst", "python", "tex", "plaintex", "text" },
      root_dir = util.root_pattern("dlglossary.toml", "pyproject.toml", ".git"),
      get_language_id = function(_, filetype)
        local ids = { rst = "restructuredtext", tex = "latex", plaintex = "latex", text = "plaintext" }
        return ids[filetype] or filetype
      end,
      settings = { dlglossary = {} },
    },
    docs = { description = "dlglossary: deep-learning terms in prose and code." },
  }
end

require("lspconfig").dlglossary.setup({
  settings = {
    dlglossary = {
      -- ignoredWords = { "FOO" },
      -- severity = { ["unknown-jargon"] = "warning" },
    },
  },
})
