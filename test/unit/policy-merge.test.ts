// One case per merge rule of docs/design/policy.md: a policy that extends a base tightens it and never loosens it,
// unless the base says allowOverride.

import * as assert from 'node:assert/strict';
import { mergePolicies } from '../../server/src/engine/policy/merge';
import type { RawPolicy } from '../../server/src/engine/policy/model';
import { policyForPath } from '../../server/src/engine/policy/overrides';
import { toPolicy } from '../../server/src/engine/policy/model';
import { licenseTier } from '../../server/src/engine/license-tiers';

/** The tier of each id under the merged policy, with the loosening warnings by YAML path. */
function tiers(base: RawPolicy, repo: RawPolicy, ids: string[]) {
  const warnings: string[] = [];
  const merged = toPolicy(
    mergePolicies(base, repo, (path) => warnings.push(path.join('.'))),
    'p',
  );
  return { tiers: ids.map((id) => licenseTier(id, merged.licenses).tier), warnings };
}

interface Case {
  rule: string;
  base: RawPolicy;
  repo: RawPolicy;
  expect: (m: RawPolicy) => unknown;
  equals: unknown;
}

const cases: Case[] = [
  {
    rule: 'deny is the union',
    base: { licenses: { deny: ['GPL-*'] } },
    repo: { licenses: { deny: ['SSPL-1.0'] } },
    expect: (m) => m.licenses?.deny,
    equals: ['GPL-*', 'SSPL-1.0'],
  },
  {
    rule: 'allow is the intersection',
    base: { licenses: { allow: ['MIT', 'ISC', 'Apache-2.0'] } },
    repo: { licenses: { allow: ['MIT', 'GPL-3.0-only'] } },
    expect: (m) => m.licenses?.allow,
    equals: ['MIT'],
  },
  {
    rule: 'an absent allow list does not widen the other',
    base: { licenses: { allow: ['MIT'] } },
    repo: { licenses: {} },
    expect: (m) => m.licenses?.allow,
    equals: ['MIT'],
  },
  {
    rule: 'review is the union',
    base: { licenses: { review: ['MPL-2.0'] } },
    repo: { licenses: { review: ['LGPL-*'] } },
    expect: (m) => m.licenses?.review,
    equals: ['MPL-2.0', 'LGPL-*'],
  },
  {
    rule: 'ai mode: the stricter (repo stricter)',
    base: { ai: { mode: 'disclose' } },
    repo: { ai: { mode: 'forbid' } },
    expect: (m) => m.ai?.mode,
    equals: 'forbid',
  },
  {
    rule: 'ai mode: the stricter (repo looser)',
    base: { ai: { mode: 'review' } },
    repo: { ai: { mode: 'allow' } },
    expect: (m) => m.ai?.mode,
    equals: 'review',
  },
  {
    rule: 'severity: the higher of the two',
    base: { severity: { 'copyright-year': 'warning', 'spdx-deprecated': 'info' } },
    repo: { severity: { 'copyright-year': 'off', 'spdx-deprecated': 'error' } },
    expect: (m) => m.severity,
    equals: { 'copyright-year': 'warning', 'spdx-deprecated': 'error' },
  },
  {
    rule: 'headers.required cannot be switched off',
    base: { headers: { required: true } },
    repo: { headers: { required: false } },
    expect: (m) => m.headers?.required,
    equals: true,
  },
  { rule: 'maxLine: the smaller', base: { headers: { maxLine: 10 } }, repo: { headers: { maxLine: 40 } }, expect: (m) => m.headers?.maxLine, equals: 10 },
  {
    rule: "the holder is the base's",
    base: { headers: { copyright: { holder: 'Example Corp' } } },
    repo: { headers: { copyright: { holder: '.*' } } },
    expect: (m) => m.headers?.copyright?.holder,
    equals: 'Example Corp',
  },
  {
    rule: 'year rule: the stricter',
    base: { headers: { copyright: { year: 'range-to-current' } } },
    repo: { headers: { copyright: { year: 'any' } } },
    expect: (m) => m.headers?.copyright?.year,
    equals: 'range-to-current',
  },
  {
    rule: "the project license is the repo's",
    base: { licenses: { project: 'Apache-2.0' } },
    repo: { licenses: { project: 'MIT' } },
    expect: (m) => m.licenses?.project,
    equals: 'MIT',
  },
  {
    rule: 'required AI fields: union',
    base: { ai: { requiredFields: ['role'] } },
    repo: { ai: { requiredFields: ['reviewed-by'] } },
    expect: (m) => m.ai?.requiredFields,
    equals: ['role', 'reviewed-by'],
  },
  {
    rule: 'AI tools: allow intersected, deny united',
    base: { ai: { tools: { allow: ['A', 'B'], deny: ['X'] } } },
    repo: { ai: { tools: { allow: ['B', 'C'], deny: ['Y'] } } },
    expect: (m) => m.ai?.tools,
    equals: { allow: ['B'], deny: ['X', 'Y'] },
  },
  {
    rule: 'thirdParty globs: union',
    base: { files: { thirdParty: ['vendor/**'] } },
    repo: { files: { thirdParty: ['third_party/**'] } },
    expect: (m) => m.files?.thirdParty,
    equals: ['vendor/**', 'third_party/**'],
  },
  {
    rule: 'allowOverride lets the repo loosen',
    base: { allowOverride: true, licenses: { deny: ['GPL-*'], allow: ['MIT'] }, ai: { mode: 'forbid' } },
    repo: { licenses: { deny: [], allow: ['MIT', 'GPL-3.0-only'] }, ai: { mode: 'allow' } },
    expect: (m) => [m.licenses?.deny, m.licenses?.allow, m.ai?.mode],
    equals: [[], ['MIT', 'GPL-3.0-only'], 'allow'],
  },
];

