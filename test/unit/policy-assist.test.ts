import * as assert from 'node:assert/strict';
import { ruleIds } from '../../server/src/engine/rules';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionItem, CompletionItemTag, MarkupContent, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { policyCompletions, policyHover } from '../../server/src/lsp/policy-assist';

/** A policy document and the position of the `|` marker in `text`. */
function at(text: string) {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'the test text needs a | marker');
  const doc = TextDocument.create('file:///w/.ospo/policy.yaml', 'yaml', 1, text.slice(0, offset) + text.slice(offset + 1));
  return { doc, position: doc.positionAt(offset) };
}

function complete(text: string): { doc: TextDocument; items: CompletionItem[] } {
  const { doc, position } = at(text);
  return { doc, items: policyCompletions(doc, position) };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

function item(items: CompletionItem[], label: string): CompletionItem {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no completion ${label} among ${labels(items).slice(0, 20).join(', ')}`);
  return found;
}

/** The document text after accepting `label`. */
function accept(text: string, label: string): string {
  const { doc, items } = complete(text);
  const edit = item(items, label).textEdit as TextEdit;
  assert.ok(edit && 'range' in edit, 'completion items carry a TextEdit');
  return TextDocument.applyEdits(doc, [edit]);
}

function hoverText(text: string): string | undefined {
  const { doc, position } = at(text);
  const hover = policyHover(doc, position);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

const docOf = (i: CompletionItem) => (i.documentation as MarkupContent | undefined)?.value ?? '';

describe('policy file assist: key completion', () => {
  it('offers every top-level key in an empty policy, with descriptions and insert texts by shape', () => {
    const { items } = complete('|');
    assert.deepEqual(labels(items), [
      'version',
      'policy',
      'allowOverride',
      'extends',
      'files',
      'licenses',
      'headers',
      'ai',
      'overrides',
      'severity',
      'suppressions',
      'exceptions',
    ]);
    assert.equal((item(items, 'version').textEdit as TextEdit).newText, 'version: ');
    assert.equal((item(items, 'licenses').textEdit as TextEdit).newText, 'licenses:\n  ');
    assert.equal((item(items, 'extends').textEdit as TextEdit).newText, 'extends:\n  - ');
    assert.match(docOf(item(items, 'licenses')), /License tiers/);
    assert.equal((item(items, 'licenses').documentation as MarkupContent).kind, 'markdown');
  });

  it('does not offer keys already present in the same mapping', () => {
    const { items } = complete('version: 1\nlicenses:\n  project: MIT\n|\nai:\n  mode: allow\n');
    assert.deepEqual(labels(items), ['policy', 'allowOverride', 'extends', 'files', 'headers', 'overrides', 'severity', 'suppressions', 'exceptions']);
  });

  it('completes a half-typed nested key without a colon and replaces the typed word', () => {
    const text = 'licenses:\n  project: MIT\n  allo|\nheaders:\n  required: true\n';
    const { items } = complete(text);
    assert.deepEqual(labels(items), ['allow', 'review', 'deny', 'reviewEvidence']);
    assert.deepEqual((item(items, 'allow').textEdit as TextEdit).range, { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
    assert.equal(accept(text, 'allow'), 'licenses:\n  project: MIT\n  allow:\n    - \nheaders:\n  required: true\n');
    assert.equal(accept(text, 'reviewEvidence'), 'licenses:\n  project: MIT\n  reviewEvidence: \nheaders:\n  required: true\n');
    assert.equal(accept('licenses:\r\n  allo|\r\n', 'allow'), 'licenses:\r\n  allow:\r\n    - \r\n', 'CRLF documents get CRLF');
  });

  it('completes keys two levels deep (headers.copyright) on a blank line', () => {
    const { items } = complete('headers:\n  copyright:\n    required: true\n    |\n  maxLine: 5\n');
    assert.deepEqual(labels(items), ['holder', 'year']);
    assert.match(docOf(item(items, 'year')), /range-to-current/);
  });

  it('completes a key typed alone below its parent, with the child indentation of the document', () => {
    const text = 'headers:\n  cop|\nai: {}\n';
    assert.deepEqual(labels(complete(text).items), ['required', 'maxLine', 'copyright', 'template', 'languages']);
    assert.equal(accept(text, 'copyright'), 'headers:\n  copyright:\n    \nai: {}\n');
    // A document indented by 4 gets 4 more spaces below the new key.
    assert.equal(accept('headers:\n    required: true\n    cop|\n', 'copyright'), 'headers:\n    required: true\n    copyright:\n        \n');
  });

  it('inserts only the name when editing an existing key that already has its colon', () => {
    assert.equal(accept('ai:\n  mo|: allow\n', 'mode'), 'ai:\n  mode: allow\n');
    assert.equal(accept('ai:\n  ap|pr: x\n', 'approvalPattern'), 'ai:\n  approvalPattern: x\n');
  });

  it('offers the override keys after `- ` in overrides, and not the ones the item already has', () => {
    const first = '\noverrides:\n  - |\n';
    assert.deepEqual(labels(complete(first).items), ['paths', 'files', 'licenses', 'headers', 'ai', 'severity']);
    assert.equal(accept(first, 'paths'), '\noverrides:\n  - paths:\n      - \n');
    assert.equal(accept(first, 'ai'), '\noverrides:\n  - ai:\n      \n');
    const next = 'overrides:\n  - paths: ["src/**"]\n    ai: { mode: forbid }\n    |\n';
    assert.deepEqual(labels(complete(next).items), ['files', 'licenses', 'headers', 'severity']);
  });

  it('completes keys inside flow mappings with `key: ` and skips present ones', () => {
    const { items } = complete('ai: { mode: forbid, |}\n');
    assert.deepEqual(labels(items), ['requiredFields', 'reviewer', 'approvalPattern', 'tools', 'commitTrailers', 'disclosure']);
    assert.equal(accept('ai: { mo|\n', 'mode'), 'ai: { mode: \n');
    assert.equal(accept('extends:\n  - { so|\n', 'source'), 'extends:\n  - { source: \n');
  });

  it('offers rule ids under severity (top level and in overrides), minus those already set', () => {
    const { items } = complete('severity:\n  copyright-year: info\n  |\n');
    assert.deepEqual(
      labels(items).sort(),
      ruleIds.filter((r) => r !== 'copyright-year').sort(),
      'every rule, license-text-unused and reuse-invalid included, and nothing else',
    );
    assert.equal((item(items, 'ai-forbidden').textEdit as TextEdit).newText, 'ai-forbidden: ');
    assert.equal(item(items, 'ai-forbidden').detail, 'error | warning | info | hint | off');
    assert.ok(labels(complete('overrides:\n  - paths: [a]\n    severity:\n      header-m|\n').items).includes('header-missing'));
  });
});

describe('policy file assist: value completion', () => {
  it('offers enum values after `year: ` and `mode: ` and replaces the partial value', () => {
    assert.deepEqual(labels(complete('headers:\n  copyright:\n    year: |\n').items), ['any', 'current', 'range-to-current', 'none']);
    const text = 'ai:\n  mode: di|\n  tools: {}\n';
    assert.deepEqual(labels(complete(text).items), ['allow', 'disclose', 'review', 'forbid']);
    assert.equal(accept(text, 'disclose'), 'ai:\n  mode: disclose\n  tools: {}\n');
  });

  it('adds the missing space when the cursor is right after the colon', () => {
    assert.equal(accept('files:\n  generated:|\n', 'exempt'), 'files:\n  generated: exempt\n');
  });

  it('offers severity levels under severity.<rule>, also in an override', () => {
    const levels = ['error', 'warning', 'info', 'hint', 'off'];
    assert.deepEqual(labels(complete('severity:\n  copyright-year: |\n').items), levels);
    assert.deepEqual(labels(complete('overrides:\n  - paths: [a]\n    severity: { license-review: w| }\n').items), levels);
  });

  it('offers true and false for booleans', () => {
    assert.deepEqual(labels(complete('files:\n  respectGitignore: |\n').items), ['true', 'false']);
    assert.equal(accept('headers:\n  copyright:\n    required: f|\n', 'false'), 'headers:\n  copyright:\n    required: false\n');
  });

  it('offers the unused enum members in a list of enums', () => {
    assert.deepEqual(labels(complete('ai:\n  requiredFields: [role, |]\n').items), [
      'reviewed-by',
      'reviewed-on',
      'approval',
      'prompt-ref',
      'session',
      'code-reference',
    ]);
  });

  it('offers nothing in comments, block scalars, free-text values or past a complete value', () => {
    assert.deepEqual(complete('# a comment |\nversion: 1\n').items, []);
    assert.deepEqual(complete('headers:\n  template: |\n    SPDX-License-Identifier: |\n').items, []);
    assert.deepEqual(complete('policy:\n  title: Example |\n').items, []);
    assert.deepEqual(complete('ai:\n  mode: disclose |\n').items, []);
  });
});

describe('policy file assist: SPDX completion', () => {
  it('completes license ids in a block list, replacing the typed prefix exactly', () => {
    const text = 'licenses:\n  allow:\n    - MIT\n    - Apa|\n';
    const { items } = complete(text);
    assert.equal(item(items, 'Apache-2.0').detail, 'Apache License 2.0');
    assert.deepEqual((item(items, 'Apache-2.0').textEdit as TextEdit).range, { start: { line: 3, character: 6 }, end: { line: 3, character: 9 } });
    assert.equal(accept(text, 'Apache-2.0'), 'licenses:\n  allow:\n    - MIT\n    - Apache-2.0\n');
    assert.ok(!labels(items).includes('MIT'), 'an id already in the list is not offered again');
  });

  it('completes license ids in an unterminated and a closed flow list', () => {
    assert.equal(accept('licenses:\n  deny: [MIT, Apa|\n', 'Apache-2.0'), 'licenses:\n  deny: [MIT, Apache-2.0\n');
    assert.equal(accept('licenses:\n  review: [MIT, Apa|]\nai: {}\n', 'Apache-2.0'), 'licenses:\n  review: [MIT, Apache-2.0]\nai: {}\n');
    assert.equal(accept('licenses:\n  review: [Apa|che]\n', 'Apache-2.0'), 'licenses:\n  review: [Apache-2.0]\n');
  });

  it('starts a block list item with `- ` on a blank line below the list key', () => {
    assert.equal(accept('licenses:\n  allow:\n    |\n', 'ISC'), 'licenses:\n  allow:\n    - ISC\n');
    assert.equal(accept('licenses:\n  allow:\n    -|\n', 'ISC'), 'licenses:\n  allow:\n    - ISC\n');
  });

  it('marks deprecated ids, sorts them last and names their successor; shows OSI approval', () => {
    const { items } = complete('licenses:\n  deny:\n    - GPL|\n');
    const deprecated = item(items, 'GPL-2.0');
    assert.deepEqual(deprecated.tags, [CompletionItemTag.Deprecated]);
    assert.match(docOf(deprecated), /use `GPL-2\.0-only`/);
    const current = items.filter((i) => !i.tags);
    const last = current
      .map((i) => i.sortText!)
      .sort()
      .pop()!;
    for (const i of items.filter((i) => i.tags)) assert.ok(i.sortText! > last, `${i.label} sorts after every current id`);
    assert.equal(item(items, 'GPL-3.0-only').tags, undefined);
    assert.match(docOf(item(items, 'MIT')), /OSI approved: yes/);
    assert.match(docOf(item(items, 'BUSL-1.1')), /OSI approved: no/);
  });

  it('completes ids, operators and exceptions in licenses.project, also in an override', () => {
    assert.equal(accept('licenses:\n  project: MIT OR Apa|\n', 'Apache-2.0'), 'licenses:\n  project: MIT OR Apache-2.0\n');
    assert.deepEqual(labels(complete('licenses:\n  project: MIT |\n').items), ['AND', 'OR', 'WITH']);
    assert.ok(labels(complete('licenses:\n  project: Apache-2.0 WITH LL|\n').items).includes('LLVM-exception'));
    assert.equal(
      accept('overrides:\n  - paths: [docs/**]\n    licenses: { project: CC-BY-4| }\n', 'CC-BY-4.0'),
      'overrides:\n  - paths: [docs/**]\n    licenses: { project: CC-BY-4.0 }\n',
    );
    assert.equal(accept('licenses:\n  project:|\n', 'MIT'), 'licenses:\n  project: MIT\n');
  });

  it('does not offer license ids in other lists', () => {
    const { items } = complete('files:\n  exclude:\n    - Apa|\n');
    assert.deepEqual(items, []);
  });
});

describe('policy file assist: hover', () => {
  it("shows a key's description under its dotted path, over the key's range", () => {
    const { doc, position } = at('headers:\n  copyright:\n    y|ear: any\n');
    const hover = policyHover(doc, position)!;
    const value = (hover.contents as MarkupContent).value;
    assert.ok(value.startsWith('**headers.copyright.year**'));
    assert.match(value, /`range-to-current`: one year or a range/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } });
    assert.match(hoverText('overrides:\n  - paths: [x]\n    a|i: { mode: forbid }\n')!, /^\*\*overrides\[0\]\.ai\*\*\n\nAI-generated code disclosure/);
    assert.match(hoverText('severity:\n  copyright-ye|ar: info\n')!, /Severity per rule id/);
  });

  it('shows name, OSI approval and a link for an SPDX id in a list', () => {
    const { doc, position } = at('licenses:\n  allow: [MIT, Apa|che-2.0]\n');
    const hover = policyHover(doc, position)!;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Apache License 2\.0/);
    assert.match(value, /OSI approved: yes/);
    assert.match(value, /https:\/\/spdx\.org\/licenses\/Apache-2\.0\.html/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 25 } });
    assert.match(hoverText('licenses:\n  deny:\n    - BUSL|-1.1\n')!, /OSI approved: no/);
  });

  it("finds the id under the cursor inside an expression and names a deprecated id's successor", () => {
    const { doc, position } = at('licenses:\n  project: MIT OR Apa|che-2.0\n');
    const hover = policyHover(doc, position)!;
    assert.match((hover.contents as MarkupContent).value, /Apache License 2\.0/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 18 }, end: { line: 1, character: 28 } });
    assert.match(hoverText('licenses:\n  project: M|IT OR Apache-2.0\n')!, /MIT License/);
    assert.equal(hoverText('licenses:\n  project: MIT O|R Apache-2.0\n'), undefined);
    const deprecated = hoverText('licenses:\n  deny: [GPL-2.|0]\n')!;
    assert.match(deprecated, /Deprecated by SPDX: use `GPL-2\.0-only`/);
    assert.match(hoverText('licenses:\n  project: "Apache-2.0 WITH LLVM-exc|eption"\n')!, /license exception/);
  });

  it('returns null elsewhere', () => {
    assert.equal(hoverText('ai:\n  mode: dis|close\n'), undefined);
    assert.equal(hoverText('unknownKey|: 1\n'), undefined);
    assert.equal(hoverText('# comm|ent\nversion: 1\n'), undefined);
    assert.equal(hoverText('files:\n  exclude: [Apa|che-2.0]\n'), undefined);
    assert.equal(hoverText('licenses:\n  allow: [NotAL|icense]\n'), undefined);
    assert.equal(hoverText('|'), undefined);
  });
});

describe('policy file assist: robustness', () => {
  it('never throws, at every position of a full policy, of broken documents and of the policy fixtures', function () {
    this.timeout(30000);
    const samples = [
      fullPolicy,
      'licenses:\n  allow: [MIT, {a: [\n  deny: "unterminated\n\t- x\n: :\n- - -\n',
      '---\n...\n---\nkey: &a [*a, *b]\n? complex\n: value\n',
      '%YAML 9.9\n!!binary |\n  ????\n',
      'licenses: { project: "MIT OR (" }\noverrides: [[[]]]\nseverity: [1, 2]\n',
      '\r\nlicenses:\r\n  allow:\r\n    - MI\r\n',
    ];
    const walk = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const fixtures = walk(path.join(__dirname, '../../../test/unit/fixtures/policies')).map((f) => fs.readFileSync(f, 'utf8'));
    assert.ok(fixtures.length > 20);
    // Every position of the hand-made broken documents; a sample of the positions of the rest (a parse takes about a millisecond).
    for (const text of [...samples, ...fixtures]) {
      const doc = TextDocument.create('file:///w/.ospo/policy.yaml', 'yaml', 1, text);
      const step = text === fullPolicy ? 7 : samples.includes(text) ? 1 : 4;
      for (let offset = 0; offset <= text.length; offset += step) {
        const position = doc.positionAt(offset);
        assert.ok(Array.isArray(policyCompletions(doc, position)));
        policyHover(doc, position);
      }
      assert.ok(Array.isArray(policyCompletions(doc, { line: 9999, character: 9999 })));
      assert.equal(policyHover(doc, { line: 9999, character: 9999 }), null);
    }
  });

  it('gives completions and hovers all through a full policy', () => {
    const lines = fullPolicy.split('\n');
    const line = lines.findIndex((l) => l.includes('copyright-year'));
    const doc = TextDocument.create('file:///w/.ospo/policy.yaml', 'yaml', 1, fullPolicy);
    const hover = policyHover(doc, { line, character: 4 })!;
    assert.match((hover.contents as MarkupContent).value, /^\*\*severity\.copyright-year\*\*/);
    const allowLine = lines.findIndex((l) => l.includes('allow: [Apache-2.0'));
    assert.match((policyHover(doc, { line: allowLine, character: lines[allowLine].indexOf('BSD-2') + 2 })!.contents as MarkupContent).value, /BSD 2-Clause/);
    // A new top-level key at the end: only the keys the policy lacks.
    const end = TextDocument.create('file:///w/.ospo/policy.yaml', 'yaml', 1, fullPolicy + '\n');
    assert.deepEqual(labels(policyCompletions(end, end.positionAt(fullPolicy.length + 1))), ['allowOverride', 'suppressions', 'exceptions']);
  });
});

// An example like the one in docs/design/policy.md.
const fullPolicy = `version: 1
policy:                     # shown in hovers and reports
  id: example-corp/source-policy
  title: Example Corp open source policy
  url: https://ospo.example.com/policy
  contact: ospo@example.com

extends:
  - ../org-policy/base.yaml
  - { source: https://ospo.example.com/base-v3.yaml, sha256: "<hex>" }

files:
  include: ["**/*"]
  exclude: ["dist/**", "**/*.min.js"]
  respectGitignore: true
  thirdParty: ["third_party/**", "vendor/**"]
  generated: exempt

licenses:
  project: Apache-2.0
  allow: [Apache-2.0, MIT, BSD-2-Clause, BSD-3-Clause, ISC, 0BSD, CC0-1.0]
  review: [MPL-2.0, "LGPL-*"]
  deny: ["GPL-*", "AGPL-*", SSPL-1.0, BUSL-1.1]
  reviewEvidence: "OSRB-[0-9]+"

headers:
  required: true
  maxLine: 10
  copyright:
    required: true
    holder: "Example Corp( and contributors)?"
    year: any
  template: |
    SPDX-FileCopyrightText: {year} {holder}
    SPDX-License-Identifier: {license}
  languages:
    ".foo": { line: "--" }
    ".bar": { start: "(*", middle: " *", end: "*)" }

ai:
  mode: disclose
  requiredFields: [role, reviewed-by, reviewed-on]
  reviewer: { pattern: ".+ <[^@>]+@example\\.com>", forbidBots: true }
  approvalPattern: "OSRB-[0-9]+"
  tools:
    allow: ["GitHub Copilot", "Claude Code"]
    deny: ["*free-tier*"]
  commitTrailers: [Assisted-by, Generated-by]

overrides:
  - paths: ["src/crypto/**"]
    ai: { mode: forbid }
  - paths: ["docs/**"]
    licenses: { project: CC-BY-4.0 }

severity:
  copyright-year: info
`;
