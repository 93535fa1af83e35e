import * as assert from 'node:assert/strict';
import { checkExpression, successorOf } from '../../server/src/engine/spdx';

describe('SPDX expressions', () => {
  it('accepts valid expressions, refs and special values', () => {
    for (const e of ['MIT', 'MIT OR Apache-2.0', '(MIT AND BSD-3-Clause) OR GPL-2.0-only', 'Apache-2.0 WITH LLVM-exception', 'LicenseRef-Proprietary', 'DocumentRef-a:LicenseRef-b', 'NOASSERTION', 'NONE']) {
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
    assert.deepEqual(d.map((x) => [x.token.id, x.successor]), [
      ['GPL-2.0+', 'GPL-2.0-or-later'],
      ['LGPL-2.1', 'LGPL-2.1-only'],
      ['GPL-2.0-with-classpath-exception', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ]);
    assert.equal(successorOf('AGPL-3.0'), 'AGPL-3.0-only');
    assert.equal(successorOf('MIT'), undefined);
  });

  it('a token spdx-correct throws on (a bare "+") is an unknown id, not a crash', () => {
    for (const e of ['MIT OR +', '+', 'MIT+ OR +']) assert.ok(checkExpression(e).problems.length > 0, e);
  });
});
