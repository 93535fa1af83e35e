// The AI-disclosure commands' edits: canonical snippets and header tags, byte for byte, and checked by the engine.

import * as assert from 'node:assert/strict';
import { addHeaderTagsEdits, aiContext, AiContext, AiEditResult, markSelectionEdits, toolFor } from '../../server/src/engine/ai/disclosure';
import { checkText } from '../../server/src/engine/check';
import { Policy } from '../../server/src/engine/policy/model';
import { applyEdits, Range, TextEdit } from '../../server/src/engine/text';
import { fixedContext, policyWith } from './helpers';

const sel = (line: number, character: number, endLine: number, endCharacter: number): Range => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});
const today = '2026-03-14';
const ctx: AiContext = {
  year: 2026,
  holder: 'Example Corp',
  license: 'Apache-2.0',
  role: 'assisted',
  // The user chose "I reviewed this".
  reviewer: { name: 'Alice Example', email: 'alice@example.com' },
  today,
  tool: 'GitHub Copilot:gpt-4.1',
};
const strict = (p: Policy) => {
  p.ai.requiredFields = ['role', 'reviewed-by', 'reviewed-on'];
};

function edits(result: AiEditResult): TextEdit[] {
  if ('error' in result) throw new Error(result.error);
  return result.edits;
}

function aiFindings(path: string, text: string, policy = policyWith(strict)) {
  return checkText({ path, text, today, currentYear: 2026 }, policy).findings.filter((f) => f.rule.startsWith('ai-marker'));
}

const header = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n\n';

