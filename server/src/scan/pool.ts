// Checks many files on worker threads, one per core (the CLI: one fewer, and its own thread helps).
// Files can be added while the walk is still finding them, so listing and checking overlap. Batches
// go to whichever worker is free, and a batch is checked for a few ms at most, what is left going back
// to the queue, so a few huge files do not hold the others up; cancellation is seen between files.
// Small jobs run in this thread instead: starting a worker costs more than checking a few hundred files.

import { nextTurn, Slices } from './slices';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkFile, FileJob, FileResult, ScanSettings } from './check-file';
import { adoptBatch, PackedResult, packResults, StringTable, WorkerBatch } from './compact';

export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export interface PoolOptions {
  /** Called with each batch of results as it arrives, in no particular order (without their findings). */
  onResults?: (results: readonly PackedResult[]) => void;
  token?: Cancellation;
  /** Worker threads to use; default: one per core, or one fewer when this thread helps. 0 checks in this thread. */
  workers?: number;
  /**
   * This thread checks files too, once no more are coming, taking them from the same queue as the
   * workers. For a caller with nothing else to do meanwhile (the CLI); never for the language server,
   * whose thread must answer the editor. Each worker starts cold (its own copy of the engine, compiled
   * and optimised again), so this thread and one worker fewer check faster than a worker per core
   * (docs/design/performance.md).
   */
  helpInThread?: boolean;
  /** The table the results' findings are packed against (the scan cache's, so it keeps them as they come); a new one by default. */
  table?: StringTable;
  /**
   * How long a thread checks files before it hands over its results, in ms: workerSlice on a worker,
   * inThreadSlice here. Tests set 0, so that every batch ends after its first file.
   */
  sliceMs?: number;
}

export interface PoolRun {
  /** Findings stay packed, against `table`: a large tree's 100,000 findings as objects were the CLI's peak memory. */
  results: PackedResult[];
  table: StringTable;
  cancelled: boolean;
  /** How many of the results were checked in this thread rather than on a worker. */
  inThread: number;
}

const batchSize = 128;
/**
 * How long a worker checks one batch, in ms, at most: it sends what it has then, and the rest goes back
 * to the front of the queue. A batch is 4-8 ms of work on the kernel, but its last files are its largest
 * (200 register headers of 4-9 MB, read whole with all rules): a batch of them held a second of work
 * that no other thread could take, and the CLI's own thread waited for it at the end of the scan. At
 * 10 ms, ordinary batches of all rules were cut too, a few files at a time.
 */
const workerSlice = 20;
/** Files this thread checks at most between two turns of its event loop, */
const inThreadBatch = 32;
/**
 * and the milliseconds it checks them for at most: 32 files are a millisecond or two of work, but 32 of the
 * kernel's register headers (several megabytes each, read whole with all rules) were 300 ms in which the
 * language server answered nothing and no worker got more files.
 */
const inThreadSlice = 2;
/** Old-generation heap of a worker, in MB: files are at most 10 MB (read-file.ts), and nothing is kept between files. */
const workerHeapMb = 64;
/**
 * Young generation of a worker, in MB. A file's garbage dies young, and V8's default lets each
 * worker's nursery grow to several times this: on the kernel, all rules, peak RSS 296-313 MB with 8
 * against 319-342 MB with the default, at the same speed (three runs each; 32 MB of old generation
 * was slower).
 */
const workerYoungMb = 8;

/**
 * Batches a worker holds at once: the one it checks and the next, waiting in its port. With one, a
 * worker that finished waited for this thread to take its results and send more, and this thread is
 * busy listing or checking files of its own: on the kernel the worker sat idle a fifth of the run
 * (docs/design/performance.md, "A worker is never left waiting, nor waited for").
 */
const inFlight = 2;

/** A worker and the batches it holds, oldest first: results come back in the order batches were sent. */
type Busy = Worker & { batches: FileJob[][] };
/** Below this many files, checking in this thread is faster than starting workers. */
export const inThreadLimit = 256;

