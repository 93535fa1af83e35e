// How long a policy reload takes: reading the repo policy of examples/policies (which extends a
// local org base), validating both against the schema, merging, and the first license-tier
// decision. Baseline in the same run: parsing the same two YAML files with the yaml package alone.
// Usage: npm run typecheck && node bench/policy-reload.mjs [rounds]

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const { loadPolicyText } = require('../out/server/src/io/policy-source.js');
const { licenseTier } = require('../out/server/src/engine/license-tiers.js');

const dir = new URL('../examples/policies/', import.meta.url).pathname;
const file = path.join(dir, 'repo-policy.yaml');
const text = fs.readFileSync(file, 'utf8');
const baseText = fs.readFileSync(path.join(dir, 'org-base.yaml'), 'utf8');
const rounds = Number(process.argv[2] ?? 200);

async function time(fn) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { first: samples.at(-1), p50: samples[Math.floor(rounds / 2)], p99: samples[Math.floor(rounds * 0.99)] };
}

const first = performance.now();
await loadPolicyText(file, text, { allowFetch: false });
const cold = performance.now() - first;
const baseline = await time(async () => {
  parse(text);
  parse(baseText);
});
const reload = await time(async () => {
  const { policy } = await loadPolicyText(file, text, { allowFetch: false });
  licenseTier('MIT OR GPL-3.0-only', policy.licenses);
});
const ms = (x) => `${x.toFixed(2)} ms`;
console.log(`first load in a fresh process (schema compile included): ${ms(cold)}`);
console.log(`baseline (yaml.parse of both files): p50 ${ms(baseline.p50)}  p99 ${ms(baseline.p99)}`);
console.log(`policy reload (read base, validate, merge, tier):   p50 ${ms(reload.p50)}  p99 ${ms(reload.p99)}`);
console.log(`ratio reload/baseline (p50): ${(reload.p50 / baseline.p50).toFixed(1)}`);
