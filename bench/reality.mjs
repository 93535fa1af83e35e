#!/usr/bin/env node
// The reality harness: how `ospo` agrees with reuse-tool 6.2 (the REUSE 3.3 reference) on real
// repositories, and what the default policy says about them.
//
//   npm run reality -- DIR…            (DIR: a checkout; bench/reality-setup.sh makes the corpus)
//     --reuse6 CMD     the reference tool (default: ../shared/reference/reuse6, or $REUSE6)
//     --examples N     examples shown per cell (default 3)
//     --json FILE      also write everything measured as JSON
//
// For each directory it runs `ospo check --reuse --format json` and `reuse6 lint --lines` (per-file
// problems) and `reuse6 lint --json` (the verdict), and prints the files flagged by both, by ospo
// only and by reuse only. Then `ospo check --format json` with the default policy: findings per
// rule, and for the rules reuse has an opinion on (header-missing, copyright-missing,
// license-text-missing/-unused) how many of ours reuse confirms, a floor for their precision.
// Other rules have no reference: their examples are printed to be read.

import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const ospo = path.join(here, '..', 'bin', 'ospo.js');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reuse6: { type: 'string', default: process.env.REUSE6 ?? path.join(here, '..', '..', 'shared', 'reference', 'reuse6') },
    examples: { type: 'string', default: '3' },
    json: { type: 'string' },
  },
});
if (!positionals.length) {
  console.error('usage: npm run reality -- DIR… [--reuse6 CMD] [--examples N] [--json FILE]');
  process.exit(2);
}
if (!existsSync(values.reuse6)) {
  console.error(`reuse6 not found at ${values.reuse6}: run ../shared/reference/setup.sh, or pass --reuse6`);
  process.exit(2);
}
const examples = Number(values.examples);

function run(cmd, args, cwd) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    execFile(cmd, args, { cwd, maxBuffer: 1 << 30, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } }, (err, stdout, stderr) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr, seconds });
    });
  });
}

/** `path: problem` lines of `reuse lint --lines`, by path. */
function reuseProblems(stdout) {
  const byFile = new Map();
  // A problem may quote text with ': ' in it (an invalid expression), so the path ends before a known problem.
  const shape =
    /^(.*?): ((?:missing license|read error|invalid SPDX License Expression|no license identifier|no copyright notice|bad license|deprecated license|license without file extension|unused license).*)$/;
  for (const line of stdout.split('\n')) {
    const m = shape.exec(line);
    if (!m) continue;
    const file = m[1].replace(/^\.\//, '');
    const problem = m[2];
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(problem);
  }
  return byFile;
}

/** Findings of `ospo check --format json`, by file. */
function ospoFindings(stdout) {
  const byFile = new Map();
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { byFile, files: 0, broken: true };
  }
  for (const f of report.findings ?? []) {
    if (!byFile.has(f.file)) byFile.set(f.file, []);
    byFile.get(f.file).push(f);
  }
  return { byFile, files: report.files ?? 0, skipped: report.skipped?.length ?? 0 };
}

const failing = (f) => f.severity === 'error' || f.severity === 'warning';

// What reuse says about a file, by the rule of ours that says the same.
const reuseEquivalent = {
  'header-missing': (p) => p.includes('no license identifier'),
  'copyright-missing': (p) => p.includes('no copyright notice'),
  'license-text-missing': (p) => p.startsWith('missing license'),
  'license-text-unused': (p) => p === 'unused license',
  'spdx-invalid': (p) => p.startsWith('invalid SPDX') || p.startsWith('bad license'),
  'spdx-deprecated': (p) => p === 'deprecated license',
};