describe('ai-disclosure: mark selection', () => {
  it('wraps whole lines in the canonical snippet, indented like the first line', () => {
    const text = header + 'class A {\n  f() {\n    return 1;\n  }\n}\n';
    // A selection ending mid-line takes the whole line.
    const out = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(4, 3, 6, 2), policyWith(), ctx)));
    assert.equal(
      out,
      header +
        'class A {\n' +
        [
          '  // SPDX-SnippetBegin',
          '  // SPDX-SnippetCopyrightText: 2026 Example Corp',
          '  // SPDX-License-Identifier: Apache-2.0',
          '  // SPDX-SnippetComment: AI-assisted (GitHub Copilot:gpt-4.1), reviewed by Alice Example 2026-03-14',
          '  // AI-Assisted-By: GitHub Copilot:gpt-4.1',
          '  // AI-Reviewed-By: Alice Example <alice@example.com>',
          '  // AI-Reviewed-On: 2026-03-14',
          '  f() {',
          '    return 1;',
          '  }',
          '  // SPDX-SnippetEnd',
        ].join('\n') +
        '\n}\n',
    );
    assert.deepEqual(aiFindings('src/a.ts', out), []);
    assert.deepEqual(
      checkText({ path: 'src/a.ts', text: out, today }, policyWith(strict)).findings.filter((f) => f.rule.startsWith('snippet')),
      [],
    );
  });

  it('without "I reviewed this", names no reviewer: the role and the tool only, as the user stated them', () => {
    const text = header + 'a();\n';
    const assisted = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(3, 0, 3, 4), policyWith(), { ...ctx, reviewer: undefined })));
    assert.equal(
      assisted,
      header +
        [
          '// SPDX-SnippetBegin',
          '// SPDX-SnippetCopyrightText: 2026 Example Corp',
          '// SPDX-License-Identifier: Apache-2.0',
          '// SPDX-SnippetComment: AI-assisted (GitHub Copilot:gpt-4.1)',
          '// AI-Assisted-By: GitHub Copilot:gpt-4.1',
          'a();',
          '// SPDX-SnippetEnd',
        ].join('\n') +
        '\n',
    );
    assert.deepEqual(aiFindings('src/a.ts', assisted, policyWith()), []);
    const generated = applyEdits(
      text,
      edits(markSelectionEdits('src/a.ts', text, sel(3, 0, 3, 4), policyWith(), { ...ctx, role: 'generated', reviewer: undefined })),
    );
    assert.match(generated, /\n\/\/ SPDX-SnippetComment: AI-generated \(GitHub Copilot:gpt-4\.1\)\n\/\/ AI-Generated-By: GitHub Copilot:gpt-4\.1\na\(\);\n/);
    assert.doesNotMatch(generated, /Reviewed/i);
    // A policy that wants a review reports the missing one: nobody's name was put on it.
    assert.deepEqual(
      aiFindings('src/a.ts', assisted).map((f) => f.rule),
      ['ai-marker-incomplete'],
    );
  });

  it('keeps CRLF and a missing final newline; a selection ending at column 0 stops before that line', () => {
    const text = header.replace(/\n/g, '\r\n') + 'a();\r\nb();';
    const out = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(3, 0, 4, 0), policyWith(), ctx)));
    assert.ok(!/[^\r]\n/.test(out), 'every line break is CRLF');
    assert.ok(out.startsWith(header.replace(/\n/g, '\r\n') + '// SPDX-SnippetBegin\r\n'));
    assert.ok(out.endsWith('a();\r\n// SPDX-SnippetEnd\r\nb();'));
    assert.deepEqual(aiFindings('src/a.ts', out), []);
  });

  it('wraps the last line of a file without a final newline, and keeps it without one', () => {
    const text = header + 'a();';
    const out = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(3, 0, 3, 4), policyWith(), ctx)));
    assert.ok(out.endsWith('\na();\n// SPDX-SnippetEnd'));
  });

  it('keeps the final newline when the selection runs to the end of the file', () => {
    const text = header + 'a();\n';
    const out = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(3, 0, 4, 0), policyWith(), ctx)));
    assert.ok(out.endsWith('\na();\n// SPDX-SnippetEnd\n'));
  });

  it('keeps a BOM first when the selection starts on line 0', () => {
    const text = '\uFEFFa();\n';
    const out = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(0, 0, 0, 2), policyWith(), ctx)));
    assert.ok(out.startsWith('\uFEFF// SPDX-SnippetBegin\n'));
    assert.ok(out.endsWith('\na();\n// SPDX-SnippetEnd\n'));
  });

  it('does nothing when the selection is already an AI snippet, or its body', () => {
    const text = header + 'a();\nb();\n';
    const once = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(3, 0, 3, 4), policyWith(), ctx)));
    // Lines 3..10 are the snippet; line 10 is its body, 11 its end.
    assert.deepEqual(edits(markSelectionEdits('src/a.ts', once, sel(3, 0, 11, 18), policyWith(), ctx)), []);
    assert.deepEqual(edits(markSelectionEdits('src/a.ts', once, sel(10, 0, 10, 4), policyWith(), ctx)), []);
    assert.notDeepEqual(edits(markSelectionEdits('src/a.ts', once, sel(12, 0, 12, 4), policyWith(), ctx)), []);
  });

  it("uses the file's comment style: # for Python, one-line blocks for CSS", () => {
    const py = '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: Apache-2.0\n\nx = 1\n';
    const outPy = applyEdits(py, edits(markSelectionEdits('a.py', py, sel(3, 0, 3, 5), policyWith(), ctx)));
    assert.ok(outPy.includes('# SPDX-SnippetBegin\n# SPDX-SnippetCopyrightText: 2026 Example Corp\n'));
    assert.deepEqual(aiFindings('a.py', outPy), []);
    const css = '/* SPDX-FileCopyrightText: 2026 Example Corp */\n/* SPDX-License-Identifier: Apache-2.0 */\n\na { color: red; }\n';
    const outCss = applyEdits(css, edits(markSelectionEdits('a.css', css, sel(3, 0, 3, 2), policyWith(), ctx)));
    assert.ok(outCss.includes('/* AI-Reviewed-On: 2026-03-14 */\na { color: red; }\n/* SPDX-SnippetEnd */\n'));
    assert.deepEqual(aiFindings('a.css', outCss), []);
  });

  it('with no tool known, writes the placeholder, which is the only finding', () => {
    const policy = policyWith(strict);
    assert.equal(toolFor(policy), 'TOOL:MODEL');
    const unknown = aiContext(policy, fixedContext, { role: 'assisted', reviewer: { name: 'Alice Example', email: 'alice@example.com' } }, today);
    const text = header + 'a();\n';
    const out = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(3, 0, 3, 4), policy, unknown)));
    const found = aiFindings('src/a.ts', out, policy);
    assert.equal(found.length, 1);
    assert.equal(found[0].rule, 'ai-marker-malformed');
    assert.match(found[0].message, /placeholder/i);
  });

  it('takes the tool from the argument, else ai.tools.allow; holder and license from the policy', () => {
    const policy = policyWith((p) => {
      p.ai.tools.allow = ['Claude*', 'Claude Code', 'GitHub Copilot'];
      p.licenses.project = 'MIT';
      p.headers.copyright.holder = 'ACME Inc\\.( and contributors)?';
    });
    // The allow list names agents; the model stays a placeholder the engine reports until someone fills it in.
    assert.equal(aiContext(policy, fixedContext, { role: 'assisted' }, today).tool, 'Claude Code:<MODEL>');
    assert.equal(
      toolFor(
        policyWith((p) => {
          p.ai.tools.allow = ['Aider:gpt-4o'];
        }),
      ),
      'Aider:gpt-4o',
    );
    const text = header + 'a();\n';
    const out = applyEdits(text, edits(markSelectionEdits('src/a.ts', text, sel(3, 0, 3, 4), policy, { ...ctx, tool: toolFor(policy) })));
    assert.deepEqual(
      aiFindings('src/a.ts', out, policy).map((f) => (f.message.match(/placeholder/i) ? 'placeholder' : f.rule)),
      ['placeholder'],
    );
    const c = aiContext(policy, fixedContext, { role: 'assisted' }, today, 'Cursor:gpt-5');
    assert.deepEqual([c.tool, c.holder, c.license, c.year], ['Cursor:gpt-5', 'ACME Inc.', 'MIT', 2026]);
    assert.equal(aiContext(policyWith(), fixedContext, { role: 'assisted' }, today).holder, 'Example Corp');
  });
});

