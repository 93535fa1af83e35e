// The policy's rules: license tiers, third-party paths, generated files, files.include/exclude and overrides.
// Each case would fail if its rule were broken or removed. license-mismatch, copyright-holder, copyright-year and third-party-header: rules.test.ts.

import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { toPolicy, RawPolicy } from '../../server/src/engine/policy/model';

const header = (license: string, holder = '2026 Example Corp', extra = '') =>
  `// SPDX-FileCopyrightText: ${holder}\n// SPDX-License-Identifier: ${license}\n${extra}\nexport {};\n`;
function findings(raw: RawPolicy, text: string, path = 'src/a.ts', currentYear = 2026) {
  return checkText({ path, text, currentYear }, toPolicy(raw, 'p')).findings;
}
const rules = (raw: RawPolicy, text: string, path?: string, year?: number) => findings(raw, text, path, year).map((f) => f.rule);

const tiers: RawPolicy = {
  licenses: { allow: ['MIT', 'Apache-2.0', 'BSD-*'], review: ['MPL-2.0', 'LGPL-*'], deny: ['GPL-*', 'AGPL-*'], reviewEvidence: 'OSRB-[0-9]+' },
};

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

  it('a single denied id wins over the ranges and old names that contain it', () => {
    const denied = (raw: RawPolicy, id: string) => rules(raw, header(id)).includes('license-denied');
    // No allow list: every license but GPL-3.0-only; GPL-3.0-or-later and the deprecated GPL-3.0 must not let it back in.
    const denyOne: RawPolicy = { licenses: { deny: ['GPL-3.0-only'] } };
    for (const id of ['GPL-3.0-only', 'GPL-3.0', 'GPL-3.0+', 'GPL-3.0-or-later']) assert.ok(denied(denyOne, id), id);
    for (const id of ['GPL-2.0-or-later', 'GPL-2.0-only', 'MIT OR GPL-3.0-only']) assert.ok(!denied(denyOne, id), id);
    // An allowed range admits the licenses in it, less the denied one.
    const range: RawPolicy = { licenses: { allow: ['GPL-2.0-or-later'], deny: ['GPL-3.0-only'] } };
    assert.ok(denied(range, 'GPL-3.0-only'));
    for (const id of ['GPL-2.0-or-later', 'GPL-2.0-only', 'GPL-2.0+']) assert.ok(!denied(range, id), id);
  });

  it('an exception is judged by the license it is added to', () => {
    const denied = (raw: RawPolicy, e: string) => rules(raw, header(e)).includes('license-denied');
    assert.ok(!denied({ licenses: { allow: ['Apache-2.0'] } }, 'Apache-2.0 WITH LLVM-exception'));
    assert.ok(!denied({ licenses: { deny: ['GPL-3.0-only'] } }, 'GPL-2.0-only WITH Linux-syscall-note'));
    assert.ok(!denied({ licenses: { allow: ['GPL-2.0-only'] } }, '(GPL-2.0-only WITH Linux-syscall-note) OR MIT'));
    assert.ok(denied({ licenses: { deny: ['GPL-3.0-only'] } }, 'GPL-3.0-only WITH GCC-exception-3.1'), 'nor does it lift a denial');
    assert.deepEqual(rules(tiers, header('LGPL-2.1-only WITH OCaml-LGPL-linking-exception')), ['license-review']);
  });

  it('reads operators and ids in any case, and a range spdx-satisfies does not know, as REUSE does', () => {
    const denied = (raw: RawPolicy, e: string) => rules(raw, header(e)).includes('license-denied');
    const policy: RawPolicy = { licenses: { deny: ['GPL-3.0-only', 'AGPL-*'] } };
    // The kernel writes these; other rules report the case.
    for (const e of ['GPL-2.0 or BSD-3-Clause', '(GPL-2.0+ or MIT)', 'gpl-2.0-only', 'GFDL-1.1-no-invariants-or-later']) assert.ok(!denied(policy, e), e);
    for (const e of ['BSD-3-Clause and GPL-3.0-only', '(MIT or GPL-2.0-or-later) and GPL-3.0-only']) assert.ok(denied(policy, e), e);
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

describe('third-party paths and generated files', () => {
  const raw: RawPolicy = { files: { thirdParty: ['vendor/**'] }, headers: { copyright: { holder: 'Example Corp' } }, licenses: { project: 'Apache-2.0' } };
  it('a third-party file without license info gets no offer of our header', () => {
    const [f] = findings(raw, 'var x;\n', 'vendor/x.js');
    assert.equal(f.rule, 'header-missing');
    assert.equal(f.fix, undefined);
    assert.match(f.message, /never our header/);
  });
  it('generated files are exempt by default, checked when the policy says so', () => {
    for (const text of ['// Code generated by protoc-gen-go. DO NOT EDIT.\npackage x\n', '/* @generated */\nexport {};\n']) {
      const r = checkText({ path: 'a.go', text }, toPolicy({}, 'p'));
      assert.deepEqual(r.exempt, { id: 'generated' });
      assert.deepEqual(rules({ files: { generated: 'check' } }, text, 'a.go'), ['header-missing']);
    }
    assert.deepEqual(checkText({ path: 'a.ts', text: 'x\n', generated: true }, toPolicy({}, 'p')).exempt, { id: 'generated' });
  });
  it('files.exclude and overrides apply per path', () => {
    assert.deepEqual(rules({ files: { exclude: ['dist/**'] } }, 'x\n', 'dist/a.js'), []);
    assert.deepEqual(rules({ overrides: [{ paths: ['docs/**'], headers: { required: false } }] }, 'x\n', 'docs/a.md'), []);
    assert.deepEqual(rules({ overrides: [{ paths: ['docs/**'], severity: { 'header-missing': 'off' } }] }, 'x\n', 'src/a.ts'), ['header-missing']);
  });
});
