// The "Disable <rule> for this line / file" quick fixes, over stdio as an editor asks for them: the
// comment written, and the diagnostic gone once it is in the document (docs/design/suppressions.md).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { applyEdits, TextEdit } from '../../server/src/engine/text';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

describe('suppression quick fixes over stdio', () => {
  let client: TestClient;
  let root: string;
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('offers both, writes the comment in the file’s style and line ending, and the diagnostic clears', async () => {
    root = tempTree({ 'src/a.py': '#!/usr/bin/env python3\r\nprint(1)\r\n' }, 'ospo-lsp-suppress-');
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const uri = 'file://' + path.join(root, 'src/a.py');
    const text = fs.readFileSync(path.join(root, 'src/a.py'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const diags = await client.until(() => client.diagnosticsFor(uri), 'pushed diagnostics');
    const missing = diags.find((d) => d.code === 'header-missing');
    assert.ok(missing, JSON.stringify(diags));
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable header-missing for this file'), JSON.stringify(titles));
    const file = actions.find((a) => a.title === 'Disable header-missing for this file')!;
    const fixed = applyEdits(text, file.edit!.changes![uri] as TextEdit[]);
    assert.equal(fixed, '#!/usr/bin/env python3\r\n# ospo-disable-file header-missing\r\nprint(1)\r\n');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await client.until(() => client.diagnosticsFor(uri, 2), 'diagnostics for version 2');
    assert.deepEqual(
      after.map((d) => d.code),
      [],
    );
  });
});
