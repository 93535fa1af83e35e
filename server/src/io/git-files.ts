// The files git sees in a work tree: tracked ones, and untracked ones it does not ignore. Git never
// ignores a tracked file, whatever .gitignore says, so only git itself can tell which files belong
// to the project (`git ls-files`, one run per listing). GitRules (git-rules.ts) is the fallback
// where there is no git or no repository.
//
// A folder below the root that holds a `.git` entry (a folder, or the file of a worktree or
// submodule) is another repository: its files are not the project's, and neither listing goes in.
// Git leaves out the nested repositories it recognises, but lists the files of one whose `.git` it
// cannot resolve (a worktree moved or made on another machine, an empty `.git` folder), so untracked
// files are tested here too. Coding agents leave whole checkouts under `.claude/worktrees/` and the
// like, often larger than the project.

import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import { runGit } from './git-run';

export interface GitListing {
  /** Files relative to the folder asked about, `/`-separated, each once, unsorted. */
  files: string[];
  /** Symbolic links, tracked or not (never followed). */
  links: string[];
}

// `--stage` gives the index's mode of each tracked entry: `mode sha stage<TAB>path`. Untracked
// entries come as bare paths.
const staged = /^([0-7]{6}) [0-9a-f]{40,64} [0-3]\t/;
const gitlinkMode = '160000';
const symlinkMode = '120000';

/**
 * The files under `root/under` that git lists (`git ls-files --cached --others --exclude-standard`),
 * or undefined when git cannot say (no git, not a work tree, output cut short). Submodules
 * (gitlinks) and nested repositories are left out: they are separate projects. A tracked file
 * deleted from the work tree is still listed (git does not look at the work tree for tracked
 * entries, which keeps this fast); the reader finds it gone.
 */
export async function gitFiles(root: string, under = ''): Promise<GitListing | undefined> {
  const args = ['--literal-pathspecs', '-c', 'core.quotePath=false', 'ls-files', '-z', '--stage', '--cached', '--others', '--exclude-standard'];
  if (under) args.push('--', under);
  const run = await runGit('git', args, {
    cwd: root,
    env: process.env,
    timeoutMs: 60_000,
    maxBytes: 512 * 1024 * 1024,
  });
  if (!run || run.truncated) return undefined;
  const files: string[] = [];
  const links: string[] = [];
  const seen = new Set<string>();
  const nested = nestedRepositories(root);
  for (const entry of run.stdout.split('\0')) {
    if (!entry) continue;
    const m = staged.exec(entry);
    const rel = m ? entry.slice(m[0].length) : entry;
    // Unmerged paths come once per stage; an untracked nested repository comes as `dir/`.
    if (seen.has(rel) || rel.endsWith('/')) continue;
    seen.add(rel);
    const mode = m ? m[1] : nested(rel) ? undefined : untrackedMode(path.join(root, rel));
    if (mode === gitlinkMode) continue;
    if (mode === symlinkMode) links.push(rel);
    else if (mode) files.push(rel);
  }
  return { files, links };
}

/** An untracked path's kind, in the index's terms: few files are untracked, so each is looked at. */
function untrackedMode(abs: string): string | undefined {
  const stat = lstatSync(abs, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) return symlinkMode;
  return stat.isFile() ? '100644' : undefined;
}

export const repositoryMarker = '.git';

/** Whether a folder holds a repository of its own: a `.git` folder, or the `.git` file of a worktree or submodule. */
function holdsRepository(absDir: string): boolean {
  return lstatSync(path.join(absDir, repositoryMarker), { throwIfNoEntry: false }) !== undefined;
}

/**
 * A test of whether a path (relative to `root`, `/`-separated) lies inside a repository nested
 * below `root`. Each folder is looked at once, however many files it holds.
 */
export function nestedRepositories(root: string): (rel: string) => boolean {
  const folders = new Map<string, boolean>();
  const inside = (dir: string): boolean => {
    let known = folders.get(dir);
    if (known === undefined) {
      const slash = dir.lastIndexOf('/');
      known = (slash > 0 && inside(dir.slice(0, slash))) || holdsRepository(path.join(root, dir));
      folders.set(dir, known);
    }
    return known;
  };
  return (rel) => {
    const slash = rel.lastIndexOf('/');
    return slash > 0 && inside(rel.slice(0, slash));
  };
}
