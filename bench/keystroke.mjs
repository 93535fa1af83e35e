// Per-keystroke cost: how long one check of an open document takes, against a baseline measured
// in the same run (a plain substring search over the whole text, the least any checker could do).
// Usage: npm run typecheck && node bench/keystroke.mjs [folder with source files] [max files]
// The default corpus is this repo's node_modules: thousands of real JS/TS files, small and huge.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { checkText } = require('../out/server/src/engine/check.js');
const { defaultPolicy } = require('../out/server/src/engine/policy/model.js');
const { readPolicy } = require('../out/server/src/io/policy-source.js');

const root = path.resolve(process.argv[2] ?? new URL('../node_modules', import.meta.url).pathname);
const max = Number(process.argv[3] ?? 3000);
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (files.length >= max) return;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(m?js|ts|c|h|py|go|rs|sh|md)$/.test(e.name)) files.push(p);
  }
})(root);

const texts = files.map((f) => ({ path: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));
const policy = defaultPolicy();
const bytes = texts.reduce((n, t) => n + t.text.length, 0);

function time(fn, rounds = 5) {
  const perFile = texts.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    texts.forEach((t, i) => {
      const t0 = performance.now();
      fn(t);
      perFile[i] = Math.min(perFile[i], performance.now() - t0);
    });
  }
  const sorted = [...perFile].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { total: perFile.reduce((a, b) => a + b, 0), p50: pick(0.5), p99: pick(0.99), max: sorted[sorted.length - 1] };
}

// The example org policy: license tiers, overrides, holder and year rules all in play.
const orgPolicy = (await readPolicy(new URL('../examples/policies', import.meta.url).pathname, 'repo-policy.yaml', { allowFetch: false })).policy;

let sink = 0;
const baseline = time((t) => {
  sink += t.text.includes('SPDX-License-Identifier') ? 1 : 0;
});
const check = time((t) => {
  sink += checkText(t, policy).findings.length;
});
const checkOrg = time((t) => {
  sink += checkText(t, orgPolicy).findings.length;
});
const ms = (x) => x.toFixed(3).padStart(8) + ' ms';
console.log(`corpus: ${texts.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB of text, under ${root}`);
console.log(`                     p50         p99         max       total`);
console.log(`baseline (includes) ${ms(baseline.p50)} ${ms(baseline.p99)} ${ms(baseline.max)} ${ms(baseline.total)}`);
console.log(`ospo checkText      ${ms(check.p50)} ${ms(check.p99)} ${ms(check.max)} ${ms(check.total)}   (built-in default policy)`);
console.log(`ospo checkText      ${ms(checkOrg.p50)} ${ms(checkOrg.p99)} ${ms(checkOrg.max)} ${ms(checkOrg.total)}   (examples/policies/repo-policy.yaml)`);
console.log(
  `ratio check/baseline (total): ${(check.total / baseline.total).toFixed(2)}   largest file: ${(Math.max(...texts.map((t) => t.text.length)) / 1024).toFixed(0)} KiB   (${sink > 0 ? 'ok' : ''})`,
);
