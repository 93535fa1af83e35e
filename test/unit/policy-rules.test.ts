// The policy's rules: license tiers, project license, copyright holder and year, third-party paths,
// generated files. Each case would fail if its rule were broken or removed.

import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { fixAll } from '../../server/src/engine/fixes';
import { toPolicy, RawPolicy } from '../../server/src/engine/policy/model';
import { applyEdits } from '../../server/src/engine/text';
import { fixedContext } from './helpers';

const header = (license: string, holder = '2026 Example Corp', extra = '') => `// SPDX-FileCopyrightText: ${holder}\n// SPDX-License-Identifier: ${license}\n${extra}\nexport {};\n`;
function findings(raw: RawPolicy, text: string, path = 'src/a.ts', currentYear = 2026) {
  return checkText({ path, text, currentYear }, toPolicy(raw, 'p')).findings;
}
const rules = (raw: RawPolicy, text: string, path?: string, year?: number) => findings(raw, text, path, year).map((f) => f.rule);

const tiers: RawPolicy = { licenses: { allow: ['MIT', 'Apache-2.0', 'BSD-*'], review: ['MPL-2.0', 'LGPL-*'], deny: ['GPL-*', 'AGPL-*'], reviewEvidence: 'OSRB-[0-9]+' } };

describe('license tiers', () => {
  it('allows an allowed license, and an OR with a way through the allow list', () => {
    assert.deepEqual(rules(tiers, header('MIT')), []);
    assert.deepEqual(rules(tiers, header('MIT OR GPL-3.0-only')), []);
    assert.deepEqual(rules(tiers, header('BSD-3-Clause')), [], 'wildcards expand to SPDX ids');
  });

  it('denies a denied license, an AND that needs one, and anything off the allow list', () => {
    const [f] = findings(tiers, header('GPL-3.0-only'));
    assert.equal(f.rule, 'license-denied');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /'GPL-3\.0-only' is denied by the policy \(GPL-3\.0-only\)/);
    assert.deepEqual(f.range, { start: { line: 1, character: 28 }, end: { line: 1, character: 40 } });
    assert.deepEqual(rules(tiers, header('MIT AND GPL-2.0-only')), ['license-denied']);
    assert.deepEqual(rules(tiers, header('ISC')), ['license-denied']);
  });

  it('follows spdx-satisfies ranges: GPL-2.0-or-later is satisfied by an allowed GPL-3.0-only', () => {
    assert.deepEqual(rules({ licenses: { allow: ['GPL-3.0-only'] } }, header('GPL-2.0-or-later')), []);
  });

  it('asks for review evidence for review-tier licenses, and accepts it in the header', () => {
    const [f] = findings(tiers, header('MPL-2.0'));
    assert.equal(f.rule, 'license-review');
    assert.match(f.message, /needs review evidence \(MPL-2\.0\): add a reference matching 'OSRB-\[0-9\]\+'/);
    assert.deepEqual(rules(tiers, header('MPL-2.0', '2026 Example Corp', '// Reviewed: OSRB-1234')), []);
    assert.deepEqual(rules(tiers, header('LGPL-2.1-only OR MIT')), [], 'an allowed alternative needs no review');
  });

  it('with no lists, every valid license is fine', () => {
    assert.deepEqual(rules({}, header('GPL-3.0-only')), []);
  });

  it('a LicenseRef is allowed only when listed', () => {
    assert.deepEqual(rules(tiers, header('LicenseRef-Proprietary')), ['license-denied']);
    assert.deepEqual(rules({ licenses: { allow: ['LicenseRef-Proprietary'] } }, header('LicenseRef-Proprietary')), []);
  });
});

describe('license-mismatch', () => {
  const raw: RawPolicy = { licenses: { project: 'Apache-2.0' }, files: { thirdParty: ['vendor/**'] } };
  it('flags a first-party file under another license, with a non-automatic fix', () => {
    const [f] = findings(raw, header('MIT'));
    assert.equal(f.rule, 'license-mismatch');
    assert.equal(f.fix?.kind, 'replace');
    assert.deepEqual(fixAll({ path: 'src/a.ts', text: header('MIT'), currentYear: 2026 }, toPolicy(raw, 'p'), fixedContext), [], 'fix-all never changes a license');
  });
  it('treats equivalent expressions as the same, and ignores third-party files', () => {
    assert.deepEqual(rules({ licenses: { project: 'MIT OR Apache-2.0' } }, header('Apache-2.0 OR MIT')), []);
    assert.deepEqual(rules(raw, header('MIT', '2020 Someone Else'), 'vendor/x.ts'), []);
  });
});

describe('copyright-holder', () => {
  const raw: RawPolicy = { headers: { copyright: { holder: 'Example Corp( and contributors)?' } } };
  it('accepts a holder that matches in full, with an email after it', () => {
    assert.deepEqual(rules(raw, header('MIT', '2026 Example Corp and contributors <ospo@example.com>')), []);
    assert.deepEqual(rules(raw, header('MIT', '2026 Example Corporation')), ['copyright-holder'], 'a prefix is not a full match');
  });
  it('rewrites our own notice written another way', () => {
    const text = header('MIT', '2026 example corp.');
    const [f] = findings(raw, text);
    assert.equal(f.rule, 'copyright-holder');
    const fixed = applyEdits(text, fixAll({ path: 'src/a.ts', text, currentYear: 2026 }, toPolicy(raw, 'p'), fixedContext));
    assert.match(fixed, /^\/\/ SPDX-FileCopyrightText: 2026 Example Corp\.\n/);
  });
  it('never rewrites a third party\'s notice: it offers to add ours', () => {
    const text = header('MIT', '2019 Jane Doe');
    const [f] = findings(raw, text);
    assert.equal(f.rule, 'copyright-holder');
    assert.equal(f.fix?.kind, 'insert-line');
    assert.deepEqual(fixAll({ path: 'src/a.ts', text, currentYear: 2026 }, toPolicy(raw, 'p'), fixedContext), [], 'not applied by fix-all');
  });
  it('is satisfied when one of several notices is ours', () => {
    const text = '// SPDX-FileCopyrightText: 2019 Jane Doe\n// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n';
    assert.deepEqual(rules(raw, text), []);
  });
});

