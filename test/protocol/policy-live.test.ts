// Live policy: editing the policy in the editor, or a base file outside the workspace changing on
// disk, re-checks the other open documents without a restart.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const header = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: GPL-3.0-only\nexport {};\n';
const policyHeader = '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: CC0-1.0\n';

const workspace = (files: Record<string, string>) => tempTree(files, 'ospo-live-');

describe('live policy reload', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it("editing the policy changes another open document's diagnostics (push)", async () => {
    const root = workspace({ 'ws/.ospo/policy.yaml': policyHeader, 'ws/src/a.ts': header });
    const ws = path.join(root, 'ws');
    client = new TestClient();
    await client.initialize(ws, { pull: false });
    const a = 'file://' + path.join(ws, 'src/a.ts');
    const policyUri = 'file://' + path.join(ws, '.ospo/policy.yaml');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'typescript', version: 1, text: header } });
    await client.until(() => client.diagnosticsFor(a)?.length === 0, 'a.ts clean');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: policyUri, languageId: 'yaml', version: 1, text: policyHeader } });

    const started = Date.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: policyUri, version: 2 },
      contentChanges: [{ text: policyHeader + 'licenses:\n  deny: ["GPL-*"]\n' }],
    });
    const diags = await client.until(
      () => {
        const d = client.diagnosticsFor(a);
        return d?.length ? d : undefined;
      },
      'license-denied on a.ts',
      1000,
    );
    assert.deepEqual(
      diags.map((d) => d.code),
      ['license-denied'],
    );
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 1000, `re-checked in ${elapsed} ms`);

    // Fixing the policy clears it again.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: policyUri, version: 3 },
      contentChanges: [{ text: policyHeader }],
    });
    await client.until(() => client.diagnosticsFor(a)?.length === 0, 'a.ts clean again', 1000);
  });

  it('asks a pull client to refresh when the policy is edited', async () => {
    const ws = workspace({ '.ospo/policy.yaml': policyHeader, 'a.ts': header });
    client = new TestClient();
    await client.initialize(ws, { pull: true });
    const a = 'file://' + path.join(ws, 'a.ts');
    const policyUri = 'file://' + path.join(ws, '.ospo/policy.yaml');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'typescript', version: 1, text: header } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: policyUri, languageId: 'yaml', version: 1, text: policyHeader } });
    let refreshes = 0;
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      return null;
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: policyUri, version: 2 },
      contentChanges: [{ text: policyHeader + 'licenses:\n  deny: ["GPL-*"]\n' }],
    });
    // Poll: this handler replaces the test client's own, so its waiters are not woken.
    const deadline = Date.now() + 2000;
    while (refreshes === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(refreshes > 0, 'refresh requested');
    const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: a } })) as { items: { code: string }[] };
    assert.deepEqual(
      report.items.map((d) => d.code),
      ['license-denied'],
    );
  });

  it('a base policy outside the workspace is watched from the server', async () => {
    const root = workspace({
      'org/base.yaml': 'version: 1\nlicenses:\n  deny: []\n',
      'ws/.ospo/policy.yaml': policyHeader + 'extends: [../../org/base.yaml]\n',
      'ws/a.ts': header,
    });
    const ws = path.join(root, 'ws');
    client = new TestClient();
    await client.initialize(ws, { pull: false });
    const a = 'file://' + path.join(ws, 'a.ts');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'typescript', version: 1, text: header } });
    await client.until(() => client.diagnosticsFor(a)?.length === 0, 'a.ts clean');
    const started = Date.now();
    fs.writeFileSync(path.join(root, 'org/base.yaml'), 'version: 1\nlicenses:\n  deny: ["GPL-*"]\n');
    await client.until(() => client.diagnosticsFor(a)?.length === 1, 'license-denied after the base changed', 3000);
    assert.ok(Date.now() - started < 1000, `reloaded in ${Date.now() - started} ms`);
  });
});

describe('policy file assistance over LSP', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('completes keys and SPDX ids, and hovers licenses, in the policy file only', async () => {
    const text = policyHeader + 'licenses:\n  deny: [GPL-3.0-only, Apa\n';
    const ws = workspace({ '.ospo/policy.yaml': text, 'a.ts': header });
    client = new TestClient();
    await client.initialize(ws, { pull: false });
    const policyUri = 'file://' + path.join(ws, '.ospo/policy.yaml');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: policyUri, languageId: 'yaml', version: 1, text } });
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: policyUri },
      position: { line: 3, character: 27 },
    })) as { label: string }[];
    assert.ok(
      items.some((i) => i.label === 'Apache-2.0'),
      JSON.stringify(items.slice(0, 5)),
    );
    assert.ok(!items.some((i) => i.label.startsWith('ospo-')), 'no header snippets in the policy file');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: policyUri }, position: { line: 3, character: 12 } })) as {
      contents: { value: string };
    } | null;
    assert.match(hover?.contents.value ?? '', /GNU General Public License v3\.0 only/);
    const a = 'file://' + path.join(ws, 'a.ts');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: a, languageId: 'typescript', version: 1, text: header } });
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: a }, position: { line: 2, character: 3 } }), null);
  });
});

