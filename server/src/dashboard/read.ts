// Finds and reads the results `ospo dashboard` is given (docs/design/dashboard.md#inputs): files, folders
// (every `*.json` under them), globs, or a manifest that maps each repository to its results. A file that is
// not a result is listed with the reason and the rest go on: one broken CI artefact must not hide a thousand.

import { slashed } from '../io/fs-paths';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import fg = require('fast-glob');
import { parse as parseYaml } from 'yaml';
import { skipText } from '../engine/coverage';
import { readRegular } from '../io/read-file';
import { commonFolder } from '../report/report';
import { parseResult, ResultError, type Result } from './results';

/** A result file larger than this is not read: 1,000 repositories of 5,000 files each write about 150 KB each. */
export const maxResultBytes = 512 * 1024 * 1024;

export interface Unread {
  source: string;
  reason: string;
}

export interface ReadResults {
  results: Result[];
  unread: Unread[];
}

/** A manifest names these: a repository and its result files (globs, relative to the manifest), maybe its report page. */
interface ManifestEntry {
  repo: string;
  results: string[];
  report?: string;
}

export class InputError extends Error {}

const isGlob = (p: string) => fg.isDynamicPattern(slashed(p));

/** The files a path argument names: itself, every `*.json` under a folder, or a glob's matches. */
async function filesOf(arg: string, cwd: string): Promise<{ files: string[]; base: string }> {
  const abs = path.resolve(cwd, arg);
  if (isGlob(arg)) {
    const files = await fg(slashed(arg), { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true });
    // Named from the folder the glob starts in (`results` of `results/**/*.json`), as that folder given alone would be;
    // the folder its branches share for a brace (`{ra,rb}/*.json`: the current one).
    const bases = fg.generateTasks([slashed(arg)]).map((t) => path.resolve(cwd, t.base));
    const base = bases.length ? commonFolder(bases) : cwd;
    return { files: files.map(path.normalize).sort(), base };
  }
  const stat = await fs.stat(abs).catch(() => undefined);
  if (!stat) throw new InputError(`No such file or folder: ${arg}`);
  if (!stat.isDirectory()) return { files: [abs], base: path.dirname(abs) };
  const files = await fg('**/*.json', {
    cwd: abs,
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ['**/node_modules/**'],
  });
  return { files: files.map(path.normalize).sort(), base: abs };
}

/**
 * A repository's name from where its result lies, when neither a manifest nor the result names it: the
 * folder under the one given (`results/acme-api/ospo-report.json`, as CI artefacts are downloaded), else the
 * folder the report was made of (its `root`), else the file's name without `.json`.
 */
export function nameFromPath(file: string, base: string, root?: string): string {
  const rel = slashed(path.relative(base, file));
  const first = rel.indexOf('/');
  if (first > 0 && !rel.startsWith('../')) return rel.slice(0, first);
  const folder = root?.split(/[\\/]/).filter(Boolean).pop();
  return folder ?? path.basename(file).replace(/\.json$/i, '');
}

async function readManifest(file: string): Promise<ManifestEntry[]> {
  const read = await readRegular(file, 16 * 1024 * 1024);
  if ('skipped' in read) throw new InputError(`${file}: ${skipText(read.skipped)}`);
  let doc: unknown;
  try {
    doc = parseYaml(read.bytes.toString('utf8'));
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}`);
  }
  const repos = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).repositories : undefined;
  if (typeof repos !== 'object' || repos === null || Array.isArray(repos)) {
    throw new InputError(`${file}: a manifest is a map under \`repositories:\` from each repository to its result files`);
  }
  const entries: ManifestEntry[] = [];
  for (const [repo, value] of Object.entries(repos)) {
    const list = (v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
    const direct = list(value);
    const table = !direct && typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    const results = direct ?? list(table?.results);
    if (!results) throw new InputError(`${file}: repository '${repo}': give its result files, or \`results:\` (and \`report:\`)`);
    const report = table?.report;
    if (report !== undefined && typeof report !== 'string') throw new InputError(`${file}: repository '${repo}': \`report:\` is a path or URL`);
    entries.push({ repo, results, ...(typeof report === 'string' ? { report } : {}) });
  }
  return entries;
}

