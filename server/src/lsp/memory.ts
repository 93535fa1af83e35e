// Gives a workspace scan's memory back to the system when the scan is over. The scan leaves a heap
// grown by its garbage (the findings of 78,000 files passed between threads, unpacked, shown); V8
// returns it only when its memory reducer runs, which in our measurements took 30 s or did not
// happen at all while the server sat idle (docs/design/architecture.md, "Memory"). A full
// collection at the end of the scan, and another 10 s later, return most of it. Node exposes `gc`
// only with --expose-gc, which a language server cannot ask of every editor that starts it: the
// flag is set at run time and `gc` taken from a new context, as jest-leak-detector does.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection now and another some seconds later, when the runtime allows them. The
 * first frees the scan's objects; V8 keeps many of the freed pages pooled, and hands them back to
 * the system at a later collection (kernel tree: idle at 286 MB with the first alone, 156-189 MB with
 * both; two at once made no difference).
 */
export function releaseMemory(): void {
  collectNow();
  setTimeout(collectNow, 10_000).unref();
}

function collectNow(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  // A full, synchronous collection. (Node 20's V8 reads `gc({ flavor: 'last-resort' })` as something
  // lighter: it freed a sixth of what gc() frees in a test.)
  collect?.();
}
