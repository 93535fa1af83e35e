// SPDX as you type over LSP: completion and hover of license ids in any file, from the bundled
// server, with the policy of the file's folder (and its override) ranking the ids.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const policyText = [
  '# SPDX-FileCopyrightText: 2026 Example Corp',
  '# SPDX-License-Identifier: CC0-1.0',
  'version: 1',
  'licenses:',
  '  project: BSD-3-Clause',
  '  allow: [BSD-3-Clause, MIT, Apache-2.0]',
  '  review: [LGPL-2.1-only]',
  '  deny: [GPL-3.0-only]',
  'overrides:',
  '  - paths: ["vendor/**"]',
  '    licenses: { project: MIT }',
  '',
].join('\n');

const workspace = (files: Record<string, string>) => tempTree(files, 'ospo-spdx-');

const itemsOf = (r: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(r) ? r : (r?.items ?? []));
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

// main.ts asks spdx-assist.ts first (spdxCompletions / spdxHover), before the commit-message and
// policy-file branches.
describe('SPDX license ids as you type, over LSP', () => {
  let client: TestClient;
  let ws: string;
  afterEach(async () => client?.stop());

  async function open(name: string, text: string, languageId = 'plaintext'): Promise<string> {
    const uri = 'file://' + path.join(ws, name);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }
  const complete = async (uri: string, line: number, character: number) =>
    sorted(
      itemsOf(
        (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as
          CompletionItem[] | CompletionList | null,
      ),
    );
  const hover = async (uri: string, line: number, character: number) =>
    (
      ((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null)?.contents as
        MarkupContent | undefined
    )?.value;

  beforeEach(async () => {
    ws = workspace({ '.ospo/policy.yaml': policyText });
    client = new TestClient();
    await client.initialize(ws, { pull: false });
  });

  it('completes `# SPDX-License-Identifier: Apa` in a Python file with Apache-2.0 first, and no header snippets', async () => {
    const uri = await open('tool.py', '# SPDX-License-Identifier: Apa\nimport os\n', 'python');
    const items = await complete(uri, 0, 30);
    assert.equal(items[0]?.label, 'Apache-2.0', JSON.stringify(items.slice(0, 3)));
    assert.equal(items[0].detail, 'Apache License 2.0');
    assert.deepEqual(items[0].textEdit, { range: { start: { line: 0, character: 27 }, end: { line: 0, character: 30 } }, newText: 'Apache-2.0' });
    assert.ok(
      items.every((i) => i.label.toLowerCase().startsWith('apa')),
      'only ids that start with what was typed',
    );
    assert.ok(!items.some((i) => i.label.startsWith('ospo-')));
  });

  it('pops up by itself after `SPDX-License-Identifier: `, `AND `, `WITH ` and `(`, and for no other space or colon', async () => {
    const triggered = async (uri: string, line: number, character: number, triggerCharacter: string) =>
      itemsOf(
        (await client.connection.sendRequest('textDocument/completion', {
          textDocument: { uri },
          position: { line, character },
          context: { triggerKind: 2, triggerCharacter },
        })) as CompletionItem[] | CompletionList | null,
      ).map((i) => i.label);
    assert.deepEqual(client.serverCapabilities?.completionProvider?.triggerCharacters, [':', ' ', '(']);
    const text = [
      '// SPDX-License-Identifier: ',
      '// SPDX-License-Identifier: MIT AND ',
      '// SPDX-License-Identifier: MIT ',
      'const a = { b: 1 };',
      '// SPDX-License-Identifier: (',
      '// SPDX-License-Identifier: GPL-2.0-only WITH ',
      '',
    ].join('\n');
    const uri = await open('c.ts', text, 'typescript');
    assert.equal((await triggered(uri, 0, 28, ' '))[0], 'BSD-3-Clause', 'after the tag: the project license first');
    assert.ok((await triggered(uri, 1, 36, ' ')).includes('Apache-2.0'), 'after AND');
    assert.deepEqual(await triggered(uri, 2, 32, ' '), [], 'after an id a space opens nothing: no operator list at every space');
    assert.deepEqual(await triggered(uri, 3, 13, ' '), [], 'a space in code opens nothing');
    assert.deepEqual(await triggered(uri, 3, 12, ':'), [], 'nor a colon, and no policy snippets either');
    assert.ok((await triggered(uri, 4, 29, '(')).includes('MIT'), 'after (');
    assert.ok((await triggered(uri, 5, 46, ' ')).includes('Classpath-exception-2.0'), 'after WITH: exceptions');
  });

  it("ranks by the policy of the file: the project license first, denied last; the override's project in vendor/", async () => {
    const root = await complete(await open('a.ts', '// SPDX-License-Identifier: \n', 'typescript'), 0, 28);
    assert.equal(root[0]?.label, 'BSD-3-Clause');
    const last = root[root.length - 1];
    assert.equal(last.label, 'GPL-3.0-only');
    assert.equal(last.labelDetails?.description, 'denied by policy');
    const vendor = await complete(await open('vendor/b.ts', '// SPDX-License-Identifier: \n', 'typescript'), 0, 28);
    assert.equal(vendor[0]?.label, 'MIT');
  });

  it('offers exceptions after WITH, in a .license sidecar', async () => {
    const uri = await open('img/logo.png.license', 'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: Apache-2.0 WITH \n');
    const items = await complete(uri, 1, 41);
    assert.ok(items.some((i) => i.label === 'LLVM-exception'));
    assert.ok(!items.some((i) => i.label === 'MIT' || i.label === 'AND'));
  });

  it('still offers the policy snippets elsewhere in the file', async () => {
    const uri = await open('c.py', '# SPDX-License-Identifier: MIT\nospo\n', 'python');
    const items = await complete(uri, 1, 4);
    assert.ok(
      items.some((i) => i.label === 'ospo-policy-header'),
      JSON.stringify(items.map((i) => i.label)),
    );
  });

  it('hovers an id with its name, OSI approval and the tier under the policy, and suggests an id for prose', async () => {
    const uri = await open(
      'd.ts',
      '// SPDX-License-Identifier: LGPL-2.1-only OR GPL-3.0-only\n// SPDX-License-Identifier: Apache 2\nexport {};\n',
      'typescript',
    );
    const lgpl = await hover(uri, 0, 32);
    assert.match(lgpl ?? '', /GNU Lesser General Public License v2\.1 only/);
    assert.match(lgpl ?? '', /OSI approved: yes/);
    assert.match(lgpl ?? '', /\*\*needs review\*\*/);
    assert.match((await hover(uri, 0, 50)) ?? '', /\*\*denied\*\*/);
    assert.equal(await hover(uri, 1, 30), 'Not an SPDX id; did you mean `Apache-2.0`?');
    assert.equal(await hover(uri, 2, 3), undefined);
  });
});
