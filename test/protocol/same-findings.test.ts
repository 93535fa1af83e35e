// The CLI and the language server must report the same findings for the same file: one engine, two adapters.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient } from './lsp-client';

const repo = path.resolve(__dirname, '../../..');
const demo = path.join(repo, 'examples/demo');

interface Row {
  file: string;
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

describe('CLI and server agree on the demo workspace', () => {
  let client: TestClient;
  after(async () => client?.stop());

  it('every file: same rules, ranges, severities and messages', async () => {
    const cli = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'check', '.', '--format', 'json'], { cwd: demo, encoding: 'utf8' });
    const rows: Row[] = JSON.parse(cli.stdout).findings;
    assert.ok(
      rows.some((r) => r.rule === 'header-missing'),
      'the demo has header-missing findings',
    );

    client = new TestClient();
    await client.initialize(demo, { pull: false });
    const severities = ['', 'error', 'warning', 'info', 'hint'];
    const files = [...new Set(rows.map((r) => r.file))];
    for (const file of files) {
      const uri = 'file://' + path.join(demo, file);
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'plaintext', version: 1, text: fs.readFileSync(path.join(demo, file), 'utf8') },
      });
      const diags = await client.until(() => client.diagnosticsFor(uri), `diagnostics for ${file}`);
      const fromServer = diags.map((d) => [
        d.code,
        severities[d.severity!],
        d.range.start.line + 1,
        d.range.start.character + 1,
        d.range.end.line + 1,
        d.range.end.character + 1,
        d.message,
      ]);
      const fromCli = rows.filter((r) => r.file === file).map((r) => [r.rule, r.severity, r.line, r.column, r.endLine, r.endColumn, r.message]);
      assert.deepEqual(fromServer, fromCli, file);
    }
  });
});
