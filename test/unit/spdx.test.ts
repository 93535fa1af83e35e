import * as assert from 'node:assert/strict';
import deprecatedIds = require('spdx-license-ids/deprecated.json');
import { checkText } from '../../server/src/engine/check';
import { fixAll, isSafe } from '../../server/src/engine/fixes';
import { licenseIdsIn } from '../../server/src/engine/reuse/license-texts';
import { reusePolicy } from '../../server/src/engine/reuse/policy';
import { projectFindings } from '../../server/src/engine/reuse/project';
import { checkExpression, sameExpression } from '../../server/src/engine/spdx/check';
import { successorCandidates, successorOf } from '../../server/src/engine/spdx/deprecated';
import { parseExpression } from '../../server/src/engine/spdx/expression';
import { applyEdits } from '../../server/src/engine/text';
import { fixedContext, policyWith } from './helpers';

const fixed = (path: string, text: string, policy = policyWith()) => applyEdits(text, fixAll({ path, text, currentYear: 2026 }, policy, fixedContext));

describe('SPDX expressions', () => {
  it('accepts valid expressions, refs and special values', () => {
    for (const e of [
      'MIT',
      'MIT OR Apache-2.0',
      '(MIT AND BSD-3-Clause) OR GPL-2.0-only',
      'Apache-2.0 WITH LLVM-exception',
      'LicenseRef-Proprietary',
      'DocumentRef-a:LicenseRef-b',
      'NOASSERTION',
      'NONE',
    ]) {
      assert.deepEqual(checkExpression(e).problems, [], e);
    }
  });

  it('locates an unknown id inside a longer expression', () => {
    const [p] = checkExpression('MIT AND Foo-1.0').problems;
    assert.equal(p.kind, 'unknown-id');
    assert.ok(p.kind === 'unknown-id' && p.token.start === 8 && p.token.end === 15);
  });

  it('suggests a real id for prose', () => {
    assert.deepEqual(checkExpression('Apache License 2.0').problems, [{ kind: 'prose', suggestion: 'Apache-2.0' }]);
  });

  it('does not "correct" a partly valid expression by dropping a license', () => {
    assert.ok(checkExpression('MIT AND Foo-Bar').problems.every((p) => p.kind !== 'prose'));
  });

  it('reports syntax errors, empty values and wrong case', () => {
    assert.equal(checkExpression('MIT AND').problems[0].kind, 'syntax');
    assert.equal(checkExpression('(MIT').problems[0].kind, 'syntax');
    assert.equal(checkExpression('  ').problems[0].kind, 'empty');
    const [p] = checkExpression('mit').problems;
    assert.ok(p.kind === 'wrong-case' && p.canonical === 'MIT');
  });

  it('checks exceptions against the SPDX exception list', () => {
    const [p] = checkExpression('MIT WITH Foo-exception').problems;
    assert.ok(p.kind === 'unknown-id' && p.token.exception);
  });

  it('finds deprecated ids with their successors', () => {
    const d = checkExpression('GPL-2.0+ OR LGPL-2.1 OR GPL-2.0-with-classpath-exception').deprecations;
    assert.deepEqual(
      d.map((x) => [x.token.id, x.successor]),
      [
        ['GPL-2.0+', 'GPL-2.0-or-later'],
        ['LGPL-2.1', 'LGPL-2.1-only'],
        ['GPL-2.0-with-classpath-exception', 'GPL-2.0-only WITH Classpath-exception-2.0'],
      ],
    );
    assert.equal(successorOf('AGPL-3.0'), 'AGPL-3.0-only');
    assert.equal(successorOf('MIT'), undefined);
  });

  it('names a successor only where SPDX names one exact equivalent, and candidates otherwise', () => {
    // SPDX's obsoletedBy: "GPL-2.0 WITH GCC-exception-2.0", GPL-2.0 being GPL-2.0-only; the `+` form is or-later.
    assert.equal(successorOf('GPL-2.0-with-GCC-exception'), 'GPL-2.0-only WITH GCC-exception-2.0');
    assert.equal(successorOf('GPL-2.0-with-bison-exception+'), 'GPL-2.0-or-later WITH Bison-exception-2.2');
    assert.equal(successorOf('StandardML-NJ+'), 'SMLNJ+');
    // BSD-2-Clause-FreeBSD: deprecated for BSD-2-Clause-Views, and FreeBSD's own code license is BSD-2-Clause.
    assert.equal(successorOf('BSD-2-Clause-FreeBSD'), undefined);
    assert.deepEqual(successorCandidates('BSD-2-Clause-FreeBSD'), ['BSD-2-Clause-Views', 'BSD-2-Clause']);
    const [d] = checkExpression('Net-SNMP').deprecations;
    assert.deepEqual([d.successor, d.candidates], [undefined, []]);
  });

  it('reviews every deprecated SPDX id: a successor, candidates, or none on purpose', () => {
    const noneNamed = new Set(['Net-SNMP']);
    for (const id of deprecatedIds as string[]) {
      const named = successorOf(id) !== undefined || successorCandidates(id).length > 0;
      assert.equal(named, !noneNamed.has(id), `${id}: add it to the successors table in spdx.ts, with its source`);
      for (const s of [successorOf(id), ...successorCandidates(id)]) if (s) assert.deepEqual(checkExpression(s).problems, [], s);
    }
  });

  it('puts no WITH successor before another WITH', () => {
    const [d] = checkExpression('GPL-2.0-with-GCC-exception WITH Linux-syscall-note').deprecations;
    assert.equal(d.successor, undefined);
  });

  it('a token spdx-correct throws on (a bare "+") is an unknown id, not a crash', () => {
    for (const e of ['MIT OR +', '+', 'MIT+ OR +']) assert.ok(checkExpression(e).problems.length > 0, e);
  });
});

