-- SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
-- SPDX-License-Identifier: Apache-2.0
--
-- Headless Neovim 0.7 as a real LSP client of the language server.
--
--   OSPO_SERVER_JS=<ext>/dist/server.js OSPO_TARGET=<file>[:<file>...] OSPO_EXPECT=header-missing|none \
--     nvim --headless --clean -i NONE -c 'luafile test/e2e/nvim-lsp.lua'
--
-- Without OSPO_SERVER_JS this script starts no client: the init file Neovim was
-- started with (`-u`, the README's plugin-free snippet) must attach one to each
-- target when it is opened.
--
-- Neovim 0.7 only supports pushed diagnostics (textDocument/publishDiagnostics),
-- so this also proves the server pushes to clients without pull support.
-- Every target must get what OSPO_EXPECT says:
--   OSPO_EXPECT=header-missing  a pushed Error `header-missing` diagnostic from
--                               source `ospo` on line 0 with the exact message
--   OSPO_EXPECT=none            the server publishes an empty list for the file
-- Prints what it saw and exits 0 (pass) or 1 (fail).

local MESSAGE = 'No license header in line 1: add SPDX-FileCopyrightText and SPDX-License-Identifier'
-- Other findings (the AI rules) name their own message, severity and line.
MESSAGE = os.getenv('OSPO_EXPECT_MESSAGE') or MESSAGE
local EXPECT_SEVERITY = tonumber(os.getenv('OSPO_EXPECT_SEVERITY') or '') or 1
local EXPECT_LINE = tonumber(os.getenv('OSPO_EXPECT_LINE') or '') or 0
local TIMEOUT_MS = tonumber(os.getenv('OSPO_TIMEOUT_MS') or '') or 20000

local out = io.stdout
local function say(fmt, ...) out:write(('[nvim] ' .. fmt .. '\n'):format(...)) end

local function finish(ok)
  say(ok and 'PASS' or 'FAIL')
  out:flush()
  vim.lsp.stop_client(vim.lsp.get_active_clients(), true)
  vim.cmd(ok and 'qall!' or '1cquit!')
end

local server_js = os.getenv('OSPO_SERVER_JS')
local expect = os.getenv('OSPO_EXPECT') or 'header-missing'
local targets = vim.split(os.getenv('OSPO_TARGET') or '', ':', { plain = true, trimempty = true })
if #targets == 0 then
  say('OSPO_TARGET must be set'); return finish(false)
end
for _, target in ipairs(targets) do
  if vim.fn.filereadable(target) == 0 then say('not readable: %s', target); return finish(false) end
end
if server_js and vim.fn.filereadable(server_js) == 0 then
  say('not readable: %s', server_js); return finish(false)
end

-- Keep the raw LSP payload of every publishDiagnostics (empty lists too), so both
-- "this diagnostic" and "no diagnostics" can be asserted on what the server sent.
local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then published[result.uri] = result.diagnostics end
  return default_handler(err, result, ctx, config)
end

local client_id
if server_js then
  client_id = vim.lsp.start_client({
    name = 'ospo-compliance',
    cmd = { 'node', server_js, '--stdio' },
    root_dir = vim.fn.fnamemodify(targets[1], ':p:h'),
    on_exit = function(code, signal)
      if code ~= 0 then say('server exited: code=%s signal=%s', code, signal) end
    end,
  })
  if not client_id then say('could not start the language server'); return finish(false) end
end

local buffers = {}
for _, target in ipairs(targets) do
  vim.cmd('edit ' .. vim.fn.fnameescape(target))
  local bufnr = vim.api.nvim_get_current_buf()
  if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  say('%s: filetype=%q', vim.fn.fnamemodify(target, ':t'), vim.bo[bufnr].filetype)
  table.insert(buffers, { target = target, bufnr = bufnr, uri = vim.uri_from_bufnr(bufnr) })
end

-- check(buffer) -> the problems with what the server pushed for one target
local function check(b)
  local name = vim.fn.fnamemodify(b.target, ':t')
  local raw = published[b.uri]
  local names = {}
  for _, client in pairs(vim.lsp.buf_get_clients(b.bufnr)) do table.insert(names, client.name) end
  say('%s: attached to %s', name, table.concat(names, ', '))
  for _, d in ipairs(raw) do
    say('%s:%d:%d: severity=%s source=%s code=%s %s', name, d.range.start.line, d.range.start.character,
      tostring(d.severity), tostring(d.source), tostring(d.code), d.message)
  end
  -- what Neovim itself stored for the buffer (proves the client accepted the payload)
  local shown = #vim.diagnostic.get(b.bufnr)

  if expect == 'none' then
    if #raw ~= 0 or shown ~= 0 then return { ('%s: expected no diagnostics, got %d'):format(name, #raw) } end
    return {}
  end
  for _, d in ipairs(raw) do
    if d.code == expect then
      local problems = {}
      if d.message ~= MESSAGE then table.insert(problems, 'message is ' .. vim.inspect(d.message)) end
      if d.source ~= 'ospo' then table.insert(problems, 'source is ' .. tostring(d.source)) end
      if d.severity ~= EXPECT_SEVERITY then table.insert(problems, 'severity is ' .. tostring(d.severity) .. ', not ' .. EXPECT_SEVERITY) end
      if d.range.start.line ~= EXPECT_LINE then table.insert(problems, 'starts on line ' .. d.range.start.line) end
      if shown == 0 then table.insert(problems, 'vim.diagnostic.get() is empty') end
      for i, p in ipairs(problems) do problems[i] = name .. ': ' .. p end
      return problems
    end
  end
  return { ('%s: no diagnostic with code %s'):format(name, expect) }
end

local ok = true
for _, b in ipairs(buffers) do
  if not vim.wait(TIMEOUT_MS, function() return published[b.uri] ~= nil end, 20) then
    say('no publishDiagnostics for %s within %d ms', b.uri, TIMEOUT_MS); ok = false
  else
    for _, p in ipairs(check(b)) do say('mismatch: %s', p); ok = false end
  end
end
finish(ok)
