// A worker thread of the workspace scan: checks the batches of files it is sent, one file after
// another, and stops between files once the scan is cancelled (a flag shared with the pool) or the
// batch has taken its time (pool.ts workerSlice).

import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, FileJob, FileResult, ScanSettings } from './check-file';
import { batchBuffers, packBatch } from './compact';
import { setLocale } from '../engine/l10n';
import { Slices } from './slices';

/**
 * `slice`: how long to check a batch, in ms, before sending what is done (pool.ts workerSlice).
 * `background`: the pool's own thread does not check files (the language server's): it answers the editor,
 * and with as many busy workers as cores a keystroke's diagnostics waited behind them, so the worker runs
 * at a lower priority (docs/design/performance.md, "Typing while the workspace is scanned").
 */
const { settings, cancel, slice, background } = workerData as { settings: ScanSettings; cancel: Int32Array; slice: number; background: boolean };
const backgroundNice = 10;
// Linux sets a thread's own priority here (setpriority with pid 0); elsewhere the call would lower the whole process's.
if (background && process.platform === 'linux') {
  try {
    // Relative to the thread's own: under `nice -n 15` an absolute 10 would raise the worker above the server.
    setPriority(Math.min(19, getPriority() + backgroundNice));
  } catch {
    // Not allowed here: the scan runs at the priority it has.
  }
}
// A new thread starts in English whatever the process's language: the messages are rendered here.
setLocale(settings.locale);

parentPort!.on('message', (msg: { jobs: FileJob[] }) => {
  const results: FileResult[] = [];
  const slices = new Slices(slice);
  for (const job of msg.jobs) {
    if (Atomics.load(cancel, 0)) break;
    // TEST ONLY (not in production bundles, scripts/build.mjs): the worker fails at a file of this name, as one that
    // runs out of memory on a pathological file does (pool.ts); with `exit:` before the name, it exits instead.
    if (process.env.OSPO_TEST_WORKER_CRASH_ON) testCrash(job.rel, process.env.OSPO_TEST_WORKER_CRASH_ON);
    results.push(checkFile(job, settings));
    if (slices.due) break;
  }
  // Columns of numbers and a table of this batch's strings: each rule id, message and fix text crosses once.
  const batch = packBatch(results);
  parentPort!.postMessage(batch, batchBuffers(batch));
});

function testCrash(rel: string, name: string): void {
  if (name.startsWith('exit:') && rel === name.slice(5)) process.exit(3);
  if (rel === name) throw new Error(`test crash on ${name}`);
}
