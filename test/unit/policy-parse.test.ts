import * as assert from 'node:assert/strict';
import { parsePolicy } from '../../server/src/engine/policy/parse';
import { toPolicy } from '../../server/src/engine/policy/model';
import { ruleIds } from '../../server/src/engine/rules';

describe('policy parsing', () => {
  it('reads a full example like the one in docs/design/policy.md without problems', () => {
    const text = [
      'version: 1',
      'policy:',
      '  id: example-corp/source-policy',
      '  title: Example Corp open source policy',
      'extends:',
      '  - ../org-policy/base.yaml',
      '  - { source: https://ospo.example.com/base-v3.yaml, sha256: "' + 'a'.repeat(64) + '" }',
      'files:',
      '  include: ["**/*"]',
      '  exclude: ["dist/**", "**/*.min.js"]',
      '  respectGitignore: true',
      '  thirdParty: ["third_party/**", "vendor/**"]',
      '  generated: exempt',
      'licenses:',
      '  project: Apache-2.0',
      '  allow: [Apache-2.0, MIT, BSD-2-Clause, BSD-3-Clause, ISC, 0BSD, CC0-1.0]',
      '  review: [MPL-2.0, "LGPL-*"]',
      '  deny: ["GPL-*", "AGPL-*", SSPL-1.0, BUSL-1.1]',
      '  reviewEvidence: "OSRB-[0-9]+"',
      'headers:',
      '  required: true',
      '  maxLine: 10',
      '  copyright:',
      '    required: true',
      '    holder: "Example Corp( and contributors)?"',
      '    year: any',
      '  template: |',
      '    SPDX-FileCopyrightText: {year} {holder}',
      '    SPDX-License-Identifier: {license}',
      '  languages:',
      '    ".foo": { line: "--" }',
      '    ".bar": { start: "(*", middle: " *", end: "*)" }',
      'ai:',
      '  mode: disclose',
      '  requiredFields: [role, reviewed-by, reviewed-on]',
      '  reviewer: { pattern: ".+ <[^@>]+@example\\\\.com>", forbidBots: true }',
      '  approvalPattern: "OSRB-[0-9]+"',
      '  tools:',
      '    allow: ["GitHub Copilot", "Claude Code"]',
      '    deny: ["*free-tier*"]',
      '  commitTrailers: [Assisted-by, Generated-by]',
      'overrides:',
      '  - paths: ["src/crypto/**"]',
      '    ai: { mode: forbid }',
      '  - paths: ["docs/**"]',
      '    licenses: { project: CC-BY-4.0 }',
      'severity:',
      '  copyright-year: info',
    ].join('\n');
    const parsed = parsePolicy(text);
    assert.deepEqual(parsed.problems, []);
    assert.ok(parsed.raw);
    assert.deepEqual(
      parsed.extends.map((e) => [e.source, e.at.line]),
      [
        ['../org-policy/base.yaml', 5],
        ['https://ospo.example.com/base-v3.yaml', 6],
      ],
    );
    const policy = toPolicy(parsed.raw, 'p.yaml');
    assert.equal(policy.licenses.project, 'Apache-2.0');
    assert.equal(policy.headers.languages['.bar'].end, '*)');
    assert.equal(policy.ai.mode, 'disclose');
    assert.equal(policy.overrides.length, 2);
  });

  it('an empty file is the default policy', () => {
    const parsed = parsePolicy('# nothing yet\n');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(toPolicy(parsed.raw!, 'p').headers.maxLine, undefined);
  });

  it('warns about unknown keys with a suggestion, and keeps the policy', () => {
    const parsed = parsePolicy('version: 1\nheadrs: {}\n');
    assert.ok(parsed.raw);
    assert.deepEqual(
      parsed.problems.map((p) => [p.severity, p.line, p.character, p.message]),
      [['warning', 1, 0, "Unknown key 'headrs' in the policy: did you mean 'headers'?"]],
    );
  });

  it('refuses huge files and alias bombs', () => {
    assert.match(parsePolicy('# x\n'.repeat(100000)).problems[0].message, /larger than 256 KiB/);
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    ].join('\n');
    const parsed = parsePolicy(bomb);
    assert.equal(parsed.raw, undefined);
    assert.match(parsed.problems[0].message, /cannot be read|alias/i);
  });

  it('a half-typed overrides list is a located problem, not a crash', () => {
    for (const text of ['version: 1\noverrides:\n  p\n', 'version: 1\noverrides: 3\n', 'version: 1\noverrides:\n  - p\n']) {
      const r = parsePolicy(text);
      assert.ok(r.problems.length > 0, text);
      assert.ok(
        r.problems.some((p) => p.line >= 1),
        text,
      );
    }
  });
});

describe('the policy schema and the rules', () => {
  it("the severity table's keys are exactly the rule ids, so every rule can be set and no other name can", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const schema = require('../../../server/src/engine/policy/policy.schema.json') as { definitions: { severityTable: { propertyNames: { enum: string[] } } } };
    assert.deepEqual([...schema.definitions.severityTable.propertyNames.enum].sort(), [...ruleIds].sort());
  });

  it('accepts a severity for every rule, license-text-unused and reuse-invalid included', () => {
    const parsed = parsePolicy('version: 1\nseverity:\n  license-text-unused: "off"\n  reuse-invalid: info\n  header-misplaced: warning\n');
    assert.deepEqual(
      parsed.problems.filter((p) => p.severity === 'error'),
      [],
    );
    assert.deepEqual(toPolicy(parsed.raw!, 'p').severity, { 'license-text-unused': 'off', 'reuse-invalid': 'info', 'header-misplaced': 'warning' });
  });
});
