-- SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- Headless Neovim 0.7 asks the language server for completion at the end of
-- `# SPDX-License-Identifier: Apa` and passes only if `Apache-2.0` is offered.
--
--   OSPO_SERVER_JS=<dist>/server.js OSPO_TARGET=<file whose line 1 is that tag> \
--     nvim --headless --clean -i NONE -c 'luafile test/e2e/nvim-completion.lua'
--
-- Run by test/e2e/nvim-completion.sh. Prints what it saw and exits 0 (pass) or 1 (fail).

local TIMEOUT_MS = tonumber(os.getenv('OSPO_TIMEOUT_MS') or '') or 20000
local EXPECT = os.getenv('OSPO_EXPECT_ITEM') or 'Apache-2.0'

local out = io.stdout
local function say(fmt, ...) out:write(('[nvim] ' .. fmt .. '\n'):format(...)) end

local function finish(ok)
  say(ok and 'PASS' or 'FAIL')
  out:flush()
  vim.lsp.stop_client(vim.lsp.get_active_clients(), true)
  vim.cmd(ok and 'qall!' or '1cquit!')
end

local server_js = os.getenv('OSPO_SERVER_JS')
local target = os.getenv('OSPO_TARGET')
if not server_js or not target then
  say('OSPO_SERVER_JS and OSPO_TARGET must be set'); return finish(false)
end
if vim.fn.filereadable(server_js) == 0 or vim.fn.filereadable(target) == 0 then
  say('not readable: %s or %s', server_js, target); return finish(false)
end

-- The server pushes diagnostics to Neovim 0.7 (no pull support) once it has the
-- document: waiting for them makes sure it saw didOpen before the completion request.
local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then published[result.uri] = true end
  return default_handler(err, result, ctx, config)
end

local client_id = vim.lsp.start_client({
  name = 'ospo-compliance',
  cmd = { 'node', server_js, '--stdio' },
  root_dir = vim.fn.fnamemodify(target, ':p:h'),
  on_exit = function(code, signal)
    if code ~= 0 then say('server exited: code=%s signal=%s', code, signal) end
  end,
})
if not client_id then say('could not start the language server'); return finish(false) end

vim.cmd('edit ' .. vim.fn.fnameescape(target))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
local uri = vim.uri_from_bufnr(bufnr)

if not vim.wait(TIMEOUT_MS, function() return published[uri] ~= nil end, 20) then
  say('the server did not take up %s within %d ms', uri, TIMEOUT_MS); return finish(false)
end

-- The end of the first line, `# SPDX-License-Identifier: Apa` (positions are UTF-16, the line is ASCII).
local line = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1] or ''
say('line 0: %s', line)
local params = { textDocument = { uri = uri }, position = { line = 0, character = #line } }
local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, TIMEOUT_MS)
if not responses then say('no completion response: %s', tostring(err)); return finish(false) end

local found, labels = false, {}
for _, response in pairs(responses) do
  if response.err then say('completion error: %s', vim.inspect(response.err)) end
  local result = response.result or {}
  local items = result.items or result
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
    if item.label == EXPECT then
      found = true
      local edit = item.textEdit
      say('%s: detail=%s newText=%s', item.label, tostring(item.detail), edit and edit.newText or '-')
    end
  end
end
say('%d items: %s', #labels, table.concat(vim.list_slice(labels, 1, 10), ', '))
if not found then say('%s is not among the items', EXPECT) end
finish(found)
