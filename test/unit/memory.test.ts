import * as assert from 'node:assert/strict';
import { releaseMemory } from '../../server/src/lsp/memory';

/** Some 40 MB of small objects, garbage as soon as the caller lets go of the result. */
function garbage(): number {
  const objects: { i: number; s: string }[] = [];
  for (let i = 0; i < 500_000; i++) objects.push({ i, s: `file-${i}` });
  return objects.length;
}

describe('releasing a scan’s memory', () => {
  it('collects garbage at once, without --expose-gc on the command line', () => {
    garbage();
    const before = process.memoryUsage().heapUsed;
    releaseMemory();
    const freed = before - process.memoryUsage().heapUsed;
    // Without a collection, nothing of it is freed this soon.
    assert.ok(freed > 20e6, `freed ${(freed / 1e6).toFixed(1)} MB`);
  });
});
