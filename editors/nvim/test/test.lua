-- Headless test of the asyncls Neovim plugin against the real `asyncls serve`.
-- Run: ASYNCLS_BIN=... timeout 120 nvim --headless -u NONE -i NONE -n -c 'luafile editors/nvim/test/test.lua'
-- Prints PASS/FAIL lines on stdout and exits non-zero (via :cquit) on any failure.
local failures = 0
local function out(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end
local function step(name, body)
  local started = vim.loop.hrtime()
  local ok, err = xpcall(body, debug.traceback)
  local ms = math.floor((vim.loop.hrtime() - started) / 1e6)
  if ok then
    out(string.format("PASS nvim: %s (%d ms)", name, ms))
  else
    failures = failures + 1
    out(string.format("FAIL nvim: %s: %s", name, tostring(err)))
  end
  return ok
end
local function finish()
  out(failures == 0 and "PASS nvim: all steps" or string.format("FAIL nvim: %d step(s) failed", failures))
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.stop(true)
  end
  vim.cmd((failures == 0 and "qall!" or "cquit! 1"))
end

local bin = os.getenv("ASYNCLS_BIN")
local this_dir = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
local editors_dir = vim.fn.fnamemodify(this_dir, ":h:h")
local project = editors_dir .. "/fixtures/project"
local fixture = project .. "/app.py"
local timeout_ms = tonumber(os.getenv("ASYNCLS_TEST_TIMEOUT_MS") or "20000")

if not bin or bin == "" then
  out("FAIL nvim: set ASYNCLS_BIN to the asyncls executable")
  vim.cmd("cquit! 2")
end

vim.opt.runtimepath:prepend(editors_dir .. "/nvim")
vim.opt.swapfile = false

-- The findings the fixture expects, from its `# CODE: ...` comments (0-based lines).
local expected = {}
for index, text in ipairs(vim.fn.readfile(fixture)) do
  local code = text:match("#%s*(ASYNC%d+):") or text:match("#%s*(ASL%d+):")
  if code then
    table.insert(expected, { line = index - 1, code = code, text = text })
  end
end

local function code_of(d)
  return d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
end
local function has_finding(diags, code, line)
  for _, d in ipairs(diags) do
    if tostring(code_of(d)) == code and (line == nil or d.lnum == line) then
      return true
    end
  end
  return false
end
local function describe(diags)
  local parts = {}
  for _, d in ipairs(diags) do
    table.insert(parts, string.format("%s@%d", tostring(code_of(d)), d.lnum + 1))
  end
  return "[" .. table.concat(parts, ", ") .. "]"
end
local function wait_for(description, predicate)
  if not vim.wait(timeout_ms, predicate, 20) then
    error(string.format("timed out after %d ms waiting for %s; diagnostics now: %s", timeout_ms, description,
      describe(vim.diagnostic.get(0))))
  end
end
local function client()
  return require("asyncls").clients()[1]
end

local bufnr
step("setup attaches the server to a Python buffer with the project root", function()
  require("asyncls").setup({ cmd = { bin, "serve" }, settings = { debounceMs = 50 } })
  vim.cmd("edit " .. vim.fn.fnameescape(fixture))
  bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = "python" -- -u NONE has no filetype detection
  wait_for("the client to initialize", function()
    local c = client()
    return c ~= nil and c.initialized and vim.lsp.buf_is_attached(bufnr, c.id)
  end)
  assert(client().config.root_dir == project, "root_dir " .. tostring(client().config.root_dir) .. " ~= " .. project)
end)

local labels = {}
for _, f in ipairs(expected) do
  table.insert(labels, string.format("%s@%d", f.code, f.line + 1))
end
step("expected codes appear (" .. table.concat(labels, ", ") .. ")", function()
  assert(#expected >= 2, "the fixture declares too few expected findings")
  wait_for("the expected diagnostics", function()
    local diags = vim.diagnostic.get(bufnr)
    for _, f in ipairs(expected) do
      if not has_finding(diags, f.code, f.line) then
        return false
      end
    end
    return true
  end)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    assert(d.source == "asyncls", "diagnostic source " .. tostring(d.source))
  end
end)

local sleep
for _, f in ipairs(expected) do
  if f.code == "ASYNC251" then
    sleep = f
  end
end

step("hover on time.sleep answers with ASYNC251", function()
  local col = sleep.text:find("time.sleep", 1, true) + #"time."
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = sleep.line, character = col },
  }
  local response, err = client().request_sync("textDocument/hover", params, 5000, bufnr)
  assert(response and not response.err, "hover failed: " .. vim.inspect(err or (response and response.err)))
  assert(response.result, "hover returned nothing")
  local lines = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
  local text = table.concat(lines, "\n")
  assert(text:find("ASYNC251", 1, true), "hover text: " .. text)
end)