/** The HTML report written beside a report result: the same name with `.html`, or `ospo-report.html` in its folder. */
async function reportBeside(file: string): Promise<string | undefined> {
  for (const candidate of [file.replace(/\.json$/i, '.html'), path.join(path.dirname(file), 'ospo-report.html')]) {
    if (candidate === file) continue;
    const stat = await fs.stat(candidate).catch(() => undefined);
    if (stat?.isFile()) return candidate;
  }
  return undefined;
}

async function readOne(file: string, shown: string): Promise<Result | Unread> {
  const read = await readRegular(file, maxResultBytes);
  if ('skipped' in read) return { source: shown, reason: skipText(read.skipped) };
  let json: unknown;
  try {
    json = JSON.parse(read.bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    return { source: shown, reason: (err as Error).message };
  }
  const stat = await fs.stat(file).catch(() => undefined);
  try {
    return parseResult(json, shown, (stat?.mtime ?? new Date(0)).toISOString());
  } catch (err) {
    if (err instanceof ResultError) return { source: shown, reason: err.message };
    throw err;
  }
}

/**
 * Reads every result the arguments and the manifest name. `cwd` resolves relative arguments; sources are
 * shown relative to it.
 */
export async function readResults(args: string[], manifest: string | undefined, cwd: string): Promise<ReadResults> {
  // The manifest first: a file it names belongs to the repository it says, also when a folder given lists the file too.
  const jobs: { file: string; repo?: string; base: string; report?: string }[] = [];
  const missing: Unread[] = [];
  if (manifest) {
    const at = path.resolve(cwd, manifest);
    const folder = path.dirname(at);
    for (const entry of await readManifest(at)) {
      for (const pattern of entry.results) {
        const { files } = await filesOf(path.isAbsolute(pattern) ? pattern : slashed(path.relative(cwd, path.join(folder, pattern))) || '.', cwd).catch(
          (err: unknown) => {
            if (err instanceof InputError) return { files: [] as string[] };
            throw err;
          },
        );
        // A repository whose CI stopped uploading must not drop out of the dashboard unsaid.
        if (!files.length) missing.push({ source: `${slashed(path.relative(cwd, at)) || at}: ${entry.repo}`, reason: `no result file matches ${pattern}` });
        const report = entry.report && !/^[a-z][a-z0-9+.-]*:/i.test(entry.report) ? path.resolve(folder, entry.report) : entry.report;
        for (const file of files) jobs.push({ file, repo: entry.repo, base: folder, report });
      }
    }
  }
  for (const arg of args) {
    const { files, base } = await filesOf(arg, cwd);
    for (const file of files) jobs.push({ file, base });
  }
  const seen = new Set<string>();
  const results: Result[] = [];
  const unread: Unread[] = [...missing];
  for (const job of jobs) {
    if (seen.has(job.file)) continue;
    seen.add(job.file);
    const shown = slashed(path.relative(cwd, job.file)) || path.basename(job.file);
    const one = await readOne(job.file, shown);
    if ('reason' in one) {
      unread.push(one);
      continue;
    }
    // A result of part of a repository (run from `src/`) is a row of its own, not the repository's newest state.
    const depth = one.path ? one.path.split('/').filter(Boolean).length : 0;
    const top = one.root && depth ? one.root.split(/[\\/]/).slice(0, -depth).join('/') : one.root;
    const named = job.repo ?? one.repository ?? nameFromPath(job.file, job.base, top);
    one.repo = one.path && !job.repo ? `${named}/${one.path.replace(/\/$/, '')}` : named;
    const report = job.report ?? (one.kind === 'report' ? await reportBeside(job.file) : undefined);
    if (report) one.report = report;
    results.push(one);
  }
  return { results, unread };
}
