// The server's log (window/logMessage) starts with what a bug report needs: the version, then the
// policy each workspace folder uses, its file or the built-in default, before any file is opened.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

describe('server log at startup', () => {
  let client: TestClient | undefined;
  let root: string | undefined;
  afterEach(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('logs the version, then each folder and its policy', async () => {
    root = tempTree({ 'a/.ospo/policy.yaml': 'version: 1\n', 'a/x.py': 'x\n', 'b/y.py': 'y\n' }, 'ospo-startup-log-');
    const version = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version;
    client = new TestClient();
    await client.initialize(path.join(root, 'a'), { pull: false, moreFolders: [path.join(root, 'b')] });
    const c = client;
    const policyLines = await c.until(() => {
      const lines = c.logged.filter((m) => m.startsWith('Policy for '));
      return lines.length >= 2 ? lines : undefined;
    }, 'a policy line per folder');
    assert.match(c.logged[0], new RegExp(`^OSPO language server ${version.replace(/\./g, '\\.')}, Node v\\d+`));
    assert.deepEqual(policyLines.sort(), [
      `Policy for ${path.join(root, 'a')}: ${path.join(root, 'a/.ospo/policy.yaml')}`,
      `Policy for ${path.join(root, 'b')}: built-in default policy`,
    ]);
  });
});
