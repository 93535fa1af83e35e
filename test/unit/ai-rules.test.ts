// AI disclosure and snippet rules: parsing (scopes, nesting), and each rule per policy mode.

import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { fixAll, editsFor } from '../../server/src/engine/fixes';
import { toPolicy, RawPolicy, AiMode } from '../../server/src/engine/policy/model';
import { applyEdits } from '../../server/src/engine/text';
import { fixedContext } from './helpers';

const head = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n';
const today = '2026-06-01';

function check(text: string, raw: RawPolicy = {}, path = 'src/a.ts') {
  return checkText({ path, text, currentYear: 2026, today }, toPolicy(raw, 'p'));
}
const rules = (text: string, raw: RawPolicy = {}) => check(text, raw).findings.map((f) => f.rule);

const snippet = (tags: string[], body = 'export const x = 1;') =>
  [
    '// SPDX-SnippetBegin',
    '// SPDX-SnippetCopyrightText: 2026 Example Corp',
    '// SPDX-License-Identifier: Apache-2.0',
    ...tags.map((t) => `// ${t}`),
    body,
    '// SPDX-SnippetEnd',
  ].join('\n') + '\n';

const complete = ['AI-Assisted-By: GitHub Copilot:gpt-4.1', 'AI-Reviewed-By: Alice Example <alice@example.com>', 'AI-Reviewed-On: 2026-03-14'];

describe('marker parsing', () => {
  it('gives a file scope to header tags and a line range to snippets, nested included', () => {
    const text =
      head +
      '// AI-Generated-By: Claude Code:claude-opus-4-5\n\n' +
      '// SPDX-SnippetBegin\n// SPDX-License-Identifier: MIT\n' +
      snippet(complete) +
      '// SPDX-SnippetEnd\n';
    const { markers, snippets } = check(text).file!.markers;
    assert.deepEqual(
      markers.map((m) => [m.scope, m.startLine, m.endLine]),
      [
        ['file', 0, 14],
        ['region', 6, 13],
      ],
    );
    assert.equal(snippets.length, 2);
    assert.equal(snippets[1].parent, snippets[0], 'the inner snippet knows its parent');
    assert.deepEqual([snippets[0].begin, snippets[0].end], [4, 14]);
  });
});

describe('snippet rules (every snippet, AI or not)', () => {
  it('snippet-unbalanced: an open Begin and a stray End, with a fix that closes the snippet', () => {
    const text = head + '// SPDX-SnippetBegin\n// SPDX-License-Identifier: MIT\nconst a = 1;\n';
    const [f] = check(text).findings;
    assert.equal(f.rule, 'snippet-unbalanced');
    assert.equal(f.range.start.line, 2);
    const fixed = applyEdits(text, editsFor(f, check(text).file!, toPolicy({}, 'p'), fixedContext));
    assert.equal(fixed, text + '// SPDX-SnippetEnd\n');
    assert.deepEqual(rules(fixed), []);
    assert.deepEqual(rules(head + 'x();\n// SPDX-SnippetEnd\n'), ['snippet-unbalanced']);
  });

  it('snippet-incomplete: no license, or a file tag inside a snippet (fixed by fix-all)', () => {
    assert.deepEqual(rules(head + '// SPDX-SnippetBegin\n// SPDX-SnippetCopyrightText: 2026 X\nx();\n// SPDX-SnippetEnd\n'), ['snippet-incomplete']);
    const text = head + '// SPDX-SnippetBegin\n// SPDX-FileCopyrightText: 2020 Jane Doe\n// SPDX-License-Identifier: MIT\nx();\n// SPDX-SnippetEnd\n';
    assert.deepEqual(rules(text), ['snippet-incomplete']);
    const fixed = applyEdits(text, fixAll({ path: 'src/a.ts', text, today }, toPolicy({}, 'p'), fixedContext));
    assert.match(fixed, /\/\/ SPDX-SnippetCopyrightText: 2020 Jane Doe\n/);
    assert.deepEqual(rules(fixed), []);
  });
});

