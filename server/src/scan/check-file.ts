// Reads one file of a scan and checks it. Synchronous: it runs on a worker thread, one file after
// another, where blocking costs nothing and saves the promise overhead of 78,000 small reads.
// Reads only what the rules need: the top of the file for the header rules, all of it otherwise.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import type { AiCommit } from '../engine/ai-trailers';
import { checkText, CheckScope } from '../engine/check';
import { contentSkipReason } from '../engine/coverage';
import type { Finding } from '../engine/findings';
import type { Policy } from '../engine/policy/model';
import { defaultMaxBytes } from '../io/read-file';

export interface FileJob {
  /** Relative to the scan root, `/`-separated. */
  rel: string;
  generated?: boolean;
  /** Whether `<rel>.license` exists (the walker saw it), so no one opens it blindly. */
  sidecar?: boolean;
  /** What the cache holds for the file: when size and mtime still match, it is not read. */
  cached?: { size: number; mtimeMs: number };
}

export interface FileResult {
  rel: string;
  size: number;
  mtimeMs: number;
  findings: Finding[];
  skipped?: string;
  /** True when the cached result still holds; findings are then empty and the cache's are kept. */
  unchanged?: boolean;
}

export interface ScanSettings {
  root: string;
  policy: Policy;
  scope: CheckScope;
  currentYear: number;
  today: string;
  /** AI commits per file; undefined when the folder has no git history to read. */
  history?: Record<string, AiCommit[]>;
  maxBytes?: number;
}

/**
 * The header window: header rules look at the first lines only (policy.headers.maxLine, after a
 * prologue). 4 KiB holds about a hundred lines; a file whose window has too few lines is read whole.
 */
export const headerWindowBytes = 4 * 1024;

const scratch = Buffer.allocUnsafe(headerWindowBytes);

export function checkFile(job: FileJob, s: ScanSettings): FileResult {
  const abs = path.join(s.root, job.rel);
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch (err) {
    return skipped(job.rel, 0, 0, reasonFor(err));
  }
  try {
    const stat = fstatSync(fd);
    const size = stat.size;
    const mtimeMs = stat.mtimeMs;
    if (!stat.isFile()) return skipped(job.rel, size, mtimeMs, 'not a regular file');
    if (job.cached && job.cached.size === size && job.cached.mtimeMs === mtimeMs) return { rel: job.rel, size, mtimeMs, findings: [], unchanged: true };
    const maxBytes = s.maxBytes ?? defaultMaxBytes;
    if (size > maxBytes) return skipped(job.rel, size, mtimeMs, `larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    const bytes = readBytes(fd, size, s);
    const reason = contentSkipReason(bytes, maxBytes);
    if (reason) return skipped(job.rel, size, mtimeMs, reason);
    if (!isUtf8(bytes)) return skipped(job.rel, size, mtimeMs, 'not valid UTF-8');
    const sidecarText = job.sidecar ? readSmall(abs + '.license') : undefined;
    const commits = s.history ? s.history[job.rel] ?? [] : undefined;
    const result = checkText({
      path: job.rel, text: bytes.toString('utf8'), sidecarText, generated: job.generated, scope: s.scope,
      currentYear: s.currentYear, today: s.today, aiHistory: commits && { commits },
    }, s.policy);
    return { rel: job.rel, size, mtimeMs, findings: result.findings };
  } catch (err) {
    return skipped(job.rel, 0, 0, reasonFor(err));
  } finally {
    closeSync(fd);
  }
}

/** All of the file, or for the header scope its first lines, cut at a line break so no character is split. */
function readBytes(fd: number, size: number, s: ScanSettings): Buffer {
  if (s.scope === 'header' && size > headerWindowBytes) {
    const n = readSync(fd, scratch, 0, headerWindowBytes, 0);
    const window = scratch.subarray(0, n);
    const cut = window.lastIndexOf(10);
    let lines = 0;
    for (let at = window.indexOf(10); at >= 0 && lines <= s.policy.headers.maxLine + 64; at = window.indexOf(10, at + 1)) lines++;
    // Enough lines for a header after a prologue: the rest of the file cannot change a header finding.
    if (cut > 0 && lines > s.policy.headers.maxLine + 64) return Buffer.from(window.subarray(0, cut + 1));
  }
  const bytes = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, bytes, off, size - off, off);
    if (n === 0) break;
    off += n;
  }
  return off === size ? bytes : bytes.subarray(0, off);
}

function readSmall(file: string): string | undefined {
  try {
    const fd = openSync(file, 'r');
    try {
      const size = Math.min(fstatSync(fd).size, 1024 * 1024);
      const bytes = Buffer.allocUnsafe(size);
      const n = readSync(fd, bytes, 0, size, 0);
      const text = bytes.subarray(0, n);
      return isUtf8(text) ? text.toString('utf8') : undefined;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function skipped(rel: string, size: number, mtimeMs: number, reason: string): FileResult {
  return { rel, size, mtimeMs, findings: [], skipped: reason };
}

function reasonFor(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'gone before it was read';
  // No errno: not the file system but the check itself failed; the scan goes on without this file.
  return code ? `unreadable: ${code}` : `check failed: ${(err as Error).message}`;
}
