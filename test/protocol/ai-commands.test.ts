// The AI-disclosure commands: their handlers against a real folder (policy file, git user), and over stdio.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { checkText } from '../../server/src/engine/check';
import { addHeaderTags, AiCommandResult, allowedTools, markSelection } from '../../server/src/lsp/ai-commands';
import { Folders } from '../../server/src/lsp/folders';
import { AddAiHeaderTagsCommand, MarkAiSelectionCommand } from '../../shared/protocol';
import { applyEdits, TextEdit } from '../../server/src/engine/text';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const policyYaml = [
  'licenses:',
  '  project: MIT',
  'headers:',
  '  copyright:',
  '    holder: "Example Corp"',
  'ai:',
  '  requiredFields: [role, reviewed-by, reviewed-on]',
  '  tools:',
  '    allow: ["GitHub Copilot"]',
  '',
].join('\n');

function workspace(files: Record<string, string>): string {
  const dir = tempTree(files, 'ospo-ai-');
  // A repository of its own, so the reviewer comes from this folder's git config and not the user's.
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync('git', ['config', 'user.name', 'Alice Example'], { cwd: dir });
  execFileSync('git', ['config', 'user.email', 'alice@example.com'], { cwd: dir });
  return dir;
}

function editsOf(result: AiCommandResult | null | undefined, uri: string): TextEdit[] {
  assert.ok(result && !('error' in result), JSON.stringify(result));
  return (result as WorkspaceEdit).changes![uri] as TextEdit[];
}

const now = new Date('2026-03-14T12:00:00Z');
const sel = (line: number, endLine: number) => ({ start: { line, character: 0 }, end: { line: endLine, character: 1 } });

