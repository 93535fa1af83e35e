// Finds and reads the policy for a folder: an explicit file, else `.ospo/policy.yaml`, else the
// built-in default; and follows `extends` to local and remote bases. Problems with a base are
// reported on its `extends` entry, and checking goes on with the rest of the policy (docs/design/policy.md, "Errors in the policy file").

import { createHash } from 'node:crypto';
import { constants, existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergePolicies } from '../engine/policy/merge';
import { defaultPolicy, Policy, RawPolicy, toPolicy } from '../engine/policy/model';
import { ExtendsEntry, maxPolicyBytes, parsePolicy, PolicyProblem } from '../engine/policy/parse';
import { presetBase, presetNames } from '../engine/policy/templates';
import { holdsPath } from './fs-paths';
import { gitTop } from './git-changed';
import { replaceFile } from './write-file';

export const policyFileName = path.join('.ospo', 'policy.yaml');

export interface PolicyOptions {
  /** Remote bases are fetched only when this is true (a trusted workspace, or the CLI). */
  allowFetch: boolean;
  /** Where fetched bases are kept, by hash, so they work offline afterwards. */
  cacheDir?: string;
  /** The whole fetch of one remote base, body included, must end within this (default 10 s). */
  fetchTimeoutMs?: number;
  /** For tests: stands in for the global fetch. */
  fetch?: typeof fetch;
  /** The date the policy's exceptions are judged on, YYYY-MM-DD; default today. */
  today?: string;
}

/** At most this many bases are read for one policy, in all (a diamond of extends must not explode). */
export const maxBases = 16;
/** A chain policy → base → base … may be at most this long. */
export const maxExtendsDepth = 8;

export interface LoadedPolicy {
  /** Undefined when the policy file itself has errors: keep using the previous policy. */
  policy?: Policy;
  /** The file read, or undefined for the built-in default. */
  file?: string;
  /** Problems located in `file`. */
  problems: PolicyProblem[];
  /** Every local file the policy was built from, for watching. */
  dependencies: string[];
  /** Every policy text read, the file's first, then its bases depth-first: where `ospo policy render` finds each statement's line. */
  sources?: PolicySource[];
}

/** One policy text the policy was built from. */
export interface PolicySource {
  /** An absolute path, an https URL, or `ospo:NAME` for a built-in preset. */
  source: string;
  text: string;
  /** The `extends` entry that brought a base in: the source that names it, and its 0-based line there. */
  via?: { source: string; line: number };
}

