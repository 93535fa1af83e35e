// Checks many files on worker threads, one per core. Batches go to whichever worker is free, so a
// few huge files do not hold the others up; cancellation is seen between files. Small jobs run in
// this thread instead: starting a worker costs more than checking a few hundred files.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkFile, FileJob, FileResult, ScanSettings } from './check-file';

export interface Cancellation { readonly isCancellationRequested: boolean }

export interface PoolOptions {
  /** Called with each batch of results as it arrives, in no particular order. */
  onResults?: (results: FileResult[]) => void;
  token?: Cancellation;
  /** Worker threads to use; default: one per core. 0 checks in this thread. */
  workers?: number;
}

export interface PoolRun { results: FileResult[]; cancelled: boolean }

const batchSize = 128;
/** Below this many files, checking in this thread is faster than starting workers. */
export const inThreadLimit = 256;

/** The worker script: next to this module when compiled by tsc, beside the bundle as dist/scan-worker.js. */
function workerScript(): string | undefined {
  const file = path.join(__dirname, 'scan-worker.js');
  return existsSync(file) ? file : undefined;
}

export async function checkFiles(jobs: FileJob[], settings: ScanSettings, opts: PoolOptions = {}): Promise<PoolRun> {
  const script = workerScript();
  const workers = Math.min(opts.workers ?? availableParallelism(), Math.ceil(jobs.length / batchSize));
  if (!script || workers < 1 || jobs.length < inThreadLimit) return inThread(jobs, settings, opts);
  return onWorkers(jobs, settings, opts, script, workers);
}

async function inThread(jobs: FileJob[], settings: ScanSettings, opts: PoolOptions): Promise<PoolRun> {
  const results: FileResult[] = [];
  for (let i = 0; i < jobs.length; i += 32) {
    if (opts.token?.isCancellationRequested) return { results, cancelled: true };
    const batch = jobs.slice(i, i + 32).map((j) => checkFile(j, settings));
    results.push(...batch);
    opts.onResults?.(batch);
    // Let the server answer requests between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { results, cancelled: false };
}

function onWorkers(jobs: FileJob[], settings: ScanSettings, opts: PoolOptions, script: string, count: number): Promise<PoolRun> {
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const results: FileResult[] = [];
  const pool = Array.from({ length: count }, () => new Worker(script, { workerData: { settings, cancel } }));
  let next = 0;
  let busy = 0;
  return new Promise<PoolRun>((resolve, reject) => {
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve({ results, cancelled: !!opts.token?.isCancellationRequested });
    };
    const feed = (w: Worker) => {
      if (opts.token?.isCancellationRequested) Atomics.store(cancel, 0, 1);
      if (next >= jobs.length || Atomics.load(cancel, 0)) {
        if (busy === 0) finish();
        return;
      }
      busy++;
      w.postMessage({ id: next, jobs: jobs.slice(next, next + batchSize) });
      next += batchSize;
    };
    for (const w of pool) {
      w.on('message', (msg: { results: FileResult[] }) => {
        busy--;
        for (const r of msg.results) results.push(r);
        opts.onResults?.(msg.results);
        feed(w);
      });
      w.on('error', finish);
      w.on('exit', (code) => { if (!done && code !== 0) finish(new Error(`scan worker stopped with exit code ${code}`)); });
      feed(w);
    }
  });
}
