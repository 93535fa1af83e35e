// A check keeps nothing of a file's text once it is done: the engine's caches (checked SPDX
// expressions, their canonical forms, license tiers) hold copies of the values they are keyed by,
// not slices that would keep each file's whole text alive in a long scan or an editor session.

import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { checkText } from '../../server/src/engine/check';
import { toPolicy } from '../../server/src/engine/policy/model';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('engine: no file text kept after its check', () => {
  it('checking 60 files of 1 MB, each with a license expression of its own, keeps far less than their text', () => {
    // A license review list: the tiers are worked out and cached too.
    const policy = toPolicy({ licenses: { review: ['MIT'] } }, 'test');
    const fill = 'x'.repeat(1 << 20) + '\n';
    const header = (i: number) => `// SPDX-FileCopyrightText: 2026 A\n// SPDX-License-Identifier: LicenseRef-Own-${i} AND MIT\n`;
    // The engine's own state (compiled messages, styles, the SPDX lists) is set up by a first check.
    checkText({ path: 'first.c', text: header(-1), currentYear: 2026 }, policy);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 60; i++) {
      const text = header(i) + fill.slice(i);
      assert.ok(checkText({ path: `f${i}.c`, text, currentYear: 2026 }, policy).findings.some((f) => f.rule === 'license-review'));
    }
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    // The old caches kept all 60 MB; with copies, about 2.5 MB is measured (heap noise included).
    assert.ok(kept < 8 << 20, `${(kept / 1e6).toFixed(1)} MB kept`);
  });
});
