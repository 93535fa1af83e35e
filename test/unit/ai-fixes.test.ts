// Fixes for the AI rules: missing tags (ai-marker-incomplete), chatbot comment lines (ai-chatbot-artifact),
// and SPDX-SnippetComment kept in step with the tags (ai-marker-malformed). Each: byte fidelity and idempotence.

import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { editsFor, fixAll, fixTitle, isSafe } from '../../server/src/engine/fixes';
import type { Finding, RuleId } from '../../server/src/engine/findings';
import { RawPolicy, toPolicy } from '../../server/src/engine/policy/model';
import { applyEdits } from '../../server/src/engine/text';
import { fixedContext } from './helpers';

const today = '2026-06-01';
const head = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n';

function check(text: string, raw: RawPolicy = {}, path = 'src/a.ts') {
  return checkText({ path, text, currentYear: 2026, today }, toPolicy(raw, 'p'));
}
function only(text: string, rule: RuleId, raw: RawPolicy = {}, path = 'src/a.ts'): Finding[] {
  return check(text, raw, path).findings.filter((f) => f.rule === rule);
}
/** Applies the first finding's fix of `rule`; returns the text and whether the rule still fires with a fix. */
function applyFix(text: string, rule: RuleId, raw: RawPolicy = {}, path = 'src/a.ts'): string {
  const r = check(text, raw, path);
  const f = r.findings.find((x) => x.rule === rule);
  assert.ok(f?.fix, `${rule} has a fix in ${JSON.stringify(text)}`);
  return applyEdits(text, editsFor(f, r.file!, r.policy!, fixedContext));
}
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

const snippet = (tags: string[], lead = '// ') =>
  [
    `${lead}SPDX-SnippetBegin`,
    `${lead}SPDX-SnippetCopyrightText: 2026 Example Corp`,
    `${lead}SPDX-License-Identifier: Apache-2.0`,
    ...tags.map((t) => `${lead}${t}`),
    'export const x = 1;',
    `${lead}SPDX-SnippetEnd`,
  ].join('\n') + '\n';

