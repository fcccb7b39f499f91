-- nvim-session.lua - a real LSP client: Neovim's own (0.7 and later) opens
-- a post with `civlint --lsp`, reads back vim.diagnostic.get(), edits the
-- buffer (Neovim sends incremental changes), applies a code action with
-- Neovim's own edit code, and stops the server. Each check writes one line
-- "ok WHAT" or "FAIL WHAT: DETAIL" to $OUT; tests/lsp/nvim counts them.
-- Run by: nvim --headless -u NONE -i NONE -n -c "luafile nvim-session.lua"
local bin, post, outfile = os.getenv("CIVLINT"), os.getenv("POST"), os.getenv("OUT")
local lines = {}

local function check(cond, what, detail)
  table.insert(lines, (cond and "ok " or "FAIL ") .. what ..
    ((not cond and detail) and (": " .. vim.inspect(detail)) or ""))
end

-- the spelling finding about word (other words may be unknown too)
local function spelling(buf, word)
  word = word or "goverment"
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "spelling" and d.message:find("'" .. word .. "'", 1, true) then
      return d
    end
  end
  return nil
end

local function finish()
  vim.fn.writefile(lines, outfile)
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(post))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "civlint",
    cmd = { bin, "--lsp" },
    root_dir = vim.fn.fnamemodify(post, ":h"),
  })
  check(id ~= nil, "the client starts civlint --lsp")
  vim.lsp.buf_attach_client(buf, id)

  -- the misspelling after an emoji and a CJK character: Neovim turns the
  -- server's UTF-16 columns into byte columns (13: "The " 4, the emoji 4,
  -- " " 1, the CJK character 3, " " 1)
  vim.wait(20000, function() return spelling(buf) ~= nil end, 50)
  local d = spelling(buf)
  check(d ~= nil, "diagnostics arrive", vim.diagnostic.get(buf))
  if not d then return end
  check(d.lnum == 2 and d.col == 13 and d.end_col == 22, "the finding at line 3, byte 13 to 22",
    { d.lnum, d.col, d.end_col })
  check(d.source == "civlint" and d.message:find("goverment", 1, true) ~= nil,
    "source and message", d)

  -- an edit in the buffer: Neovim sends an incremental change
  vim.api.nvim_buf_set_text(buf, 2, 0, 2, 0, { "Más " })
  vim.wait(20000, function()
    local x = spelling(buf)
    return x ~= nil and x.col == 18
  end, 50)
  d = spelling(buf)
  check(d ~= nil and d.col == 18, "after typing 'Más ' at the line's start the finding moves to byte 18",
    d and { d.lnum, d.col })

  -- the quick fix, applied by Neovim's own workspace-edit code
  local client = vim.lsp.get_client_by_id(id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 2, character = 14 }, ["end"] = { line = 2, character = 14 } },
    context = { diagnostics = {} },
  }
  local res = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
  local fix
  for _, r in pairs(res or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.title:find("government", 1, true) then fix = a end
    end
  end
  check(fix ~= nil, "a quick fix offers 'government'", res)
  if not fix then return end
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or "utf-16")
  local text = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
  check(text == "Más The 😀 漢 government said so.", "the edit lands on the word", text)
  vim.wait(20000, function() return spelling(buf) == nil end, 50)
  check(spelling(buf) == nil, "the finding goes once the fix is applied", vim.diagnostic.get(buf))

  -- hover on a finding's span: the rule's description
  vim.api.nvim_buf_set_text(buf, 2, 0, 2, 0, { "Goverment " })
  vim.wait(20000, function() return spelling(buf, "Goverment") ~= nil end, 50)
  local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 2, character = 2 } }, 10000)
  local value = ""
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then value = r.result.contents.value or "" end
  end
  check(value:find("[spelling]", 1, true) ~= nil, "hover names the rule", hover)

  vim.lsp.stop_client(id)
  vim.wait(10000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
  check(vim.lsp.get_client_by_id(id) == nil, "the server stops when asked")
end)
if not ok then
  check(false, "the session ran without a Lua error", err)
end
finish()