describe('snippet tags only where REUSE 3.3 puts them: in a comment, alone on their line', () => {
  // Checked as a REUSE project with one license text, so a license taken from a quoted example shows up too.
  const findings = (path: string, lines: string[]) =>
    checkText({ path, text: lines.join('\n') + '\n', currentYear: 2026, today, reuse: { licenseFiles: ['CC-BY-SA-4.0.txt'] } }, toPolicy({}, 'p')).findings.map(
      (f) => `${f.rule}:${f.range.start.line}`,
    );
  const hash = ['# SPDX-FileCopyrightText: 2026 Example Corp', '# SPDX-License-Identifier: CC-BY-SA-4.0', ''];
  const html = ['<!--', 'SPDX-FileCopyrightText: 2026 Example Corp', 'SPDX-License-Identifier: CC-BY-SA-4.0', '-->', ''];

  it('a .po msgid quoting a snippet is not a snippet', () => {
    assert.deepEqual(
      findings('po/de.po', [
        ...hash,
        'msgid "Start a snippet with `SPDX-SnippetBegin` and end it with `SPDX-SnippetEnd`."',
        'msgstr ""',
        '',
        'msgid ""',
        '"# SPDX-SnippetBegin\\n"',
        '"# SPDX-SnippetCopyrightText: 2023 Jane Doe\\n"',
        'msgstr ""',
        '"# SPDX-SnippetBegin\\n"',
      ]),
      [],
    );
  });

  it('Markdown prose mentioning the tags is not a snippet', () => {
    assert.deepEqual(
      findings('docs/snippets.md', [
        ...html,
        'Snippets may nest: `SPDX-SnippetBegin`/`SPDX-SnippetEnd` pairs within other pairs.',
        'SPDX-SnippetBegin opens a snippet and',
        'SPDX-SnippetEnd closes it.',
      ]),
      [],
    );
  });

  it('a string constant holding a snippet comment is not a snippet', () => {
    assert.deepEqual(
      findings('tool/make_snippet.py', [...hash, 'BEGIN = "# SPDX-SnippetBegin"', 'LINES = [', '    "# SPDX-SnippetBegin",', "    '# SPDX-SnippetEnd',", ']']),
      [],
    );
  });

  it('an ignore block hides snippet mentions, and the license examples after them', () => {
    assert.deepEqual(
      findings('docs/faq.md', [
        ...html,
        '<!-- REUSE-IgnoreStart -->',
        'Snippets may nest, and this is denoted by having',
        '`SPDX-SnippetBegin`/`SPDX-SnippetEnd` pairs within other pairs:',
        '',
        '```',
        '# SPDX-SnippetBegin',
        '# SPDX-License-Identifier: GPL-3.0-or-later',
        'x',
        '```',
        '',
        '```',
        '# SPDX-License-Identifier: MIT',
        '# AI-Generated-By: ChatGPT',
        'As an AI language model, I wrote this.',
        '```',
        '<!-- REUSE-IgnoreEnd -->',
      ]),
      [],
    );
  });

  it('a real snippet in a comment is still checked, in any comment style', () => {
    assert.deepEqual(findings('src/a.py', [...hash, '# SPDX-SnippetBegin', '# SPDX-License-Identifier: CC-BY-SA-4.0', 'x = 1']), ['snippet-unbalanced:3']);
    assert.deepEqual(
      findings('src/a.c', [
        '/* SPDX-FileCopyrightText: 2026 Example Corp',
        ' * SPDX-License-Identifier: CC-BY-SA-4.0 */',
        '',
        '/* SPDX-SnippetBegin */',
        '/* SPDX-SnippetCopyrightText: 2020 Jane Doe */',
        'int x;',
        '/* SPDX-SnippetEnd */',
      ]),
      ['snippet-incomplete:3'],
    );
    assert.deepEqual(findings('doc/a.md', [...html, '<!--', 'SPDX-SnippetBegin', 'SPDX-License-Identifier: CC-BY-SA-4.0', '-->', 'text']), [
      'snippet-unbalanced:6',
    ]);
    assert.deepEqual(findings('doc/a.md', [...html, 'text', '<!-- SPDX-SnippetEnd -->']), ['snippet-unbalanced:6']);
  });
});

