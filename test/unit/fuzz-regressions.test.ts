// Counterexamples found by the property-based fuzzing in fuzz.test.ts, shrunk, kept as plain tests.
// Each names the engine fix it guards.

import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { fixAll, isSafe } from '../../server/src/engine/fixes';
import { parsePolicy } from '../../server/src/engine/policy/parse';
import type { Policy } from '../../server/src/engine/policy/model';
import { checkExpression } from '../../server/src/engine/spdx/check';
import { applyEdits } from '../../server/src/engine/text';
import { fixedContext, policyWith } from './helpers';

const today = '2026-01-15';

function fix(file: string, text: string, policy: Policy): string {
  return applyEdits(text, fixAll({ path: file, text, currentYear: 2026, today }, policy, fixedContext));
}

/** One fix-all gives `expected`; a second changes nothing and no safe-fixable finding is left. */
function fixesOnce(file: string, text: string, policy: Policy, expected: string): void {
  const once = fix(file, text, policy);
  assert.equal(JSON.stringify(once), JSON.stringify(expected));
  assert.equal(JSON.stringify(fix(file, once, policy)), JSON.stringify(once), 'a second fix changed the text');
  assert.deepEqual(
    checkText({ path: file, text: once, currentYear: 2026, today }, policy)
      .findings.filter(isSafe)
      .map((f) => f.rule),
    [],
  );
}

const yearNone = policyWith((p) => {
  p.headers.copyright.year = 'none';
});

