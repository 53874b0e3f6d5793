-- asyncls for Neovim: starts `asyncls serve` for Python buffers and attaches it.
-- Works on Neovim 0.7 (vim.lsp.start_client + buf_attach_client), 0.8-0.10 (vim.lsp.start)
-- and 0.11+ (vim.lsp.config + vim.lsp.enable; lsp/asyncls.lua is the default config there).
local M = {}

M.install_docs = "https://github.com/asyncls/asyncls/blob/main/docs/editors.md#install-asyncls"

local defaults = {
  -- The server command; cmd[1] is also used for :AsynclsSimulate.
  cmd = { "asyncls", "serve" },
  filetypes = { "python" },
  -- The first directory upwards from the file that holds one of these is the workspace root.
  root_markers = { "pyproject.toml", ".git" },
  -- Server settings with the server's camelCase keys: select, ignore, latency, debounceMs,
  -- logLevel. Sent as initializationOptions and as workspace/configuration section "asyncls".
  settings = {},
  on_attach = nil,
  capabilities = nil,
  autostart = true,
}

M.config = vim.deepcopy(defaults)

-- On 0.7 we keep our own root -> client id map (vim.lsp.start does this on 0.8+).
local clients_by_root = {}
local warned_missing = false

local uv = vim.loop

local function exists(path)
  return uv.fs_stat(path) ~= nil
end

local function dirname(path)
  return vim.fn.fnamemodify(path, ":h")
end

--- The nearest directory at or above `path`'s directory holding a root marker, else the
--- file's own directory.
function M.find_root(path, markers)
  markers = markers or M.config.root_markers
  local start = dirname(vim.fn.fnamemodify(path, ":p"))
  local dir = start
  while true do
    for _, marker in ipairs(markers) do
      if exists(dir .. "/" .. marker) then
        return dir
      end
    end
    local parent = dirname(dir)
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local function notify(message, level)
  vim.schedule(function()
    vim.notify(message, level or vim.log.levels.INFO)
  end)
end

local function executable_missing()
  local exe = M.config.cmd[1]
  if vim.fn.executable(exe) == 1 then
    return false
  end
  if not warned_missing then
    warned_missing = true
    notify(
      string.format(
        "asyncls: executable %q not found. Build it from a clone of the asyncls repository (go install ./cmd/asyncls, into $(go env GOPATH)/bin; the module is not published, so go install ...@latest does not work) and put it on PATH, or pass cmd to require('asyncls').setup{}. See %s",
        exe,
        M.install_docs
      ),
      vim.log.levels.ERROR
    )
  end
  return true
end

-- Settings keys whose values are maps: an empty one must go out as {} too.
local map_settings = { latency = true }

--- `settings` ready to send: Lua cannot tell an empty table from an empty list, and
--- vim.json encodes it as [], which the server rejects as settings; send objects.
function M.settings_object(settings)
  if type(settings) ~= "table" or next(settings) == nil then
    return vim.empty_dict()
  end
  local out = {}
  for key, value in pairs(settings) do
    if map_settings[key] and type(value) == "table" and next(value) == nil then
      value = vim.empty_dict()
    end
    out[key] = value
  end
  return out
end

--- The client configuration shared by every Neovim version (vim.lsp.start / start_client
--- take it as is; vim.lsp.config takes it without root_dir and workspace_folders).
function M.lsp_config()
  local settings = M.settings_object(M.config.settings)
  return {
    name = "asyncls",
    cmd = M.config.cmd,
    filetypes = M.config.filetypes,
    root_markers = M.config.root_markers,
    init_options = settings,
    -- The default workspace/configuration handler answers section "asyncls" from here.
    settings = { asyncls = settings },
    capabilities = M.config.capabilities,
    on_attach = M.config.on_attach,
  }
end

local function client_config(root)
  local config = M.lsp_config()
  config.root_dir = root
  config.workspace_folders = { { uri = vim.uri_from_fname(root), name = root } }
  return config
end

-- Client methods are closures on 0.7-0.10 and take self (`client:stop()`) from 0.11 on.
local method_style = vim.fn.has("nvim-0.11") == 1

local function client_is_stopped(client)
  if method_style then
    return client:is_stopped()
  end
  return client.is_stopped()
end

local function client_stop(client)
  if method_style then
    client:stop()
  else
    client.stop()
  end
end

local function is_live(client_id)
  local client = client_id and vim.lsp.get_client_by_id(client_id)
  return client ~= nil and not client_is_stopped(client)
end

--- Starts (or reuses) the server for the buffer's root and attaches the buffer.
--- Returns the client id, or nil when the server cannot start.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local name = vim.api.nvim_buf_get_name(bufnr)
  if vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  if executable_missing() then
    return nil
  end
  local root = name ~= "" and M.find_root(name) or vim.fn.getcwd()
  if vim.lsp.start then
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local client_id = clients_by_root[root]
  if not is_live(client_id) then
    client_id = vim.lsp.start_client(client_config(root))
    if not client_id then
      notify("asyncls: the server failed to start: " .. table.concat(M.config.cmd, " "), vim.log.levels.ERROR)
      return nil
    end
    clients_by_root[root] = client_id
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id
end

--- The asyncls clients currently running.
function M.clients()
  local found = {}
  local all = vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
  for _, client in pairs(all) do
    if client.name == "asyncls" then
      table.insert(found, client)
    end
  end
  return found
end

