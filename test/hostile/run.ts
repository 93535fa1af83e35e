// Runs the CLI on hostile input the way a regression must not hang CI: a child process with a time
// limit (killed with SIGKILL when over it) and a memory cap (an address-space limit through prlimit
// where the machine has it, and a V8 heap limit always), so an endless loop or a flood of memory fails
// its test instead of the run.

import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const cli = path.resolve(__dirname, '../../../dist/cli.js');

/** What one hostile run may use. */
export const limits = { timeoutMs: 20_000, heapMb: 512, addressSpaceGb: 4 };

const prlimit = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => fs.existsSync(p));

/** The language server's Node options for a hostile test: the same heap cap (its time limits are the tests' own). */
export const serverNodeArgs = [`--max-old-space-size=${limits.heapMb * 2}`];

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Killed at the time limit. */
  timedOut: boolean;
  /** Ran out of memory (a V8 heap or allocation failure). */
  outOfMemory: boolean;
}

export function ospo(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string }): Run {
  const node = [`--max-old-space-size=${limits.heapMb}`, cli, ...args];
  const [command, argv] = prlimit ? [prlimit, [`--as=${limits.addressSpaceGb * 1024 ** 3}`, process.execPath, ...node]] : [process.execPath, node];
  const r: SpawnSyncReturns<string> = spawnSync(command, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? limits.timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const stderr = r.stderr ?? '';
  return {
    status: r.status,
    stdout: r.stdout ?? '',
    stderr,
    timedOut: (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
    outOfMemory: /heap out of memory|allocation failed|Cannot allocate memory/i.test(stderr),
  };
}

/** A one-line account of a run, for assertion messages. */
export function describeRun(r: Run): string {
  const how = r.timedOut ? 'timed out' : r.outOfMemory ? 'ran out of memory' : `exit ${r.status}`;
  return `${how}\n${r.stderr.slice(0, 2000)}`;
}

/** The run ended in time and within its memory, with one of the exit codes given (0 and 1 by default). */
export function ended(r: Run, codes: number[] = [0, 1]): boolean {
  return !r.timedOut && !r.outOfMemory && r.status !== null && codes.includes(r.status);
}
