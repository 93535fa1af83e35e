// Loads a project's REUSE metadata: every REUSE.toml (root and nested), `.reuse/dep5` and the file
// names in LICENSES/. Parsing is the pure engine's (engine/reuse); this only reads files.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import fg = require('fast-glob');
import { parseReuseToml, ReuseToml, TomlProblem } from '../engine/reuse/reuse-toml';
import { Dep5, parseDep5 } from '../engine/reuse/dep5';
import { ReuseContext } from '../engine/reuse/licensing';
import type { ReuseInput } from '../engine/reuse/input';
import { gitFiles } from './git-files';
import { GitRules } from './git-rules';

export interface LoadedReuseContext extends ReuseContext {
  /** Files in LICENSES/ (recursively), relative to LICENSES/, `/`-separated, sorted. */
  licenseFiles: string[];
  /** Problems of the REUSE.toml files and the dep5 file, with the root-relative file they are in. */
  problems: { file: string; problem: TomlProblem }[];
}

export const dep5Path = '.reuse/dep5';

// Folders never searched for REUSE.toml: VCS data, dependencies. (Whatever else the caller skips,
// such as git-ignored folders, it leaves out of `files`.)
const skippedDirs = new Set(['.git', '.hg', '.sl', 'node_modules']);

function toPosix(rel: string): string {
  return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}

function inSkippedDir(rel: string): boolean {
  return rel
    .split('/')
    .slice(0, -1)
    .some((d) => skippedDirs.has(d));
}

async function readBytes(abs: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
    throw err;
  }
}

/**
 * The files in LICENSES/ that belong to the project: those git lists (a tracked text counts even
 * when a .gitignore pattern matches its name), or without git those .gitignore does not ignore.
 */
async function listLicenses(root: string): Promise<string[]> {
  const dir = path.join(root, 'LICENSES');
  let entries: string[];
  try {
    entries = (await fg('**/*', { cwd: dir, dot: true, onlyFiles: true, followSymbolicLinks: false })).map(toPosix);
  } catch {
    return [];
  }
  if (!entries.length) return [];
  const listed = await gitFiles(root, 'LICENSES');
  if (listed) {
    const known = new Set(listed.files);
    entries = entries.filter((f) => known.has(`LICENSES/${f}`));
  } else {
    const rules = new GitRules(root);
    entries = entries.filter((f) => !rules.isIgnored(`LICENSES/${f}`));
  }
  return entries.sort();
}

/**
 * Reads the REUSE metadata under `root`. `files` (root-relative paths, the caller's listing of the
 * project) saves a directory walk; without it REUSE.toml files are found with fast-glob, skipping
 * .git and node_modules. Unreadable or broken files come back as problems, never as exceptions
 * (except for I/O errors other than "not found").
 */
export async function loadReuseContext(root: string, files?: string[]): Promise<LoadedReuseContext> {
  // Read from disk even with a listing: listings often leave out dot folders such as .reuse/.
  const read = (rel: string) => readBytes(path.join(root, rel));
  if (files) return reuseContextOf(files, read);
  const tomlPaths = (
    await fg('**/REUSE.toml', {
      cwd: root,
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      ignore: ['**/.git/**', '**/.hg/**', '**/.sl/**', '**/node_modules/**'],
    })
  ).map(toPosix);
  return parseReuseFiles(tomlPaths, await listLicenses(root), read);
}

/**
 * The REUSE metadata of a listing of the project's files (root-relative), read with `read`: the
 * disk's, or a past commit's git objects (the report's history), so both see the same metadata.
 */
export function reuseContextOf(files: string[], read: (rel: string) => Promise<Buffer | undefined>): Promise<LoadedReuseContext> {
  const rels = files.map(toPosix);
  const tomlPaths = rels.filter((f) => (f === 'REUSE.toml' || f.endsWith('/REUSE.toml')) && !inSkippedDir(f));
  const licenseFiles = rels
    .filter((f) => f.startsWith('LICENSES/'))
    .map((f) => f.slice('LICENSES/'.length))
    .sort();
  return parseReuseFiles(tomlPaths, licenseFiles, read);
}

/** Everything a check needs of REUSE for a listing of the project's files, or undefined when the project does not follow REUSE. */
export async function reuseInputOf(
  files: string[],
  read: (rel: string) => Promise<Buffer | undefined>,
): Promise<(ReuseInput & { context: LoadedReuseContext }) | undefined> {
  const rels = files.map(toPosix);
  if (!rels.some((f) => f === 'REUSE.toml' || f === dep5Path || f.startsWith('LICENSES/'))) return undefined;
  const context = await reuseContextOf(rels, read);
  return { context, licenseFiles: context.licenseFiles };
}

async function parseReuseFiles(tomlPaths: string[], licenseFiles: string[], read: (rel: string) => Promise<Buffer | undefined>): Promise<LoadedReuseContext> {
  const problems: LoadedReuseContext['problems'] = [];
  const readText = async (rel: string) => (await read(rel))?.toString('utf8').replace(/^\uFEFF/, '');
  tomlPaths.sort();

  const tomls: ReuseToml[] = [];
  for (const rel of tomlPaths) {
    const text = await readText(rel);
    if (text === undefined) continue;
    const toml = parseReuseToml(text, rel);
    tomls.push(toml);
    for (const problem of toml.problems) problems.push({ file: rel, problem });
  }

  let dep5: Dep5 | undefined;
  const dep5Text = await readText(dep5Path);
  if (dep5Text !== undefined) {
    dep5 = parseDep5(dep5Text, dep5Path);
    for (const problem of dep5.problems) problems.push({ file: dep5Path, problem });
    if (tomls.length > 0) {
      problems.push({
        file: dep5Path,
        problem: {
          message: `REUSE.toml (${tomls[0].file}) and .reuse/dep5 must not be used together: convert .reuse/dep5 to REUSE.toml`,
          line: 0,
          character: 0,
        },
      });
    } else {
      problems.push({
        file: dep5Path,
        // Advice, not a breach: REUSE 3.3 still accepts dep5 (and reuse-tool calls such a project compliant).
        problem: { message: '.reuse/dep5 is deprecated: convert it to REUSE.toml', line: 0, character: 0, severity: 'info' },
      });
    }
  }

  return { tomls, dep5, licenseFiles, problems };
}

/** Whether the project follows REUSE: it has a LICENSES/ folder, a REUSE.toml or a .reuse/dep5. */
async function followsReuse(root: string): Promise<boolean> {
  const exists = (rel: string) =>
    fs.access(path.join(root, rel)).then(
      () => true,
      () => false,
    );
  const hasDir = await fs.stat(path.join(root, 'LICENSES')).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return hasDir || (await exists('REUSE.toml')) || (await exists(dep5Path));
}

/**
 * Whether the project follows REUSE, and the names in LICENSES/: cheap enough to ask before a
 * scan starts (the scan reads the REUSE.toml files from its own listing afterwards).
 */
export async function reuseFootprint(root: string): Promise<{ follows: boolean; licenseFiles: string[] }> {
  return { follows: await followsReuse(root), licenseFiles: await listLicenses(root) };
}

/** Everything a check under `root` needs of REUSE, or undefined when the project does not follow it. */
export async function loadReuseInput(root: string): Promise<(ReuseInput & { context: LoadedReuseContext }) | undefined> {
  if (!(await followsReuse(root))) return undefined;
  const context = await loadReuseContext(root);
  return { context, licenseFiles: context.licenseFiles };
}
