-- Headless Neovim (0.7+) check of `asyncls serve` as a user meets it: open a
-- file, type code character by character (incremental didChange with UTF-16
-- positions after non-ASCII text), and compare the diagnostics after each
-- burst with `asyncls check --stdin-filename` on the buffer's text; then hover
-- and apply the quick fix.
--
--   ASYNCLS_BIN=$PWD/bin/asyncls timeout 120 nvim --headless -u NONE -i NONE -n \
--     -c 'luafile server/testdata/nvim_typing.lua'
--
-- Prints PASS/FAIL lines; exits non-zero on failure.
local failures = 0
local function out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end
local function check(name, ok, detail)
  if ok then
    out("PASS " .. name)
  else
    failures = failures + 1
    out("FAIL " .. name .. (detail and (": " .. detail) or ""))
  end
end

local bin = os.getenv("ASYNCLS_BIN")
if not bin or bin == "" then
  out("FAIL set ASYNCLS_BIN")
  vim.cmd("cquit! 2")
end

local dir = vim.fn.tempname()
vim.fn.mkdir(dir, "p")
local path = dir .. "/app.py"
vim.fn.writefile({
  "import asyncio",
  "import time",
  "",
  "",
  "async def main():",
  "    label = \"café 東京 🚀\"",
  "    await asyncio.sleep(0)",
  "",
}, path)
vim.fn.writefile({ "[tool.asyncls]" }, dir .. "/pyproject.toml")

vim.cmd("edit " .. path)
vim.bo.filetype = "python"
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "asyncls",
  cmd = { bin, "serve" },
  root_dir = dir,
  init_options = { debounceMs = 0 },
})
vim.lsp.buf_attach_client(bufnr, client_id)

local function code_of(d)
  return d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
end
local function render(diags)
  local parts = {}
  for _, d in ipairs(diags) do
    table.insert(parts, string.format("%s:%d:%d", tostring(code_of(d)), d.lnum + 1, d.col))
  end
  table.sort(parts)
  return table.concat(parts, " ")
end
-- `asyncls check` on the buffer text, rendered like render() (byte columns).
local function expected()
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n"
  local json = vim.fn.system({ bin, "check", "--format", "json", "--exit-zero", "--stdin-filename", path }, text)
  local parts = {}
  for _, f in ipairs(vim.fn.json_decode(json)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, f.line - 1, f.line, false)[1] or ""
    -- check reports character columns; Neovim reports byte columns.
    local byte = vim.str_byteindex(line, f.column - 1)
    table.insert(parts, string.format("%s:%d:%d", f.code, f.line, byte))
  end
  table.sort(parts)
  return table.concat(parts, " ")
end
local function settle(name)
  local want
  local ok = vim.wait(30000, function()
    want = expected()
    return render(vim.diagnostic.get(bufnr)) == want
  end, 50)
  check(name, ok, string.format("server [%s], check [%s]", render(vim.diagnostic.get(bufnr)), want or ""))
end

settle("diagnostics after open equal asyncls check")

-- Type a blocking call after the non-ASCII string, one character at a time.
local function type_text(row, col, text)
  for ch in text:gmatch(".") do
    vim.api.nvim_buf_set_text(bufnr, row, col, row, col, { ch })
    col = col + 1
    vim.wait(5)
  end
end
local row = 5
local line = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1]
type_text(row, #line, "; time.sleep(1)")
settle("typing time.sleep(1) after é/東京/🚀 gives check's diagnostics")
local has251 = false
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if code_of(d) == "ASYNC251" then
    has251 = true
  end
end
check("ASYNC251 appears while typing", has251)

-- Hover on time.sleep.
local sleep_col = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1]:find("time.sleep", 1, true) - 1
local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = row, character = vim.str_utfindex(vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1], sleep_col) + 2 } }
local resp = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", params, 10000)
local hover = ""
for _, r in pairs(resp or {}) do
  if r.result and r.result.contents then
    hover = r.result.contents.value or ""
  end
end
check("hover explains ASYNC251", hover:find("ASYNC251", 1, true) ~= nil and hover:find("Why", 1, true) ~= nil, hover)

-- Apply the preferred quick fix and see the finding go. The diagnostics go
-- back to the server in LSP form, as vim.lsp.buf.code_action() sends them.
local diag
for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, row)) do
  if d.code == "ASYNC251" then
    diag = d
  end
end
local actions = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = diag.range,
  context = { diagnostics = { diag } },
}, 10000)
local applied = false
for _, r in pairs(actions or {}) do
  for _, action in ipairs(r.result or {}) do
    if not applied and action.isPreferred and action.edit then
      vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
      applied = true
    end
  end
end
check("a preferred quick fix is offered", applied)
settle("after the quick fix the diagnostics equal check")
local gone = true
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if code_of(d) == "ASYNC251" then
    gone = false
  end
end
check("the quick fix repairs the code", gone, vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1])

vim.lsp.stop_client(client_id)
vim.wait(2000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end)
out(failures == 0 and "PASS all" or string.format("FAIL %d check(s)", failures))
vim.cmd(failures == 0 and "qall!" or "cquit! 1")