step("code action 'Disable ASYNC251 for this line' applies and the finding goes", function()
  -- What the client sends back is the LSP form of the diagnostic (0.7 keeps no range in
  -- user_data.lsp; get_line_diagnostics rebuilds it, as vim.lsp.buf.code_action does).
  local lsp_diag
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, sleep.line)) do
    if tostring(d.code) == "ASYNC251" then
      lsp_diag = d
    end
  end
  assert(lsp_diag, "no ASYNC251 diagnostic")
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }
  local response, err = client().request_sync("textDocument/codeAction", params, 5000, bufnr)
  assert(response and not response.err, "codeAction failed: " .. vim.inspect(err or (response and response.err)))
  local titles, chosen = {}, nil
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if action.title:find("Disable ASYNC251", 1, true) then
      chosen = action
    end
  end
  assert(chosen, "no 'Disable ASYNC251' action among " .. vim.inspect(titles))
  if not chosen.edit and chosen.data then
    local resolved = client().request_sync("codeAction/resolve", chosen, 5000, bufnr)
    chosen = resolved and resolved.result or chosen
  end
  assert(chosen.edit, "the action carries no edit")
  vim.lsp.util.apply_workspace_edit(chosen.edit, client().offset_encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, sleep.line, sleep.line + 1, false)[1]
  assert(line:find("# noqa: ASYNC251", 1, true), "line after the edit: " .. line)
  wait_for("ASYNC251 to go while the others stay", function()
    local diags = vim.diagnostic.get(bufnr)
    if has_finding(diags, "ASYNC251") then
      return false
    end
    for _, f in ipairs(expected) do
      if f.code ~= "ASYNC251" and not has_finding(diags, f.code, f.line) then
        return false
      end
    end
    return true
  end)
end)

-- The LSP form of the first diagnostic with `code` on `line` (0-based).
local function lsp_diagnostic(code, line)
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, line)) do
    if tostring(d.code) == code then
      return d
    end
  end
end

step("the preferred quickfix for ASYNC251 rewrites the call to await asyncio.sleep", function()
  vim.cmd("edit! " .. vim.fn.fnameescape(fixture)) -- back to the file on disk, without the noqa
  wait_for("ASYNC251 to come back", function()
    return has_finding(vim.diagnostic.get(bufnr), "ASYNC251", sleep.line)
  end)
  local diag = lsp_diagnostic("ASYNC251", sleep.line)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = diag.range,
    context = { diagnostics = { diag }, only = { "quickfix" } },
  }
  local response = client().request_sync("textDocument/codeAction", params, 5000, bufnr)
  assert(response and not response.err, "codeAction failed: " .. vim.inspect(response))
  local preferred
  for _, action in ipairs(response.result or {}) do
    if action.isPreferred then
      preferred = action
    end
  end
  assert(preferred and preferred.edit, "no preferred quickfix with an edit among " .. vim.inspect(response.result))
  vim.lsp.util.apply_workspace_edit(preferred.edit, client().offset_encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, sleep.line, sleep.line + 1, false)[1]
  assert(line:find("await asyncio.sleep(delay)", 1, true), "line after the fix: " .. line)
  wait_for("ASYNC251 to go after the fix", function()
    local diags = vim.diagnostic.get(bufnr)
    return not has_finding(diags, "ASYNC251") and has_finding(diags, "ASYNC300")
  end)
end)

step("workspace/configuration answers section asyncls with the settings", function()
  local handler = vim.lsp.handlers["workspace/configuration"]
  local result = handler(nil, { items = { { section = "asyncls" } } }, { client_id = client().id })
  assert(result[1] and result[1].debounceMs == 50, "configuration answer: " .. vim.inspect(result))
  assert(vim.deep_equal(client().config.init_options, { debounceMs = 50 }), "init_options: " .. vim.inspect(client().config.init_options))
end)