describe('fuzz regressions', () => {
  it('a tag line that opens a block comment: the new line continues the comment, never opens a second one', () => {
    fixesOnce(
      'src/lib.rs',
      '/* Copyright 2020 Example Corp\n */\nfn main() {}\n',
      policyWith(),
      '/* Copyright 2020 Example Corp\n * SPDX-License-Identifier: Apache-2.0\n */\nfn main() {}\n',
    );
    fixesOnce(
      'src/m.py',
      '"""Copyright 2020 Example Corp\n"""\nimport os\n',
      policyWith(),
      '"""Copyright 2020 Example Corp\nSPDX-License-Identifier: Apache-2.0\n"""\nimport os\n',
    );
    fixesOnce(
      'src/a.c',
      '/* SPDX-License-Identifier: Apache-2.0\n */\nint x;\n',
      policyWith(),
      '/* SPDX-License-Identifier: Apache-2.0\n * SPDX-FileCopyrightText: 2026 Example Corp\n */\nint x;\n',
    );
    fixesOnce(
      'src/b.c',
      '/* Copyright 2020 Example Corp */\nint x;\n',
      policyWith(),
      '/* Copyright 2020 Example Corp */\n/* SPDX-License-Identifier: Apache-2.0 */\nint x;\n',
    );
  });

  it('copyright-year: also fixes the year of the notice copyright-holder rewrites (holder with a no-break space)', () => {
    const policy = policyWith((p) => {
      p.headers.copyright.holder = 'Example Corp';
      p.headers.copyright.year = 'current';
    });
    fixesOnce('src/a.ts', '\u00a9 2020 Example\u00a0Corp', policy, '\u00a9 2020-2026 Example Corp\nSPDX-License-Identifier: Apache-2.0');
  });

  it('insert-copyright: writes no year when the policy says year: none', () => {
    fixesOnce('src/a.ts', 'SPDX-License-Identifier: MIT', yearNone, 'SPDX-FileCopyrightText: Example Corp\nSPDX-License-Identifier: MIT');
  });

  it('copyright-year: with year: none a future year is removed, not turned into a range', () => {
    fixesOnce(
      'src/a.ts',
      'Copyright (c) 1999-2030 Example Corp\nSPDX-License-Identifier: MIT',
      yearNone,
      'Copyright (c) Example Corp\nSPDX-License-Identifier: MIT',
    );
  });

  it('copyright-year: with year: none a notice that is only a year gets no fix (it would stop being a notice)', () => {
    const text = 'Copyright (c) 2020\nSPDX-License-Identifier: MIT';
    const finding = checkText({ path: 'src/a.ts', text, currentYear: 2026 }, yearNone).findings.find((f) => f.rule === 'copyright-year');
    assert.ok(finding);
    assert.equal(finding.fix, undefined);
    fixesOnce('src/a.ts', text, yearNone, text);
  });

  it('copyright-missing / header-missing: no insert fix that would push a tag out of the header window', () => {
    const policy = policyWith((p) => {
      p.headers.maxLine = 3;
    });
    // The license is on the window's last line: a notice inserted before it would push it out.
    const license = '\n\n// SPDX-License-Identifier: MIT\n';
    assert.equal(checkText({ path: 'src/a.ts', text: license }, policy).findings.find((f) => f.rule === 'copyright-missing')?.fix, undefined);
    fixesOnce('src/a.ts', license, policy, license);
    // The notice is on the window's last line: a license inserted after it would be outside.
    const notice = '\n\n// SPDX-FileCopyrightText: 2020 Example Corp\n';
    assert.equal(checkText({ path: 'src/a.ts', text: notice }, policy).findings.find((f) => f.rule === 'header-missing')?.fix, undefined);
    fixesOnce('src/a.ts', notice, policy, notice);
  });

  it('insert-copyright: inside a snippet the notice is an SPDX-SnippetCopyrightText', () => {
    fixesOnce(
      'src/a.ts',
      '// SPDX-SnippetBegin\n// SPDX-License-Identifier: MIT',
      policyWith(),
      '// SPDX-SnippetBegin\n// SPDX-SnippetCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT',
    );
  });

  it('spdx: a license id after WITH is not a case problem whose fix changes nothing', () => {
    const problems = checkExpression('(MIT WITH MIT))').problems;
    assert.ok(!problems.some((p) => p.kind === 'wrong-case'), JSON.stringify(problems));
    fixesOnce(
      'src/a.ts',
      'SPDX-License-Identifier: (MIT WITH MIT))',
      policyWith(),
      'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: (MIT WITH MIT))',
    );
  });

  it('spdx: a deprecated id is reported beside an id in the wrong case, so one fix-all fixes both', () => {
    // BSD-2-Clause-NetBSD, whose one exact successor SPDX names (BSD-2-Clause-FreeBSD, used here before, has none).
    fixesOnce(
      'src/a.ts',
      'SPDX-License-Identifier: BSD-2-Clause-NetBSD WITH linux-syscall-note',
      policyWith(),
      'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: BSD-2-Clause WITH Linux-syscall-note',
    );
  });

  it('spdx: a deprecated id in the wrong case is corrected to its successor at once', () => {
    fixesOnce(
      'src/a.ts',
      'SPDX-License-Identifier: ((gpl-2.0+))',
      policyWith(),
      'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: ((GPL-2.0-or-later))',
    );
  });

  it('prologue: an XML declaration never closed is its first line only, and the final newline stays', () => {
    fixesOnce(
      'src/a.ts',
      '<?xml version="1.0"\n',
      policyWith(),
      '<?xml version="1.0"\n// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n',
    );
    const once = fix('src/a.ts', '<?xml version="1.0"\nSPDX-License-Identifier: MIT', policyWith());
    assert.equal(once.split('\n')[0], '<?xml version="1.0"');
  });

  it('third-party-header: deleting the only line of a file leaves an empty file', () => {
    const policy = policyWith((p) => {
      p.headers.copyright.holder = 'Example Corp';
      p.files.thirdParty = ['third_party/**'];
    });
    assert.equal(fix('third_party/lib/a.c', 'SPDX-FileCopyrightText: 2020 Example Corp\n', policy), '');
    // With a byte order mark, the mark stays: an empty file in the encoding it had (npm run fuzz, seed 20260115).
    assert.equal(fix('third_party/lib/a.c', '\uFEFFSPDX-SnippetCopyrightText: 2020 Example Corp\n', policy), '\uFEFF');
  });

  it('policy: an unknown top-level key is located on its own line (was line -1)', () => {
    for (const text of ['foo: 1\n', 'SPDX-FileCopyrightText: 2026 Example Corp\nversion: 1\n']) {
      for (const p of parsePolicy(text).problems) assert.ok(p.line >= 0 && p.character >= 0, `${JSON.stringify(text)}: ${JSON.stringify(p)}`);
    }
  });
});