/** The worker script: next to this module when compiled by tsc, beside the bundle as dist/scan-worker.js. */
function workerScript(): string | undefined {
  const file = path.join(__dirname, 'scan-worker.js');
  return existsSync(file) ? file : undefined;
}

export class CheckPool {
  private queue: FileJob[] = [];
  /** Packed: the workers' memory and the findings' do not add up. */
  private results: PackedResult[] = [];
  private readonly table: StringTable;
  private workers: Busy[] = [];
  private busy = 0;
  private added = 0;
  private checkedHere = 0;
  private closed = false;
  private failed?: Error;
  private readonly cancel = new Int32Array(new SharedArrayBuffer(4));
  private settle?: () => void;
  /** Resumes this thread's help once a worker's results came in (help). */
  private wake?: () => void;
  private readonly count: number;
  private readonly helping: boolean;
  private readonly script?: string;

  constructor(
    private settings: ScanSettings,
    private opts: PoolOptions = {},
  ) {
    this.table = opts.table ?? new StringTable();
    this.script = workerScript();
    const cores = availableParallelism();
    // On one core this thread only competes with the worker: it helps where a core is left for it.
    this.helping = !!opts.helpInThread && cores > 1;
    this.count = this.script ? (opts.workers ?? cores - (this.helping ? 1 : 0)) : 0;
  }

  /** Files to check; workers start once there are enough of them to be worth it. */
  add(jobs: FileJob[]): void {
    for (const j of jobs) this.queue.push(j);
    this.added += jobs.length;
    if (!this.workers.length && this.count > 0 && this.added >= inThreadLimit) this.start();
    this.feedAll();
  }

  /** No more files will come: resolves when every file added has been checked, or the run was cancelled. */
  async finish(): Promise<PoolRun> {
    this.closed = true;
    if (!this.workers.length) return this.inThread();
    if (this.helping) {
      // The listing has ended: the core it ran on is free. However long the queue, this thread takes its
      // share rather than start one more worker, which would compile the engine a third time
      // (docs/design/performance.md, "Threads").
      try {
        await this.help();
      } catch (err) {
        // The workers would keep the process alive after the run has failed.
        await this.stopWorkers();
        throw err;
      }
    }
    if (this.busy > 0 || this.queue.length)
      await new Promise<void>((resolve) => {
        this.settle = resolve;
        this.feedAll();
      });
    await this.stopWorkers();
    if (this.failed) throw this.failed;
    return this.run();
  }