describe('policy merging (extends)', () => {
  for (const c of cases) {
    it(c.rule, () => assert.deepEqual(c.expect(mergePolicies(c.base, c.repo)), c.equals));
  }

  it('a license keeps the stricter of its two tiers, and an allow entry that loosens the base is located', () => {
    assert.deepEqual(tiers({ licenses: { review: ['MPL-2.0'] } }, { licenses: { allow: ['MIT', 'MPL-2.0'] } }, ['MIT', 'MPL-2.0', 'ISC']), {
      tiers: ['allowed', 'review', 'denied'],
      warnings: ['licenses.allow.1'],
    });
    assert.deepEqual(
      tiers({ licenses: { review: ['LGPL-*'], deny: ['GPL-*'] } }, { licenses: { allow: ['LGPL-2.1-only', 'GPL-3.0-only'] } }, [
        'LGPL-2.1-only',
        'GPL-3.0-only',
      ]),
      { tiers: ['review', 'denied'], warnings: ['licenses.allow.0', 'licenses.allow.1'] },
    );
    // The repo's review tier tightens a license the base allows.
    assert.deepEqual(tiers({ licenses: { allow: ['MIT', 'ISC'] } }, { licenses: { review: ['MIT'] } }, ['MIT', 'ISC']), {
      tiers: ['review', 'allowed'],
      warnings: [],
    });
  });

  it('allow lists with nothing in common allow nothing (an empty list would mean "no limit")', () => {
    assert.deepEqual(tiers({ licenses: { allow: ['MIT'], review: ['MPL-2.0'] } }, { licenses: { allow: ['MPL-2.0'] } }, ['MIT', 'MPL-2.0', 'BSD-3-Clause']), {
      tiers: ['denied', 'review', 'denied'],
      warnings: ['licenses.allow.0'],
    });
    assert.deepEqual(tiers({ licenses: { allow: ['MIT'] } }, { licenses: { allow: ['ISC'] } }, ['MIT', 'ISC', '0BSD']).tiers, ['denied', 'denied', 'denied']);
  });

  it('allow globs are intersected by the ids they name', () => {
    assert.deepEqual(tiers({ licenses: { allow: ['BSD-*'] } }, { licenses: { allow: ['BSD-3-Clause', 'MIT'] } }, ['BSD-3-Clause', 'BSD-2-Clause', 'MIT']), {
      tiers: ['allowed', 'denied', 'denied'],
      warnings: ['licenses.allow.1'],
    });
    const narrowed = tiers({ licenses: { allow: ['MIT', 'BSD-3-Clause'] } }, { licenses: { allow: ['BSD-*'] } }, ['BSD-3-Clause', 'BSD-2-Clause', 'MIT']);
    assert.deepEqual(narrowed.tiers, ['allowed', 'denied', 'denied']);
  });

  it('a repo override that allows a base review license is located in the override', () => {
    const warnings: string[] = [];
    const merged = toPolicy(
      mergePolicies({ licenses: { review: ['MPL-2.0'] } }, { overrides: [{ paths: ['vendor/**'], licenses: { allow: ['MPL-2.0'] } }] }, (path) =>
        warnings.push(path.join('.')),
      ),
      'p',
    );
    assert.equal(licenseTier('MPL-2.0', policyForPath(merged, 'vendor/a.c').licenses).tier, 'review');
    assert.deepEqual(warnings, ['overrides.0.licenses.allow.0']);
  });

  it('a repo override cannot loosen the base either', () => {
    const merged = mergePolicies(
      { ai: { mode: 'review' }, licenses: { deny: ['GPL-*'] } },
      { overrides: [{ paths: ['docs/**'], ai: { mode: 'allow' }, licenses: { project: 'CC-BY-4.0' } }] },
    );
    const policy = toPolicy(merged, 'p');
    const docs = policyForPath(policy, 'docs/a.md');
    assert.equal(docs.ai.mode, 'review');
    assert.equal(docs.licenses.project, 'CC-BY-4.0');
    assert.deepEqual(docs.licenses.deny, ['GPL-*']);
  });
});

describe('overrides', () => {
  it('first match wins, and other paths keep the top-level policy', () => {
    const policy = toPolicy(
      {
        ai: { mode: 'disclose' },
        overrides: [
          { paths: ['src/crypto/**'], ai: { mode: 'forbid' } },
          { paths: ['src/**'], ai: { mode: 'review' } },
          { paths: ['docs/**'], licenses: { project: 'CC-BY-4.0' } },
        ],
      },
      'p',
    );
    assert.equal(policyForPath(policy, 'src/crypto/aes.ts').ai.mode, 'forbid');
    assert.equal(policyForPath(policy, 'src/app.ts').ai.mode, 'review');
    assert.equal(policyForPath(policy, 'docs/guide.md').licenses.project, 'CC-BY-4.0');
    assert.equal(policyForPath(policy, 'test/a.ts').ai.mode, 'disclose');
    assert.equal(policyForPath(policy, 'src/app.ts'), policyForPath(policy, 'src/other.ts'), 'cached per override');
  });
});
