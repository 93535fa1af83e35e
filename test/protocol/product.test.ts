// The product over LSP: messages in the editor's language, checks on save only, the policy in
// force for the status item, and fix-all-in-workspace as one edit to preview.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { FixAllWorkspaceCommand, type FixAllWorkspaceResult, PolicyInfoRequest, type PolicyInfo } from '../../shared/protocol';
import { applyEdits, TextEdit } from '../../server/src/engine/text';
import { URI } from 'vscode-uri';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const workspace = (files: Record<string, string>) => tempTree(files, 'ospo-product-');

describe('the product over LSP', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  async function open(root: string, rel: string, text = fs.readFileSync(path.join(root, rel), 'utf8'), version = 1) {
    const uri = 'file://' + path.join(root, rel);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
    return uri;
  }

  it('speaks Japanese when the editor does', async () => {
    const root = workspace({ 'a.py': 'x = 1\n' });
    client = new TestClient();
    await client.initialize(root, { pull: false, locale: 'ja' });
    const uri = await open(root, 'a.py');
    const [d] = await client.until(() => client.diagnosticsFor(uri), 'diagnostics');
    assert.equal(d.code, 'header-missing');
    assert.match(d.message as string, /ライセンスヘッダー/);
  });

  it('ospo.run onSave: edits wait for the save', async () => {
    const root = workspace({ 'a.py': '# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: MIT\nx = 1\n' });
    client = new TestClient();
    client.settings = { ...client.settings, run: 'onSave' };
    await client.initialize(root, { pull: false });
    const uri = await open(root, 'a.py');
    assert.deepEqual(await client.until(() => client.diagnosticsFor(uri, 1), 'diagnostics on open'), []);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x = 1\n' }] });
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(client.diagnosticsFor(uri, 2), undefined, 'no check before the save');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    const after = await client.until(() => client.diagnosticsFor(uri, 2), 'diagnostics after the save');
    assert.deepEqual(
      after.map((d) => d.code),
      ['header-missing'],
    );
  });

  it('tells the status item which policy is in force', async () => {
    const root = workspace({ 'a/.ospo/policy.yaml': 'version: 1\npolicy:\n  id: example/p\n', 'a/x.py': 'x\n', 'b/y.py': 'y\n' });
    client = new TestClient();
    await client.initialize(path.join(root, 'a'), { pull: false, moreFolders: [path.join(root, 'b')] });
    const a = (await client.connection.sendRequest(PolicyInfoRequest.method, { uri: 'file://' + path.join(root, 'a/x.py') })) as PolicyInfo;
    assert.equal(a.file, 'file://' + path.join(root, 'a/.ospo/policy.yaml'));
    assert.equal(a.id, 'example/p');
    const b = (await client.connection.sendRequest(PolicyInfoRequest.method, { uri: 'file://' + path.join(root, 'b/y.py') })) as PolicyInfo;
    assert.equal(b.file, undefined);
    assert.equal(b.source, 'built-in default');
  });

  it('fix all in workspace: header insertions in an edit applied at once, for open and closed files; nothing to confirm', async () => {
    const root = workspace({
      'open.py': 'x = 1\n',
      'closed.py': '#!/usr/bin/env python3\ny = 2\n',
      'good.py': '# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: MIT\n',
      'spelling.py': '# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: MIT or Apache-2.0\n',
    });
    client = new TestClient();
    await client.initialize(root, { pull: false });
    // The open document differs from the disk: the edit must be for its text and version.
    const openUri = await open(root, 'open.py', 'x = 1\nz = 3\n', 7);
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: FixAllWorkspaceCommand,
      arguments: [],
    })) as FixAllWorkspaceResult;
    assert.deepEqual([result.files, result.headers, result.confirmFiles, result.checked], [3, 2, 0, 4]);
    assert.equal(result.confirm, undefined, 'no license changes');
    // Nothing asks for confirmation: VS Code would open the preview with these unticked, and write nothing.
    assert.equal(result.edit!.changeAnnotations, undefined);
    const changes = result.edit!.documentChanges as TextDocumentEdit[];
    assert.ok(changes.every((c) => c.edits.every((e) => !('annotationId' in e))));
    const forOpen = changes.find((c) => c.textDocument.uri === openUri)!;
    assert.equal(forOpen.textDocument.version, 7);
    assert.match(applyEdits('x = 1\nz = 3\n', forOpen.edits as TextEdit[]), /SPDX-License-Identifier: \S+\n\nx = 1\nz = 3\n$/);
    const forClosed = changes.find((c) => c.textDocument.uri.endsWith('/closed.py'))!;
    assert.equal(forClosed.textDocument.version, null);
    assert.match(
      applyEdits('#!/usr/bin/env python3\ny = 2\n', forClosed.edits as TextEdit[]),
      /^#!\/usr\/bin\/env python3\n# SPDX-FileCopyrightText: .+\n# SPDX-License-Identifier: \S+\n/,
    );
    // Upper-casing an operator says the same: applied at once, not a license change.
    const spelling = changes.find((c) => c.textDocument.uri.endsWith('/spelling.py'))!;
    assert.match(applyEdits(fs.readFileSync(path.join(root, 'spelling.py'), 'utf8'), spelling.edits as TextEdit[]), /MIT OR Apache-2\.0\n$/);
    assert.ok(!changes.some((c) => c.textDocument.uri.endsWith('/good.py')));
  });

  it('fix all in workspace: only a change to a stated license waits for confirmation, computed after the insertions', async () => {
    const deprecated = '# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: GPL-2.0+\nx = 1\n';
    // No copyright: an insertion (applied at once) and a deprecated id (confirmed) in the same file.
    const mixed = '# SPDX-License-Identifier: GPL-2.0+\ny = 2\n';
    const root = workspace({ 'deprecated.py': deprecated, 'mixed.py': mixed });
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: FixAllWorkspaceCommand,
      arguments: [],
    })) as FixAllWorkspaceResult;
    assert.deepEqual([result.files, result.headers, result.confirmFiles], [1, 1, 2]);
    const direct = result.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(
      direct.map((c) => path.basename(c.textDocument.uri)),
      ['mixed.py'],
      'the deprecated id is not rewritten without asking',
    );
    const inserted = applyEdits(mixed, direct[0].edits as TextEdit[]);
    assert.match(inserted, /^# SPDX-FileCopyrightText: .+\n# SPDX-License-Identifier: GPL-2\.0\+\ny = 2\n$/);

    const annotations = Object.entries(result.confirm!.changeAnnotations!);
    assert.equal(annotations.length, 1);
    const [id, annotation] = annotations[0];
    assert.equal(annotation.needsConfirmation, true);
    const confirm = result.confirm!.documentChanges as TextDocumentEdit[];
    assert.ok(confirm.every((c) => c.edits.every((e) => (e as { annotationId?: string }).annotationId === id)));
    const of = (name: string) => confirm.find((c) => c.textDocument.uri.endsWith('/' + name))!.edits as TextEdit[];
    assert.equal(applyEdits(deprecated, of('deprecated.py')), deprecated.replace('GPL-2.0+', 'GPL-2.0-or-later'));
    // Computed against the text after the insertion: applied in turn, both land where they belong.
    assert.equal(applyEdits(inserted, of('mixed.py')), inserted.replace('GPL-2.0+', 'GPL-2.0-or-later'));
  });

  it('fix all in workspace: a closed file with a BOM gets edits for the text the editor shows; REUSE-licensed files none', async () => {
    const root = workspace({
      'bom.py': '\uFEFF# a comment\nx = 1\n',
      'REUSE.toml': 'version = 1\n[[annotations]]\npath = "data/**"\nSPDX-FileCopyrightText = "2026 A"\nSPDX-License-Identifier = "MIT"\n',
      'LICENSES/MIT.txt': 'MIT\n',
      'data/table.py': 'rows = []\n',
    });
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const result = (await client.connection.sendRequest('workspace/executeCommand', { command: FixAllWorkspaceCommand, arguments: [] })) as {
      edit: WorkspaceEdit;
    };
    const changes = result.edit.documentChanges as TextDocumentEdit[];
    assert.ok(!changes.some((c) => c.textDocument.uri.endsWith('/data/table.py')), 'REUSE.toml licenses data/table.py');
    const bom = changes.find((c) => c.textDocument.uri.endsWith('/bom.py'))!;
    // VS Code's model of the file has no BOM: the edit must fit '# a comment\nx = 1\n'.
    assert.match(
      applyEdits('# a comment\nx = 1\n', bom.edits as TextEdit[]),
      /^# SPDX-FileCopyrightText: .+\n# SPDX-License-Identifier: \S+\n\n# a comment\nx = 1\n$/,
    );
  });

  it('fix all in workspace: a closed file in another encoding than the editor reads it in is left alone; in the same, it gets edits', async () => {
    const sjis = fs.readFileSync(path.join(__dirname, '../../../test/unit/fixtures/encodings/shift_jis-bare.c'));
    // files.encoding, and an encoding the client said of the file (ospo/documentEncoding): VS Code applies edits
    // to a closed file in the text it reads with files.encoding, whatever it had the file open in before.
    for (const [filesEncoding, documentEncoding, fixed] of [
      [null, undefined, false],
      ['shiftjis', undefined, true],
      [null, 'shiftjis', false],
    ] as const) {
      const root = workspace({ 'plain.c': 'int x;\n' });
      fs.writeFileSync(path.join(root, 'sjis.c'), sjis);
      client = new TestClient();
      client.filesEncoding = filesEncoding;
      await client.initialize(root, { pull: false });
      if (documentEncoding)
        await client.connection.sendNotification('ospo/documentEncoding', { uri: URI.file(path.join(root, 'sjis.c')).toString(), encoding: documentEncoding });
      const result = (await client.connection.sendRequest('workspace/executeCommand', {
        command: FixAllWorkspaceCommand,
        arguments: [],
      })) as FixAllWorkspaceResult;
      const changes = result.edit!.documentChanges as TextDocumentEdit[];
      assert.ok(
        changes.some((c) => c.textDocument.uri.endsWith('/plain.c')),
        'the ASCII file is fixed, whatever files.encoding says',
      );
      // VS Code would read sjis.c as UTF-8 (files.encoding unset): the edit would go into a text of U+FFFD, and saving it lose every Japanese byte.
      assert.equal(
        changes.some((c) => c.textDocument.uri.endsWith('/sjis.c')),
        fixed,
        `files.encoding: ${filesEncoding}, the document's: ${documentEncoding}`,
      );
      await client.stop();
    }
  });

  it('ospo.run onSave in pull mode: between saves the report is "unchanged", so moved ranges stay', async () => {
    const root = workspace({ 'a.py': 'x = 1\n' });
    client = new TestClient();
    client.settings = { ...client.settings, run: 'onSave' };
    await client.initialize(root, { pull: true });
    const uri = await open(root, 'a.py');
    const first = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      resultId: string;
      items: unknown[];
    };
    assert.equal(first.kind, 'full');
    assert.equal(first.items.length, 1);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '\n\nx = 1\n' }] });
    const between = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })) as {
      kind: string;
    };
    assert.equal(between.kind, 'unchanged');
  });
});
