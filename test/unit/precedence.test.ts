// One finding per problem (engine/check.ts withPrecedence), messages that name the current id and no
// absolute policy path, and whole-file findings that underline the first word, not the first line.

import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { applyEdits } from '../../server/src/engine/text';
import { fixAll } from '../../server/src/engine/fixes';
import { RawPolicy, toPolicy } from '../../server/src/engine/policy/model';

const policy = (raw: RawPolicy) => toPolicy(raw, '/home/alice/work/project/.ospo/policy.yaml');
const gpl = '// SPDX-FileCopyrightText: Example Corp\n// SPDX-License-Identifier: GPL-2.0+\nint x;\n';
const denyGpl: RawPolicy = { licenses: { project: 'MIT', deny: ['GPL-*'] }, headers: { copyright: { holder: 'Example Corp' } } };

describe('precedence: one finding per problem', () => {
  it('a denied, deprecated, mismatched id is one license-denied finding, the others its related ones', () => {
    const { findings } = checkText({ path: 'src/a.c', text: gpl }, policy(denyGpl));
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['license-denied'],
    );
    assert.deepEqual(
      findings[0].related?.map((f) => f.rule),
      ['license-mismatch', 'spdx-deprecated'],
    );
  });

  it('names the current id, and the policy by its path from the policy root', () => {
    const [denied] = checkText({ path: 'src/a.c', text: gpl }, policy(denyGpl)).findings;
    assert.equal(
      denied.message,
      "License 'GPL-2.0-or-later' is denied by the policy (GPL-2.0-or-later): use an allowed license or ask the OSPO (.ospo/policy.yaml)",
    );
    assert.equal(denied.related?.[0].message, "License 'GPL-2.0-or-later' differs from the project license 'MIT'");
  });

  it('keeps the folded safe fix: fix-all still replaces the deprecated id', () => {
    const edits = fixAll({ path: 'src/a.c', text: gpl }, policy(denyGpl), { holder: 'Example Corp', year: 2026, license: 'MIT' });
    assert.equal(applyEdits(gpl, edits), gpl.replace('GPL-2.0+', 'GPL-2.0-or-later'));
  });

  it('the most severe stays: a severity table never hides an error inside a warning', () => {
    const { findings } = checkText({ path: 'src/a.c', text: gpl }, policy({ licenses: { project: 'MIT' }, severity: { 'spdx-deprecated': 'error' } }));
    assert.deepEqual(
      findings.map((f) => [f.rule, f.severity, f.related?.map((r) => r.rule)]),
      [['spdx-deprecated', 'error', ['license-mismatch']]],
    );
  });

  it('findings on other stretches of the line stay apart', () => {
    const text = '// SPDX-FileCopyrightText: Example Corp\n// SPDX-License-Identifier: MIT or GPL-2.0\nint x;\n';
    const { findings } = checkText({ path: 'src/a.c', text }, policy({}));
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['spdx-operator-case', 'spdx-deprecated'],
    );
  });
});

describe('whole-file findings underline the first word', () => {
  it('header-missing: the first token, past a BOM and blank lines', () => {
    for (const [text, range] of [
      ['export const answer = 42;\n', [0, 0, 6]],
      ['\uFEFFexport const x = 1;\n', [0, 0, 6]],
      ['\n\n  import os\n', [2, 2, 8]],
      ['#!/bin/sh\necho hi\n', [0, 0, 9]],
    ] as const) {
      const missing = checkText({ path: 'src/a.ts', text }, policy({})).findings.find((f) => f.rule === 'header-missing');
      const r = missing!.range;
      assert.deepEqual([r.start.line, r.start.character, r.end.character], range, JSON.stringify(text));
    }
  });
});
