// `ospo report --history N|tags`: the compliance percent at past commits, read from git objects
// without a checkout (the working tree is never touched): `git ls-tree` lists a commit's files and
// one long-lived `git cat-file --batch` process hands over their contents.
//
// What a point means, on purpose:
// - Every commit is checked with the policy of the working tree and today's date, so the trend
//   shows how the code changed, not how the policy did. Every file of a commit counts, also one the
//   working tree's .gitignore matches: git ignores no tracked file, and the scan of the working tree
//   (git ls-files) checks those too.
// - The AI commit-trailer history (ai-marker-missing) is not replayed per commit: that rule sees no
//   history here. It is a warning by default and does not change compliance unless a policy raises it.
// - Each commit's own REUSE metadata applies, as `ospo check` would read it at that commit: its
//   REUSE.toml files, .reuse/dep5, LICENSES/ listing and `.license` sidecars (reuseInputOf over the
//   commit's tree), so the newest point equals the report's headline for an unchanged working tree.
// - Binary, non-UTF-8 and larger-than-10-MB blobs are skipped; symbolic links and submodules too; and Git LFS
//   pointers, as the headline skips the binary that git-lfs puts in the working tree in their place.
// - At most `maxFilesPerCommit` files (default 5,000, the first by path) are checked per commit;
//   a point that hit the cap is marked `truncated`.
// - With a subfolder, only the commits that touched it are listed (`git log -- <folder>`).
// A result is kept per (path, blob, sidecar blob, REUSE metadata), so a file unchanged between commits is checked once.

import { slashed } from '../io/fs-paths';
import { todayIso } from '../engine/dates';
import type { ChildProcessByStdio } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { checkText } from '../engine/check';
import { exemptReason } from '../engine/coverage';
import { textOf } from '../io/encoding';
import { isCovered } from '../engine/paths';
import type { Policy } from '../engine/policy/model';
import { runGit, spawnGit } from '../io/git-run';
import type { GitRules } from '../io/git-rules';
import { defaultMaxBytes } from '../io/read-file';
import { dep5Path, reuseInputOf } from '../io/reuse-source';
import { checkInput } from '../io/check-input';
import type { ReuseInput } from '../engine/reuse/input';
import { HistoryPoint, isCompliant, percentOf } from './data';

export const defaultMaxFilesPerCommit = 5000;
/** `--history tags` looks at the newest this many tagged commits. */
export const maxTags = 100;

export interface HistoryTarget {
  /** The policy's folder: checkText paths are relative to it. */
  root: string;
  /** The folder (or file) of the command line, absolute: only files under it count. */
  scope: string;
  policy: Policy;
  /** The working tree's rules, for linguist-generated. */
  git?: GitRules;
}

export interface HistoryOptions {
  targets: HistoryTarget[];
  /** The last N commits, or the tagged commits. */
  which: number | 'tags';
  maxFilesPerCommit?: number;
  git?: string;
  env?: NodeJS.ProcessEnv;
  currentYear?: number;
  today?: string;
}

export class HistoryError extends Error {}

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

