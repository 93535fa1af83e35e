// Japanese beyond the findings (issue 16): with the locale ja, what the server says around them, the
// CodeLens, the licensing hover, the notifications and the command errors, is Japanese too.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { InsertHeaderCommand } from '../../shared/protocol';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

describe('the language server in Japanese', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('writes the CodeLens, a notification and a command error in Japanese', async () => {
    const ws = tempTree({ 'a.py': '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\nx = 1\n' }, 'ospo-ja-');
    client = new TestClient();
    await client.initialize(ws, { pull: false, locale: 'ja' });
    const uri = 'file://' + path.join(ws, 'a.py');
    const text = '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\nx = 1\n';
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
    assert.equal(lenses[0].command!.title, 'ライセンス: MIT (ヘッダー 2 行目 より)');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })) as Hover;
    assert.match(
      (hover.contents as MarkupContent).value,
      /適用されるライセンス[\s\S]*\| タグ \| 値 \| 出典 \|[\s\S]*\| ライセンス \| `MIT` \| ヘッダー 2 行目 \|/,
    );
    const onId = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 28 } })) as Hover;
    assert.match((onId.contents as MarkupContent).value, /OSI 承認: はい/);
    await client.connection.sendRequest('workspace/executeCommand', { command: InsertHeaderCommand, arguments: [uri] });
    await client.until(
      () => client.messages.find((m) => m.includes('すでにライセンスヘッダー')),
      `the notification that the header is there: ${JSON.stringify(client.messages)}`,
    );
  });

  it('says why a file is not checked in Japanese: the reason is an id, rendered in the language of the message', async () => {
    const ws = tempTree({ LICENSE: 'MIT License\n' }, 'ospo-ja-');
    client = new TestClient();
    await client.initialize(ws, { pull: false, locale: 'ja' });
    const uri = 'file://' + path.join(ws, 'LICENSE');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: 'MIT License\n' } });
    await client.connection.sendRequest('workspace/executeCommand', { command: InsertHeaderCommand, arguments: [uri] });
    await client.until(
      () => client.messages.find((m) => m === 'OSPO: このファイルはチェック対象外です (ライセンスファイル)。'),
      `the notification that the file is not checked: ${JSON.stringify(client.messages)}`,
    );
  });
});
