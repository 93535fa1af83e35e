// The golden corpus of fixer cases, one per byte-fidelity rule of server/src/engine/fixes.ts. Each case holds
// `input/<file>` and `expected/<file>`; the fix must turn one into the other byte for byte, and
// a second run must change nothing. Set OSPO_UPDATE_GOLDEN=1 to rewrite the expected files
// (then read the diff: the expected files are the specification).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkText } from '../../server/src/engine/check';
import { fixAll, isSafe } from '../../server/src/engine/fixes';
import { applyEdits } from '../../server/src/engine/text';
import { fixedContext, policyWith } from './helpers';

const root = path.join(__dirname, '../../../test/unit/fixtures/fixer');
const policy = policyWith();

function fix(name: string, text: string): string {
  return applyEdits(text, fixAll({ path: name, text, currentYear: 2026 }, policy, fixedContext));
}

/** True when every character of `a` appears in `b` in order: the fix only inserted or replaced spans. */
function isSubsequence(a: string, b: string): boolean {
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j++) if (b[j] === a[i]) i++;
  return i === a.length;
}

/** How many line breaks of each kind (LSP's: \n, \r\n and a lone \r) the text has. */
function lineEndings(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [eol] of text.matchAll(/\r\n|\r|\n/g)) counts.set(eol, (counts.get(eol) ?? 0) + 1);
  return counts;
}

describe('fixer golden corpus', () => {
  const cases = fs
    .readdirSync(root)
    .filter((d) => fs.statSync(path.join(root, d)).isDirectory())
    .sort();

  it('has a case for every byte-fidelity rule', () => {
    for (const needed of [
      'bom',
      'crlf',
      'cr',
      'mixed-eol',
      'no-final-newline',
      'shebang',
      'encoding',
      'xml-declaration',
      'php-open',
      'front-matter',
      'dockerfile-directive',
    ]) {
      assert.ok(cases.includes(needed), `missing golden case ${needed}`);
    }
  });

  for (const name of cases) {
    const [file] = fs.readdirSync(path.join(root, name, 'input'));
    const inputPath = path.join(root, name, 'input', file);
    const expectedPath = path.join(root, name, 'expected', file);

    it(`${name}: fixes byte-exactly and is idempotent`, () => {
      const input = fs.readFileSync(inputPath, 'utf8');
      const once = fix(file, input);
      if (process.env.OSPO_UPDATE_GOLDEN) {
        fs.mkdirSync(path.dirname(expectedPath), { recursive: true });
        fs.writeFileSync(expectedPath, once, 'utf8');
      }
      const expected = fs.readFileSync(expectedPath, 'utf8');
      assert.equal(JSON.stringify(once), JSON.stringify(expected));
      assert.notEqual(once, input, 'the case must need a fix');
      assert.equal(fix(file, once), once, 'a second run must change nothing');
      assert.deepEqual(checkText({ path: file, text: once }, policy).findings.filter(isSafe), [], 'no fixable finding may remain');
      const fixes = checkText({ path: file, text: input }, policy).findings.filter(isSafe);
      if (fixes.every((f) => f.fix?.kind !== 'replace')) assert.ok(isSubsequence(input, once), 'an insert-only fix removed or reordered bytes');
      // What the file had before stays, in order: BOM, prologue, line endings, final newline.
      assert.equal(once.startsWith('\uFEFF'), input.startsWith('\uFEFF'), 'BOM');
      assert.equal(/[\r\n]$/.test(once), /[\r\n]$/.test(input), 'final newline');
      // Every line break the fix adds is the file's own (its first), whatever the others are.
      const own = /\r\n|\r|\n/.exec(input)?.[0] ?? '\n';
      const before = lineEndings(input);
      const after = lineEndings(once);
      for (const eol of ['\n', '\r\n', '\r'])
        if (eol !== own)
          assert.equal(after.get(eol) ?? 0, before.get(eol) ?? 0, `gained a ${JSON.stringify(eol)} line ending in a file whose own is ${JSON.stringify(own)}`);
    });
  }
});
