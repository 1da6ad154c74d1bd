-- Neovim (0.7+) as a second, independent LSP client for the Fact Desk server:
--   nvim --headless --clean -n -c "luafile test/nvim/lsp-test.lua" <draft.md>
-- with FACTDESK_SERVER=dist/server.js. Starts `node dist/server.js --stdio`, waits for the
-- diagnostic on the wrong figure, asks for the hover and the code actions, applies the preferred
-- fix and waits for the diagnostic to clear. Prints one line per check and "N passed, N failed";
-- exits 0 only when every check passed. Every wait has a deadline (vim.wait).
local server = os.getenv('FACTDESK_SERVER') or 'dist/server.js'
local passed, failed = 0, 0

local function say(s)
  io.stdout:write(s .. '\n')
  io.stdout:flush()
end

local function check(name, fn)
  local t0 = vim.loop.hrtime()
  local ok, err = pcall(fn)
  local ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
  if ok then
    passed = passed + 1
    say(string.format('  ✓ %s (%d ms)', name, ms))
  else
    failed = failed + 1
    say(string.format('  ✗ %s (%d ms)\n      %s', name, ms, tostring(err)))
  end
  return ok
end

local function hover_text(result)
  if not result or not result.contents then return '' end
  local c = result.contents
  if type(c) == 'string' then return c end
  if c.value then return c.value end
  local parts = {}
  for _, x in ipairs(c) do parts[#parts + 1] = type(x) == 'string' and x or (x.value or '') end
  return table.concat(parts, '\n')
end

local main_ok, main_err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  local uri = vim.uri_from_bufnr(bufnr)
  local client_id
  local diag

  local started = check('server starts over stdio and attaches', function()
    client_id = vim.lsp.start_client({
      name = 'factdesk',
      cmd = { 'node', server, '--stdio' },
      root_dir = vim.fn.getcwd(),
      -- Answers workspace/configuration for section "factdesk".
      settings = { factdesk = { enable = true, severity = 'warning', languages = { 'markdown', 'plaintext', 'news-draft' } } },
    })
    assert(client_id, 'vim.lsp.start_client returned nil')
    assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  end)
  if not started then return end

  local have_diag = check('diagnostic on "85%" from "Fact Desk"', function()
    assert(vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50), 'no diagnostics within 15 s')
    diag = vim.diagnostic.get(bufnr)[1]
    local line = vim.api.nvim_buf_get_lines(bufnr, diag.lnum, diag.lnum + 1, false)[1]
    local figure = line:sub(diag.col + 1, diag.end_col)
    assert(figure == '85%', 'diagnostic covers "' .. figure .. '"')
    assert(diag.source == 'Fact Desk', 'source is ' .. tostring(diag.source))
    assert(diag.severity == vim.diagnostic.severity.WARN, 'severity is ' .. tostring(diag.severity))
    assert(diag.message:find('75%', 1, true), 'message: ' .. diag.message)
  end)
  if not have_diag then return end

  check('hover shows the sourced value, quote and source', function()
    local params = { textDocument = { uri = uri }, position = { line = diag.lnum, character = diag.col + 1 } }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 5000)
    assert(responses and responses[client_id], 'no hover response')
    local text = hover_text(responses[client_id].result)
    for _, want in ipairs({ 'about 75% of Donetsk', 'Moscow currently holds about 75% of Donetsk', 'Zelensky Says He Has No Clear Security Guarantees from Allies' }) do
      assert(text:find(want, 1, true), 'hover lacks "' .. want .. '":\n' .. text)
    end
  end)

  check('code action replaces the figure; the diagnostic clears', function()
    local params = {
      textDocument = { uri = uri },
      range = { start = { line = diag.lnum, character = diag.col }, ['end'] = { line = diag.end_lnum, character = diag.end_col } },
      context = { diagnostics = {} },
    }
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
    assert(responses and responses[client_id], 'no code action response')
    local actions = responses[client_id].result or {}
    local fix, cite
    for _, a in ipairs(actions) do
      if a.isPreferred then fix = a end
      if a.title:find('citation', 1, true) then cite = a end
    end
    assert(fix and fix.edit, 'no preferred fix among ' .. #actions .. ' actions')
    assert(cite, 'no citation action')
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    local line = vim.api.nvim_buf_get_lines(bufnr, diag.lnum, diag.lnum + 1, false)[1]
    assert(line:find('about 75% of Donetsk.', 1, true), 'line now reads: ' .. line)
    assert(vim.wait(10000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50), 'diagnostic still there after the fix')
  end)
end)

if not main_ok then
  failed = failed + 1
  say('  ✗ unexpected error: ' .. tostring(main_err))
end
say(string.format('%d passed, %d failed', passed, failed))
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
if failed == 0 then vim.cmd('qa!') else vim.cmd('cq!') end
