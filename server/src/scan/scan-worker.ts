// A worker thread of the workspace scan: checks the batches of files it is sent, one file after
// another, and stops between files once the scan is cancelled (a flag shared with the pool).

import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, FileJob, FileResult, ScanSettings } from './check-file';

const { settings, cancel } = workerData as { settings: ScanSettings; cancel: Int32Array };

parentPort!.on('message', (msg: { jobs: FileJob[] }) => {
  const results: FileResult[] = [];
  for (const job of msg.jobs) {
    if (Atomics.load(cancel, 0)) break;
    results.push(checkFile(job, settings));
  }
  parentPort!.postMessage({ results });
});
