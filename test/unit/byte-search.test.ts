// The one-pass search for several strings in a file's bytes (io/byte-search.ts) against one
// Buffer.indexOf per string.

import * as assert from 'node:assert/strict';
import { byteSearch } from '../../server/src/io/byte-search';
import { needles } from '../../server/src/engine/ai/markers';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

describe('byteSearch', () => {
  const needleSets = [needles, ['abcde', 'bcdef', 'xyzzy'], ['aaaaa', 'aaaab'], ['é-text', 'naïve'], ['XY', 'abcdefgh']];
  // Pieces of the needles, so that near misses, overlaps and matches at either end all come up.
  const pieces = (set: readonly string[]) => [...set.flatMap((n) => [n, n.slice(0, -1), n.slice(1), n.slice(0, 2), n.slice(-2)]), ' ', '\n', 'x', 'é'];

  it('finds a string exactly when one Buffer.indexOf per string does, from any offset', () => {
    const next = random(7);
    for (const set of needleSets) {
      const search = byteSearch(set);
      const parts = pieces(set);
      let found = 0;
      for (let i = 0; i < 3000; i++) {
        let text = '';
        const n = Math.floor(next() * 12);
        for (let j = 0; j < n; j++) text += parts[Math.floor(next() * parts.length)];
        const bytes = Buffer.from(text);
        const from = Math.floor(next() * (bytes.length + 2));
        const expected = set.some((s) => bytes.indexOf(s, from) >= 0);
        if (expected) found++;
        assert.equal(search(bytes, from), expected, JSON.stringify([set, text, from]));
      }
      // Both answers come up often: the comparison means something.
      assert.ok(found > 300 && found < 2700, `${set.join()}: ${found}`);
    }
  });

  it('finds a string at the very start and the very end of the bytes, and none before the offset', () => {
    const search = byteSearch(needles);
    for (const n of needles) {
      assert.ok(search(Buffer.from(n), 0), n);
      assert.ok(search(Buffer.from('x'.repeat(5000) + n), 4096), n);
      assert.ok(!search(Buffer.from(n + 'x'.repeat(5000)), 1), n);
    }
  });
});