export async function collectHistory(opts: HistoryOptions): Promise<HistoryPoint[]> {
  const git = opts.git ?? 'git';
  const env = { ...process.env, ...opts.env };
  const first = opts.targets[0];
  if (!first) return [];
  const run = (cwd: string, args: string[]) =>
    runGit(git, ['--literal-pathspecs', '-c', 'core.quotePath=false', ...args], {
      cwd,
      env,
      timeoutMs: 120_000,
      maxBytes: 256 * 1024 * 1024,
    });
  const topOut = await run(folderOf(first.scope), ['rev-parse', '--show-toplevel']);
  if (!topOut) throw new HistoryError(`--history needs a git repository: ${first.scope} is not in one`);
  const top = real(topOut.stdout.trim());
  const targets = opts.targets.map((t) => ({ ...t, root: real(t.root), scope: real(t.scope) }));
  const pathspecs = targets.map((t) => slashed(path.relative(top, t.scope)) || '.');
  if (pathspecs.some((p) => p.startsWith('../'))) throw new HistoryError('--history: every path must be inside the same git repository');
  // At the top of the repository a pathspec would only make git diff every commit.
  const limit = pathspecs.includes('.') ? [] : ['--', ...pathspecs];

  const commits = await listCommits(run, top, opts.which, limit);
  const maxFiles = opts.maxFilesPerCommit ?? defaultMaxFilesPerCommit;
  const now = new Date();
  const currentYear = opts.currentYear ?? now.getFullYear();
  const today = opts.today ?? todayIso(now);
  const cache = new Map<string, boolean | undefined>();
  const reuseSeen = new Map<string, { id: string; input?: ReuseInput }>();
  const blobs = new BlobReader(git, top, env);
  const points: HistoryPoint[] = [];
  try {
    for (const c of commits) {
      // The whole tree: REUSE.toml and LICENSES/ above the paths asked for license files in them.
      const listing = await run(top, ['ls-tree', '-r', '-z', '-l', '--full-tree', c.commit]);
      if (!listing || listing.truncated) throw new HistoryError(`git could not list the files of ${c.commit}`);
      const tree = parseLsTree(listing.stdout);
      const reuseOf = await reuseAt(
        tree,
        top,
        targets.map((t) => t.root),
        blobs,
        reuseSeen,
      );
      const files: { rel: string; target: (typeof targets)[number]; sha: string; size: number; sidecar?: string }[] = [];
      for (const [name, entry] of tree) {
        const abs = path.join(top, name);
        const target = targets.find((t) => abs === t.scope || abs.startsWith(t.scope + path.sep));
        if (!target) continue;
        const rel = slashed(path.relative(target.root, abs));
        if (rel.startsWith('../') || exemptReason(rel) || !isCovered(rel, target.policy)) continue;
        // No .gitignore here: every file of a commit's tree is tracked, and git ignores no tracked file,
        // so the working tree's scan (git ls-files) checks it too and the newest point equals the headline.
        files.push({ rel, target, sha: entry.sha, size: entry.size, sidecar: tree.get(name + '.license')?.sha });
      }
      files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      const truncated = files.length > maxFiles;
      let checked = 0;
      let compliant = 0;
      for (const f of files.slice(0, maxFiles)) {
        const reuse = reuseOf.get(f.target.root)!;
        const key = `${f.target.root}\0${f.rel}\0${f.sha}\0${f.sidecar ?? ''}\0${reuse.key}`;
        let verdict: boolean | undefined;
        if (cache.has(key)) {
          verdict = cache.get(key);
        } else {
          verdict = f.size > defaultMaxBytes ? undefined : await judge(blobs, f, currentYear, today, reuse.input);
          cache.set(key, verdict);
        }
        if (verdict === undefined) continue;
        checked++;
        if (verdict) compliant++;
      }
      points.push({ ...c, files: checked, compliant, percent: percentOf(compliant, checked), ...(truncated ? { truncated } : {}) });
    }
  } finally {
    blobs.close();
  }
  return points;
}

function folderOf(p: string): string {
  try {
    return statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return path.dirname(p);
  }
}

/** Compliant or not; undefined when the blob is not checked (binary, not UTF-8, exempt). */
async function judge(
  blobs: BlobReader,
  f: { rel: string; target: HistoryTarget; sha: string; sidecar?: string },
  currentYear: number,
  today: string,
  reuse: ReuseInput | undefined,
): Promise<boolean | undefined> {
  const bytes = await blobs.read(f.sha);
  const decoded = bytes && textOf(bytes, defaultMaxBytes);
  if (!decoded || 'skipped' in decoded) return undefined;
  const text = decoded.text;
  const sidecarBytes = f.sidecar ? await blobs.read(f.sidecar) : undefined;
  const sidecarDecoded = sidecarBytes && textOf(sidecarBytes, defaultMaxBytes);
  const sidecarText = sidecarDecoded && !('skipped' in sidecarDecoded) ? sidecarDecoded.text : undefined;
  // No AI history: the commits that touched a file before a past commit are not read for the trend.
  const result = checkText(
    checkInput({
      path: f.rel,
      text,
      sidecarText,
      generated: f.target.git?.isGenerated(f.rel),
      scope: 'all',
      currentYear,
      today,
      reuse,
      aiHistory: undefined,
      // A past commit's file no encoding reads is left out of the trend, as before: textOf above is strict.
      undecodable: undefined,
    }),
    f.target.policy,
  );
  if (result.exempt) return undefined;
  return isCompliant(result.findings);
}

/**
 * Each root's REUSE input at one commit, read from its tree, with a key that changes when the
 * metadata does (the blobs of REUSE.toml and dep5, the names in LICENSES/). `seen` keeps the inputs
 * by key, so a commit that left the metadata alone parses nothing again.
 */
async function reuseAt(
  tree: Map<string, { sha: string }>,
  top: string,
  roots: string[],
  blobs: BlobReader,
  seen: Map<string, { id: string; input?: ReuseInput }>,
): Promise<Map<string, { key: string; input?: ReuseInput }>> {
  const out = new Map<string, { key: string; input?: ReuseInput }>();
  for (const root of new Set(roots)) {
    const prefix = slashed(path.relative(top, root));
    const under = new Map<string, string>();
    for (const [name, entry] of tree) {
      if (!prefix) under.set(name, entry.sha);
      else if (name.startsWith(prefix + '/')) under.set(name.slice(prefix.length + 1), entry.sha);
    }
    const rels = [...under.keys()];
    const metadata = rels.filter((r) => r === dep5Path || r === 'REUSE.toml' || r.endsWith('/REUSE.toml') || r.startsWith('LICENSES/')).sort();
    const key = `${root}\0${metadata.map((r) => `${r}:${r.startsWith('LICENSES/') ? '' : under.get(r)}`).join('\0')}`;
    let known = seen.get(key);
    if (!known) {
      const input = await reuseInputOf(rels, async (rel) => {
        const sha = under.get(rel);
        return sha ? blobs.read(sha) : undefined;
      });
      seen.set(key, (known = { id: String(seen.size), input }));
    }
    out.set(root, { key: known.id, input: known.input });
  }
  return out;
}