const results = [];
for (const dir of positionals) {
  const name = path.basename(path.resolve(dir));
  const [lines, verdict, ours, policy] = [
    await run(values.reuse6, ['lint', '--lines'], dir),
    await run(values.reuse6, ['lint', '--json'], dir),
    await run(process.execPath, [ospo, 'check', '--reuse', '--format', 'json'], dir),
    await run(process.execPath, [ospo, 'check', '--format', 'json'], dir),
  ];
  const reuse = reuseProblems(lines.stdout);
  let reuseCompliant;
  try {
    reuseCompliant = JSON.parse(verdict.stdout).summary.compliant;
  } catch {
    reuseCompliant = undefined;
  }
  const o = ospoFindings(ours.stdout);
  const oFlagged = new Set([...o.byFile].filter(([, fs]) => fs.some(failing)).map(([f]) => f));
  const both = [...oFlagged].filter((f) => reuse.has(f)).sort();
  const ospoOnly = [...oFlagged].filter((f) => !reuse.has(f)).sort();
  const reuseOnly = [...reuse.keys()].filter((f) => !oFlagged.has(f)).sort();
  const info = [...o.byFile]
    .filter(([f, fs]) => !oFlagged.has(f) && fs.length)
    .map(([f]) => f)
    .sort();

  const p = ospoFindings(policy.stdout);
  const perRule = new Map();
  for (const [file, fs] of p.byFile) {
    for (const f of fs) {
      let r = perRule.get(f.rule);
      if (!r) perRule.set(f.rule, (r = { rule: f.rule, findings: 0, files: new Set(), confirmed: 0, examples: [] }));
      r.findings++;
      r.files.add(file);
      const same = reuseEquivalent[f.rule];
      if (same && (reuse.get(file) ?? []).some(same)) r.confirmed++;
      if (r.examples.length < examples) r.examples.push(`${file}:${f.line} ${f.message}`);
    }
  }
  results.push({
    name,
    dir,
    reuse: { compliant: reuseCompliant, flagged: reuse.size, seconds: lines.seconds + verdict.seconds },
    ospo: { exit: ours.code, flagged: oFlagged.size, files: o.files, seconds: ours.seconds, broken: !!o.broken, stderr: ours.stderr.slice(0, 500) },
    both,
    ospoOnly,
    reuseOnly,
    info,
    ospoOnlyDetail: ospoOnly.slice(0, examples).map(
      (f) =>
        `${f}: ${o.byFile
          .get(f)
          .filter(failing)
          .map((x) => `${x.rule}@${x.line}`)
          .join(' ')}`,
    ),
    reuseOnlyDetail: reuseOnly.slice(0, examples).map((f) => `${f}: ${reuse.get(f).join('; ')}`),
    policy: { exit: policy.code, files: p.files, seconds: policy.seconds, rules: [...perRule.values()].map((r) => ({ ...r, files: r.files.size })) },
  });
}

// --- the tables ---
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log('\n## ospo check --reuse against reuse6 lint (files flagged)\n');
console.log(`| ${pad('repository', 30)} | reuse6 | ospo exit | ${lpad('both', 5)} | ${lpad('ospo only', 9)} | ${lpad('reuse only', 10)} | agree |`);
console.log(`|${'-'.repeat(32)}|--------|-----------|-------|-----------|------------|-------|`);
let agreeing = 0;
for (const r of results) {
  const agree = r.ospoOnly.length === 0 && r.reuseOnly.length === 0 && (r.ospo.exit === 0) === (r.reuse.compliant === true);
  if (agree) agreeing++;
  const verdict = r.reuse.compliant === undefined ? '?' : r.reuse.compliant ? 'ok' : 'fails';
  console.log(
    `| ${pad(r.name, 30)} | ${pad(verdict, 6)} | ${lpad(r.ospo.exit, 9)} | ${lpad(r.both.length, 5)} | ${lpad(r.ospoOnly.length, 9)} | ${lpad(r.reuseOnly.length, 10)} | ${agree ? 'yes' : 'NO'}${' '.repeat(agree ? 3 : 4)}|`,
  );
}
console.log(`\n${agreeing} of ${results.length} repositories agree.`);
for (const r of results) {
  if (!r.ospoOnly.length && !r.reuseOnly.length && !r.ospo.broken) continue;
  console.log(`\n### ${r.name}`);
  if (r.ospo.broken) console.log(`ospo printed no JSON: ${r.ospo.stderr}`);
  for (const d of r.ospoOnlyDetail) console.log(`- ospo only: ${d}`);
  for (const d of r.reuseOnlyDetail) console.log(`- reuse only: ${d}`);
}

console.log('\n## Default policy: findings per rule (all repositories)\n');
const total = new Map();
for (const r of results) {
  for (const x of r.policy.rules) {
    let t = total.get(x.rule);
    if (!t) total.set(x.rule, (t = { findings: 0, files: 0, confirmed: 0, repos: [], examples: [] }));
    t.findings += x.findings;
    t.files += x.files;
    t.confirmed += x.confirmed;
    t.repos.push(`${r.name} ${x.findings}`);
    if (t.examples.length < examples) t.examples.push(...x.examples.slice(0, examples - t.examples.length).map((e) => `${r.name}/${e}`));
  }
}
console.log(`| ${pad('rule', 26)} | findings | files | reuse6 confirms |`);
console.log(`|${'-'.repeat(28)}|----------|-------|-----------------|`);
for (const [rule, t] of [...total].sort((a, b) => b[1].findings - a[1].findings)) {
  const confirms = reuseEquivalent[rule] ? `${t.confirmed} (${((100 * t.confirmed) / t.findings).toFixed(1)} %)` : '–';
  console.log(`| ${pad(rule, 26)} | ${lpad(t.findings, 8)} | ${lpad(t.files, 5)} | ${pad(confirms, 15)} |`);
}
for (const [rule, t] of [...total].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`\n- ${rule}: ${t.repos.join(', ')}`);
  for (const e of t.examples) console.log(`  - ${e}`);
}

if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
