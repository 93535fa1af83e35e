// REUSE 3.3 in the editor, over LSP: REUSE.toml licensing, license texts, fixes that create files,
// and where a file's licensing comes from.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens, CreateFile, Diagnostic, Hover, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const mit = '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\nx = 1\n';

const workspace = (files: Record<string, string>) => tempTree(files, 'ospo-reuse-lsp-');

describe('REUSE 3.3 over LSP', () => {
  let client: TestClient;
  let root: string;
  afterEach(async () => client?.stop());

  const uri = (rel: string) => 'file://' + path.join(root, rel);
  async function open(rel: string, languageId = 'python'): Promise<Diagnostic[]> {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(rel), languageId, version: 1, text } });
    return client.until(() => client.diagnosticsFor(uri(rel)), `diagnostics for ${rel}`);
  }
  const actions = (rel: string, diagnostics: Diagnostic[]) =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(rel) },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics },
    }) as Promise<CodeAction[]>;

  beforeEach(async () => {
    root = workspace({
      'LICENSES/MIT.txt': 'MIT text\n',
      'REUSE.toml':
        'version = 1\n\n[[annotations]]\npath = ["data.json", "img/**"]\nSPDX-FileCopyrightText = "2026 Example Corp"\nSPDX-License-Identifier = "MIT"\n',
      'a.py': mit,
      'gpl.py': '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: GPL-3.0-only\nx = 1\n',
      'data.json': '{}\n',
      'other.json': '{}\n',
      'img/logo.png': '\u0089PNG\u0000',
    });
    client = new TestClient();
    await client.initialize(root, { pull: false });
  });

  it('a file REUSE.toml licenses needs no header; one it does not gets both "create" fixes', async () => {
    assert.deepEqual(
      (await open('data.json', 'json')).map((d) => d.code),
      [],
    );
    const other = await open('other.json', 'json');
    assert.deepEqual(
      other.map((d) => d.code),
      ['header-missing'],
    );
    const titles = (await actions('other.json', other)).map((a) => a.title);
    assert.ok(titles.includes('Create other.json.license'), titles.join(', '));
    const add = (await actions('other.json', other)).find((a) => a.title === 'Add other.json to REUSE.toml')!;
    const edit = add.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(edit.textDocument.uri, uri('REUSE.toml'));
    assert.match(
      (edit.edits[0] as { newText: string }).newText,
      /\[\[annotations\]\]\npath = "other\.json"\nSPDX-FileCopyrightText = "\d{4} .+"\nSPDX-License-Identifier = "\S+"\n/,
    );
  });

  it('a license without its text in LICENSES/ offers to create it from the bundled SPDX text', async () => {
    const diagnostics = await open('gpl.py');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['license-text-missing', 1]],
    );
    const create = (await actions('gpl.py', diagnostics)).find((a) => a.title === 'Create LICENSES/GPL-3.0-only.txt from the SPDX license text')!;
    const [file, text] = create.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.equal(file.kind, 'create');
    assert.equal(file.uri, uri('LICENSES/GPL-3.0-only.txt'));
    assert.match((text.edits[0] as { newText: string }).newText, /GNU GENERAL PUBLIC LICENSE\s+Version 3/);
  });

  it('shows where the licensing comes from: hover, CodeLens and the status request', async () => {
    await open('data.json', 'json');
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: uri('data.json') },
      position: { line: 0, character: 0 },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /`MIT` \| REUSE\.toml line 6 \(closest\)/);
    await open('a.py');
    const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('a.py') } })) as CodeLens[];
    assert.equal(lenses[0].command!.title, 'Licensing: MIT, from header line 2');
    const png = (await client.connection.sendRequest('ospo/licensing', { uri: uri('img/logo.png') })) as { summary: string };
    assert.equal(png.summary, 'MIT, from REUSE.toml line 6 (closest)');
  });

  it('the status request reads the sidecar of a file with nothing to check (blank), as the report does', async () => {
    fs.writeFileSync(path.join(root, 'blank.py'), '\n\n');
    fs.writeFileSync(path.join(root, 'blank.py.license'), 'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: Apache-2.0\n');
    const blank = (await client.connection.sendRequest('ospo/licensing', { uri: uri('blank.py') })) as { summary: string };
    assert.match(blank.summary, /^Apache-2\.0, from blank\.py\.license/);
  });

  it('a broken REUSE.toml shows its problem at the line, as you type', async () => {
    fs.writeFileSync(path.join(root, 'REUSE.toml'), 'version = 1\n\n[[annotations]]\npath = "x"\nprecedence = "sideways"\n');
    const diagnostics = await open('REUSE.toml', 'toml');
    assert.equal(diagnostics[0].code, 'reuse-invalid');
    assert.equal(diagnostics[0].range.start.line, 4);
  });
});