type Run = (cwd: string, args: string[]) => ReturnType<typeof runGit>;
type Commit = Pick<HistoryPoint, 'ref' | 'commit' | 'date' | 'subject'>;

/** The commits to look at, oldest first. */
async function listCommits(run: Run, top: string, which: number | 'tags', limit: string[]): Promise<Commit[]> {
  const tags = which === 'tags';
  const args = tags
    ? // No --max-count here: with it git walks the history instead of listing the tagged commits.
      ['log', '--no-walk', '--tags', '--no-color', '--format=%H%x00%cI%x00%s%x00%D']
    : ['log', `--max-count=${which}`, '--no-color', '--format=%H%x00%cI%x00%s'];
  const out = await run(top, [...args, ...(tags ? [] : limit)]);
  if (!out) throw new HistoryError('git could not list the commits (a repository without commits?)');
  const commits: Commit[] = [];
  for (const line of out.stdout.split('\n')) {
    const [commit, date, subject, decorations] = line.split('\0');
    if (!/^[0-9a-f]{40,64}$/.test(commit ?? '')) continue;
    let ref = commit.slice(0, 10);
    if (tags) {
      const names = (decorations ?? '')
        .split(', ')
        .filter((d) => d.startsWith('tag: '))
        .map((d) => d.slice(5));
      if (names.length) ref = names.join(', ');
    }
    commits.push({ ref, commit, date: date ?? '', subject: subject ?? '' });
    if (tags && commits.length >= maxTags) break;
  }
  return commits.reverse();
}

/** `git ls-tree -r -z -l` output: path -> blob, regular files only (no links, no submodules). */
export function parseLsTree(stdout: string): Map<string, { sha: string; size: number }> {
  const files = new Map<string, { sha: string; size: number }>();
  for (const record of stdout.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, sha, size] = record.slice(0, tab).split(/ +/);
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) continue;
    files.set(record.slice(tab + 1), { sha, size: Number(size) });
  }
  return files;
}

/** One `git cat-file --batch` process: object names in, contents out, in order. */
export class BlobReader {
  private child?: ChildProcessByStdio<Writable, Readable, null>;
  private chunks: Buffer[] = [];
  private length = 0;
  private size?: number;
  private queue: { resolve: (b: Buffer | undefined) => void; reject: (e: Error) => void }[] = [];
  private failed?: Error;

  constructor(
    private readonly git: string,
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private start(): ChildProcessByStdio<Writable, Readable, null> {
    const child = spawnGit(this.git, ['cat-file', '--batch'], this.cwd, this.env);
    child.stdout.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.length += chunk.length;
      this.drain();
    });
    const fail = (err: Error) => {
      this.failed ??= err;
      for (const q of this.queue.splice(0)) q.reject(this.failed);
    };
    child.on('error', fail);
    child.stdin.on('error', fail);
    child.on('close', () => fail(new HistoryError('git cat-file ended early')));
    return child;
  }

  read(sha: string): Promise<Buffer | undefined> {
    if (this.failed) return Promise.reject(this.failed);
    this.child ??= this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject });
      this.child!.stdin.write(sha + '\n');
    });
  }

  close(): void {
    this.failed ??= new HistoryError('closed');
    this.child?.stdin.end();
  }

  private all(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.length)];
    return this.chunks[0];
  }

  private consume(n: number): void {
    const rest = this.all().subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.length = rest.length;
  }

  // Each answer is `<sha> <type> <size>\n<contents>\n`, or `<name> missing\n`.
  private drain(): void {
    while (this.queue.length) {
      if (this.size === undefined) {
        if (!this.length) return;
        const buf = this.all();
        const nl = buf.indexOf(10);
        if (nl < 0) return;
        const header = buf.subarray(0, nl).toString('utf8');
        this.consume(nl + 1);
        const m = /^[0-9a-f]+ \S+ (\d+)$/.exec(header);
        if (!m) {
          this.queue.shift()!.resolve(undefined);
          continue;
        }
        this.size = Number(m[1]);
      }
      // Waits for the contents and the newline after them, without joining chunks until then.
      if (this.length < this.size + 1) return;
      const body = Buffer.from(this.all().subarray(0, this.size));
      this.consume(this.size + 1);
      this.size = undefined;
      this.queue.shift()!.resolve(body);
    }
  }
}
