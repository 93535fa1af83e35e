// Loads a project's REUSE metadata: every REUSE.toml (root and nested), `.reuse/dep5` and the file
// names in LICENSES/. Parsing is the pure engine's (engine/reuse); this only reads files.

import { promises as fs } from 'node:fs';
import { readMetadata } from './read-file';
import * as path from 'node:path';
import fg = require('fast-glob');
import { parseReuseToml, ReuseToml, TomlProblem } from '../engine/reuse/reuse-toml';
import { Dep5, parseDep5 } from '../engine/reuse/dep5';
import { ReuseContext } from '../engine/reuse/licensing';
import type { ReuseInput } from '../engine/reuse/input';
import { gitFiles, nestedRepositories } from './git-files';
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

/** REUSE.toml, dep5 and the like: regular files only, never through a link, bounded (metadata-file.ts). */
const readBytes = (abs: string): Promise<Buffer | undefined> => readMetadata(abs);

/**
 * The files under `root/under` (root-relative) named by `pattern` that belong to the project: those
 * git lists (a tracked text counts even when a .gitignore pattern matches its name), or without git
 * those .gitignore does not ignore. Either way, files in a nested repository (a folder with its own
 * `.git`: a submodule, a vendored checkout) are left out, as the scan's listing leaves them out
 * (io/git-files.ts): under REUSE 3.3 they are another project's.
 */
async function projectFiles(root: string, under: string, pattern: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = (
      await fg(pattern, {
        cwd: path.join(root, under),
        dot: true,
        onlyFiles: true,
        followSymbolicLinks: false,
        ignore: [...skippedDirs].map((d) => `**/${d}/**`),
      })
    ).map((f) => (under ? `${under}/${toPosix(f)}` : toPosix(f)));
  } catch {
    return [];
  }
  if (!entries.length) return [];
  const listed = await gitFiles(root, under);
  if (listed) {
    const known = new Set(listed.files);
    return entries.filter((f) => known.has(f));
  }
  const rules = new GitRules(root);
  const nested = nestedRepositories(root);
  return entries.filter((f) => !nested(f) && !rules.isIgnored(f));
}

/** The files in LICENSES/ that belong to the project, relative to LICENSES/, sorted. */
async function listLicenses(root: string): Promise<string[]> {
  return (await projectFiles(root, 'LICENSES', '**/*')).map((f) => f.slice('LICENSES/'.length)).sort();
}

/**
 * Reads the REUSE metadata under `root`. `files` (root-relative paths, the caller's listing of the
 * project) saves a directory walk. Without it, the REUSE.toml files are those the scan's listing
 * would hold: found with fast-glob (one pass that reads only names, far cheaper for the editor than
 * a full listing of the project with its policy) and kept when git lists them, or without git when
 * .gitignore does not ignore them and no nested repository holds them. Unreadable or broken files
 * come back as problems, never as exceptions (except for I/O errors other than "not found").
 */
export async function loadReuseContext(root: string, files?: string[]): Promise<LoadedReuseContext> {
  // Read from disk even with a listing: listings often leave out dot folders such as .reuse/.
  const read = (rel: string) => readBytes(path.join(root, rel));
  if (files) return reuseContextOf(files, read);
  return parseReuseFiles(await projectFiles(root, '', '**/REUSE.toml'), await listLicenses(root), read);
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
