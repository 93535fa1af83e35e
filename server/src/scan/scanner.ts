// A whole-folder scan, shared by the CLI and the language server: list the files (walk.ts), check
// them on worker threads (pool.ts), and reuse what the cache still holds (cache.ts).

import { sliceMs, Slices } from './slices';
import { todayIso } from '../engine/dates';
import { allCommitTrailerKeys } from '../engine/ai/history';
import type { CheckScope } from '../engine/check';
import type { Finding } from '../engine/findings';
import type { Policy } from '../engine/policy/model';
import type { GitHistory } from '../io/git-history';
import type { GitRules } from '../io/git-rules';
import { cacheKey, ScanCache } from './cache';
import { checkFile, FileJob, ScanSettings } from './check-file';
import { Cancellation, CheckPool } from './pool';
import { PackedFindings, packFindings, StringTable, unpackFindings } from './compact';
import { listFiles, Skipped } from './walk';
import { licensingOf, unreadFileFindings, withPolicySeverity, withProjectLicensing, withReuseLicensing } from '../engine/check';
import { withExceptions } from '../engine/exceptions';
import { listsLicenses } from '../engine/license-tiers';
import type { ReuseInput } from '../engine/reuse/input';
import { finding } from '../engine/rules/rule';
import { readsAiHistory } from '../engine/rules/ai-marker-missing';
import { meta as copyrightMissing } from '../engine/rules/copyright-missing';
import { meta as headerMissing } from '../engine/rules/header-missing';
import { meta as licenseTextMissing } from '../engine/rules/license-text-missing';
import { licenseIdsIn, missingLicenseTexts } from '../engine/reuse/license-texts';
import { aboutContent, exemptReason, sidecarTarget } from '../engine/coverage';
import { range } from '../engine/text';
import { readSidecar } from '../io/read-file';
import * as path from 'node:path';
import { projectFindings, reuseUse } from '../engine/reuse/project';
import { loadReuseContext, reuseFootprint } from '../io/reuse-source';
import { currentLocale } from '../engine/l10n';

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
  /**
   * REUSE 3.3: `auto` (the default) applies REUSE.toml, dep5 and LICENSES/ checks when the project
   * has any of them; `always` for `ospo check --reuse`; `never` to leave REUSE out.
   */
  reuse?: 'auto' | 'always' | 'never';
  /** Files checked so far, of those found so far; `walking` while more may still be found. */
  onProgress?: (done: number, found: number, walking: boolean) => void;
  workers?: number;
  /** Check files in this thread too (scan/pool.ts PoolOptions.helpInThread): for the CLI, never the language server. */
  helpInThread?: boolean;
  /**
   * What a file in neither UTF-8 nor an encoding of its own declaring is read in, instead of a guess:
   * the editor's files.encoding (io/encoding.ts).
   */
  encoding?: string;
  /**
   * The files the editor had open in another encoding than UTF-8 (relative path → decoder label): each is
   * read in it, and never taken from the cache, which does not know it.
   */
  fileEncodings?: ReadonlyMap<string, string>;
  /** Fixed dates, for tests. */
  currentYear?: number;
  today?: string;
}

export interface ScannedFile {
  rel: string;
  findings: Finding[];
}

/** A file of a scan, its findings packed against the report's `strings` (findingsOf unpacks them). */
export interface PackedFile {
  rel: string;
  packed: PackedFindings;
}

export interface ScanReport {
  /**
   * Every file checked, sorted by path, with or without findings. Packed: a large tree's findings
   * as objects were the CLI's peak memory, and the language server keeps them packed anyway.
   */
  files: PackedFile[];
  /** What the files' findings are packed against. */
  strings: StringTable;
  skipped: Skipped[];
  cancelled: boolean;
  /** Files read and checked in this run, the rest coming from the cache. */
  checkedNow: number;
  /** What the files were checked with, for checking one of them again later the same way. */
  settings: ScanSettings;
  /** The REUSE metadata applied after the workers (REUSE.toml and dep5 licensing), when the project follows REUSE. */
  reuse?: ReuseInput;
}