describe('ai-disclosure: header tags', () => {
  it('adds the tags after the header, shaped like its lines', () => {
    const text = '/*\n * SPDX-FileCopyrightText: 2026 Example Corp\n * SPDX-License-Identifier: Apache-2.0\n */\nexport {};\n';
    const out = applyEdits(text, edits(addHeaderTagsEdits('src/a.ts', text, policyWith(), ctx)));
    assert.equal(
      out,
      '/*\n * SPDX-FileCopyrightText: 2026 Example Corp\n * SPDX-License-Identifier: Apache-2.0\n' +
        ' * AI-Assisted-By: GitHub Copilot:gpt-4.1\n * AI-Reviewed-By: Alice Example <alice@example.com>\n * AI-Reviewed-On: 2026-03-14\n */\nexport {};\n',
    );
    assert.deepEqual(aiFindings('src/a.ts', out), []);
    // Running it again adds nothing.
    assert.deepEqual(edits(addHeaderTagsEdits('src/a.ts', out, policyWith(), ctx)), []);
  });

  it('keeps CRLF and adds only the tags that are missing', () => {
    const text =
      '# SPDX-FileCopyrightText: 2026 Example Corp\r\n# SPDX-License-Identifier: Apache-2.0\r\n# AI-Generated-By: Claude Code:claude-opus-4-5\r\nx = 1\r\n';
    const out = applyEdits(text, edits(addHeaderTagsEdits('a.py', text, policyWith(), ctx)));
    assert.equal(out, text.replace('x = 1', '# AI-Reviewed-By: Alice Example <alice@example.com>\r\n# AI-Reviewed-On: 2026-03-14\r\nx = 1'));
    assert.deepEqual(aiFindings('a.py', out), []);
  });

  it('inserts a header with the tags when there is none, after a shebang', () => {
    const text = '#!/usr/bin/env node\nconsole.log(1);';
    const out = applyEdits(text, edits(addHeaderTagsEdits('bin/x.js', text, policyWith(), ctx)));
    assert.equal(
      out,
      '#!/usr/bin/env node\n// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n' +
        '// AI-Assisted-By: GitHub Copilot:gpt-4.1\n// AI-Reviewed-By: Alice Example <alice@example.com>\n// AI-Reviewed-On: 2026-03-14\n\nconsole.log(1);',
    );
    const all = checkText({ path: 'bin/x.js', text: out, today }, policyWith(strict)).findings;
    assert.deepEqual(
      all.map((f) => f.rule),
      [],
    );
  });

  it('without "I reviewed this", writes the role only: no review is attested', () => {
    const text = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\nx();\n';
    const out = applyEdits(text, edits(addHeaderTagsEdits('a.js', text, policyWith(), { ...ctx, reviewer: undefined })));
    assert.equal(out, text.replace('x();', '// AI-Assisted-By: GitHub Copilot:gpt-4.1\nx();'));
    const generated = applyEdits(text, edits(addHeaderTagsEdits('a.js', text, policyWith(), { ...ctx, role: 'generated', reviewer: undefined })));
    assert.equal(generated, text.replace('x();', '// AI-Generated-By: GitHub Copilot:gpt-4.1\nx();'));
    // The default policy asks for the role only: nothing to report.
    assert.deepEqual(aiFindings('a.js', out, policyWith()), []);
  });

  it('writes placeholders for an unknown reviewer who said they reviewed it, which the engine reports', () => {
    const text = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\nx();\n';
    const out = applyEdits(text, edits(addHeaderTagsEdits('a.js', text, policyWith(), { ...ctx, reviewer: {} })));
    assert.ok(out.includes('// AI-Reviewed-By: NAME <EMAIL>\n'));
    assert.deepEqual(
      aiFindings('a.js', out).map((f) => f.rule),
      ['ai-marker-malformed'],
    );
  });
});