describe('AI-disclosure command handlers (lsp/ai-commands.ts)', () => {
  it('refuses to mark code on a path where the policy forbids AI code', async () => {
    const root = workspace({
      '.ospo/policy.yaml': policyYaml + 'overrides:\n  - paths: ["src/crypto/**"]\n    ai: { mode: forbid }\n',
      'src/crypto/k.ts': 'export const k = 1;\n',
    });
    const state = await new Folders().stateFor(root, '');
    const uri = 'file://' + path.join(root, 'src/crypto/k.ts');
    const doc = TextDocument.create(uri, 'typescript', 1, 'export const k = 1;\n');
    assert.deepEqual(await markSelection(doc, sel(0, 0), state, 'GitHub Copilot:gpt-4.1', {}, now), {
      error: 'OSPO: AI-generated code is forbidden here by the policy.',
    });
  });

  it("marks a selection with the policy's license, holder and tool, and the git user as reviewer when they said they reviewed it", async () => {
    const root = workspace({
      '.ospo/policy.yaml': policyYaml,
      'src/a.ts': '// SPDX-FileCopyrightText: 2026 Example Corp\r\n// SPDX-License-Identifier: MIT\r\n\r\nexport const a = 1;\r\n',
    });
    const folders = new Folders();
    const state = await folders.stateFor(root, '');
    const uri = 'file://' + path.join(root, 'src/a.ts');
    const doc = TextDocument.create(uri, 'typescript', 1, fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8'));
    assert.deepEqual(allowedTools(state), ['GitHub Copilot']);

    const out = applyEdits(doc.getText(), editsOf(await markSelection(doc, sel(3, 3), state, 'GitHub Copilot:gpt-4.1', { reviewed: true }, now), uri));
    assert.equal(
      out,
      '// SPDX-FileCopyrightText: 2026 Example Corp\r\n// SPDX-License-Identifier: MIT\r\n\r\n' +
        [
          '// SPDX-SnippetBegin',
          '// SPDX-SnippetCopyrightText: 2026 Example Corp',
          '// SPDX-License-Identifier: MIT',
          '// SPDX-SnippetComment: AI-assisted (GitHub Copilot:gpt-4.1), reviewed by Alice Example 2026-03-14',
          '// AI-Assisted-By: GitHub Copilot:gpt-4.1',
          '// AI-Reviewed-By: Alice Example <alice@example.com>',
          '// AI-Reviewed-On: 2026-03-14',
          'export const a = 1;',
          '// SPDX-SnippetEnd',
        ].join('\r\n') +
        '\r\n',
    );
    const findings = checkText({ path: 'src/a.ts', text: out, today: '2026-03-14' }, state.policy).findings;
    assert.deepEqual(
      findings.map((f) => f.rule),
      [],
    );

    // Without an argument the allowed agent comes with a model placeholder; wrapping the new snippet again does nothing and says so.
    const fromPolicy = applyEdits(doc.getText(), editsOf(await markSelection(doc, sel(3, 3), state, undefined, {}, now), uri));
    assert.match(fromPolicy, /AI-Assisted-By: GitHub Copilot:<MODEL>\r\n/);
    const again = TextDocument.create(uri, 'typescript', 2, out);
    const second = await markSelection(again, { start: { line: 3, character: 0 }, end: { line: 11, character: 18 } }, state, undefined, {}, now);
    assert.match((second as { error: string }).error, /already marked/);
  });

  it('attests no review unless asked: the git user is known, yet no AI-Reviewed-By is written', async () => {
    const root = workspace({ '.ospo/policy.yaml': policyYaml, 'a.py': 'print(1)\n' });
    const state = await new Folders().stateFor(root, '');
    const uri = 'file://' + path.join(root, 'a.py');
    const doc = TextDocument.create(uri, 'python', 1, 'print(1)\n');
    const header = applyEdits(doc.getText(), editsOf(await addHeaderTags(doc, state, 'Claude Code:claude-opus-4-5', {}, now), uri));
    assert.equal(
      header,
      '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\n# AI-Assisted-By: Claude Code:claude-opus-4-5\n\nprint(1)\n',
    );
    const generated = applyEdits(doc.getText(), editsOf(await markSelection(doc, sel(0, 0), state, 'Cursor:gpt-5', { role: 'generated' }, now), uri));
    assert.match(generated, /# SPDX-SnippetComment: AI-generated \(Cursor:gpt-5\)\n# AI-Generated-By: Cursor:gpt-5\nprint\(1\)\n/);
    assert.doesNotMatch(generated + header, /Alice|Reviewed/);
  });

  it('adds header tags, or a header holding them', async () => {
    const root = workspace({ '.ospo/policy.yaml': policyYaml, 'a.py': 'print(1)\n' });
    const state = await new Folders().stateFor(root, '');
    const uri = 'file://' + path.join(root, 'a.py');
    const doc = TextDocument.create(uri, 'python', 1, 'print(1)\n');
    const out = applyEdits(doc.getText(), editsOf(await addHeaderTags(doc, state, 'Claude Code:claude-opus-4-5', { reviewed: true }, now), uri));
    assert.equal(
      out,
      '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\n# AI-Assisted-By: Claude Code:claude-opus-4-5\n' +
        '# AI-Reviewed-By: Alice Example <alice@example.com>\n# AI-Reviewed-On: 2026-03-14\n\nprint(1)\n',
    );
    const done = TextDocument.create(uri, 'python', 2, out);
    assert.match(((await addHeaderTags(done, state, undefined, { reviewed: true }, now)) as { error: string }).error, /already has/);
  });
});

describe('AI-disclosure commands over stdio', function () {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('workspace/executeCommand → workspace/applyEdit with the snippet and the header tags', async function () {
    const root = workspace({
      '.ospo/policy.yaml': policyYaml,
      'src/a.ts': '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n\nexport const a = 1;\n',
    });
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const uri = 'file://' + path.join(root, 'src/a.ts');
    const text = fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });

    await client.connection.sendRequest('workspace/executeCommand', {
      command: MarkAiSelectionCommand,
      arguments: [uri, sel(3, 3), 'Claude Code:claude-opus-4-5'],
    });
    const marked = await client.until(() => client.appliedEdits[0], 'workspace/applyEdit');
    const out = applyEdits(text, marked.edit.changes![uri] as TextEdit[]);
    // No options: the role and the tool only; a review is never written unless the user says they did one.
    assert.match(out, /\n\/\/ SPDX-SnippetBegin\n[^]*\/\/ AI-Assisted-By: Claude Code:claude-opus-4-5\nexport const a = 1;\n\/\/ SPDX-SnippetEnd\n$/);
    assert.doesNotMatch(out, /Reviewed/);

    await client.connection.sendRequest('workspace/executeCommand', { command: AddAiHeaderTagsCommand, arguments: [uri, null, { reviewed: true }] });
    const tagged = await client.until(() => client.appliedEdits[1], 'second workspace/applyEdit');
    assert.match(
      applyEdits(text, tagged.edit.changes![uri] as TextEdit[]),
      /^\/\/ SPDX-License-Identifier: MIT\n\/\/ AI-Assisted-By: GitHub Copilot:<MODEL>\n\/\/ AI-Reviewed-By: Alice Example <alice@example\.com>\n/m,
    );
  });
});
