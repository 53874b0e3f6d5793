-- Nothing starts until require("asyncls").setup{} is called (so users choose the settings).
if vim.g.loaded_asyncls then
  return
end
vim.g.loaded_asyncls = true
