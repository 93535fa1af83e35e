// A repository's file names and text reach the terminal only as text (issue 7/7, F): no ANSI or OSC escape
// drives it, and no line break forges an output line, such as a GitHub `::error` workflow command.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printable } from '../../server/src/cli/formats';
import { tempTree } from '../temp-tree';
import { ospo } from './run';

// Controls a terminal acts on, but the line feed, which ends every output line.
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('human-readable output never passes on control characters', function () {
  this.timeout(30_000);
  const evil = 'evil\n::error file=x::forged\u001b]0;retitled\u0007\u202eyp.txt.py';
  let dir: string;
  before(() => {
    dir = tempTree({ 'plain.py': 'x = 1\n' }, 'ospo-injection-');
    fs.writeFileSync(path.join(dir, evil), 'x = 1\n');
    fs.writeFileSync(path.join(dir, 'holder.py'), '# SPDX-FileCopyrightText: 2026 \u001b[31mRed\u001b[0m\n# SPDX-License-Identifier: Nonsense-\u001b[2J\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => ospo(args, { cwd: dir });

  for (const args of [
    ['check', '.'],
    ['fix', '.', '--dry-run'],
    ['fix', '.'],
  ]) {
    it(`ospo ${args.join(' ')}`, () => {
      const r = run(...args);
      for (const [name, out] of [
        ['stdout', r.stdout],
        ['stderr', r.stderr],
      ]) {
        assert.doesNotMatch(out, raw, `${name}: ${JSON.stringify(out)}`);
        assert.doesNotMatch(out, /^::error/m, `${name} forged a workflow command`);
      }
      assert.match(r.stdout + r.stderr, /"evil\\n::error file=x::forged\\e\]0;retitled\\u0007\\u202eyp\.txt\.py"/);
    });
  }

  it('printable: as it is without controls; quoted and escaped, as git quotes a path, with them', () => {
    assert.equal(printable('src/a b.py'), 'src/a b.py');
    assert.equal(printable('a\tb\\c"d\u009b'), '"a\\tb\\\\c\\"d\\u009b"');
  });
});