/** Everything a folder's scan needs besides the file list, worker threads included. */
export async function scanSettings(opts: ScanOptions): Promise<ScanSettings> {
  const now = new Date();
  // The history is read only for the one rule that uses it, and never for a header-only scan.
  const wantHistory = opts.history && opts.scope !== 'header' && readsAiHistory(opts.policy);
  const historyMap = wantHistory ? await opts.history!.allFiles(allCommitTrailerKeys(opts.policy)) : undefined;
  const mode = opts.reuse ?? 'auto';
  const footprint = mode === 'never' ? undefined : await reuseFootprint(opts.root);
  const reuse = footprint && (mode === 'always' || footprint.follows) ? { licenseFiles: footprint.licenseFiles } : undefined;
  return {
    reuse,
    encoding: opts.encoding,
    root: opts.root,
    locale: currentLocale(),
    policy: opts.policy,
    scope: opts.scope ?? 'all',
    currentYear: opts.currentYear ?? now.getFullYear(),
    today: opts.today ?? todayIso(now),
    history: historyMap && Object.fromEntries(historyMap),
  };
}

/**
 * One literal with every field, absent ones undefined: a job made by spreading objects into another
 * was a dictionary of 287 bytes against 71, and a git work tree queues every job at once (22 MB of the
 * CLI's heap on the Linux sources).
 */
export function jobFor(rel: string, listed: Set<string>, git: GitRules | undefined, cache?: ScanCache, encoding?: string, byGit?: boolean): FileJob {
  return {
    rel,
    generated: git?.isGenerated(rel) || undefined,
    sidecar: listed.has(rel + '.license') || undefined,
    byGit: byGit || undefined,
    cached: encoding ? undefined : cache?.stamp(rel),
    encoding: encoding || undefined,
  };
}

