// The report run from the editor (ospo.server.report): built from the server's own state, not from
// the disk as `ospo report` would read it.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ReportCommand, type ReportResult } from '../../shared/protocol';
import type { ReportData } from '../../server/src/report/data';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

function dataOf(html: string): ReportData {
  const json = /<script type="application\/json" id="ospo-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(json, 'the page embeds its data');
  return JSON.parse(json[1]) as ReportData;
}

describe('report from the editor', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('uses the ospo.policyFile setting and the text of open documents', async () => {
    const root = tempTree(
      {
        'custom/policy.yaml': 'severity:\n  header-missing: off\n',
        'a.py': 'print(1)\n',
        'b.py': 'print(2)\n',
      },
      'ospo-report-lsp-',
    );
    client = new TestClient();
    client.settings = { enable: true, policyFile: 'custom/policy.yaml' };
    await client.initialize(root, { pull: false });
    // Unsaved: the disk's b.py has no header at all.
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: 'file://' + path.join(root, 'b.py'),
        languageId: 'python',
        version: 1,
        text: '# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: GPL-2.0+\nprint(2)\n',
      },
    });
    const result = (await client.connection.sendRequest('workspace/executeCommand', { command: ReportCommand, arguments: [] })) as {
      html?: string;
      error?: string;
    };
    assert.equal(result.error, undefined);
    const data = dataOf(result.html!);
    assert.deepEqual(
      data.findings.map((f) => [f.file, f.rule]),
      [['b.py', 'spdx-deprecated']],
    );
  });

  it('a workspace folder that does not exist is left out and named; the others are reported', async () => {
    const root = tempTree({ 'a.py': 'print(1)\n' }, 'ospo-report-lsp-');
    const gone = path.join(root, '..', `${path.basename(root)}-gone`);
    client = new TestClient();
    await client.initialize(root, { pull: false, moreFolders: [gone] });
    const result = (await client.connection.sendRequest('workspace/executeCommand', { command: ReportCommand, arguments: [] })) as ReportResult;
    assert.equal(result.error, undefined);
    assert.deepEqual(
      dataOf(result.html!).findings.map((f) => [f.file, f.rule]),
      [['a.py', 'header-missing']],
    );
    assert.match(result.warning ?? '', new RegExp(`left out of the report, as they do not exist: .*${path.basename(gone)}`));
  });
});