describe('one SPDX parser for REUSE and the SPDX rules', () => {
  // reuse-tool 6.2.0 (license-expression, simple=True) reads `mit or apache-2.0` as valid, its ids `mit`
  // and `apache-2.0`: REUSE asks for syntax only. The SPDX rules read the same structure and report
  // what SPDX spells otherwise: each id's case (spdx-invalid) and each operator's (spdx-operator-case).
  it("mit or apache-2.0: valid for REUSE; for the SPDX rules, the ids' and the operator's case", () => {
    assert.deepEqual(parseExpression('mit or apache-2.0'), {
      ids: ['mit', 'apache-2.0'],
      tree: { left: { id: 'mit' }, conjunction: 'OR', right: { id: 'apache-2.0' } },
    });
    const check = checkExpression('mit or apache-2.0');
    assert.deepEqual(
      check.problems.map((p) => p.kind === 'wrong-case' && p.canonical),
      ['MIT', 'Apache-2.0'],
    );
    assert.deepEqual(
      check.lowerCaseOperators.map((o) => o.operator),
      ['OR'],
    );
  });

  it('Nokia-Qt-exception-1.1 is a deprecated exception (spdx-exceptions/deprecated.json), not an unknown one', () => {
    const check = checkExpression('LGPL-2.1-only WITH Nokia-Qt-exception-1.1');
    assert.deepEqual(check.problems, []);
    assert.deepEqual(
      check.deprecations.map((d) => [d.token.id, d.successor, d.candidates]),
      [['Nokia-Qt-exception-1.1', undefined, []]],
    );
    const rules = checkText(
      { path: 'src/a.py', text: '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: LGPL-2.1-only WITH Nokia-Qt-exception-1.1\n' },
      policyWith(),
    ).findings.map((f) => f.rule);
    assert.deepEqual(rules, ['spdx-deprecated']);
  });

  it('white space is any white space, as in SPDX and reuse-tool: a tab separates words', () => {
    assert.deepEqual(checkExpression('MIT\tOR Apache-2.0').problems, []);
    assert.equal(sameExpression('MIT\tOR Apache-2.0', 'Apache-2.0 OR MIT'), true);
  });

  it('WITH follows a license id, never a parenthesised expression (reuse-tool and SPDX agree)', () => {
    for (const e of ['(MIT) WITH Classpath-exception-2.0', '(GPL-2.0-only OR MIT) WITH Classpath-exception-2.0']) {
      assert.notEqual(parseExpression(e).error, undefined, e);
      assert.equal(checkExpression(e).problems[0]?.kind, 'syntax', e);
    }
  });

  it('the same expression, in any order of AND and OR operands; never an invalid or special value', () => {
    assert.equal(sameExpression('MIT OR (ISC AND Zlib)', '(Zlib AND ISC) OR MIT'), true);
    assert.equal(sameExpression('MIT OR ISC', 'MIT AND ISC'), false);
    assert.equal(sameExpression('GPL-2.0+ WITH Linux-syscall-note', 'GPL-2.0+ WITH Linux-syscall-note'), true);
    assert.equal(sameExpression('GPL-2.0+', 'GPL-2.0'), false);
    assert.equal(sameExpression('Foo-1.0', 'Foo-1.0'), false);
    assert.equal(sameExpression('NONE', 'NONE'), false);
  });
});

