// What Node itself costs to list and read a tree, with no checking at all, against ripgrep and
// `ospo check` in the same run: the floor under any JavaScript scanner on this machine, which
// tells how much of `ospo check`'s time the engine has left to win (docs/design/performance.md).
// Each floor run reads as a scan's workers do: the listing in this thread, the reading in one
// worker thread per core, files handed over in batches of 128.
// Usage: node bench/floor.mjs [tree]   (default: the kernel corpus of `npm run bench`)

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { defaultCorpus, ensureKernelCorpus } from './lib/corpus.mjs';

const repo = path.resolve(new URL('..', import.meta.url).pathname);
const tree = ensureKernelCorpus(path.resolve(process.argv[2] ?? defaultCorpus));

// A worker that opens, reads (the first 4 KiB, or all of it) and closes each file it is sent, into one reused buffer.
const readerSource = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
let buf = Buffer.allocUnsafe(1 << 20);
parentPort.on('message', ({ root, files, whole }) => {
  let bytes = 0;
  for (const rel of files) {
    let fd;
    try { fd = fs.openSync(root + '/' + rel, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK); } catch { continue; }
    const size = fs.fstatSync(fd).size;
    const want = whole ? size : Math.min(size, 4096);
    if (buf.length < want) buf = Buffer.allocUnsafe(want);
    for (let off = 0; off < want; ) { const n = fs.readSync(fd, buf, off, want - off, off); if (!n) break; off += n; bytes += n; }
    fs.closeSync(fd);
  }
  parentPort.postMessage(bytes);
});`;

/** Lists the tree (fast-glob, no .gitignore rules) and reads it on one worker per core. */
async function nodeFloor(whole) {
  const t = performance.now();
  const { default: fg } = await import('fast-glob');
  const files = await fg('**', { cwd: tree, dot: true, onlyFiles: true, followSymbolicLinks: false });
  const listed = performance.now() - t;
  const workers = Array.from({ length: availableParallelism() }, () => new Worker(readerSource, { eval: true }));
  let next = 0;
  let bytes = 0;
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          const feed = () => {
            if (next >= files.length) return resolve(w.terminate());
            w.postMessage({ root: tree, files: files.slice(next, (next += 128)), whole });
          };
          w.on('message', (n) => {
            bytes += n;
            feed();
          });
          feed();
        }),
    ),
  );
  return { ms: performance.now() - t, listedMs: listed, files: files.length, bytes };
}

function timed(cmd, args) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: tree, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return performance.now() - t;
}

/** Two runs (the first warms the page cache), the faster kept. */
async function best(run) {
  const a = await run();
  const b = await run();
  return (typeof a === 'number' ? a : a.ms) <= (typeof b === 'number' ? b : b.ms) ? a : b;
}

const hasRg = spawnSync('sh', ['-c', 'command -v rg']).status === 0;
const rg = hasRg ? await best(() => timed('rg', ['--no-require-git', '-l', '--max-count', '1', 'SPDX-License-Identifier', '.'])) : undefined;
const tops = await best(() => nodeFloor(false));
const whole = await best(() => nodeFloor(true));
const ospo = (...args) => timed(process.execPath, [path.join(repo, 'bin/ospo.js'), 'check', '.', '--format', 'json', ...args]);
const header = await best(() => ospo('--rules', 'header'));
const all = await best(() => ospo());

const ratio = (ms) => (rg ? `${(ms / rg).toFixed(2)} ×` : '–');
console.log(`\n## The floor on ${tree}: ${tops.files.toLocaleString('en')} files, ${availableParallelism()} cores\n`);
console.log('| run | wall time | vs rg |');
console.log('|---|---|---|');
if (rg) console.log(`| rg -l --max-count 1 SPDX-License-Identifier | ${(rg / 1000).toFixed(2)} s | 1.00 × |`);
console.log(`| Node: list (fast-glob, no rules), no reading | ${(tops.listedMs / 1000).toFixed(2)} s | ${ratio(tops.listedMs)} |`);
console.log(
  `| Node: list, then open, read 4 KiB, close each file on ${availableParallelism()} workers | ${(tops.ms / 1000).toFixed(2)} s | ${ratio(tops.ms)} |`,
);
console.log(`| Node: list, then read each file whole (${(whole.bytes / 1e9).toFixed(2)} GB) | ${(whole.ms / 1000).toFixed(2)} s | ${ratio(whole.ms)} |`);
console.log(`| ospo check --rules header | ${(header / 1000).toFixed(2)} s | ${ratio(header)} |`);
console.log(`| ospo check (all rules) | ${(all / 1000).toFixed(2)} s | ${ratio(all)} |`);
if (!rg) console.log('\n(ripgrep is not installed: `apt-get install -y ripgrep` to compare with it)');
if (!fs.existsSync(path.join(repo, 'dist/cli.js'))) console.log('\n(build first: npm run build)');
