// Protocol tests: the bundled server over stdio, spoken to as an editor would.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeAction, CompletionItem, CompletionList, DocumentDiagnosticReport, TextDocumentItem } from 'vscode-languageserver-protocol/node';
import { applyEdits, TextEdit } from '../../server/src/engine/text';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const headerMissing = 'No license header in line 1: add SPDX-FileCopyrightText and SPDX-License-Identifier';

const workspace = (files: Record<string, string>) => tempTree(files, 'ospo-lsp-');

describe('language server over stdio', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  async function open(root: string, name: string, languageId = 'typescript'): Promise<TextDocumentItem> {
    const uri = 'file://' + path.join(root, name);
    const doc = { uri, languageId, version: 1, text: fs.readFileSync(path.join(root, name), 'utf8') };
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: doc });
    return doc;
  }

  describe('push mode (clients without pull diagnostics, e.g. Neovim 0.7)', () => {
    it('open → diagnostic → quick fix → edit applied → diagnostics clear', async () => {
      const root = workspace({
        'src/a.ts': 'export const a = 1;\r\n',
        '.ospo/policy.yaml': 'licenses:\n  project: MIT\nheaders:\n  copyright:\n    holder: "Example Corp"\n',
      });
      client = new TestClient();
      await client.initialize(root, { pull: false });
      const doc = await open(root, 'src/a.ts');
      const diags = await client.until(() => client.diagnosticsFor(doc.uri), 'pushed diagnostics');
      assert.equal(diags.length, 1);
      assert.equal(diags[0].code, 'header-missing');
      assert.equal(diags[0].source, 'ospo');
      assert.equal(diags[0].message, headerMissing);
      assert.equal(diags[0].severity, 1);
      assert.deepEqual(diags[0].range.start, { line: 0, character: 0 });

      const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: doc.uri },
        range: diags[0].range,
        context: { diagnostics: diags },
      });
      const fix = actions.find((a) => a.title === 'Add license header');
      assert.ok(fix, JSON.stringify(actions));
      assert.equal(fix.isPreferred, true);
      // Asked with no diagnostics in the context, as VS Code has done while the squiggle was on screen:
      // the fixes of what the server finds at the range, tied to the diagnostic it shows.
      const bare: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: doc.uri },
        range: { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } },
        context: { diagnostics: [], triggerKind: 1, only: ['quickfix'] },
      });
      assert.deepEqual(
        bare.map((a) => [a.title, a.diagnostics?.[0]?.code]),
        actions.map((a) => [a.title, 'header-missing']),
      );
      const elsewhere: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: doc.uri },
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
        context: { diagnostics: [] },
      });
      assert.deepEqual(elsewhere, [], 'nothing where there is no finding');
      assert.equal(fix.kind, 'quickfix');
      const edits = fix.edit!.changes![doc.uri] as TextEdit[];
      const fixed = applyEdits(doc.text, edits);
      const year = new Date().getFullYear();
      assert.equal(fixed, `// SPDX-FileCopyrightText: ${year} Example Corp\r\n// SPDX-License-Identifier: MIT\r\n\r\nexport const a = 1;\r\n`);

      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: doc.uri, version: 2 },
        contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
      });
      const after = await client.until(() => client.diagnosticsFor(doc.uri, 2), 'diagnostics for version 2');
      assert.deepEqual(after, []);
    });

    it('re-reads settings on didChangeConfiguration: disabling clears diagnostics', async () => {
      const root = workspace({ 'a.py': 'print(1)\n' });
      client = new TestClient();
      await client.initialize(root, { pull: false });
      const doc = await open(root, 'a.py', 'python');
      await client.until(() => client.diagnosticsFor(doc.uri)?.length === 1, 'one diagnostic');
      client.settings = { enable: false, policyFile: '' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.until(() => client.diagnosticsFor(doc.uri)?.length === 0, 'diagnostics cleared');
      client.settings = { enable: true, policyFile: '' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.until(() => client.diagnosticsFor(doc.uri)?.length === 1, 'diagnostics back');
    });

    it('honours settings pushed with didChangeConfiguration by a client that is not asked for them', async () => {
      const root = workspace({ 'a.py': 'print(1)\n' });
      client = new TestClient();
      // No workspace/configuration capability: the settings come only with the notification (Neovim, Helix, …).
      await client.initialize(root, { pull: false, bare: true });
      const doc = await open(root, 'a.py', 'python');
      await client.until(() => client.diagnosticsFor(doc.uri)?.length === 1, 'one diagnostic');
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ospo: { enable: false } } });
      await client.until(() => client.diagnosticsFor(doc.uri)?.length === 0, 'diagnostics cleared');
      // A value of the wrong type is ignored: the default (enabled) stands.
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { ospo: { enable: 'no' } } });
      await client.until(() => client.diagnosticsFor(doc.uri)?.length === 1, 'diagnostics back');
    });

    it('shows policy errors in the policy file and keeps the last good policy', async () => {
      const root = workspace({ '.ospo/policy.yaml': 'severity:\n  header-missing: warning\n', 'a.py': 'print(1)\n' });
      client = new TestClient();
      await client.initialize(root, { pull: false });
      const doc = await open(root, 'a.py', 'python');
      const before = await client.until(() => client.diagnosticsFor(doc.uri), 'diagnostics');
      assert.equal(before[0].severity, 2, 'the policy makes header-missing a warning');

      const policyUri = 'file://' + path.join(root, '.ospo/policy.yaml');
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri: policyUri,
          languageId: 'yaml',
          version: 1,
          text: '# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: MIT\nseverity:\n  header-missing: [\n',
        },
      });
      const policyDiags = await client.until(() => client.diagnosticsFor(policyUri), 'policy diagnostics');
      const invalid = policyDiags.find((d) => d.code === 'policy-invalid');
      assert.ok(invalid, JSON.stringify(policyDiags));
      assert.equal(invalid.severity, 1);
      assert.ok(invalid.range.start.line >= 3, `at line ${invalid.range.start.line}`);

      // Another edit to a.py is still checked with the last good policy.
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: doc.uri, version: 2 },
        contentChanges: [{ text: 'print(2)\n' }],
      });
      const after = await client.until(() => client.diagnosticsFor(doc.uri, 2), 'diagnostics for version 2');
      assert.equal(after[0].severity, 2);
    });
  });

  describe('pull mode (VS Code)', () => {
    it('answers textDocument/diagnostic and offers fix-all only when asked', async () => {
      const root = workspace({ 'a.c': '// SPDX-License-Identifier: GPL-2.0+\nint x;\n' });
      client = new TestClient();
      await client.initialize(root, { pull: true });
      const doc = await open(root, 'a.c', 'c');
      const report: DocumentDiagnosticReport = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: doc.uri } });
      assert.equal(report.kind, 'full');
      const items = report.kind === 'full' ? report.items : [];
      assert.deepEqual(
        items.map((d) => d.code),
        ['copyright-missing', 'spdx-deprecated'],
      );
      assert.equal(client.pushed.size, 0, 'nothing is pushed to a pull client');

      const quick: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: doc.uri },
        range: items[1].range,
        context: { diagnostics: [items[1]] },
      });
      assert.deepEqual(
        quick.map((a) => a.title),
        // The fix first, then the suppression comments (docs/design/suppressions.md).
        ["Replace with 'GPL-2.0-or-later'", 'Disable spdx-deprecated for this line', 'Disable spdx-deprecated for this file'],
      );

      const all: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: doc.uri },
        range: items[0].range,
        context: { diagnostics: [], only: ['source.fixAll.ospo'] },
      });
      assert.equal(all.length, 1);
      assert.equal(all[0].kind, 'source.fixAll.ospo');
      const fixed = applyEdits(doc.text, all[0].edit!.changes![doc.uri] as TextEdit[]);
      assert.match(fixed, /^\/\/ SPDX-FileCopyrightText: \d{4} .+\n\/\/ SPDX-License-Identifier: GPL-2\.0-or-later\nint x;\n$/);
    });
  });

  it('offers policy snippets on "ospo" and inserts a header by command', async () => {
    const root = workspace({
      'run.sh': '#!/bin/sh\nospo\n',
      '.ospo/policy.yaml': 'licenses:\n  project: Apache-2.0\nheaders:\n  copyright:\n    holder: "Example Corp"\n',
    });
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const doc = await open(root, 'run.sh', 'shellscript');
    const result: CompletionItem[] | CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: doc.uri },
      position: { line: 1, character: 4 },
    });
    const items = Array.isArray(result) ? result : result.items;
    const header = items.find((i) => i.label === 'ospo-policy-header');
    assert.ok(header, JSON.stringify(items.map((i) => i.label)));
    assert.match(String(header.insertText), /^# SPDX-FileCopyrightText: \d{4} Example Corp\n# SPDX-License-Identifier: Apache-2\.0\n\$0$/);
    assert.ok(items.some((i) => i.label === 'ospo-policy-ai' && /AI-Assisted-By: \$\{1:TOOL:MODEL\}/.test(String(i.insertText))));

    await client.connection.sendRequest('workspace/executeCommand', { command: 'ospo.server.insertHeader', arguments: [doc.uri] });
    const applied = await client.until(() => client.appliedEdits[0], 'workspace/applyEdit');
    const edits = applied.edit.changes![doc.uri] as TextEdit[];
    assert.match(applyEdits(doc.text, edits), /^#!\/bin\/sh\n# SPDX-FileCopyrightText: \d{4} Example Corp\n# SPDX-License-Identifier: Apache-2\.0\n\nospo\n$/);
  });
});
