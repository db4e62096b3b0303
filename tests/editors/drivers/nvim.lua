-- Headless Neovim driver for tests/editors/test_nvim.py.
--
-- Environment: DLG_MODE ("enable": editors/nvim/lsp/dlglossary.lua with
-- vim.lsp.enable; "legacy": source editors/nvim/legacy/dlglossary.lua), DLG_NVIM_DIR
-- (editors/nvim), DLG_CASES (JSON: [{file, hovers: [[line, character]], diagnostics}]),
-- DLG_OUT (where the JSON result goes), DLG_TIMEOUT_MS.
local timeout = tonumber(os.getenv("DLG_TIMEOUT_MS") or "20000")
local result = { files = {}, errors = {} }

local function write_result()
  local handle = assert(io.open(os.getenv("DLG_OUT"), "w"))
  handle:write(vim.json.encode(result))
  handle:close()
end

local function hover_text(response)
  local contents = response and response.contents
  if type(contents) == "string" then
    return contents
  elseif type(contents) == "table" and contents.value then
    return contents.value
  elseif type(contents) == "table" then
    local parts = {}
    for _, part in ipairs(contents) do
      parts[#parts + 1] = type(part) == "string" and part or part.value
    end
    return table.concat(parts, "\n")
  end
  return vim.NIL
end

local function run_case(case)
  vim.cmd.edit(vim.fn.fnameescape(case.file))
  local bufnr = vim.api.nvim_get_current_buf()
  local entry = { file = case.file, filetype = vim.bo[bufnr].filetype, hovers = {}, diagnostics = {} }
  result.files[#result.files + 1] = entry
  entry.attached = vim.wait(timeout, function()
    return #vim.lsp.get_clients({ bufnr = bufnr, name = "dlglossary" }) > 0
      and vim.lsp.get_clients({ bufnr = bufnr, name = "dlglossary" })[1].initialized
  end, 50)
  if not entry.attached then
    return
  end
  local client = vim.lsp.get_clients({ bufnr = bufnr, name = "dlglossary" })[1]
  entry.root_dir = client.root_dir or client.config.root_dir
  for _, position in ipairs(case.hovers) do
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(bufnr) },
      position = { line = position[1], character = position[2] },
    }
    local responses, err = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, timeout)
    local text = vim.NIL
    for _, response in pairs(responses or {}) do
      if response.result then
        text = hover_text(response.result)
      end
      if response.err then
        result.errors[#result.errors + 1] = vim.inspect(response.err)
      end
    end
    if err then
      result.errors[#result.errors + 1] = tostring(err)
    end
    entry.hovers[#entry.hovers + 1] = text
  end
  if case.diagnostics then
    -- Wait for diagnostics (of the wanted severity, when the case names one: settings
    -- may reach the server after its first report).
    vim.wait(timeout, function()
      for _, d in ipairs(vim.diagnostic.get(bufnr)) do
        if case.severity == nil or d.severity == case.severity then
          return true
        end
      end
      return false
    end, 50)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      entry.diagnostics[#entry.diagnostics + 1] = {
        lnum = d.lnum,
        col = d.col,
        end_col = d.end_col,
        message = d.message,
        code = d.code or vim.NIL,
        severity = d.severity,
      }
    end
  end
end

local function main()
  local mode = os.getenv("DLG_MODE")
  if mode == "enable" then
    vim.opt.runtimepath:prepend(os.getenv("DLG_NVIM_DIR"))
    local settings = os.getenv("DLG_SETTINGS")
    if settings and settings ~= "" then
      -- As editors/nvim/README.md tells users to: the section "dlglossary" under settings.
      vim.lsp.config("dlglossary", { settings = { dlglossary = vim.json.decode(settings) } })
    end
    vim.lsp.enable("dlglossary")
  else
    dofile(os.getenv("DLG_NVIM_DIR") .. "/legacy/dlglossary.lua")
  end
  for _, case in ipairs(vim.json.decode(os.getenv("DLG_CASES"))) do
    run_case(case)
  end
end

vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  nested = true, -- so that :edit inside fires FileType and the LSP autocommands
  callback = function()
    local ok, err = xpcall(main, debug.traceback)
    if not ok then
      result.errors[#result.errors + 1] = err
    end
    write_result()
    for _, client in ipairs(vim.lsp.get_clients()) do
      client:stop()
    end
    vim.wait(2000, function()
      return #vim.lsp.get_clients() == 0
    end, 50)
    vim.cmd("qall!")
  end,
})
