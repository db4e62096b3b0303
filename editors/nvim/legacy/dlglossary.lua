-- dlglossary language server for Neovim 0.8 to 0.10 (also works on 0.11+), without
-- any plugin. Copy this file to ~/.config/nvim/plugin/dlglossary.lua (or paste it
-- into init.lua). On Neovim 0.11+ prefer editors/nvim/lsp/dlglossary.lua.
--
-- Settings go under `settings.dlglossary`; see editors/nvim/README.md.

local settings = {
  dlglossary = {
    -- glossaries = { "docs/terms.toml" },
    -- ignoredWords = { "FOO" },
    -- severity = { ["unknown-jargon"] = "warning" },
  },
}

local filetypes = { "markdown", "rst", "python", "tex", "plaintex", "text" }
local root_markers = { "dlglossary.toml", "pyproject.toml", ".git" }
local language_ids = { rst = "restructuredtext", tex = "latex", plaintex = "latex", text = "plaintext" }

local function root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local start = name ~= "" and vim.fs.dirname(name) or vim.loop.cwd()
  local marker = vim.fs.find(root_markers, { upward = true, path = start })[1]
  return marker and vim.fs.dirname(marker) or start
end

vim.api.nvim_create_autocmd("FileType", {
  group = vim.api.nvim_create_augroup("dlglossary", { clear = true }),
  pattern = filetypes,
  callback = function(args)
    if vim.bo[args.buf].buftype ~= "" then
      return
    end
    vim.lsp.start({
      name = "dlglossary",
      cmd = { "dlglossary-lsp" },
      root_dir = root_dir(args.buf),
      settings = settings,
      get_language_id = function(_, filetype)
        return language_ids[filetype] or filetype
      end,
    }, { bufnr = args.buf })
  end,
})
