// Which files the git history shows as changed with AI help (commit trailers, engine/ai/history.ts).
// One `git log` per workspace folder, parsed into path -> AI commits and cached until refresh():
// never run per file, never per keystroke. Without git, or outside a repository, every file
// simply has no history (undefined), silently.
//
// Limits, on purpose:
// - Bounded: the newest 5,000 commits that mention a trailer key (git filters with --grep, so
//   the diff is computed only for those), a time budget and an output cap. On a timeout or the
//   cap, what was read so far (the newest commits) is kept.
// - Renames: a file is matched by the path the AI commit wrote (`--name-only` gives the new name
//   of a rename inside that commit); a later `git mv` loses the evidence (`--follow` works for
//   one file only). Merge commits are skipped (--no-merges); squash merges keep their trailers.
// - Shallow clones only know the commits they have (in CI, fetch the history the check needs).

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { AiCommit, AiHistory, countsUnder, parseAiTrailers } from '../engine/ai/history';
import { historyTrailerKeys, toolLineGrep } from '../engine/ai/disclosure-forms';
import { runGit, type GitRunner, type GitRunResult } from './git-run';

export interface GitHistoryOptions {
  /** The git executable; `git` from PATH by default. */
  git?: string;
  /** Set over process.env for the run. */
  env?: NodeJS.ProcessEnv;
  /** At most this many commits are read (newest first). */
  maxCommits?: number;
  timeoutMs?: number;
  /** Output cap in bytes. */
  maxBytes?: number;
  /** Replaces the process runner (tests count runs with it). */
  run?: GitRunner;
}

export const gitHistoryDefaults = { maxCommits: 5000, timeoutMs: 20_000, maxBytes: 64 * 1024 * 1024 };

/** A commit of the log with its AI trailers and the files it touched (relative to the root). */
export interface LoggedCommit extends AiCommit {
  files: string[];
}

