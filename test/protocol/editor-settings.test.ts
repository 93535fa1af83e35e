// The editor's own settings and the baseline over stdio: ospo.suppressedSeverity over findings the
// baseline (.ospo/suppressions.json) covers, its reload when it changes on disk and its diagnostic
// when broken, ospo.rules, ospo.exclude, and the CodeLens and licensing hover toggles.
// docs/design/suppressions.md, docs/design/editor-settings.md.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CodeLens, Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import { FixAllWorkspaceCommand, type FixAllWorkspaceResult, ScanWorkspaceCommand } from '../../shared/protocol';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const ErrorLevel = 1;
const Warning = 2;
const Information = 3;
const Hint = 4;

const baselineOf = (entries: Record<string, Record<string, number>>) =>
  JSON.stringify(
    Object.fromEntries(Object.entries(entries).map(([f, rules]) => [f, Object.fromEntries(Object.entries(rules).map(([r, count]) => [r, { count }]))])),
  );

describe('editor settings and the baseline over stdio', () => {
  let client: TestClient;
  let root: string;
  const savedCache = process.env.XDG_CACHE_HOME;
  before(() => {
    process.env.XDG_CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-cache-'));
  });
  after(() => {
    process.env.XDG_CACHE_HOME = savedCache;
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const uri = (rel: string) => 'file://' + path.join(root, rel);
  async function open(rel: string, languageId = 'python', version = 1): Promise<string> {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(rel), languageId, version, text } });
    return uri(rel);
  }
  const codeOf = (ds: Diagnostic[] | undefined, code: string) => ds?.find((d) => d.code === code);
  const severityOf = (rel: string, code: string) => codeOf(client.diagnosticsFor(uri(rel)), code)?.severity;
  async function settingsChanged(settings: Record<string, unknown>): Promise<void> {
    client.settings = { enable: true, policyFile: '', ...settings };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }
  async function baselineWritten(text: string): Promise<void> {
    fs.writeFileSync(path.join(root, '.ospo/suppressions.json'), text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.ospo/suppressions.json'), type: 2 }] });
  }

  it('shows baselined findings at ospo.suppressedSeverity, reloads the baseline when it changes, and keeps the last good one while it is broken', async () => {
    root = tempTree({ 'src/a.py': 'print(1)\n', '.ospo/suppressions.json': baselineOf({ 'src/a.py': { 'header-missing': 1 } }) }, 'ospo-lsp-baseline-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    await open('src/a.py');
    await client.until(() => severityOf('src/a.py', 'header-missing') === Hint, 'header-missing at hint (the default)');
    const baselined = codeOf(client.diagnosticsFor(uri('src/a.py')), 'header-missing');
    assert.match(String(baselined?.message), /^No license header .*\(accepted in the baseline, \.ospo\/suppressions\.json\)$/);

    await settingsChanged({ suppressedSeverity: 'warning' });
    await client.until(() => severityOf('src/a.py', 'header-missing') === Warning, 'header-missing at warning');

    // The entry gone from the baseline on disk: the finding is new again, at its own severity.
    await baselineWritten(baselineOf({}));
    await client.until(() => severityOf('src/a.py', 'header-missing') === ErrorLevel, 'header-missing at error once the baseline no longer covers it');

    await baselineWritten(baselineOf({ 'src/a.py': { 'header-missing': 1 } }));
    await client.until(() => severityOf('src/a.py', 'header-missing') === Warning, 'covered again');

    // Broken on disk: the last good baseline stays in use, and the file itself says where it is wrong.
    const broken = '{\n  "src/a.py": {\n    "header-missing": { "count": "one" }\n  }\n}\n';
    await baselineWritten(broken);
    const baselineUri = await open('.ospo/suppressions.json', 'json');
    const problem = await client.until(() => codeOf(client.diagnosticsFor(baselineUri), 'baseline-invalid'), 'the baseline file’s diagnostic');
    assert.equal(problem.range.start.line, 2, JSON.stringify(problem));
    assert.match(String(problem.message), /count must be a whole number/);
    assert.equal(severityOf('src/a.py', 'header-missing'), Warning, 'the last good baseline still covers the finding');
  });

  it('picks up a baseline first written while the server runs, next to a policy folder without a policy', async () => {
    root = tempTree({ 'src/a.py': 'print(1)\n', '.ospo/README.md': 'policy folder\n' }, 'ospo-lsp-baseline-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    await open('src/a.py');
    await client.until(() => severityOf('src/a.py', 'header-missing') === ErrorLevel, 'header-missing at error');
    fs.writeFileSync(path.join(root, '.ospo/suppressions.json'), baselineOf({ 'src/a.py': { 'header-missing': 1 } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.ospo/suppressions.json'), type: 1 }] });
    await client.until(() => severityOf('src/a.py', 'header-missing') === Hint, 'header-missing at hint once the baseline is there');
  });

  it('reads a baseline again shortly after a change event that came before its text was written', async () => {
    root = tempTree({ 'src/a.py': 'print(1)\n', '.ospo/README.md': 'policy folder\n' }, 'ospo-lsp-baseline-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    await open('src/a.py');
    await client.until(() => severityOf('src/a.py', 'header-missing') === ErrorLevel, 'header-missing at error');
    // Created empty, one event; the text lands without an event of its own (a watcher folded the two).
    fs.writeFileSync(path.join(root, '.ospo/suppressions.json'), '');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.ospo/suppressions.json'), type: 1 }] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    fs.writeFileSync(path.join(root, '.ospo/suppressions.json'), baselineOf({ 'src/a.py': { 'header-missing': 1 } }));
    await client.until(() => severityOf('src/a.py', 'header-missing') === Hint, 'header-missing at hint once the text is read');
  });

  it('reads the baseline when only the creation of its folder is reported', async () => {
    root = tempTree({ 'src/a.py': 'print(1)\n' }, 'ospo-lsp-baseline-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    await open('src/a.py');
    await client.until(() => severityOf('src/a.py', 'header-missing') === ErrorLevel, 'header-missing at error');
    // .ospo/ and the file made at once: inotify saw the folder before it watched it, so the file has no event.
    fs.mkdirSync(path.join(root, '.ospo'));
    fs.writeFileSync(path.join(root, '.ospo/suppressions.json'), baselineOf({ 'src/a.py': { 'header-missing': 1 } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.ospo'), type: 1 }] });
    await client.until(() => severityOf('src/a.py', 'header-missing') === Hint, 'header-missing at hint');
  });

  it('applies the baseline to the workspace scan of closed files, and shows them again when it changes', async () => {
    root = tempTree(
      { 'src/a.py': 'print(1)\n', 'src/b.py': 'print(2)\n', '.ospo/suppressions.json': baselineOf({ 'src/a.py': { 'header-missing': 1 } }) },
      'ospo-lsp-baseline-',
    );
    client = new TestClient();
    await client.initialize(root, { pull: false });
    await client.connection.sendRequest('workspace/executeCommand', { command: ScanWorkspaceCommand, arguments: [] });
    await client.until(
      () => severityOf('src/a.py', 'header-missing') === Hint && severityOf('src/b.py', 'header-missing') === ErrorLevel,
      'a.py baselined, b.py not',
    );
    await baselineWritten(baselineOf({ 'src/b.py': { 'header-missing': 1 } }));
    await client.until(
      () => severityOf('src/a.py', 'header-missing') === ErrorLevel && severityOf('src/b.py', 'header-missing') === Hint,
      'the other way round',
    );
  });

  it('ospo.rules changes the severity shown per rule, and off hides the rule', async () => {
    root = tempTree({ 'a.py': 'print(1)\n' }, 'ospo-lsp-rules-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    await open('a.py');
    await client.until(() => severityOf('a.py', 'header-missing') === ErrorLevel, 'header-missing at error');
    await settingsChanged({ rules: { 'header-missing': 'information' } });
    await client.until(() => severityOf('a.py', 'header-missing') === Information, 'header-missing at information');
    // Asked with no diagnostics in the context (code-actions.ts ownDiagnostics): the fixes of what is shown there, as shown.
    const bareFixes = async () =>
      (
        (await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri: uri('a.py') },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['quickfix'] },
        })) as CodeAction[]
      ).map((a) => [a.title, a.diagnostics?.[0]?.code, a.diagnostics?.[0]?.severity]);
    assert.deepEqual((await bareFixes())[0], ['Add license header', 'header-missing', Information]);
    await settingsChanged({ rules: { 'header-missing': 'off' } });
    await client.until(() => client.diagnosticsFor(uri('a.py'))?.length === 0, 'header-missing hidden');
    assert.deepEqual(await bareFixes(), [], 'no fix for a finding ospo.rules turned off');
  });

  it('ospo.exclude leaves files out of the document check and the workspace scan', async () => {
    root = tempTree({ 'gen/a.py': 'print(1)\n', 'gen/deep/b.py': 'print(2)\n', 'src/c.py': 'print(3)\n' }, 'ospo-lsp-exclude-');
    client = new TestClient();
    client.settings = { enable: true, policyFile: '', exclude: { gen: true, 'src/*.md': false } };
    await client.initialize(root, { pull: false });
    await client.connection.sendRequest('workspace/executeCommand', { command: ScanWorkspaceCommand, arguments: [] });
    await client.until(() => severityOf('src/c.py', 'header-missing'), 'scan diagnostics for src/c.py');
    assert.equal(client.diagnosticsFor(uri('gen/deep/b.py')), undefined, 'the scan skipped gen/');
    await open('gen/a.py');
    await client.until(() => client.diagnosticsFor(uri('gen/a.py')), 'diagnostics for the open excluded file');
    assert.deepEqual(client.diagnosticsFor(uri('gen/a.py')), []);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('gen/a.py') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as unknown[];
    assert.deepEqual(actions, [], 'no fix-all for an excluded file');
    // Nor does Fix all in workspace touch one.
    const all = (await client.connection.sendRequest('workspace/executeCommand', { command: FixAllWorkspaceCommand, arguments: [] })) as FixAllWorkspaceResult;
    const touched = (all.edit?.documentChanges ?? []).map((c) => ('textDocument' in c ? path.relative(root, new URL(c.textDocument.uri).pathname) : ''));
    assert.deepEqual(touched, ['src/c.py']);
  });

  it('ospo.codeLens.enable and ospo.hover.licensing switch the licensing lens and hover off', async () => {
    root = tempTree({ 'a.py': '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\nprint(1)\n' }, 'ospo-lsp-toggles-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const doc = await open('a.py');
    const lens = () => client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: doc } }) as Promise<CodeLens[] | null>;
    const hover = () =>
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri: doc }, position: { line: 0, character: 3 } }) as Promise<Hover | null>;
    assert.equal((await lens())?.length, 1);
    assert.ok(await hover());
    await settingsChanged({ codeLens: { enable: false }, hover: { licensing: false } });
    assert.deepEqual(await lens(), []);
    assert.equal(await hover(), null);
  });

  it("checks no file outside the open folders, such as the editor's own settings.json, but still the folder's policy file there", async () => {
    root = tempTree({ 'src/a.py': 'print(1)\n' }, 'ospo-lsp-outside-');
    const elsewhere = tempTree(
      { 'User/settings.json': '{ "editor.tabSize": 2 }\n', 'dep/lib.py': 'print(2)\n', 'org-policy.yaml': 'licenses:\n  deny: [' },
      'ospo-lsp-elsewhere-',
    );
    try {
      client = new TestClient();
      client.settings = { enable: true, policyFile: path.join(elsewhere, 'org-policy.yaml') };
      await client.initialize(root, { pull: false });
      const outside = ['User/settings.json', 'dep/lib.py', 'org-policy.yaml'].map((rel) => 'file://' + path.join(elsewhere, rel));
      for (const [i, u] of outside.entries()) {
        const text = fs.readFileSync(new URL(u), 'utf8');
        await client.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri: u, languageId: ['json', 'python', 'yaml'][i], version: 1, text },
        });
      }
      await open('src/a.py');
      await client.until(() => severityOf('src/a.py', 'header-missing') === ErrorLevel, 'header-missing on the folder’s file');
      // The policy file outside the folder is still checked: its broken line gets its diagnostic.
      await client.until(() => (client.diagnosticsFor(outside[2]) ?? []).length > 0, 'the outside policy file’s own diagnostic');
      assert.deepEqual(client.diagnosticsFor(outside[0]) ?? [], [], 'settings.json');
      assert.deepEqual(client.diagnosticsFor(outside[1]) ?? [], [], 'a dependency’s source');
      const lenses = await client.connection.sendRequest<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri: outside[1] } });
      assert.deepEqual(lenses ?? [], []);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