--- Stops every asyncls client and re-attaches the Python buffers.
function M.restart()
  local buffers = {}
  for _, client in ipairs(M.clients()) do
    for bufnr in pairs(client.attached_buffers or {}) do
      buffers[bufnr] = true
    end
    client_stop(client)
  end
  clients_by_root = {}
  local function reattach()
    for _, client in ipairs(M.clients()) do
      if not client_is_stopped(client) then
        return false
      end
    end
    return true
  end
  vim.wait(5000, reattach, 20)
  for bufnr in pairs(buffers) do
    if vim.api.nvim_buf_is_valid(bufnr) then
      M.attach(bufnr)
    end
  end
end

local function indent_of(line)
  local spaces = line:match("^[ \t]*")
  return #spaces:gsub("\t", "        ")
end

--- The dotted name (e.g. `main`, `Client.fetch`) of the innermost async def around `row`
--- (1-based) in `lines`, or nil.
function M.coroutine_at(lines, row)
  local limit = math.huge
  local enclosing = {}
  for index = row, 1, -1 do
    local line = lines[index]
    local trimmed = vim.trim(line)
    if trimmed ~= "" and trimmed:sub(1, 1) ~= "#" then
      local indent = indent_of(line)
      if index == row or indent < limit then
        local async_name = line:match("^%s*async%s+def%s+([%a_][%w_]*)")
        local def_name = line:match("^%s*def%s+([%a_][%w_]*)")
        local class_name = line:match("^%s*class%s+([%a_][%w_]*)")
        if async_name then
          table.insert(enclosing, { kind = "async def", name = async_name })
        elseif def_name then
          table.insert(enclosing, { kind = "def", name = def_name })
        elseif class_name then
          table.insert(enclosing, { kind = "class", name = class_name })
        end
        limit = math.min(limit, indent)
        if indent == 0 then
          break
        end
      end
    end
  end
  local innermost
  for i, block in ipairs(enclosing) do
    if block.kind ~= "class" then
      innermost = i
      break
    end
  end
  if not innermost or enclosing[innermost].kind ~= "async def" then
    return nil
  end
  local names = {}
  for i = #enclosing, innermost, -1 do
    table.insert(names, enclosing[i].name)
  end
  return table.concat(names, ".")
end

--- :AsynclsSimulate [NAME]: runs `asyncls simulate FILE --entry NAME --format text` for the
--- async def at the cursor (or NAME) and shows the timeline in a split.
function M.simulate(entry)
  local bufnr = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == "" then
    notify("asyncls: save the buffer first; the simulator reads it from disk.", vim.log.levels.WARN)
    return
  end
  if entry == nil or entry == "" then
    local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    entry = M.coroutine_at(lines, vim.api.nvim_win_get_cursor(0)[1])
    if not entry then
      notify("asyncls: the cursor is not inside an async def (or give a name: :AsynclsSimulate NAME).", vim.log.levels.WARN)
      return
    end
  end
  if executable_missing() then
    return
  end
  -- The simulator reads the file (and its imports) from disk.
  if vim.bo[bufnr].modified then
    vim.cmd("silent update")
  end
  local argv = { M.config.cmd[1], "simulate", file, "--entry", entry, "--format", "text" }
  local output = vim.fn.systemlist(argv)
  if vim.v.shell_error ~= 0 then
    notify("asyncls simulate failed: " .. table.concat(output, "\n"), vim.log.levels.ERROR)
    return
  end
  vim.cmd("botright new")
  local out = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(out, 0, -1, false, output)
  vim.bo[out].buftype = "nofile"
  vim.bo[out].bufhidden = "wipe"
  vim.bo[out].swapfile = false
  vim.bo[out].modifiable = false
  vim.bo[out].filetype = "asyncls-simulation"
  pcall(vim.api.nvim_buf_set_name, out, "asyncls simulate " .. entry)
  return out
end

--- Whether this Neovim has vim.lsp.config and vim.lsp.enable (0.11+).
function M.uses_lsp_enable()
  local config = vim.lsp.config
  return (type(config) == "table" or type(config) == "function") and type(vim.lsp.enable) == "function"
end

local function has_filetype(ft)
  for _, wanted in ipairs(M.config.filetypes) do
    if wanted == ft then
      return true
    end
  end
  return false
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  -- A list replaces the default list rather than merging by index.
  if opts and opts.cmd then
    M.config.cmd = opts.cmd
  end
  if opts and opts.root_markers then
    M.config.root_markers = opts.root_markers
  end
  warned_missing = false

  vim.api.nvim_create_user_command("AsynclsSimulate", function(command)
    M.simulate(command.args)
  end, { nargs = "?", desc = "asyncls: simulate the coroutine at the cursor" })
  vim.api.nvim_create_user_command("AsynclsRestart", function()
    M.restart()
  end, { desc = "asyncls: restart the language server" })

  local group = vim.api.nvim_create_augroup("asyncls", { clear = true })
  if M.uses_lsp_enable() then
    -- Neovim 0.11+: the built-in configuration registry starts and attaches the server
    -- (one per root_markers root), as for any server configured with vim.lsp.config.
    vim.lsp.config("asyncls", M.lsp_config())
    if M.config.autostart and not executable_missing() then
      vim.lsp.enable("asyncls")
    end
    return
  end
  if M.config.autostart then
    vim.api.nvim_create_autocmd("FileType", {
      group = group,
      pattern = M.config.filetypes,
      callback = function(args)
        M.attach(args.buf)
      end,
    })
    for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(bufnr) and has_filetype(vim.bo[bufnr].filetype) then
        M.attach(bufnr)
      end
    end
  end
end

return M
