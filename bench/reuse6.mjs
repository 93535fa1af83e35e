// `ospo check --reuse` against reuse-tool 6.2 (`reuse6 lint`, the REUSE 3.3 reference) on real
// checkouts: wall time and peak memory of each, measured in the same run and given as ratios.
// Memory is the peak of the summed resident set of the process and all its descendants, sampled
// from /proc every 20 ms: reuse-tool lints in a pool of processes, ospo in threads of one process.
// Usage: npm run bench:reuse -- DIR…   (DIR: a checkout, e.g. from bench/reality-setup.sh)
//   REUSE6=path/to/reuse6   the reference tool (default: `reuse6` on PATH)

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const repo = path.resolve(new URL('..', import.meta.url).pathname);
const reuse6 = process.env.REUSE6 ?? 'reuse6';
const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: npm run bench:reuse -- DIR…  (REUSE6=path/to/reuse6)');
  process.exit(2);
}

/** The summed RSS in KiB of a process and its descendants, from /proc (0 once it has exited). */
function treeRssKb(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  let total = 0;
  for (const todo = [pid]; todo.length;) {
    const p = todo.pop();
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      /* gone meanwhile */
    }
    todo.push(...(children.get(p) ?? []));
  }
  return total;
}

function run(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: 'ignore' });
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid))), 20);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(timer);
      resolve({ ms: performance.now() - t, mb: peak / 1024 });
    });
  });
}

/** Twice each (the first run also warms the page cache); the faster run is kept. */
async function best(cmd, args, cwd) {
  const a = await run(cmd, args, cwd);
  const b = await run(cmd, args, cwd);
  return a.ms < b.ms ? a : b;
}

console.log('| repository | files | ospo --reuse | reuse6 lint | ospo faster | ospo peak RSS | reuse6 peak RSS |');
console.log('|---|---|---|---|---|---|---|');
for (const dir of dirs) {
  const files = execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n').length - 1;
  const ospo = await best(process.execPath, [path.join(repo, 'bin/ospo.js'), 'check', '.', '--reuse', '--format', 'json'], dir);
  const ref = await best(reuse6, ['lint', '--json'], dir);
  console.log(
    `| ${path.basename(dir)} | ${files.toLocaleString('en')} | ${(ospo.ms / 1000).toFixed(2)} s | ${(ref.ms / 1000).toFixed(2)} s | ${(ref.ms / ospo.ms).toFixed(1)} × | ${ospo.mb.toFixed(0)} MB | ${ref.mb.toFixed(0)} MB |`,
  );
}
