// Synthetic `ospo report --json` results of many repositories, for the dashboard's aggregation test, its
// browser test and its benchmark (bench/dashboard.mjs). Deterministic for a seed. The generator keeps its own
// account of what it wrote (files, declared files, findings added and removed), so a test can hold the
// dashboard's sums to numbers that were not computed by the dashboard's code.

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SyntheticOptions {
  repos: number;
  filesPerRepo: number;
  /** Results per repository, a week apart, oldest first. */
  snapshots: number;
  /** Share of files with a header-missing finding in the first result (0-1). */
  findingRate?: number;
  seed?: number;
  /** The first result's day, YYYY-MM-DD. */
  start?: string;
  /**
   * Lay the results out as the sample workflow's artefacts are downloaded (examples/ci/ospo-dashboard.yml):
   * `run-<n>/shard-<k>/<repo>/ospo-report.json`, each naming its repository (`github.com/acme/<repo>`) in its
   * snapshot, with this many shards. Default: `<repo>/result-<n>.json`, named by nothing but the folder.
   */
  shards?: number;
}

export interface SyntheticTotals {
  results: number;
  /** Of every repository's newest result. */
  files: number;
  listed: number;
  declared: number;
  compliant: number;
  findings: number;
  /** Over all results: a repository's first counts all its findings as found. */
  found: number;
  resolved: number;
  /** Repositories whose newest result has a license its previous one did not (GPL-3.0-only). */
  gplRepos: string[];
  /** Repositories whose policy changed at their newest result. */
  policyChanged: string[];
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (random: () => number, n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');

/** Writes a result for every repository and snapshot (see `shards` for where); returns what was written. */
export function writeSyntheticResults(dir: string, options: SyntheticOptions): SyntheticTotals {
  const random = prng(options.seed ?? 1);
  const rate = options.findingRate ?? 0.1;
  const start = Date.parse((options.start ?? '2026-09-01') + 'T12:00:00Z');
  const totals: SyntheticTotals = {
    results: 0,
    files: 0,
    listed: 0,
    declared: 0,
    compliant: 0,
    findings: 0,
    found: 0,
    resolved: 0,
    gplRepos: [],
    policyChanged: [],
  };
  const width = String(options.repos - 1).length;
  for (let r = 0; r < options.repos; r++) {
    const repo = `repo-${String(r).padStart(width, '0')}`;
    const n = options.filesPerRepo;
    const files = Array.from({ length: n }, (_, i) => `src/m${Math.floor(i / 50)}/file-${i}.ts`);
    // Files without a header have a header-missing error; each later result fixes about a third of them.
    let bare = new Set(files.filter(() => random() < rate));
    const gplAt = r % 10 === 3 && options.snapshots > 1 ? options.snapshots - 1 : -1;
    const policyChangeAt = r % 25 === 0 && options.snapshots > 1 ? options.snapshots - 1 : -1;
    for (let s = 0; s < options.snapshots; s++) {
      if (s > 0) {
        const before = bare;
        bare = new Set([...before].filter(() => random() < 0.66));
        totals.resolved += before.size - bare.size;
      }
      totals.found += s === 0 ? bare.size : 0;
      const gpl = s >= gplAt && gplAt >= 0 ? files.filter((f) => !bare.has(f)).slice(0, 3) : [];
      const findings = [...bare]
        .sort()
        .map((file) => ({ file, line: 1, column: 1, rule: 'header-missing', severity: 'error', message: 'No license header in line 1' }));
      const declaredFiles = files.filter((f) => !bare.has(f));
      const mit = declaredFiles.filter((f) => !gpl.includes(f));
      const licenses = [
        { id: 'MIT', files: mit.length, sample: mit.slice(0, 100), tier: 'allowed', osi: true },
        ...(gpl.length ? [{ id: 'GPL-3.0-only', files: gpl.length, sample: gpl, tier: 'denied', osi: true }] : []),
        ...(bare.size ? [{ id: '(none)', files: bare.size, sample: [...bare].sort().slice(0, 100) }] : []),
      ];
      const date = new Date(start + s * 7 * 86400000).toISOString();
      const result = {
        version: 1,
        generatedAt: date,
        snapshot: {
          commit: hex(random, 40),
          ...(options.shards ? { repository: `github.com/acme/${repo}` } : {}),
          date,
          policy: { source: '.ospo/policy.yaml', digest: (s >= policyChangeAt && policyChangeAt >= 0 ? 'b' : 'a').repeat(64) },
        },
        root: `/ci/${repo}`,
        totals: {
          files: n,
          compliant: n - bare.size,
          percent: Math.round(((n - bare.size) / n) * 1000) / 10,
          exempt: 2,
          skipped: 0,
          findings: findings.length,
          suppressed: 0,
          listed: n,
          declared: declaredFiles.length,
          tiers: { allowed: mit.length, review: 0, denied: gpl.length },
          osi: declaredFiles.length,
          severities: { error: findings.length, warning: 0, info: 0, hint: 0 },
          ai: { files: 0, disclosed: 0 },
        },
        folders: [],
        licenses,
        rules: findings.length ? [{ rule: 'header-missing', count: findings.length, severity: 'error' }] : [],
        findings,
        skipped: [],
      };
      const file = options.shards
        ? path.join(dir, `run-${s}`, `shard-${r % options.shards}`, repo, 'ospo-report.json')
        : path.join(dir, repo, `result-${s}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(result));
      totals.results++;
      if (s === options.snapshots - 1) {
        totals.files += n;
        totals.listed += n;
        totals.declared += declaredFiles.length;
        totals.compliant += n - bare.size;
        totals.findings += findings.length;
        if (gplAt === s) totals.gplRepos.push(repo);
        if (policyChangeAt === s) totals.policyChanged.push(repo);
      }
    }
  }
  return totals;
}