  /** Ends the workers, as the run is over: what they still hold is dropped, so their exit is not taken for a failure. */
  private async stopWorkers(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    for (const w of workers) w.batches = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private run(): PoolRun {
    const results = this.results;
    this.results = [];
    return { results, table: this.table, cancelled: this.cancelled(), inThread: this.checkedHere };
  }

  private cancelled(): boolean {
    return !!this.opts.token?.isCancellationRequested;
  }

  private start(): void {
    for (let i = 0; i < this.count; i++) this.spawn();
  }

  /**
   * A worker's heap is kept small (workerHeapMb): a scan's texts are garbage a moment after they
   * are read, and a large heap only lets them pile up in memory. A worker that fails anyway (out of
   * memory on a pathological file) loses the batch it was checking, reported as skipped, and another
   * takes its place.
   */
  private spawn(): void {
    const w = Object.assign(
      new Worker(this.script!, {
        workerData: { settings: this.settings, cancel: this.cancel, slice: this.opts.sliceMs ?? workerSlice, background: !this.opts.helpInThread },
        resourceLimits: { maxOldGenerationSizeMb: workerHeapMb, maxYoungGenerationSizeMb: workerYoungMb },
      }),
      { batches: [] as FileJob[][] },
    );
    w.on('message', (msg: WorkerBatch) => {
      const jobs = w.batches.shift();
      // Results after the worker failed: its batches were dealt with (fail, below), and another worker has its place.
      if (!jobs) return;
      this.busy--;
      // A worker checks a batch for workerSlice ms at most: what it left goes back to the front of the queue, for
      // another thread (another worker with room, or this one in help). The worker that left it takes its next batch
      // from behind those files while it has a batch to go on with: else the slow files it handed back would all come
      // back to it, and the others would wait for it at the end of the scan.
      const left = msg.ends.length < jobs.length && !this.cancelled() ? jobs.slice(msg.ends.length) : [];
      this.queue.unshift(...left);
      this.keep(adoptBatch(msg, this.table, jobs));
      for (const x of left.length ? this.workers : []) if (x !== w) this.feed(x);
      this.feed(w, w.batches.length ? Math.min(left.length, this.queue.length) : 0);
      this.wakeHelper();
    });
    // The batch a worker was checking when it failed is lost, reported as skipped; the ones waiting in its port were
    // never started, and go back to the queue.
    const fail = (err: Error) => {
      // A worker already stopped (stopWorkers) or already failed: nothing of the run is left with it.
      if (!this.workers.includes(w)) return;
      const [lost = [], ...waiting] = w.batches;
      this.busy -= w.batches.length;
      w.batches = [];
      if (!this.cancelled()) this.queue.unshift(...waiting.flat());
      if (lost.length)
        this.keep(
          packResults(
            lost.map((j): FileResult => ({ rel: j.rel, size: 0, mtimeMs: 0, findings: [], skipped: { id: 'check-failed', args: { error: err.message } } })),
            this.table,
          ),
        );
      this.workers = this.workers.filter((x) => x !== w);
      if (this.workers.length < this.count * 4) this.spawn();
      else {
        this.failed ??= err;
        this.queue = [];
      }
      this.feedAll();
      this.wakeHelper();
    };
    w.on('error', fail);
    // A worker that ends without an error while it holds batches (exit() in its code) would leave them waiting forever.
    w.on('exit', (code) => {
      if (w.batches.length) fail(new Error(`the scan worker exited with code ${code}`));
    });
    this.workers.push(w);
  }

  private wakeHelper(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private keep(batch: PackedResult[]): void {
    for (const r of batch) this.results.push(r);
    this.opts.onResults?.(batch);
  }

  private feedAll(): void {
    for (const w of this.workers) this.feed(w);
    if (!this.workers.length && this.closed) this.settle?.();
  }

  /** Gives the worker batches up to inFlight, taken from the queue after its first `skip` files. */
  private feed(w: Busy, skip = 0): void {
    if (this.cancelled()) {
      Atomics.store(this.cancel, 0, 1);
      this.queue = [];
    }
    while (this.queue.length > skip && w.batches.length < inFlight) {
      const jobs = this.queue.splice(skip, batchSize);
      w.batches.push(jobs);
      this.busy++;
      w.postMessage({ jobs });
    }
    if (this.closed && this.busy === 0 && !this.queue.length) this.settle?.();
  }

  private async inThread(): Promise<PoolRun> {
    await this.help();
    return this.run();
  }

  /** Checks queued files in this thread, a few at a time, until none is left nor out on a worker, or the run is cancelled. */
  private async help(): Promise<void> {
    while (!this.cancelled()) {
      if (!this.queue.length) {
        // What a worker leaves of a batch comes back to the queue (workerSlice): while any batch is out, wait for it.
        if (!this.busy) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const jobs = this.queue.splice(0, inThreadBatch);
      const results: FileResult[] = [];
      const slices = new Slices(this.opts.sliceMs ?? inThreadSlice);
      for (const j of jobs) {
        results.push(checkFile(j, this.settings));
        if (slices.due) break;
      }
      // Large files filled the slice: the rest go back to the front of the queue, for a worker or the next turn.
      if (results.length < jobs.length) this.queue.unshift(...jobs.slice(results.length));
      this.checkedHere += results.length;
      this.keep(packResults(results, this.table));
      // Between batches: the server answers requests, and the workers' results come in and they get more files.
      await nextTurn();
    }
  }
}

/** Checks a known list of files. */
export function checkFiles(jobs: FileJob[], settings: ScanSettings, opts: PoolOptions = {}): Promise<PoolRun> {
  const pool = new CheckPool(settings, opts);
  pool.add(jobs);
  return pool.finish();
}