describe('AI rules by mode', () => {
  // mode × marker state → the rules that fire.
  const table: { mode: AiMode; marker: string; text: string; expect: string[] }[] = [];
  const states: Record<string, string> = {
    none: head + 'export {};\n',
    complete: head + snippet(complete),
    'no reviewer': head + snippet(complete.slice(0, 1)),
    'with approval': head + snippet([...complete, 'AI-Approval: OSRB-12']),
    legacy: head + '// Generated by ChatGPT\nexport {};\n',
  };
  const expected: Record<AiMode, Record<string, string[]>> = {
    allow: { none: [], complete: [], 'no reviewer': [], 'with approval': [], legacy: ['ai-nonstandard-marker'] },
    disclose: { none: [], complete: [], 'no reviewer': ['ai-marker-incomplete'], 'with approval': [], legacy: ['ai-nonstandard-marker'] },
    review: { none: [], complete: ['ai-marker-incomplete'], 'no reviewer': ['ai-marker-incomplete'], 'with approval': [], legacy: ['ai-nonstandard-marker'] },
    forbid: { none: [], complete: ['ai-forbidden'], 'no reviewer': ['ai-forbidden'], 'with approval': ['ai-forbidden'], legacy: ['ai-forbidden'] },
  };
  for (const mode of Object.keys(expected) as AiMode[]) {
    for (const [marker, text] of Object.entries(states)) table.push({ mode, marker, text, expect: expected[mode][marker] });
  }
  for (const c of table) {
    it(`${c.mode} × ${c.marker}: ${c.expect.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(
        rules(c.text, { ai: { mode: c.mode, requiredFields: ['role', 'reviewed-by', 'reviewed-on'], approvalPattern: 'OSRB-[0-9]+' } }),
        c.expect,
      );
    });
  }

  it('a missing approval is an error in review mode; others are warnings', () => {
    const f = check(head + snippet(complete), { ai: { mode: 'review' } }).findings[0];
    assert.equal(f.severity, 'error');
    assert.match(f.message, /lacks approval: the policy requires AI-Approval/);
    assert.equal(check(head + snippet(complete.slice(0, 1)), { ai: { requiredFields: ['role', 'reviewed-by'] } }).findings[0].severity, 'warning');
  });

  it('overrides change the mode per path', () => {
    const raw: RawPolicy = { overrides: [{ paths: ['src/crypto/**'], ai: { mode: 'forbid' } }] };
    assert.deepEqual(
      check(head + snippet(complete), raw, 'src/crypto/aes.ts').findings.map((f) => f.rule),
      ['ai-forbidden'],
    );
    assert.deepEqual(
      check(head + snippet(complete), raw, 'src/app.ts').findings.map((f) => f.rule),
      [],
    );
  });
});

describe('ai-marker-malformed', () => {
  const cases: [string, RegExp][] = [
    ['AI-Assisted-By: Copilot', /should be 'agent:model'/],
    ['AI-Reviewed-By: alice', /should be 'Name <email>'/],
    ['AI-Reviewed-On: 2026-02-30', /should be a date YYYY-MM-DD/],
    ['AI-Reviewed-On: 2027-01-01', /2027-01-01 is in the future/],
    ['AI-Assisted-By: TOOL:MODEL', /still holds a placeholder/],
    ['AI-Reviewer: Alice <a@example.com>', /Unknown AI tag 'AI-Reviewer'/],
    ['AI-Approval: pending', /does not match the policy's approval pattern/],
  ];
  for (const [tag, message] of cases) {
    it(tag, () => {
      const found = check(head + snippet([tag]), { ai: { mode: 'disclose', requiredFields: [], approvalPattern: 'OSRB-[0-9]+' } }).findings.filter(
        (f) => f.rule === 'ai-marker-malformed',
      );
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.match(found[0].message, message);
    });
  }
  it('an AI tag outside a header or snippet', () => {
    // Below the header window (maxLine 10), in the middle of the code.
    const found = check(head + 'f();\n'.repeat(12) + '// AI-Generated-By: Claude Code:claude-opus-4-5\nf();\n', { ai: { requiredFields: [] } }).findings;
    assert.deepEqual(
      found.map((f) => [f.rule, f.range.start.line]),
      [['ai-marker-malformed', 14]],
    );
    assert.match(found[0].message, /outside a header or SPDX snippet/);
  });
});

describe('tools, reviewers, legacy markers, generated files, chatbot text', () => {
  it('ai-tool-denied: denied tools are errors, tools off a non-empty allow list warnings', () => {
    const raw: RawPolicy = { ai: { requiredFields: [], tools: { allow: ['GitHub Copilot', 'Claude Code'], deny: ['*free-tier*'] } } };
    assert.deepEqual(rules(head + snippet(['AI-Assisted-By: GitHub Copilot:gpt-4.1']), raw), []);
    const denied = check(head + snippet(['AI-Assisted-By: Acme free-tier bot:m1']), raw).findings;
    assert.deepEqual(
      denied.map((f) => [f.rule, f.severity]),
      [['ai-tool-denied', 'error']],
    );
    const other = check(head + snippet(['AI-Generated-By: Gemini:2.5-pro']), raw).findings;
    assert.deepEqual(
      other.map((f) => [f.rule, f.severity]),
      [['ai-tool-denied', 'warning']],
    );
  });

  it('ai-reviewer-invalid: bots and reviewers off the pattern', () => {
    const raw: RawPolicy = { ai: { requiredFields: [], reviewer: { pattern: '.+ <[^@>]+@example\\.com>', forbidBots: true } } };
    assert.deepEqual(rules(head + snippet(['AI-Reviewed-By: Alice Example <alice@example.com>']), raw), []);
    assert.match(check(head + snippet(['AI-Reviewed-By: Copilot <copilot@github.com>']), raw).findings[0].message, /is a bot/);
    assert.match(check(head + snippet(['AI-Reviewed-By: dependabot[bot] <bot@example.com>']), raw).findings[0].message, /is a bot/);
    assert.match(check(head + snippet(['AI-Reviewed-By: Claude Code <noreply@anthropic.com>']), raw).findings[0].message, /is a bot/);
    // A person who shares a name with an AI product, with their own address.
    assert.deepEqual(rules(head + snippet(['AI-Reviewed-By: Claude Dupont <claude@example.com>']), raw), []);
    assert.match(check(head + snippet(['AI-Reviewed-By: Mallory <m@evil.test>']), raw).findings[0].message, /does not match the policy's reviewer pattern/);
  });

  it('ai-generated-semantics: AI-marked code that is also marked @generated', () => {
    const text = '// @generated by protoc\n' + head + snippet(complete);
    assert.deepEqual(
      check(text).findings.map((f) => [f.rule, f.range.start.line]),
      [['ai-generated-semantics', 0]],
    );
    assert.deepEqual(check('// @generated by protoc\n' + head + 'x\n').exempt, { id: 'generated' }, 'without AI markers, generated files stay exempt');
    assert.ok(!rules('// Code generated by tool. DO NOT EDIT.\n' + head + 'x\n').length);
  });
});

describe('large files', () => {
  it('scans markers in the first 512 KiB only, and does not report a snippet whose end may lie beyond', () => {
    const filler = 'const x = 1;\n'.repeat(50000); // 650 KB
    const text = head + '// SPDX-SnippetBegin\n// SPDX-License-Identifier: MIT\n' + filler + '// SPDX-SnippetEnd\n// As an AI language model\n';
    const r = check(text);
    assert.equal(r.file!.markers.truncated, true);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(
      check(head + '// As an AI language model\n' + filler).findings.map((f) => f.rule),
      ['ai-chatbot-artifact'],
      'the start is still scanned',
    );
  });
});
