// Long loops on a thread that also answers the editor (the language server's): the loop lets the event
// loop turn once its slice of time is used up, so a request that came in meanwhile waits for no more
// than a slice (docs/design/performance.md, "Typing while the workspace is scanned").

/** One turn of the event loop: what came in meanwhile (a request, a worker's results, I/O) is handled. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/** `if (slices.due) await slices.next();` in a loop: a turn of the event loop every `ms` of work. */
export class Slices {
  private until: number;

  constructor(private readonly ms: number) {
    this.until = performance.now() + ms;
  }

  get due(): boolean {
    return performance.now() > this.until;
  }

  async next(): Promise<void> {
    await nextTurn();
    this.until = performance.now() + this.ms;
  }
}
