// Every git run of the product goes through here, with the same pinned settings: a repository's own
// `.git/config` (an archive or a shared folder brings one along) must not make a read-only command
// run a program, check signatures with gpg, or reach the network (README, "Security model").

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/**
 * Settings given on the command line, which win over every config file. Each closes a way a read
 * command could run what the repository chose: the file-system monitor hook (`ls-files`, `diff`),
 * signature checks (`log`), an external diff program, hooks, and any transport (a partial clone
 * fetches missing objects on demand).
 */
export const pinnedGitConfig: readonly string[] = [
  'core.fsmonitor=false',
  'log.showSignature=false',
  'diff.external=',
  'core.hooksPath=/dev/null',
  'protocol.allow=never',
];

/** `args` with the pins in front, as `-c key=value` options before the subcommand. */
export function pinnedArgs(args: readonly string[]): string[] {
  return [...pinnedGitConfig.flatMap((c) => ['-c', c]), ...args];
}

/** The environment of every git run: no prompt, no optional locks, no lazy fetch (git 2.44+). */
export function gitEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1' };
}

/** A long-running git (`cat-file --batch`), pinned like the others. */
export function spawnGit(git: string, args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): ChildProcessByStdio<Writable, Readable, null> {
  return spawn(git, pinnedArgs(args), { cwd, env: gitEnv(env), stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
}

/** A short git run for one value (`git config user.name`): its trimmed stdout, or undefined. */
export async function gitValue(cwd: string, args: string[], timeoutMs = 3000): Promise<string | undefined> {
  const run = await runGit('git', args, { cwd, env: process.env, timeoutMs, maxBytes: 1 << 20 });
  return (run && !run.truncated && run.stdout.trim()) || undefined;
}

export interface GitRunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  maxBytes: number;
}

/** stdout of a run; `truncated` when it was stopped at the time budget or the output cap. */
export interface GitRunResult {
  stdout: string;
  truncated: boolean;
}

/** Runs git; undefined when it cannot run (ENOENT) or fails (not a repository, no commits yet). */
export type GitRunner = (git: string, args: string[], options: GitRunOptions) => Promise<GitRunResult | undefined>;

/**
 * The filter drivers the repository's config names, each pinned to do nothing: `git diff` against the
 * work tree runs a driver's clean command (or process) on a file `.gitattributes` gives it, to hash it.
 * Reading the config runs nothing.
 */
async function filterPins(options: GitRunOptions): Promise<string[]> {
  const listed = await runGit('git', ['config', '-z', '--get-regexp', '^filter\\.'], { ...options, timeoutMs: 5000, maxBytes: 1 << 20 });
  const names = new Set<string>();
  for (const entry of listed?.stdout.split('\0') ?? []) {
    const m = /^filter\.(.+)\.[^.\n]+(?:\n|$)/.exec(entry);
    if (m) names.add(m[1]);
  }
  return [...names].flatMap((n) => ['-c', `filter.${n}.clean=cat`, '-c', `filter.${n}.smudge=cat`, '-c', `filter.${n}.process=`]);
}

/** runGit for a command that reads the work tree's files (`git diff` against it): filter drivers pinned too. */
export async function runGitOnWorkTree(git: string, args: string[], options: GitRunOptions): Promise<GitRunResult | undefined> {
  return runGit(git, [...(await filterPins(options)), ...args], options);
}

/** Runs git with the pins; undefined when it cannot run or fails. */
export const runGit: GitRunner = (git, args, options) => runBounded(git, pinnedArgs(args), { ...options, env: gitEnv(options.env) });

/** Runs a program within a time budget and an output cap (what runGit runs git with); undefined when it cannot run or fails. */
export const runBounded: GitRunner = (command, args, options) =>
  new Promise((resolve) => {
    let settled = false;
    const done = (result: GitRunResult | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const chunks: Buffer[] = [];
    let bytes = 0;
    let truncated = false;
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
    } catch {
      resolve(undefined);
      return;
    }
    const stop = () => {
      truncated = true;
      child.kill();
    };
    const timer = setTimeout(stop, options.timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (truncated) return;
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes >= options.maxBytes) stop();
    });
    // ENOENT (no git), EACCES, a cwd that does not exist: no history, no error.
    child.on('error', () => done(undefined));
    child.on('close', (code) => {
      if (code !== 0 && !truncated) return done(undefined);
      done({ stdout: Buffer.concat(chunks).toString('utf8'), truncated });
    });
  });
