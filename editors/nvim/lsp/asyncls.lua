-- Neovim 0.11+: the default configuration of asyncls for the built-in LSP configuration
-- registry. With editors/nvim on the runtime path, `vim.lsp.enable("asyncls")` starts
-- `asyncls serve` for Python buffers; override any field with vim.lsp.config("asyncls", {...}).
-- require("asyncls").setup{} registers the same configuration (and the :Asyncls commands).
return {
  cmd = { "asyncls", "serve" },
  filetypes = { "python" },
  root_markers = { "pyproject.toml", ".git" },
  -- Objects, not Lua's empty table (which would be sent as [], not as "no settings").
  init_options = vim.empty_dict(),
  settings = { asyncls = vim.empty_dict() },
}
