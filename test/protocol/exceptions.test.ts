// Policy exceptions over stdio, as an editor sees them: a silenced finding shown at the suppressed severity naming
// the exception, an expired one's finding back with its note, and the policy file's own diagnostic at the expiry
// (docs/design/policy.md, "exceptions").

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const gpl = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: GPL-2.0-only\nexport {};\n';
const policy = `# SPDX-FileCopyrightText: 2026 Example Corp
# SPDX-License-Identifier: CC0-1.0
version: 1
licenses:
  deny: ["GPL-*"]
exceptions:
  - id: LEGAL-123
    rules: [license-denied]
    paths: ["vendor/**"]
    approver: Jane Doe <jane@example.com>
    date: 2026-03-01
    ref: https://tracker.example.com/LEGAL-123
  - id: LEGAL-7
    rule: license-denied
    paths: ["old/**"]
    approver: Bob Roe <bob@example.com>
    date: 2019-01-01
    ref: https://tracker.example.com/LEGAL-7
    expires: 2020-06-30
`;

describe('policy exceptions over stdio', () => {
  let client: TestClient;
  let root: string;
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('shows what an exception silences as a hint naming it, an expired one’s finding with its note, and warns in the policy file', async () => {
    root = tempTree({ '.ospo/policy.yaml': policy, 'vendor/a.ts': gpl, 'old/b.ts': gpl }, 'ospo-lsp-exceptions-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const open = async (rel: string, languageId: string, text: string) => {
      const uri = 'file://' + path.join(root, rel);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return client.until(() => client.diagnosticsFor(uri), `diagnostics of ${rel}`);
    };

    const [silenced] = await open('vendor/a.ts', 'typescript', gpl);
    assert.equal(silenced?.code, 'license-denied');
    assert.equal(silenced.severity, DiagnosticSeverity.Hint);
    assert.match(
      silenced.message as string,
      /\(policy exception LEGAL-123, approved by Jane Doe <jane@example\.com> on 2026-03-01: https:\/\/tracker\.example\.com\/LEGAL-123\)$/,
    );

    const [back] = await open('old/b.ts', 'typescript', gpl);
    assert.equal(back?.code, 'license-denied');
    assert.equal(back.severity, DiagnosticSeverity.Error);
    assert.match(back.message as string, /\(the policy exception LEGAL-7 that allowed this expired on 2020-06-30: renew it or fix this\)$/);

    const own = await open('.ospo/policy.yaml', 'yaml', policy);
    const expired = own.find((d) => d.code === 'policy-invalid');
    assert.ok(expired, JSON.stringify(own));
    assert.equal(expired.severity, DiagnosticSeverity.Warning);
    assert.match(expired.message as string, /^Exception 'LEGAL-7' expired on 2020-06-30/);
    assert.equal(
      expired.range.start.line,
      policy.split('\n').findIndex((l) => l.includes('expires: 2020-06-30')),
    );
  });
});
