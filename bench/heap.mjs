// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// The live heap a whole scan leaves: with its report (every finding, packed) and with the scan cache alone.
// Compares two builds side by side, in one run on the same tree:
//   git worktree add /tmp/base <rev> && ln -s "$PWD/node_modules" /tmp/base/ && (cd /tmp/base && npx tsc -b)
//   npx tsc -b && node --expose-gc bench/heap.mjs [corpus] [other-checkout…]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCorpus } from './lib/corpus.mjs';

if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [corpus = defaultCorpus, ...others] = process.argv.slice(2);
const mb = (bytes) => +(bytes / 1048576).toFixed(1);

async function measure(checkout) {
  const require = createRequire(path.join(checkout, 'package.json'));
  const { scanFolder } = require('./out/server/src/scan/scanner.js');
  const { ScanCache } = require('./out/server/src/scan/cache.js');
  const { defaultPolicy } = require('./out/server/src/engine/policy/model.js');
  const { GitRules } = require('./out/server/src/io/git-rules.js');
  const { packedCount } = require('./out/server/src/scan/compact.js');
  const root = path.resolve(corpus);
  const cache = new ScanCache();
  const t0 = performance.now();
  const report = await scanFolder({ root, policy: defaultPolicy(), git: new GitRules(root), cache, workers: 2 });
  const seconds = +((performance.now() - t0) / 1000).toFixed(2);
  // Findings stay packed from the workers on (scan/compact.ts).
  const findings = report.files.reduce((n, f) => n + packedCount(f.packed), 0);
  global.gc();
  const withReport = process.memoryUsage().heapUsed;
  report.files.length = 0;
  global.gc();
  return { checkout, seconds, findings, heapWithReportMB: mb(withReport), heapCacheOnlyMB: mb(process.memoryUsage().heapUsed) };
}

for (const checkout of [here, ...others]) console.log(JSON.stringify(await measure(path.resolve(checkout))));
