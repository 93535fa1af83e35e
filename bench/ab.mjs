// A/B: `ospo check` from two builds of the product on the same tree, run alternately in one
// session, so a change is judged against its base under the same noise (this machine's timings
// move by 10-20 % from run to run). Prints each run and the medians, with B/A ratios.
// Usage: node bench/ab.mjs BASE-CHECKOUT TREE [runs] [-- extra ospo check arguments]
//   BASE-CHECKOUT  a built checkout (dist/ present), e.g. `git worktree add /tmp/base main && cd /tmp/base && npm ci`
//   A is BASE-CHECKOUT, B is this checkout.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const here = path.resolve(new URL('..', import.meta.url).pathname);
const dash = process.argv.indexOf('--');
const [base, tree, runsArg] = process.argv.slice(2, dash < 0 ? undefined : dash);
const extra = dash < 0 ? [] : process.argv.slice(dash + 1);
if (!base || !tree) {
  console.error('usage: node bench/ab.mjs BASE-CHECKOUT TREE [runs] [-- ospo check arguments]');
  process.exit(2);
}
const runs = Number(runsArg ?? 3);
const builds = { A: path.resolve(base), B: here };

function once(checkout) {
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--require', path.join(here, 'bench/lib/peak-rss.cjs'), path.join(checkout, 'bin/ospo.js'), 'check', '.', '--format', 'json', ...extra],
    { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const ms = performance.now() - t;
  if (r.error) throw r.error;
  const kb = Number(/OSPO_PEAK_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0);
  const findings = JSON.parse(r.stdout).findings.length;
  return { ms, mb: kb / 1024, findings };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seen = { A: [], B: [] };
once(builds.A); // warms the page cache
for (let i = 0; i < runs; i++) {
  for (const k of i % 2 ? ['B', 'A'] : ['A', 'B']) {
    const r = once(builds[k]);
    seen[k].push(r);
    console.log(`${k} ${(r.ms / 1000).toFixed(2)} s ${r.mb.toFixed(0)} MB ${r.findings} findings`);
  }
}
const ms = (k) => median(seen[k].map((r) => r.ms));
const mb = (k) => median(seen[k].map((r) => r.mb));
console.log(`\nmedian of ${runs}: A ${(ms('A') / 1000).toFixed(2)} s ${mb('A').toFixed(0)} MB; B ${(ms('B') / 1000).toFixed(2)} s ${mb('B').toFixed(0)} MB`);
console.log(`B/A: time ${(ms('B') / ms('A')).toFixed(2)} ×, peak RSS ${(mb('B') / mb('A')).toFixed(2)} ×`);
if (seen.A[0].findings !== seen.B[0].findings) console.log(`findings differ: A ${seen.A[0].findings}, B ${seen.B[0].findings}`);
