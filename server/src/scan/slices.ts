// Work in slices of time. Long loops on a thread that also answers the editor (the language server's) let
// the event loop turn once a slice is used up, so a request that came in meanwhile waits for no more than a
// slice (docs/design/performance.md, "Typing while the workspace is scanned"). What runs in that turn may
// make the loop's work moot (a newer scan of the same folder, a cancellation): `goOn` says so. A thread that
// checks a batch of files stops at the end of its slice and hands the rest back (pool.ts workerSlice).

/** How long the language server's thread works at most between two turns of its event loop, in ms. */
export const sliceMs = 4;

/** One turn of the event loop: what came in meanwhile (a request, a worker's results, I/O) is handled. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** `if (slices.due && !(await slices.next())) stop;` in a loop: a turn of the event loop every `ms` of work. */
export class Slices {
  private until: number;

  constructor(
    private readonly ms: number,
    readonly goOn: () => boolean = () => true,
  ) {
    this.until = performance.now() + ms;
  }

  get due(): boolean {
    return performance.now() > this.until;
  }

  /** A turn of the event loop, then whether the work should go on. */
  async next(): Promise<boolean> {
    await nextTurn();
    this.until = performance.now() + this.ms;
    return this.goOn();
  }
}