export async function scanFolder(opts: ScanOptions): Promise<ScanReport> {
  const settings = await scanSettings(opts);
  const cache = opts.cache;
  cache?.useKey(
    cacheKey({
      policy: opts.policy,
      scope: settings.scope,
      year: settings.currentYear,
      today: settings.today,
      history: settings.history,
      reuse: settings.reuse,
      // What a file that is not UTF-8 is read in, instead of a guess: another setting, other texts.
      encoding: settings.encoding,
    }),
  );

  let done = 0;
  let found = 0;
  let walking = true;
  const pool = new CheckPool(settings, {
    table: cache?.table,
    token: opts.token,
    workers: opts.workers,
    helpInThread: opts.helpInThread,
    onResults: (batch) => {
      // Files git listed that are gone from the work tree were never part of the scan: they leave the count as they are found out.
      const ignored = batch.reduce((n, r) => n + (r.ignored ? 1 : 0), 0);
      found -= ignored;
      done += batch.length - ignored;
      opts.onProgress?.(done, found, walking);
    },
  });
  // Files go to the workers while the walk goes on: listing and checking overlap.
  const listed = new Set<string>();
  const listing = await listFiles(opts.root, opts.policy, opts.git, opts.under, (files, byGit) => {
    for (const f of files) listed.add(f);
    const targets = opts.only ? files.filter((f) => opts.only!.has(f)) : files;
    found += targets.length;
    pool.add(targets.map((rel) => jobFor(rel, listed, opts.git, cache, opts.fileEncodings?.get(rel), byGit)));
  });
  walking = false;
  opts.onProgress?.(done, found, walking);
  const run = await pool.finish();

  // What follows goes over every file in this thread: in the language server's, it lets requests in (slices.ts).
  // Meanwhile another scan of the folder may key the shared cache anew (a policy edit during a rescan): its
  // table is then the other scan's, and this one, superseded, must not touch it. A cancelled scan still keeps
  // what it checked in the cache, but skips the rest.
  const superseded = () => !!cache && cache.table !== run.table;
  const stopped = () => superseded() || !!opts.token?.isCancellationRequested;
  const slices = new Slices(sliceMs, () => !stopped());
  const files: PackedFile[] = [];
  const skipped = [...listing.skipped];
  let checkedNow = 0;
  // The license ids of each file read as text, for what the project's license texts are used by.
  const own = new Map<string, readonly string[]>();
  for (const r of superseded() ? [] : run.results) {
    if (slices.due) {
      await slices.next();
      if (superseded()) break;
    }
    if (r.ignored) {
      listed.delete(r.rel);
      cache?.delete(r.rel);
      continue;
    }
    if (!r.unchanged) checkedNow++;
    const entry = cache ? cache.keep(r) : r;
    if (!entry) continue;
    if (entry.licenseIds) own.set(r.rel, entry.licenseIds);
    if (entry.skipped) skipped.push({ file: r.rel, reason: entry.skipped });
    else files.push({ rel: r.rel, packed: entry.packed });
  }
  const strings = run.table;
  let cancelled = run.cancelled || stopped();
  const reuse = settings.reuse && !cancelled ? await applyReuse(opts, settings, listed, files, strings, skipped, own, slices) : undefined;
  if (!(await slices.next())) cancelled = true;
  if (cache && !opts.only && !opts.under && !cancelled) cache.retain(listed);
  const byPath = (a: { rel?: string; file?: string }, b: { rel?: string; file?: string }) => {
    const x = a.rel ?? a.file!;
    const y = b.rel ?? b.file!;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  files.sort(byPath);
  skipped.sort(byPath);
  return { files, strings, skipped, cancelled, checkedNow, settings, reuse };
}

/** A scanned file's findings as objects. */
export function findingsOf(report: Pick<ScanReport, 'strings'>, file: PackedFile): Finding[] {
  return unpackFindings(file.packed, report.strings.strings);
}

/**
 * REUSE 3.3 over the whole listing, in this thread once the workers are done: files licensed by
 * REUSE.toml or dep5 lose their header-missing and copyright-missing findings, and findings about
 * the metadata itself join the results. `own`: the license ids of the files read as text.
 */
async function applyReuse(
  opts: ScanOptions,
  settings: ScanSettings,
  listed: Set<string>,
  files: PackedFile[],
  strings: StringTable,
  skipped: Skipped[],
  own: Map<string, readonly string[]>,
  slices: Slices,
): Promise<ReuseInput> {
  const project = await loadReuseContext(opts.root, [...listed]);
  const input = { context: project, licenseFiles: project.licenseFiles };
  // A stopped scan's result is dropped (scanFolder): its loops below end early, with what they have.
  if (!(await slices.next())) return input;
  // Only REUSE.toml or dep5 change a file's findings here. Without them, what the worker applied (the
  // severity table, then the exceptions) is all there is, and applying it again changes nothing: the
  // files are left packed (unpacking every file's findings cost 0.3 s at the end of a kernel scan).
  const licensesFiles = project.tomls.length > 0 || !!project.dep5;
  for (const f of licensesFiles ? files : []) {
    if (slices.due && !(await slices.next())) break;
    // One file's findings at a time as objects: garbage as soon as they are packed again.
    const findings = findingsOf({ strings }, f);
    // The findings REUSE licensing adds are judged by the policy's exceptions as the worker's were.
    const out = withProjectLicensing(findings, f.rel, input, settings.policy, settings.today);
    if (out !== findings) f.packed = packFindings(out, strings);
  }
  const byRel = new Map(files.map((f) => [f.rel, f]));
  // Every finding made here, after the workers (binary files, LICENSES/, REUSE.toml), meets the policy's exceptions too.
  const add = (rel: string, made: Finding) => {
    const [finding] = withExceptions([made], rel, undefined, settings.policy, settings.today);
    let entry = byRel.get(rel);
    if (!entry) {
      entry = { rel, packed: [] };
      byRel.set(rel, entry);
      files.push(entry);
    }
    entry.packed = [...entry.packed, ...packFindings([finding], strings)];
  };
  // Only a policy with license lists (here or in an override) denies anything: no sidecar is read for nothing.
  const judged = listsLicenses(settings.policy.licenses) || settings.policy.overrides.length > 0;
  if (opts.reuse !== 'always' && judged) {
    // A file not read as text (an image, a binary) has licensing all the same, from its `.license` file, REUSE.toml or
    // dep5: the policy's tiers judge it, or a denied license could pass in a picture (engine/check.ts unreadFileFindings).
    for (let i = skipped.length - 1; i >= 0; i--) {
      const s = skipped[i];
      if (!aboutContent(s.reason) || !listed.has(s.file)) continue;
      const sidecar = listed.has(s.file + '.license') ? await readSidecar(path.join(opts.root, s.file)) : undefined;
      const found = unreadFileFindings(s.file, sidecar, project, settings.policy, settings.today);
      if (!found.length) continue;
      skipped.splice(i, 1);
      for (const f of found) add(s.file, f);
    }
  }
  if (opts.reuse === 'always') {
    // REUSE covers binary and other unreadable-as-text files too: a sidecar or REUSE.toml must license them.
    for (let i = skipped.length - 1; i >= 0; i--) {
      const s = skipped[i];
      if (!aboutContent(s.reason) || !listed.has(s.file)) continue;
      skipped.splice(i, 1);
      const sidecar = listed.has(s.file + '.license') ? await readSidecar(path.join(opts.root, s.file)) : undefined;
      const mine = licensingOf(s.file, undefined, undefined, sidecar);
      const name = s.file.slice(s.file.lastIndexOf('/') + 1);
      const base: Finding[] = [];
      if (!mine.licenses.length)
        base.push(
          finding(
            headerMissing,
            range(0, 0, 0),
            sidecar === undefined ? 'header-missing.uncommentable' : 'header-missing.sidecar',
            { file: name },
            {
              ownCopyright: mine.copyrights.length > 0,
            },
          ),
        );
      if (!mine.copyrights.length)
        base.push(finding(copyrightMissing, range(0, 0, 0), sidecar === undefined ? 'copyright-missing' : 'copyright-missing.sidecar', { file: name }));
      for (const l of mine.licenses) {
        for (const id of missingLicenseTexts(new Set(licenseIdsIn(l.value)), project.licenseFiles))
          base.push(finding(licenseTextMissing, range(0, 0, 0), 'license-text-missing', { id }));
      }
      if (!byRel.has(s.file)) {
        const entry = { rel: s.file, packed: [] };
        byRel.set(s.file, entry);
        files.push(entry);
      }
      for (const f of withReuseLicensing(base, s.file, input, settings.policy)) add(s.file, f);
      own.set(
        s.file,
        mine.licenses.flatMap((l) => licenseIdsIn(l.value)),
      );
    }
  }
  // The sidecars of files that were not read as text (binary, too large, exempt) license them all the same.
  for (const rel of listed) {
    if (slices.due && !(await slices.next())) break;
    const target = sidecarTarget(rel);
    if (!target || !listed.has(target) || own.has(target)) continue;
    const text = await readSidecar(path.join(opts.root, target));
    if (text !== undefined)
      own.set(
        target,
        licensingOf(target, undefined, undefined, text).licenses.flatMap((l) => licenseIdsIn(l.value)),
      );
  }
  const covered: string[] = [];
  for (const rel of listed) {
    if (slices.due && !(await slices.next())) break;
    if (!exemptReason(rel)) covered.push(rel);
  }
  const use = reuseUse(
    project,
    covered.map((rel) => ({ rel, ids: own.get(rel) ?? [] })),
  );
  // What nothing uses can only be told when every file was read whole and the policy left none out.
  const whole = !opts.only && !opts.under && settings.scope === 'all' && coversEverything(opts.policy);
  const git = opts.git;
  for (const { file, finding } of projectFindings(project, use, whole, git && ((rel) => git.isIgnored(rel)))) {
    for (const f of withPolicySeverity([finding], opts.policy, file)) add(file, f);
  }
  return input;
}

/** Whether the policy checks every file REUSE covers (`--reuse` does), so that its scan sees every use of a license. */
function coversEverything(policy: Policy): boolean {
  return policy.files.include.includes('**/*') && policy.files.exclude.length === 0;
}

/** Re-checks one file in this thread (a file changed on disk): what a scan would say of it now. */
export function rescanFile(rel: string, settings: ScanSettings, listed: Set<string>, git?: GitRules): ScannedFile | Skipped {
  const r = checkFile(jobFor(rel, listed, git), settings);
  return r.skipped ? { file: rel, reason: r.skipped } : { rel, findings: r.findings };
}
