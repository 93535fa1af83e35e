// The files changed against a git ref, for `ospo check --changed [REF]` in pre-commit hooks and
// pull-request CI: committed, staged and working-tree changes since REF, and new untracked files.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { aiNotesRefs } from '../engine/ai/disclosure-forms';
import { runGit, runGitOnWorkTree } from './git-run';

const options = (cwd: string) => ({
  cwd,
  env: process.env,
  timeoutMs: 30_000,
  maxBytes: 64 * 1024 * 1024,
});

/** The nearest folder at or above `start` that holds `.git` (a folder, or a file for worktrees). */
export function gitTop(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Whether `ref` names a commit in the repository at `cwd`. */
export async function isCommit(cwd: string, ref: string): Promise<boolean> {
  return !!(await runGit('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], options(cwd)));
}

/**
 * Paths relative to `root` (a folder inside the repository), `/`-separated, of files added,
 * copied, modified, renamed or type-changed since `ref`, plus untracked files git does not ignore.
 * Throws with git's reason when the ref is unknown or `root` is not in a repository.
 */
export async function changedFiles(root: string, ref: string): Promise<Set<string>> {
  if (!(await isCommit(root, ref))) throw new Error(`'${ref}' is not a commit of a git repository at ${root}`);
  // Against the work tree: git hashes changed files, through any filter driver the repository names.
  const diff = await runGitOnWorkTree(
    'git',
    ['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', '--relative', ref, '--', '.'],
    options(root),
  );
  const untracked = await runGit('git', ['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard', '--', '.'], options(root));
  if (!diff || !untracked) throw new Error(`git could not list the changes against '${ref}'`);
  return new Set([...diff.stdout.split('\0'), ...untracked.stdout.split('\0')].filter(Boolean));
}

/** Paths relative to `root` of files staged for the next commit (added, copied, modified, renamed): what a pre-commit hook checks. */
export async function stagedFiles(root: string): Promise<Set<string>> {
  const staged = await runGit(
    'git',
    ['-c', 'core.quotePath=false', 'diff', '--cached', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', '--relative', '--', '.'],
    options(root),
  );
  if (!staged) throw new Error(`git could not list the staged files at ${root}`);
  return new Set(staged.stdout.split('\0').filter(Boolean));
}

/** A commit of a range and its message, for `ospo check --commits RANGE`. */
export interface CommitMessage {
  sha: string;
  message: string;
  /** The commit's AI notes (`aiNotesRefs`), '' when it has none. */
  notes: string;
}

/** The most commits `--commits` reads: a pull request's range, not a project's history. */
export const maxRangeCommits = 10_000;

/**
 * The commits of `range` (anything `git log` takes: `main..HEAD`, `HEAD~3..`, a single commit and
 * its history), newest first, with their raw messages. Throws when git cannot read the range.
 * `--end-of-options` keeps a range that starts with `-` from being read as an option.
 */
export async function commitMessages(root: string, range: string): Promise<{ commits: CommitMessage[]; truncated: boolean }> {
  const log = await runGit(
    'git',
    [
      'log',
      '--no-color',
      '--encoding=UTF-8',
      `--max-count=${maxRangeCommits}`,
      '-z',
      '--format=%H%x00%B%x00%N',
      // Only these refs' notes, not the default refs/notes/commits; a ref that does not exist is a warning on stderr.
      ...aiNotesRefs.map((r) => `--notes=${r}`),
      '--end-of-options',
      range,
      '--',
    ],
    options(root),
  );
  if (!log) throw new Error(`'${range}' is not a range of commits of a git repository at ${root}`);
  const commits: CommitMessage[] = [];
  // -z ends each commit with a NUL: `sha NUL message NUL notes NUL`.
  const tokens = log.stdout.split('\0');
  for (let i = 0; i + 2 < tokens.length; i += 3) {
    const sha = tokens[i].replace(/^\n/, '');
    if (/^[0-9a-f]{40,64}$/.test(sha)) commits.push({ sha, message: tokens[i + 1], notes: tokens[i + 2].trim() });
  }
  return { commits, truncated: log.truncated || commits.length >= maxRangeCommits };
}