const recordStart = /^\x1e([0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Parses `git log -z --format=%x1e%H%x00%s%x00%B%x00 --name-only` output: per commit the tokens
 * `\x1e<hash>`, subject, body, an empty token, then the file names (the first preceded by `\n`).
 * Read by position, so a body holding any character but NUL cannot break the parse. When the output
 * was cut short, the last commit (maybe incomplete) is dropped.
 */
export function parseGitLog(stdout: string, extraKeys: readonly string[], truncated = false): LoggedCommit[] {
  const tokens = stdout.split('\0');
  const commits: LoggedCommit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const start = recordStart.exec(tokens[i]);
    if (!start) {
      i++;
      continue;
    }
    if (i + 2 >= tokens.length) break;
    const subject = tokens[i + 1];
    const body = tokens[i + 2];
    i += 3;
    const files: string[] = [];
    while (i < tokens.length && !recordStart.test(tokens[i])) {
      const name = files.length === 0 ? tokens[i].replace(/^\n/, '') : tokens[i];
      if (name) files.push(name);
      i++;
    }
    // The record that runs to the end of a cut output may miss files.
    if (truncated && i >= tokens.length) break;
    const trailers = parseAiTrailers(body, extraKeys);
    if (trailers.length) commits.push({ hash: start[1], subject, trailers, files });
  }
  return commits;
}

/** Keys git can grep for; trailer keys are tokens, so anything else could never match a trailer. */
const grepable = (key: string) => /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(key);

function countingCommits(commits: AiCommit[], extraKeys: readonly string[]): AiCommit[] {
  return commits.map((c) => ({ ...c, trailers: c.trailers.filter((t) => countsUnder(t, extraKeys)) })).filter((c) => c.trailers.length > 0);
}

export class GitHistory {
  private index?: Promise<Map<string, AiCommit[]> | undefined>;
  /** Extra keys the cached run looked for, lower-case. */
  private keys = new Set<string>();
  private readonly options: Required<GitHistoryOptions>;

  constructor(
    readonly root: string,
    options: GitHistoryOptions = {},
  ) {
    this.options = {
      git: options.git ?? 'git',
      env: { ...process.env, ...options.env },
      maxCommits: options.maxCommits ?? gitHistoryDefaults.maxCommits,
      timeoutMs: options.timeoutMs ?? gitHistoryDefaults.timeoutMs,
      maxBytes: options.maxBytes ?? gitHistoryDefaults.maxBytes,
      run: options.run ?? runGit,
    };
  }

  /**
   * The AI commits that touched a file (path relative to the root, `/` or `\`), newest first:
   * `{ commits: [] }` when the history shows none, undefined when there is no history to read.
   * `extraKeys` are the policy's `ai.commitTrailers` (pass `allCommitTrailerKeys(policy)`): a key
   * not looked for yet costs one more run of git, for the whole folder.
   */
  async forFile(relPath: string, extraKeys: readonly string[] = []): Promise<AiHistory | undefined> {
    const index = await this.indexFor(extraKeys);
    if (!index) return undefined;
    return { commits: countingCommits(index.get(relPath.replace(/\\/g, '/').replace(/^\.\//, '')) ?? [], extraKeys) };
  }

  /**
   * Every file's AI commits at once, for a workspace scan that hands them to worker threads:
   * files missing from the map have none; undefined when there is no history to read.
   */
  async allFiles(extraKeys: readonly string[] = []): Promise<Map<string, AiCommit[]> | undefined> {
    const index = await this.indexFor(extraKeys);
    if (!index) return undefined;
    const out = new Map<string, AiCommit[]>();
    for (const [file, commits] of index) {
      const counting = countingCommits(commits, extraKeys);
      if (counting.length) out.set(file, counting);
    }
    return out;
  }

  private indexFor(extraKeys: readonly string[]): Promise<Map<string, AiCommit[]> | undefined> {
    // The exact key set of the policy in force: a key half-typed in the policy file must not stay in the grep for good.
    const wanted = [...new Set(extraKeys.filter(grepable).map((k) => k.toLowerCase()))].sort();
    if (wanted.join('\n') !== [...this.keys].sort().join('\n')) {
      this.keys = new Set(wanted);
      this.index = undefined;
    }
    this.index ??= this.load([...this.keys]);
    return this.index;
  }

  /** Forget the cached history (after a commit, checkout or fetch); the next forFile runs git again. */
  refresh(): void {
    this.index = undefined;
  }

  /** The arguments of the one git run; paths come out relative to the root (a repository's subfolder too). */
  logArgs(extraKeys: readonly string[], subfolder = true): string[] {
    const keys = [...new Set([...historyTrailerKeys, ...extraKeys.filter(grepable).map((k) => k.toLowerCase())])];
    return [
      // Settings of the user that would change the output: --follow, colour, external diff, paths (signatures: git-run.ts).
      '-c',
      'log.follow=false',
      '-c',
      'diff.relative=false',
      '-c',
      'core.quotePath=false',
      'log',
      '--no-merges',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--encoding=UTF-8',
      `--max-count=${this.options.maxCommits}`,
      '--regexp-ignore-case',
      '--extended-regexp',
      `--grep=^[[:space:]]*(${keys.join('|')})[[:space:]]*:`,
      // Or a tool's own line (disclosure-forms.ts, generated-with-line).
      `--grep=${toolLineGrep}`,
      '-z',
      '--format=%x1e%H%x00%s%x00%B%x00',
      '--name-only',
      '--relative',
      // In a subfolder, only commits that touch it count against --max-count. At the top of the
      // repository a pathspec would only cost time (git diffs every commit to simplify history).
      ...(subfolder ? ['--', '.'] : []),
    ];
  }

  private async load(extraKeys: string[]): Promise<Map<string, AiCommit[]> | undefined> {
    const { git, env, timeoutMs, maxBytes, run } = this.options;
    let result: GitRunResult | undefined;
    try {
      // A `.git` folder or file (worktree, submodule) marks the top of a repository.
      const top = await fs.stat(path.join(this.root, '.git')).then(
        () => true,
        () => false,
      );
      result = await run(git, this.logArgs(extraKeys, !top), {
        cwd: this.root,
        env,
        timeoutMs,
        maxBytes,
      });
    } catch {
      result = undefined;
    }
    if (!result) return undefined;
    const index = new Map<string, AiCommit[]>();
    for (const { files, ...commit } of parseGitLog(result.stdout, extraKeys, result.truncated)) {
      for (const file of files) {
        let list = index.get(file);
        if (!list) index.set(file, (list = []));
        list.push(commit);
      }
    }
    return index;
  }
}