describe('ai-marker-incomplete fix: insert the missing tags', () => {
  const review: RawPolicy = { ai: { mode: 'review', requiredFields: ['role', 'reviewed-by', 'reviewed-on'], approvalPattern: 'OSRB-[0-9]+' } };

  it('inserts placeholders after the last AI tag, in canonical order, shaped like it', () => {
    const text = head + snippet(['AI-Assisted-By: GitHub Copilot:gpt-4.1']);
    const [f] = only(text, 'ai-marker-incomplete', review);
    assert.equal(f.fix?.kind, 'insert-lines');
    assert.equal(isSafe(f), false, 'never in fix-all');
    assert.match(fixTitle(f), /AI-Reviewed-By, AI-Reviewed-On, AI-Approval/);
    const fixed = applyFix(text, 'ai-marker-incomplete', review);
    assert.equal(
      fixed,
      head +
        snippet([
          'AI-Assisted-By: GitHub Copilot:gpt-4.1',
          'AI-Reviewed-By: NAME <EMAIL>',
          `AI-Reviewed-On: ${today}`,
          'AI-Approval: <APPROVAL matching OSRB-[0-9]+>',
        ]),
    );
    // Idempotent: the marker is complete now, so no second fix; the placeholders are reported until filled in.
    assert.deepEqual(only(fixed, 'ai-marker-incomplete', review), []);
    const malformed = only(fixed, 'ai-marker-malformed', review);
    assert.deepEqual(
      malformed.map((m) => m.message.match(/'([\w-]+)' still holds a placeholder/)?.[1]),
      ['AI-Reviewed-By', 'AI-Approval'],
    );
  });

  it('is not applied by fix-all', () => {
    const text = head + snippet(['AI-Assisted-By: GitHub Copilot:gpt-4.1']);
    assert.deepEqual(fixAll({ path: 'src/a.ts', text, today }, toPolicy(review, 'p'), fixedContext), []);
  });

  it('only the missing fields, in a header marker, keeping block comment closers', () => {
    const raw: RawPolicy = { ai: { requiredFields: ['role', 'reviewed-by', 'reviewed-on'] } };
    const text =
      '/* SPDX-FileCopyrightText: 2026 Example Corp */\n/* SPDX-License-Identifier: Apache-2.0 */\n/* AI-Generated-By: Claude Code:claude-opus-4-5 */\n/* AI-Reviewed-On: 2026-03-14 */\nx();\n';
    const fixed = applyFix(text, 'ai-marker-incomplete', raw, 'src/a.c');
    assert.equal(fixed, text.replace('x();', '/* AI-Reviewed-By: NAME <EMAIL> */\nx();'));
    assert.deepEqual(only(fixed, 'ai-marker-incomplete', raw, 'src/a.c'), []);
  });

  it('keeps CRLF, the BOM and a missing final newline', () => {
    const raw: RawPolicy = { ai: { requiredFields: ['role', 'reviewed-by', 'reviewed-on'] } };
    // CRLF, marker in the middle of the file.
    const text = crlf(head + snippet(['AI-Assisted-By: GitHub Copilot:gpt-4.1']));
    const fixed = applyFix(text, 'ai-marker-incomplete', raw);
    assert.equal(fixed, crlf(head + snippet(['AI-Assisted-By: GitHub Copilot:gpt-4.1', 'AI-Reviewed-By: NAME <EMAIL>', `AI-Reviewed-On: ${today}`])));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line ends in CRLF');
    // BOM, header marker whose last tag is the last line, with no final newline.
    const bare = '\uFEFF' + head + '// AI-Assisted-By: GitHub Copilot:gpt-4.1';
    const fixedBare = applyFix(bare, 'ai-marker-incomplete', raw);
    assert.equal(fixedBare, bare + `\n// AI-Reviewed-By: NAME <EMAIL>\n// AI-Reviewed-On: ${today}`);
    assert.ok(fixedBare.startsWith('\uFEFF//') && !fixedBare.slice(1).includes('\uFEFF'));
    assert.deepEqual(only(fixedBare, 'ai-marker-incomplete', raw), []);
  });

  it('shapes lines like a marker far below the header (other comment styles)', () => {
    const raw: RawPolicy = { ai: { requiredFields: ['role', 'reviewed-on'] } };
    const text =
      '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: Apache-2.0\n' +
      'x = 1\n'.repeat(600) +
      snippet(['AI-Generated-By: Claude Code:claude-opus-4-5'], '    # ');
    const fixed = applyFix(text, 'ai-marker-incomplete', raw, 'src/a.py');
    assert.ok(fixed.includes(`    # AI-Generated-By: Claude Code:claude-opus-4-5\n    # AI-Reviewed-On: ${today}\nexport`));
    assert.equal(fixed.length, text.length + `    # AI-Reviewed-On: ${today}\n`.length);
    assert.deepEqual(only(fixed, 'ai-marker-incomplete', raw, 'src/a.py'), []);
  });
});