step(":AsynclsSimulate shows the text timeline in a split", function()
  vim.cmd("edit! " .. vim.fn.fnameescape(fixture)) -- drop the edits, keep the file on disk unchanged
  local probe = vim.fn.system({ bin, "simulate", "--help" })
  if vim.v.shell_error ~= 0 and (probe:find("unknown command", 1, true) or probe:find("unknown subcommand", 1, true)) then
    out("SKIP nvim: `asyncls simulate` does not exist yet: " .. vim.trim(probe))
    return
  end
  local main_row
  for index, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if text:match("^async def main") then
      main_row = index
    end
  end
  vim.api.nvim_win_set_cursor(0, { main_row + 1, 4 })
  local windows = #vim.api.nvim_list_wins()
  vim.cmd("AsynclsSimulate")
  assert(#vim.api.nvim_list_wins() == windows + 1, "no split opened")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  assert(vim.bo.filetype == "asyncls-simulation", "split filetype " .. vim.bo.filetype)
  assert(text:find("main", 1, true), "simulation output: " .. text)
  -- The sentence the SVG timeline shows too: what bounds the total.
  local flat = text:gsub("%s+", " ")
  assert(flat:find("Bounded by ", 1, true) and flat:find("holds the loop", 1, true), "no bottleneck sentence: " .. text)
  vim.cmd("close")
end)

step("restart brings diagnostics back", function()
  local old = client().id
  vim.diagnostic.reset(nil, bufnr)
  require("asyncls").restart()
  wait_for("a new client with diagnostics", function()
    local c = client()
    return c ~= nil and c.id ~= old and c.initialized and has_finding(vim.diagnostic.get(bufnr), "ASYNC251")
  end)
end)

-- Compact JSON as the client sends it (json_encode puts blanks after : and ,).
local function json(value)
  return (vim.fn.json_encode(value):gsub('([:,]) ', '%1'))
end

step("setup{} with no settings sends objects, and the server takes them", function()
  local asyncls = require("asyncls")
  assert(json(asyncls.settings_object({})) == "{}", "empty settings encode as " .. json(asyncls.settings_object({})))
  local with_map = json(asyncls.settings_object({ latency = {}, select = { "ASYNC" } }))
  assert(with_map:find('"latency":{}', 1, true) and with_map:find('"select":["ASYNC"]', 1, true), "settings encode as " .. with_map)
  local default = dofile(editors_dir .. "/nvim/lsp/asyncls.lua")
  assert(json(default.init_options) == "{}" and json(default.settings) == '{"asyncls":{}}',
    "lsp/asyncls.lua sends " .. json(default.init_options))
  local messages = {}
  local notify = vim.notify
  vim.notify = function(message, level)
    table.insert(messages, tostring(message))
    return notify(message, level)
  end
  local show_message = vim.lsp.handlers["window/showMessage"]
  vim.lsp.handlers["window/showMessage"] = function(err, result, ctx, config)
    table.insert(messages, result and result.message or "")
    return show_message(err, result, ctx, config)
  end
  asyncls.setup({ cmd = { bin, "serve" } })
  local old = client().id
  asyncls.restart()
  wait_for("a client started with no settings to publish diagnostics", function()
    local c = client()
    return c ~= nil and c.id ~= old and c.initialized and has_finding(vim.diagnostic.get(bufnr), "ASYNC251")
  end)
  vim.notify = notify
  vim.lsp.handlers["window/showMessage"] = show_message
  local result = vim.lsp.handlers["workspace/configuration"](nil, { items = { { section = "asyncls" } } }, { client_id = client().id })
  assert(json(result) == "[{}]", "configuration answer " .. json(result))
  for _, m in ipairs(messages) do
    assert(not m:find("must be an object", 1, true), "the server rejected the settings: " .. m)
  end
end)

step("on Neovim 0.11+ setup registers with vim.lsp.config and vim.lsp.enable", function()
  -- This Neovim (0.7) lacks them: stand-ins record what setup passes, as 0.11 would receive it.
  local asyncls = require("asyncls")
  local saved_config, saved_enable = vim.lsp.config, vim.lsp.enable
  local registered, enabled = {}, {}
  vim.lsp.config = setmetatable({}, { __call = function(_, name, cfg) registered[name] = cfg end })
  vim.lsp.enable = function(name) table.insert(enabled, name) end
  local ok, err = pcall(asyncls.setup, { cmd = { bin, "serve" }, settings = { ignore = { "ASYNC109" } } })
  vim.lsp.config, vim.lsp.enable = saved_config, saved_enable
  assert(ok, err)
  local cfg = registered.asyncls
  assert(cfg and enabled[1] == "asyncls", "registered " .. vim.inspect(registered) .. ", enabled " .. vim.inspect(enabled))
  assert(cfg.cmd[1] == bin and cfg.filetypes[1] == "python" and cfg.root_markers[1] == "pyproject.toml", vim.inspect(cfg))
  assert(json(cfg.settings) == '{"asyncls":{"ignore":["ASYNC109"]}}', json(cfg.settings))
  assert(cfg.root_dir == nil, "vim.lsp.config finds the root from root_markers")
  asyncls.setup({ cmd = { bin, "serve" }, settings = { debounceMs = 50 } }) -- back to the 0.7 path
end)

finish()