describe('commit messages over LSP', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it("flags an AI in Signed-off-by in COMMIT_EDITMSG and rewrites it into the policy's trailer", async () => {
    const text = 'Fix retry parsing\n\nSigned-off-by: Claude <noreply@anthropic.com>\n';
    const ws = workspace({ '.ospo/policy.yaml': policyHeader + 'ai:\n  commitTrailers: [Assisted-by]\n', '.git/COMMIT_EDITMSG': text });
    client = new TestClient();
    await client.initialize(ws, { pull: false });
    const uri = 'file://' + path.join(ws, '.git/COMMIT_EDITMSG');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'git-commit', version: 1, text } });
    const diags = await client.until(() => client.diagnosticsFor(uri), 'commit diagnostics');
    assert.deepEqual(
      diags.map((d) => [d.code, d.range.start.line]),
      [['commit-ai-attribution', 2]],
    );
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: diags },
    })) as { title: string; isPreferred?: boolean }[];
    assert.ok(
      actions.some((a) => /^Rewrite as 'Assisted-by: Claude/.test(a.title) && a.isPreferred),
      JSON.stringify(actions),
    );
  });
});

describe('policy-aware AI snippet', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('pre-fills the fields the policy requires, and is not offered where AI is forbidden', async () => {
    const ws = workspace({
      '.ospo/policy.yaml':
        policyHeader +
        'ai:\n  mode: review\n  requiredFields: [role, reviewed-by, reviewed-on, prompt-ref]\n  tools: { allow: ["Claude Code"] }\noverrides:\n  - paths: ["crypto/**"]\n    ai: { mode: forbid }\n',
      'a.py': 'ospo\n',
      'crypto/b.py': 'ospo\n',
    });
    client = new TestClient();
    await client.initialize(ws, { pull: false });
    const complete = async (name: string) => {
      const uri = 'file://' + path.join(ws, name);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'ospo\n' } });
      return (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 4 } })) as {
        label: string;
        insertText: string;
      }[];
    };
    const ai = (await complete('a.py')).find((i) => i.label === 'ospo-policy-ai');
    assert.ok(ai);
    assert.match(ai.insertText, /# AI-Assisted-By: Claude Code:\$\{1:MODEL\}\n/);
    assert.match(ai.insertText, /# AI-Approval: \$\{3:APPROVAL-ID\}\n# AI-Prompt-Ref: \$\{4:PROMPT-REF\}\n/);
    assert.ok(!(await complete('crypto/b.py')).some((i) => i.label === 'ospo-policy-ai'));
  });
});

describe('multi-root workspaces', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('each folder has its own policy', async () => {
    const root = workspace({
      'a/.ospo/policy.yaml': policyHeader + 'licenses:\n  deny: ["GPL-*"]\n',
      'a/x.ts': header,
      'b/x.ts': header,
    });
    client = new TestClient();
    await client.initialize(path.join(root, 'a'), { pull: false, moreFolders: [path.join(root, 'b')] });
    const open = async (name: string) => {
      const uri = 'file://' + path.join(root, name);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: header } });
      return client.until(() => client.diagnosticsFor(uri), `diagnostics for ${name}`);
    };
    assert.deepEqual(
      (await open('a/x.ts')).map((d) => d.code),
      ['license-denied'],
    );
    assert.deepEqual(
      (await open('b/x.ts')).map((d) => d.code),
      [],
    );
  });

  it('a folder added later brings its own policy; a removed one falls back to the default', async () => {
    const root = workspace({
      'a/x.ts': header,
      'b/.ospo/policy.yaml': policyHeader + 'licenses:\n  deny: ["GPL-*"]\n',
      'b/src/x.ts': header,
    });
    client = new TestClient();
    await client.initialize(path.join(root, 'a'), { pull: false });
    // Outside every folder a file is checked against its own directory (b/src), which has no policy.
    const uri = 'file://' + path.join(root, 'b/src/x.ts');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: header } });
    assert.deepEqual(
      (await client.until(() => client.diagnosticsFor(uri), 'diagnostics before the folder is added')).map((d) => d.code),
      [],
    );
    const folder = { uri: 'file://' + path.join(root, 'b'), name: 'b' };
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    await client.until(() => (client.diagnosticsFor(uri)?.some((d) => d.code === 'license-denied') ? true : undefined), "b's policy after the folder is added");
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await client.until(
      () => (client.diagnosticsFor(uri)?.every((d) => d.code !== 'license-denied') ? true : undefined),
      'the default policy after the folder is removed',
    );
  });

  it('a client that declares no capabilities still gets pushed diagnostics, and the server logs no error', async () => {
    const root = workspace({ 'a/x.ts': 'export {};\n' });
    client = new TestClient();
    await client.initialize(path.join(root, 'a'), { pull: false, bare: true });
    const uri = 'file://' + path.join(root, 'a/x.ts');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: 'export {};\n' } });
    const diags = await client.until(() => client.diagnosticsFor(uri), 'pushed diagnostics');
    assert.deepEqual(
      diags.map((d) => d.code),
      ['header-missing'],
    );
    assert.deepEqual(client.loggedErrors, []);
  });

  it('a policy file created without a file event is picked up when the next document opens', async () => {
    const root = workspace({ 'a/x.ts': header, 'a/y.ts': header });
    client = new TestClient();
    await client.initialize(path.join(root, 'a'), { pull: false });
    const open = async (name: string) => {
      const uri = 'file://' + path.join(root, name);
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: header } });
      return uri;
    };
    const x = await open('a/x.ts');
    assert.deepEqual(
      (await client.until(() => client.diagnosticsFor(x), 'diagnostics for x')).map((d) => d.code),
      [],
    );
    fs.mkdirSync(path.join(root, 'a/.ospo'));
    fs.writeFileSync(path.join(root, 'a/.ospo/policy.yaml'), policyHeader + 'licenses:\n  deny: ["GPL-*"]\n');
    const y = await open('a/y.ts');
    const denied = (uri: string) => (client.diagnosticsFor(uri)?.some((d) => d.code === 'license-denied') ? true : undefined);
    await client.until(() => denied(y), 'license-denied in the newly opened document');
    await client.until(() => denied(x), 'license-denied in the document already open');
  });
});