describe('ai-chatbot-artifact fix: whole comment lines', () => {
  it('deletes a comment line holding only chatbot text', () => {
    const text = head + 'const a = 1;\n// As an AI language model, I cannot run this.\nconst b = 2;\n';
    const [f] = only(text, 'ai-chatbot-artifact');
    assert.deepEqual(f.fix, { kind: 'delete-lines', lines: [3], safe: false });
    assert.equal(isSafe(f), false);
    assert.equal(fixTitle(f), 'Delete the chatbot comment line');
    const fixed = applyFix(text, 'ai-chatbot-artifact');
    assert.equal(fixed, head + 'const a = 1;\nconst b = 2;\n');
    assert.deepEqual(only(fixed, 'ai-chatbot-artifact'), [], 'idempotent');
    assert.deepEqual(fixAll({ path: 'src/a.ts', text, today }, toPolicy({}, 'p'), fixedContext), [], 'not in fix-all');
  });

  it('other comment forms: #, one-line block, block middle line, citation-only', () => {
    const py = head.replace(/\/\//g, '#') + 'x = 1\n    # Here is the updated code:\ny = 2\n';
    assert.equal(applyFix(py, 'ai-chatbot-artifact', {}, 'src/a.py'), head.replace(/\/\//g, '#') + 'x = 1\ny = 2\n');
    const block = head + '/* As an AI language model, I note this. */\nx();\n';
    assert.equal(applyFix(block, 'ai-chatbot-artifact'), head + 'x();\n');
    const middle = head + '/**\n * As an AI language model, I cannot.\n */\nx();\n';
    assert.equal(applyFix(middle, 'ai-chatbot-artifact'), head + '/**\n */\nx();\n');
    const cite = head + '// :contentReference[oaicite:3]{index=3}\nx();\n';
    assert.equal(applyFix(cite, 'ai-chatbot-artifact'), head + 'x();\n');
  });

  it('deletes only the span when the line holds code or other text', () => {
    const cases: [string, string][] = [
      ['const note = "As an AI language model";\n', 'const note = "";\n'],
      ['x(); // As an AI language model\n', 'x(); // \n'],
      ['// See :contentReference[oaicite:0]{index=0} for details\n', '// See  for details\n'],
      ['// Note: as a large language model I guess\n', '// Note:  I guess\n'],
      ['/* As an AI language model\n', '/* \n'], // opens a block comment that goes on: keep the line
      [' * As an AI language model, closing */\n', ' * , closing */\n'],
    ];
    for (const [line, expected] of cases) {
      const [f] = only(head + line + 'y();\n', 'ai-chatbot-artifact');
      assert.equal(f.fix?.kind, 'replace', line);
      assert.equal(applyFix(head + line + 'y();\n', 'ai-chatbot-artifact'), head + expected + 'y();\n', line);
    }
  });

  it('keeps CRLF, the BOM and a missing final newline', () => {
    const text = crlf(head + 'x();\n// As an AI language model, sorry.\ny();\n');
    assert.equal(applyFix(text, 'ai-chatbot-artifact'), crlf(head + 'x();\ny();\n'));
    const last = '\uFEFF' + head + "x();\n// Here's the updated code";
    const fixed = applyFix(crlf(last), 'ai-chatbot-artifact');
    assert.equal(fixed, crlf('\uFEFF' + head + 'x();'));
    assert.deepEqual(only(fixed, 'ai-chatbot-artifact'), []);
    // The first line, after a BOM: the BOM stays.
    const first = '\uFEFF// As an AI language model, I cannot.\r\n' + crlf(head) + 'x();\r\n';
    assert.equal(applyFix(first, 'ai-chatbot-artifact'), '\uFEFF' + crlf(head) + 'x();\r\n');
  });
});

describe('ai-marker-malformed: SPDX-SnippetComment in step with the AI tags', () => {
  const raw: RawPolicy = { ai: { requiredFields: ['role', 'reviewed-by', 'reviewed-on'] } };
  const tags = ['AI-Assisted-By: GitHub Copilot:gpt-4.1', 'AI-Reviewed-By: Alice Example <alice@example.com>', 'AI-Reviewed-On: 2026-03-14'];

  it('a comment that names the tool is fine', () => {
    assert.deepEqual(
      check(head + snippet(['SPDX-SnippetComment: AI-assisted (GitHub Copilot:gpt-4.1), reviewed by Alice Example 2026-03-14', ...tags]), raw).findings,
      [],
    );
    assert.deepEqual(check(head + snippet(['SPDX-SnippetComment: written with github copilot', ...tags]), raw).findings, [], 'case-insensitive');
    assert.deepEqual(
      check(head + snippet(['SPDX-SnippetComment: from Stack Overflow']), raw).findings.map((f) => f.rule),
      [],
      'no AI tags, no check',
    );
  });

  it('reports a comment that does not name the tool, and fix-all rewrites it from the tags', () => {
    const text = head + snippet(['SPDX-SnippetComment: AI-assisted (ChatGPT), reviewed by Bob', ...tags]);
    const [f] = only(text, 'ai-marker-malformed', raw);
    assert.match(f.message, /SPDX-SnippetComment does not mention 'GitHub Copilot' from AI-Assisted-By/);
    assert.equal(f.range.start.line, 5);
    assert.ok(isSafe(f));
    assert.equal(fixTitle(f), 'Rewrite the comment from the AI tags');
    const expected = head + snippet(['SPDX-SnippetComment: AI-assisted (GitHub Copilot:gpt-4.1), reviewed by Alice Example 2026-03-14', ...tags]);
    const fixed = applyEdits(text, fixAll({ path: 'src/a.ts', text, today }, toPolicy(raw, 'p'), fixedContext));
    assert.equal(fixed, expected);
    assert.deepEqual(check(fixed, raw).findings, [], 'idempotent');
    assert.deepEqual(fixAll({ path: 'src/a.ts', text: fixed, today }, toPolicy(raw, 'p'), fixedContext), []);
  });

  it('AI-Generated-By, a missing reviewer, an empty comment, CRLF and block comments', () => {
    const gen = head + snippet(['SPDX-SnippetComment:', 'AI-Generated-By: Claude Code:claude-opus-4-5']);
    assert.equal(
      applyFix(gen, 'ai-marker-malformed', { ai: { requiredFields: [] } }),
      gen.replace('SPDX-SnippetComment:', 'SPDX-SnippetComment: AI-generated (Claude Code:claude-opus-4-5)'),
    );
    const text = crlf(
      head +
        snippet(['SPDX-SnippetComment: old text */', ...tags], '/* ').replace(
          /(Snippet(Begin|End)|Apache-2\.0|example\.com>|2026-03-14|Example Corp)\n/g,
          '$1 */\n',
        ),
    );
    const fixed = applyFix(text, 'ai-marker-malformed', raw);
    assert.ok(text.includes('/* SPDX-SnippetComment: old text */\r\n'));
    assert.equal(fixed, text.replace('old text', 'AI-assisted (GitHub Copilot:gpt-4.1), reviewed by Alice Example 2026-03-14'));
    assert.deepEqual(only(fixed, 'ai-marker-malformed', raw), []);
  });

  it('placeholders in the role tag are left to the placeholder finding', () => {
    const found = only(head + snippet(['SPDX-SnippetComment: old', 'AI-Assisted-By: TOOL:MODEL']), 'ai-marker-malformed', { ai: { requiredFields: [] } });
    assert.deepEqual(
      found.map((f) => f.message),
      ["'AI-Assisted-By' still holds a placeholder: fill it in"],
    );
  });
});

describe('missing AI tags filled from the fix context', () => {
  it('uses the git user as reviewer when the caller knows one', async () => {
    const { checkText } = await import('../../server/src/engine/check.js');
    const { editsFor } = await import('../../server/src/engine/fixes.js');
    const { toPolicy } = await import('../../server/src/engine/policy/model.js');
    const { applyEdits } = await import('../../server/src/engine/text.js');
    const text = '// SPDX-FileCopyrightText: 2026 A\n// SPDX-License-Identifier: MIT\n// AI-Assisted-By: Claude Code:claude-opus-4-5\nx();\n';
    const policy = toPolicy({ ai: { requiredFields: ['role', 'reviewed-by'] } }, 'p');
    const r = checkText({ path: 'a.ts', text, today: '2026-06-01' }, policy);
    const f = r.findings.find((x) => x.rule === 'ai-marker-incomplete')!;
    const fixed = applyEdits(text, editsFor(f, r.file!, policy, { year: 2026, holder: 'A', license: 'MIT', reviewer: 'Alice Example <alice@example.com>' }));
    (await import('node:assert/strict')).match(fixed, /\/\/ AI-Reviewed-By: Alice Example <alice@example\.com>\n/);
  });
});
