import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/engine/check';
import { severityRank } from '../../server/src/engine/findings';
import { defaultSeverity, ruleIds } from '../../server/src/engine/rules';
import { toPolicy, type Policy } from '../../server/src/engine/policy/model';
import { parsePolicy } from '../../server/src/engine/policy/parse';
import { starterPolicy, templateNames, type TemplateName } from '../../server/src/engine/policy/templates';

const repo = path.resolve(__dirname, '../../..');

function load(name: TemplateName): Policy {
  const parsed = parsePolicy(starterPolicy(name, { holder: 'Example Corp', year: 2026 }));
  assert.deepEqual(parsed.problems, [], `${name}: ${parsed.problems.map((p) => `${p.line + 1}: ${p.message}`).join('; ')}`);
  assert.ok(parsed.raw, name);
  return toPolicy(parsed.raw, `${name} starter`);
}

describe('starter policies', () => {
  for (const name of templateNames) {
    it(`${name}: parses with no problems`, () => {
      const parsed = parsePolicy(starterPolicy(name));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.extends, [], 'the extends example stays commented out');
    });

    it(`${name}: starts with its own SPDX header and does not flag itself`, () => {
      const text = starterPolicy(name, { holder: 'Example Corp', year: 2026 });
      assert.equal(text.split('\n').slice(0, 2).join('\n'), '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: CC0-1.0');
      const result = checkText({ path: '.ospo/policy.yaml', text, currentYear: 2026 }, load(name));
      assert.equal(result.exempt, undefined, 'checked, not exempt (no generated-code banner in the comments)');
      assert.deepEqual(
        result.findings.map((f) => `${f.rule}: ${f.message}`),
        [],
      );
    });
  }

  it('apache: an Apache-2.0 project, permissive licenses allowed, copyleft denied, header required', () => {
    const p = load('apache');
    assert.equal(p.licenses.project, 'Apache-2.0');
    for (const id of ['Apache-2.0', 'MIT', 'BSD-3-Clause', 'ISC', 'CC0-1.0']) assert.ok(p.licenses.allow.includes(id), id);
    for (const id of ['GPL-*', 'AGPL-*']) assert.ok(p.licenses.deny.includes(id), id);
    assert.equal(p.headers.required, true);
    assert.equal(p.headers.copyright.required, true);
    assert.equal(p.ai.mode, 'disclose');
  });

  it('mit: the same tiers with an MIT project', () => {
    const mit = load('mit');
    const apache = load('apache');
    assert.equal(mit.licenses.project, 'MIT');
    assert.deepEqual([mit.licenses.allow, mit.licenses.deny], [apache.licenses.allow, apache.licenses.deny]);
    assert.equal(mit.headers.required, true);
  });

  it('reuse-strict: REUSE header rules, years up to date, nothing below warning', () => {
    const p = load('reuse-strict');
    assert.equal(p.headers.required, true);
    assert.equal(p.headers.maxLine, 5);
    assert.equal(p.headers.copyright.required, true);
    assert.equal(p.headers.copyright.year, 'range-to-current');
    assert.equal(p.files.generated, 'check');
    assert.equal(p.licenses.project, undefined, 'the project license comes from LICENSES/');
    for (const rule of ruleIds) {
      const severity = p.severity[rule] ?? defaultSeverity[rule];
      assert.ok(severity !== 'off' && severityRank[severity] >= severityRank.warning, `${rule} is ${severity}`);
    }
  });

  it('ai-disclose: disclosure with a reviewer and a date, and commit trailers', () => {
    const p = load('ai-disclose');
    assert.equal(p.ai.mode, 'disclose');
    assert.deepEqual(p.ai.requiredFields, ['role', 'reviewed-by', 'reviewed-on']);
    assert.deepEqual(p.ai.commitTrailers, ['Assisted-by', 'Generated-by']);
    assert.equal(p.ai.reviewer.forbidBots, true);
  });

  it('ai-forbid: no AI code', () => {
    const p = load('ai-forbid');
    assert.equal(p.ai.mode, 'forbid');
    assert.equal(p.headers.required, true);
  });

  it('the policy file itself is CC0-1.0 even where the project license differs', () => {
    const p = load('apache');
    assert.equal(
      checkText({ path: '.ospo/policy.yaml', text: '# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: CC0-1.0\n' }, p).findings.length,
      0,
    );
    const elsewhere = checkText({ path: 'src/a.py', text: '# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: CC0-1.0\n' }, p);
    assert.deepEqual(
      elsewhere.findings.map((f) => f.rule),
      ['license-mismatch'],
    );
  });

  it('puts the holder on one line, and falls back to "The authors"', () => {
    assert.match(starterPolicy('mit', { holder: ' Ada\n Lovelace ', year: 2025 }), /^# SPDX-FileCopyrightText: 2025 Ada Lovelace\n/);
    assert.match(starterPolicy('mit', { holder: '' }), new RegExp(`^# SPDX-FileCopyrightText: ${new Date().getFullYear()} The authors\n`));
  });

  it('refuses an unknown name', () => {
    assert.throws(() => starterPolicy('gpl' as TemplateName), /Unknown policy template 'gpl'/);
  });

  it('the client offers exactly these templates', () => {
    // The client does not bundle the engine, so it keeps its own list of templates for the QuickPick.
    const source = fs.readFileSync(path.join(repo, 'client/src/commands.ts'), 'utf8');
    assert.deepEqual(
      [...source.matchAll(/\{\s*template: '([\w-]+)'/g)].map((m) => m[1]),
      [...templateNames],
    );
  });
});
