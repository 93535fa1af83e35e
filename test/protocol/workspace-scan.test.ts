// The workspace scan over the protocol: closed files get pushed diagnostics, and a file changed on
// disk is checked again alone, not the workspace.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScanWorkspaceCommand, type ScanSummary } from '../../shared/protocol';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const good = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n';

const workspace = (files: Record<string, string>) => tempTree(files, 'ospo-scan-');

describe('workspace scan', () => {
  let client: TestClient;
  const savedCache = process.env.XDG_CACHE_HOME;
  before(() => {
    process.env.XDG_CACHE_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-cache-'));
  });
  after(() => {
    process.env.XDG_CACHE_HOME = savedCache;
  });
  afterEach(async () => client?.stop());

  it('pushes findings of closed files, then re-checks only the file that changed on disk', async () => {
    const root = workspace({
      '.gitignore': 'build/\n',
      'src/missing.ts': 'export const a = 1;\n',
      'src/good.ts': good,
      'build/out.js': 'var x;\n',
    });
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const uri = (rel: string) => 'file://' + path.join(root, rel);

    const summary = (await client.connection.sendRequest('workspace/executeCommand', { command: ScanWorkspaceCommand, arguments: [] })) as ScanSummary;
    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, 3, 'src/missing.ts, src/good.ts, .gitignore; build/ is ignored');
    assert.equal(summary.filesWithFindings, 2, JSON.stringify(summary));
    const missing = await client.until(() => client.diagnosticsFor(uri('src/missing.ts')), 'scan diagnostics for a closed file');
    assert.deepEqual(
      missing.map((d) => d.code),
      ['header-missing'],
    );
    assert.equal(client.diagnosticsFor(uri('src/good.ts')), undefined);
    assert.equal(client.diagnosticsFor(uri('build/out.js')), undefined);

    // good.ts loses its header on disk: that file, and only that file, is checked and pushed again.
    const before = client.publishedUris.length;
    fs.writeFileSync(path.join(root, 'src/good.ts'), 'export {};\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('src/good.ts'), type: 2 }] });
    const changed = await client.until(() => client.diagnosticsFor(uri('src/good.ts')), 'diagnostics for the changed file');
    assert.deepEqual(
      changed.map((d) => d.code),
      ['header-missing'],
    );
    assert.deepEqual(client.publishedUris.slice(before), [uri('src/good.ts')]);

    // A deleted file's findings go away.
    fs.rmSync(path.join(root, 'src/missing.ts'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('src/missing.ts'), type: 3 }] });
    await client.until(() => (client.diagnosticsFor(uri('src/missing.ts'))?.length === 0 ? true : undefined), 'diagnostics cleared for the deleted file');

    // A second scan of the unchanged tree reads nothing again (the cache holds it), and sends nothing:
    // the client already shows what it found.
    const sentBefore = client.publishedUris.length;
    const again = (await client.connection.sendRequest('workspace/executeCommand', { command: ScanWorkspaceCommand, arguments: [] })) as ScanSummary;
    assert.equal(again.files, 2);
    assert.equal(again.checkedNow, 0, JSON.stringify(again));
    assert.deepEqual(client.publishedUris.slice(sentBefore), []);
  });

  it("an open document shows its own diagnostics, not the scan's as well", async () => {
    const root = workspace({ 'a.ts': 'export const a = 1;\n' });
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const uri = 'file://' + path.join(root, 'a.ts');
    await client.connection.sendRequest('workspace/executeCommand', { command: ScanWorkspaceCommand, arguments: [] });
    await client.until(() => client.diagnosticsFor(uri), 'scan diagnostics');
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text: 'export const a = 1;\n' },
    });
    await client.until(() => (client.diagnosticsFor(uri, 1)?.length === 1 ? true : undefined), 'one diagnostic for the open document');
  });

  it('clears scan diagnostics when a file is opened, fixed before a rescan, or its folder leaves the workspace', async () => {
    const root = workspace({ 'a/open.ts': 'export const a = 1;\n', 'a/fixed.ts': 'export const b = 1;\n', 'b/gone.ts': 'export const c = 1;\n' });
    client = new TestClient();
    // Pull diagnostics: an open document's come by pull, so the scan's pushed ones must be taken away.
    await client.initialize(path.join(root, 'a'), { pull: true, moreFolders: [path.join(root, 'b')] });
    const uri = (rel: string) => 'file://' + path.join(root, rel);
    const scan = () => client.connection.sendRequest('workspace/executeCommand', { command: ScanWorkspaceCommand, arguments: [] });
    await scan();
    for (const rel of ['a/open.ts', 'a/fixed.ts', 'b/gone.ts'])
      await client.until(() => client.diagnosticsFor(uri(rel))?.length || undefined, `scan diagnostics for ${rel}`);
    const cleared = (rel: string) => client.until(() => (client.diagnosticsFor(uri(rel))?.length === 0 ? true : undefined), `${rel} cleared`);

    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri('a/open.ts'), languageId: 'typescript', version: 1, text: 'export const a = 1;\n' },
    });
    await cleared('a/open.ts');

    // Fixed on disk with no file event: the next scan finds nothing there and takes its diagnostics away.
    fs.writeFileSync(path.join(root, 'a/fixed.ts'), good);
    await scan();
    await cleared('a/fixed.ts');

    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: uri('b'), name: 'b' }] },
    });
    await cleared('b/gone.ts');
  });

  it('a file REUSE.toml licenses stays clean when it changes on disk after the scan', async () => {
    const root = workspace({
      'LICENSES/MIT.txt': 'MIT\n',
      'REUSE.toml': 'version = 1\n[[annotations]]\npath = "data/**"\nSPDX-FileCopyrightText = "2026 A"\nSPDX-License-Identifier = "MIT"\n',
      'data/table.py': 'rows = []\n',
      'src/bare.py': 'x = 1\n',
    });
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const uri = (rel: string) => 'file://' + path.join(root, rel);
    await client.connection.sendRequest('workspace/executeCommand', { command: ScanWorkspaceCommand, arguments: [] });
    await client.until(() => client.diagnosticsFor(uri('src/bare.py')), 'scan diagnostics');
    assert.equal(client.diagnosticsFor(uri('data/table.py')), undefined);
    fs.writeFileSync(path.join(root, 'data/table.py'), 'rows = [1]\n');
    // bare.py changes too, so that its diagnostics change: the server sends only what changed.
    fs.writeFileSync(path.join(root, 'src/bare.py'), '# SPDX-License-Identifier: GPL-2.0\nx = 1\n');
    const before = client.publishedUris.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri('data/table.py'), type: 2 },
        { uri: uri('src/bare.py'), type: 2 },
      ],
    });
    // The files are re-checked in order: once bare.py is published again, table.py would have been, had it findings.
    await client.until(() => (client.publishedUris.slice(before).includes(uri('src/bare.py')) ? true : undefined), 'the re-check');
    assert.equal(client.diagnosticsFor(uri('data/table.py')), undefined, JSON.stringify(client.diagnosticsFor(uri('data/table.py'))));
  });
});