export const defaultCacheDir = () => path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ospo-compliance', 'policies');

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function problemAt(entry: ExtendsEntry, message: string, severity: 'error' | 'warning' = 'error'): PolicyProblem {
  return { ...entry.at, severity, message };
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * Reads a local policy file: only a regular file (not a FIFO or a device such as /dev/zero, which
 * would never end) of at most maxPolicyBytes.
 */
export async function readPolicyFile(file: string): Promise<string> {
  // Opened without blocking (a FIFO or a device opens at once) and judged on the handle, so nothing can be
  // swapped in between. A link is followed here (a team may link its policy in), but only to a regular file.
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const now = await handle.stat();
    if (now.isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    if (!now.isFile()) throw new Error('it is not a regular file');
    if (now.size > maxPolicyBytes) throw new Error(`larger than ${maxPolicyBytes / 1024} KiB`);
    // It may grow while read; parsePolicy refuses what is over the limit then.
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

async function fetchBase(url: URL, expected: string, opts: PolicyOptions): Promise<string> {
  const cacheDir = opts.cacheDir ?? defaultCacheDir();
  const cached = path.join(cacheDir, `${expected.toLowerCase()}.yaml`);
  try {
    const text = await fs.readFile(cached, 'utf8');
    if (sha256(text) === expected.toLowerCase()) return text;
  } catch {
    /* not cached yet */
  }
  if (!opts.allowFetch) throw new Error('not fetched: remote bases are fetched only in a trusted workspace, and it is not in the cache');
  const timeoutMs = opts.fetchTimeoutMs ?? 10000;
  // One signal for the request and the body: a server that trickles bytes is cut off too.
  const signal = AbortSignal.timeout(timeoutMs);
  const chunks: Uint8Array[] = [];
  try {
    // No redirects: the pinned URL is the one fetched; no cookies or credentials are sent.
    const response = await (opts.fetch ?? fetch)(url, { signal, redirect: 'error', credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxPolicyBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(`larger than ${maxPolicyBytes / 1024} KiB`);
    }
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxPolicyBytes) throw new Error(`larger than ${maxPolicyBytes / 1024} KiB`);
      chunks.push(chunk);
    }
  } catch (err) {
    if (signal.aborted) throw new Error(`no answer within ${timeoutMs / 1000} s`, { cause: err });
    throw err;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const actual = sha256(text);
  if (actual !== expected.toLowerCase()) throw new Error(`sha256 mismatch: the file has ${actual}`);
  await fs.mkdir(cacheDir, { recursive: true });
  await replaceFile(cached, text);
  return text;
}

interface Chain {
  raw?: RawPolicy;
  problems: PolicyProblem[];
  dependencies: string[];
  sources: PolicySource[];
}

/**
 * Reads one policy text and its bases; `stack` holds the sources being read, to catch cycles;
 * `budget` counts the bases read for the whole policy.
 */
async function readChain(source: string, text: string, stack: string[], opts: PolicyOptions, budget: { bases: number }): Promise<Chain> {
  const parsed = parsePolicy(text, opts.today);
  const problems = [...parsed.problems];
  const dependencies: string[] = [];
  const sources: PolicySource[] = [{ source, text }];
  if (!parsed.raw) return { problems, dependencies, sources };
  let bases: RawPolicy | undefined;
  for (const entry of parsed.extends) {
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry.source) || /^https?:/i.test(source);
    let target: string;
    let baseText: string;
    try {
      if (stack.length > maxExtendsDepth)
        throw new Error(
          `the chain of extends is longer than ${maxExtendsDepth}: ${stack.map((s) => (/^https?:/i.test(s) ? s : path.basename(s))).join(' → ')}`,
        );
      if (++budget.bases > maxBases) throw new Error(`a policy may be built from at most ${maxBases} bases in all`);
      const preset = /^ospo:(.*)$/i.exec(entry.source);
      if (preset) {
        // A built-in preset: data shipped with the engine, read like a local base but never watched.
        const text = presetBase(preset[1].toLowerCase());
        if (text === undefined) throw new Error(`no such preset: use ${presetNames.map((n) => `ospo:${n}`).join(', ')}`);
        target = entry.source.toLowerCase();
        if (stack.includes(target)) throw new Error(`extends cycle: ${[...stack, target].join(' → ')}`);
        baseText = text;
      } else if (remote) {
        const url = new URL(entry.source, /^https?:/i.test(source) ? source : undefined);
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) throw new Error('only https URLs can be extended');
        if (!entry.sha256) throw new Error('a URL needs its sha256: { source: …, sha256: "<64 hex digits>" }');
        target = url.href;
        if (stack.includes(target)) throw new Error(`extends cycle: ${[...stack, target].join(' → ')}`);
        baseText = await fetchBase(url, entry.sha256, opts);
      } else {
        target = path.resolve(path.dirname(source), entry.source);
        if (stack.includes(target)) throw new Error(`extends cycle: ${[...stack, target].map((s) => path.basename(s)).join(' → ')}`);
        dependencies.push(target);
        baseText = await readPolicyFile(target);
        if (entry.sha256 && sha256(baseText) !== entry.sha256.toLowerCase()) throw new Error(`sha256 mismatch: the file has ${sha256(baseText)}`);
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a policy file' : (err as Error).message;
      problems.push(problemAt(entry, `Cannot use base policy '${entry.source}': ${reason}`));
      continue;
    }
    const base = await readChain(target, baseText, [...stack, target], opts, budget);
    dependencies.push(...base.dependencies);
    sources.push({ ...base.sources[0], via: { source, line: entry.at.line } }, ...base.sources.slice(1));
    const baseError = base.problems.find((p) => p.severity === 'error');
    if (baseError) {
      problems.push(
        problemAt(entry, `Base policy '${entry.source}' has an error at line ${baseError.line + 1}, column ${baseError.character + 1}: ${baseError.message}`),
      );
      if (!base.raw) continue;
    }
    // Any YAML mapping parses; a base must say it is a policy, so a mistyped path (or /etc/passwd) is not one.
    if (!baseError && base.raw?.version !== 1) {
      problems.push(problemAt(entry, `Cannot use base policy '${entry.source}': it is not a policy (no 'version: 1')`));
      continue;
    }
    bases = bases ? mergePolicies(bases, base.raw!) : base.raw;
  }
  // What the policy tries to loosen is overruled by its bases, and said at the entry that tries.
  const loosening = (at: (string | number)[], message: string) => problems.push({ severity: 'warning', message, ...parsed.locate(at) });
  return { raw: bases ? mergePolicies(bases, parsed.raw, loosening) : parsed.raw, problems, dependencies, sources };
}

/** Builds the policy from a policy file's text (possibly an unsaved editor buffer). */
export async function loadPolicyText(file: string, text: string, opts: PolicyOptions): Promise<LoadedPolicy> {
  const chain = await readChain(file, text, [file], opts, { bases: 0 });
  return {
    file,
    policy: chain.raw ? toPolicy(chain.raw, file) : undefined,
    problems: chain.problems.sort((a, b) => a.line - b.line || a.character - b.character),
    dependencies: [file, ...chain.dependencies],
    sources: chain.sources,
  };
}

export async function readPolicy(root: string, explicit: string | undefined, opts: PolicyOptions): Promise<LoadedPolicy> {
  const file = explicit ? path.resolve(root, explicit) : path.join(root, policyFileName);
  let text: string;
  try {
    text = await readPolicyFile(file);
  } catch (err) {
    if (!explicit && (err as NodeJS.ErrnoException).code === 'ENOENT') return { policy: defaultPolicy(), problems: [], dependencies: [file] };
    return {
      file,
      problems: [{ severity: 'error', message: `Cannot read the policy file: ${(err as Error).message}`, line: 0, character: 0, endLine: 0, endCharacter: 0 }],
      dependencies: [file],
    };
  }
  return loadPolicyText(file, text, opts);
}

/**
 * The folder a path is checked from (`start`: the path, or its folder for a file): the nearest policy's
 * folder (unless `--policy` names the file), else the top of its git repository, else the top of its
 * REUSE project, else `start`. So `ospo check src` and `ospo check .` agree on src, and a file named
 * alone gets its project's REUSE.toml.
 */
export async function checkRoot(start: string, cwd: string, policyFlag: boolean): Promise<string> {
  const top = gitTop(start);
  // The search for a policy stops at the top of the repository, else at the folder the CLI runs in (or
  // at `start`, outside it): a `.ospo/policy.yaml` planted above (in /tmp, a shared home) governs nothing.
  const boundary = top ?? (holdsPath(cwd, start) ? cwd : start);
  return (policyFlag ? undefined : await findPolicyRoot(start, boundary)) ?? top ?? reuseTop(start, cwd) ?? start;
}

/**
 * The topmost folder from `start` up to `cwd` (the folder the CLI runs in, when it holds `start`) that
 * holds REUSE.toml, `.reuse/` or `LICENSES/`: nested REUSE.toml files sit below the project's. Never
 * above `cwd`, so a run from `/` or a home folder does not make either the project.
 */
function reuseTop(start: string, cwd: string): string | undefined {
  if (!holdsPath(cwd, start)) return undefined;
  let top: string | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (['REUSE.toml', '.reuse', 'LICENSES'].some((m) => existsSync(path.join(dir, m)))) top = dir;
    if (dir === cwd || path.dirname(dir) === dir) return top;
  }
}

/** The nearest folder from `start` up to `boundary` (inclusive) that holds `.ospo/policy.yaml`, else undefined. */
export async function findPolicyRoot(start: string, boundary: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  const stop = path.resolve(boundary);
  for (;;) {
    try {
      await fs.access(path.join(dir, policyFileName));
      return dir;
    } catch {
      /* keep looking upwards */
    }
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}
