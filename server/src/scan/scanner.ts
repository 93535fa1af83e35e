// A whole-folder scan, shared by the CLI and the language server: list the files (walk.ts), check
// them on worker threads (pool.ts), and reuse what the cache still holds (cache.ts).

import { allCommitTrailerKeys } from '../engine/ai-trailers';
import type { CheckScope } from '../engine/check';
import type { Finding } from '../engine/findings';
import type { Policy } from '../engine/policy/model';
import type { GitHistory } from '../io/git-history';
import type { GitRules } from '../io/git-rules';
import { cacheKey, ScanCache } from './cache';
import { checkFile, FileJob, ScanSettings } from './check-file';
import { Cancellation, CheckPool } from './pool';
import { listFiles, Skipped } from './walk';

export interface ScanOptions {
  root: string;
  /** A subfolder of the root to scan, relative to it; the root's rules still apply. */
  under?: string;
  policy: Policy;
  git?: GitRules;
  history?: GitHistory;
  scope?: CheckScope;
  /** Check only these files (relative to the root), when they are listed: `ospo check --changed`. */
  only?: Set<string>;
  cache?: ScanCache;
  token?: Cancellation;
  /** Files checked so far, of those found so far; `walking` while more may still be found. */
  onProgress?: (done: number, found: number, walking: boolean) => void;
  workers?: number;
  /** Fixed dates, for tests. */
  currentYear?: number;
  today?: string;
}

export interface ScannedFile { rel: string; findings: Finding[] }

export interface ScanReport {
  /** Every file checked, sorted by path, with or without findings. */
  files: ScannedFile[];
  skipped: Skipped[];
  cancelled: boolean;
  /** Files read and checked in this run, the rest coming from the cache. */
  checkedNow: number;
}

/** Everything a folder's scan needs besides the file list, worker threads included. */
export async function scanSettings(opts: ScanOptions): Promise<ScanSettings> {
  const now = new Date();
  const historyMap = opts.history && (await opts.history.allFiles(allCommitTrailerKeys(opts.policy)));
  return {
    root: opts.root,
    policy: opts.policy,
    scope: opts.scope ?? 'all',
    currentYear: opts.currentYear ?? now.getFullYear(),
    today: opts.today ?? now.toISOString().slice(0, 10),
    history: historyMap && Object.fromEntries(historyMap),
  };
}

export function jobFor(rel: string, listed: Set<string>, git: GitRules | undefined, cache?: ScanCache): FileJob {
  const cached = cache?.get(rel);
  return {
    rel, generated: git?.isGenerated(rel) || undefined, sidecar: listed.has(rel + '.license') || undefined,
    cached: cached && { size: cached.size, mtimeMs: cached.mtimeMs, sidecarMtimeMs: cached.sidecarMtimeMs, generated: cached.generated },
  };
}

export async function scanFolder(opts: ScanOptions): Promise<ScanReport> {
  const settings = await scanSettings(opts);
  const cache = opts.cache;
  cache?.useKey(cacheKey({ policy: opts.policy, scope: settings.scope, year: settings.currentYear, today: settings.today, history: settings.history }));

  let done = 0;
  let found = 0;
  let walking = true;
  const pool = new CheckPool(settings, {
    token: opts.token, workers: opts.workers,
    onResults: (batch) => {
      // Files git ignores were never part of the scan: they leave the count as they are found out.
      const ignored = batch.reduce((n, r) => n + (r.ignored ? 1 : 0), 0);
      found -= ignored;
      done += batch.length - ignored;
      opts.onProgress?.(done, found, walking);
    },
  });
  // Files go to the workers while the walk goes on: listing and checking overlap.
  const listed = new Set<string>();
  // Files are matched against .gitignore on the workers: on a large tree that is a good part of the work.
  const checkIgnore = !!opts.git && opts.policy.files.respectGitignore;
  const listing = await listFiles(opts.root, opts.policy, opts.git, opts.under, (files) => {
    for (const f of files) listed.add(f);
    const targets = opts.only ? files.filter((f) => opts.only!.has(f)) : files;
    found += targets.length;
    pool.add(targets.map((rel) => ({ ...jobFor(rel, listed, opts.git, cache), checkIgnore })));
  }, checkIgnore);
  walking = false;
  opts.onProgress?.(done, found, walking);
  const run = await pool.finish();

  const files: ScannedFile[] = [];
  const skipped = [...listing.skipped];
  let checkedNow = 0;
  for (const r of run.results) {
    if (r.ignored) { listed.delete(r.rel); cache?.delete(r.rel); continue; }
    if (!r.unchanged) checkedNow++;
    const entry = cache ? cache.put(r) : r;
    if (!entry) continue;
    if (entry.skipped) skipped.push({ file: r.rel, reason: entry.skipped });
    else files.push({ rel: r.rel, findings: entry.findings });
  }
  if (cache && !opts.only && !opts.under && !run.cancelled) cache.retain(listed);
  const byPath = (a: { rel?: string; file?: string }, b: { rel?: string; file?: string }) => {
    const x = a.rel ?? a.file!;
    const y = b.rel ?? b.file!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  files.sort(byPath);
  skipped.sort(byPath);
  return { files, skipped, cancelled: run.cancelled, checkedNow };
}

/** Re-checks one file in this thread (a file changed on disk): what a scan would say of it now. */
export function rescanFile(rel: string, settings: ScanSettings, listed: Set<string>, git?: GitRules): ScannedFile | Skipped {
  const r = checkFile(jobFor(rel, listed, git), settings);
  return r.skipped ? { file: rel, reason: r.skipped } : { rel, findings: r.findings };
}