describe('copyright-year', () => {
  const year = (rule: 'any' | 'current' | 'range-to-current' | 'none'): RawPolicy => ({ headers: { copyright: { year: rule, holder: 'Example Corp' } } });
  const fix = (raw: RawPolicy, text: string, currentYear: number) => applyEdits(text, fixAll({ path: 'src/a.ts', text, currentYear }, toPolicy(raw, 'p'), fixedContext));

  it('never accepts a year in the future, and fixes it', () => {
    assert.deepEqual(rules(year('any'), header('MIT', '2031 Example Corp')), ['copyright-year']);
    assert.match(fix(year('any'), header('MIT', '2031 Example Corp'), 2026), /FileCopyrightText: 2026 Example Corp/);
  });
  it('does not fail when a new year begins, unless the policy asks for current', () => {
    const text = header('MIT', '2025 Example Corp');
    assert.deepEqual(rules(year('any'), text, 'src/a.ts', 2026), []);
    assert.deepEqual(rules(year('range-to-current'), text, 'src/a.ts', 2026), []);
    assert.deepEqual(rules(year('current'), text, 'src/a.ts', 2026), ['copyright-year']);
    assert.match(fix(year('current'), text, 2026), /FileCopyrightText: 2025-2026 Example Corp/);
  });
  it('none removes the year; range-to-current turns a list into a range', () => {
    assert.match(fix(year('none'), header('MIT', '2024 Example Corp'), 2026), /FileCopyrightText: Example Corp\n/);
    assert.match(fix(year('range-to-current'), header('MIT', '2019, 2021 Example Corp'), 2026), /FileCopyrightText: 2019-2021 Example Corp/);
  });
  it('leaves a third party\'s years alone', () => {
    assert.deepEqual(rules(year('current'), '// SPDX-FileCopyrightText: 2010 Jane Doe\n// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n'), []);
  });
});

describe('third-party paths and generated files', () => {
  const raw: RawPolicy = { files: { thirdParty: ['vendor/**'] }, headers: { copyright: { holder: 'Example Corp' } }, licenses: { project: 'Apache-2.0' } };
  it('third-party-header: our header on vendored code is an error, and the fix removes it', () => {
    const text = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n/* lodash, MIT */\n';
    const [f] = findings(raw, text, 'vendor/lodash.js');
    assert.equal(f.rule, 'third-party-header');
    assert.equal(applyEdits(text, fixAll({ path: 'vendor/lodash.js', text }, toPolicy(raw, 'p'), fixedContext)), '/* lodash, MIT */\n');
  });
  it('third-party-header: deleting the last lines of a file with no final newline gives one edit, BOM kept', () => {
    const fixed = (text: string) => applyEdits(text, fixAll({ path: 'vendor/x.js', text }, toPolicy(raw, 'p'), fixedContext));
    assert.equal(fixed('/* lodash, MIT */\n// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0'), '/* lodash, MIT */');
    assert.equal(fixed('\uFEFF// SPDX-FileCopyrightText: 2026 Example Corp'), '\uFEFF');
    assert.equal(fixed('\uFEFF// SPDX-FileCopyrightText: 2026 Example Corp\r\n// SPDX-License-Identifier: Apache-2.0\r\nx\r\n'), '\uFEFFx\r\n');
  });
  it('a third-party file without license info gets no offer of our header', () => {
    const [f] = findings(raw, 'var x;\n', 'vendor/x.js');
    assert.equal(f.rule, 'header-missing');
    assert.equal(f.fix, undefined);
    assert.match(f.message, /never our header/);
  });
  it('generated files are exempt by default, checked when the policy says so', () => {
    for (const text of ['// Code generated by protoc-gen-go. DO NOT EDIT.\npackage x\n', '/* @generated */\nexport {};\n']) {
      const r = checkText({ path: 'a.go', text }, toPolicy({}, 'p'));
      assert.equal(r.exempt, 'generated file');
      assert.deepEqual(rules({ files: { generated: 'check' } }, text, 'a.go'), ['header-missing']);
    }
    assert.equal(checkText({ path: 'a.ts', text: 'x\n', generated: true }, toPolicy({}, 'p')).exempt, 'generated file');
  });
  it('files.exclude and overrides apply per path', () => {
    assert.deepEqual(rules({ files: { exclude: ['dist/**'] } }, 'x\n', 'dist/a.js'), []);
    assert.deepEqual(rules({ overrides: [{ paths: ['docs/**'], headers: { required: false } }] }, 'x\n', 'docs/a.md'), []);
    assert.deepEqual(rules({ overrides: [{ paths: ['docs/**'], severity: { 'header-missing': 'off' } }] }, 'x\n', 'src/a.ts'), ['header-missing']);
  });
});