describe('spdx-deprecated fixes', () => {
  const header = (expression: string) => `# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: ${expression}\nx = 1\n`;

  it('fix-all rewrites an id SPDX names one exact successor for', () => {
    assert.equal(fixed('src/a.py', header('GPL-2.0+')), header('GPL-2.0-or-later'));
    assert.equal(fixed('src/a.py', header('MIT OR GPL-2.0-with-classpath-exception')), header('MIT OR GPL-2.0-only WITH Classpath-exception-2.0'));
  });

  it('never rewrites BSD-2-Clause-FreeBSD unasked: both candidates are offered, none applied', () => {
    const text = header('BSD-2-Clause-FreeBSD');
    assert.equal(fixed('src/a.py', text), text);
    const finding = checkText({ path: 'src/a.py', text }, policyWith()).findings.find((f) => f.rule === 'spdx-deprecated');
    assert.ok(finding && !isSafe(finding));
    const offered = [finding.fix, ...(finding.alternatives ?? [])].map((f) => (f?.kind === 'replace' && !f.safe ? f.text : undefined));
    assert.deepEqual(offered, ['BSD-2-Clause-Views', 'BSD-2-Clause']);
    assert.match(finding.message, /BSD-2-Clause-Views/);
  });

  it('reports a deprecated id with no named successor without a fix', () => {
    const finding = checkText({ path: 'src/a.py', text: header('Net-SNMP') }, policyWith()).findings.find((f) => f.rule === 'spdx-deprecated');
    assert.ok(finding);
    assert.equal(finding.fix, undefined);
  });
});

describe('lower-case operators', () => {
  it('are operators to both expression readers, which find the same ids', () => {
    for (const e of ['Unlicense or CC0-1.0', 'MIT and Apache-2.0', 'GPL-2.0-only with Classpath-exception-2.0', '(MIT Or ISC) AnD Zlib']) {
      const check = checkExpression(e);
      assert.deepEqual(check.problems, [], e);
      assert.deepEqual(
        check.tokens.map((t) => t.id),
        parseExpression(e).ids,
        e,
      );
      assert.equal(parseExpression(e).error, undefined, e);
    }
    assert.deepEqual(
      checkExpression('GPL-2.0-only with Classpath-exception-2.0').tokens.map((t) => t.exception),
      [false, true],
    );
    assert.deepEqual(checkExpression('MIT OR ISC').lowerCaseOperators, []);
    // Not an operator, to either reader: the dotless ı upper-cases to I.
    assert.notEqual(parseExpression('MIT wıth ISC').error, undefined);
  });

  it('--reuse: valid as REUSE reads it, and its ids use their license texts', () => {
    const text = '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: Unlicense or CC0-1.0\n';
    const licenseFiles = ['Unlicense.txt', 'CC0-1.0.txt'];
    assert.deepEqual(checkText({ path: 'a.py', text, reuse: { licenseFiles } }, reusePolicy()).findings, []);
    const unused = projectFindings(
      { tomls: [], licenseFiles, problems: [] },
      { ids: new Set(licenseIdsIn('Unlicense or CC0-1.0')), applied: new Set(), matched: new Set() },
    );
    assert.deepEqual(unused, []);
  });
});
