// Reads a file for checking, or says why it is skipped. Shared by the CLI and the server.
// Hostile trees are the normal case here: a FIFO, a device or a link named like a source file must
// never block or lead outside the tree. So the file is opened without following a final symbolic
// link and without blocking (O_NOFOLLOW | O_NONBLOCK), and only read once the open handle says it
// is a regular file of a sane size.

import { lstatSync, promises as fs, type Stats } from 'node:fs';
import { maxMetadataBytes, safeOpenFlags } from './metadata-file';
import { sizeReason, type SkipReason } from '../engine/coverage';
import { textOf, type DecodedText, type DecodeHints } from './encoding';
import { editorconfigCharset } from './editorconfig';

export const defaultMaxBytes = 10 * 1024 * 1024;

/** The largest `.license` sidecar read: a sidecar is a few lines of SPDX tags. */
export const maxSidecarBytes = 1024 * 1024;

/** A file read to check: its text, the encoding it was in (io/encoding.ts), and its `.license` sidecar's text. */
export type ReadResult = (Omit<DecodedText, 'text'> & { text: string; sidecarText?: string }) | { skipped: SkipReason };

/** Why a failed open or read skips the file, from its errno. */
export function errnoReason(err: unknown): SkipReason {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { id: 'symlink' };
  if (code === 'ENOENT') return { id: 'gone' };
  return { id: 'unreadable', args: { error: code ?? (err as Error).message } };
}

/** The bytes of a regular file of at most `maxBytes`, or why not. Reads no more than it said it holds. */
/** A regular file's bytes and what its open handle said of it (for a write-back that must not lose a change). */
export interface RegularFile {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  mode: number;
  uid: number;
  gid: number;
  dev: number;
  ino: number;
  nlink: number;
}

/** Fills `bytes` from the start of an open file, to its end or the buffer's: what was read. */
export async function readInto(handle: fs.FileHandle, bytes: Buffer): Promise<Buffer> {
  let off = 0;
  while (off < bytes.length) {
    const { bytesRead } = await handle.read(bytes, off, bytes.length - off, off);
    if (bytesRead === 0) break;
    off += bytesRead;
  }
  return bytes.subarray(0, off);
}

export async function readRegular(absPath: string, maxBytes: number): Promise<RegularFile | { skipped: SkipReason }> {
  let handle: fs.FileHandle;
  try {
    // lstat first: a FIFO or device is never opened at all, a link never followed.
    const stat = await fs.lstat(absPath);
    if (!stat.isFile()) return { skipped: { id: stat.isSymbolicLink() ? 'symlink' : 'not-regular' } };
    if (stat.size > maxBytes) return { skipped: sizeReason(maxBytes) };
    // The entry may have been swapped for a FIFO or a link since: the flags and the fstat below catch that.
    handle = await fs.open(absPath, safeOpenFlags);
  } catch (err) {
    return { skipped: errnoReason(err) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { skipped: { id: 'not-regular' } };
    if (stat.size > maxBytes) return { skipped: sizeReason(maxBytes) };
    // Read what fstat said, and one byte more to see whether the file grew past the limit meanwhile.
    const bytes = await readInto(handle, Buffer.allocUnsafe(Math.min(stat.size + 1, maxBytes + 1)));
    if (bytes.length > maxBytes) return { skipped: sizeReason(maxBytes) };
    return {
      bytes,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      mode: stat.mode,
      uid: stat.uid,
      gid: stat.gid,
      dev: stat.dev,
      ino: stat.ino,
      nlink: stat.nlink,
    };
  } catch (err) {
    return { skipped: errnoReason(err) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The entry at `absPath` itself (a link not followed), or undefined when there is none or it cannot be looked at. */
export function lstatOrUndefined(absPath: string): Stats | undefined {
  try {
    // A missing entry, the common case, is answered without an exception made and thrown.
    return lstatSync(absPath, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** `readMetadataSync` for the asynchronous readers. */
export async function readMetadata(absPath: string, maxBytes = maxMetadataBytes): Promise<Buffer | undefined> {
  const read = await readRegular(absPath, maxBytes);
  return 'skipped' in read ? undefined : read.bytes;
}

/**
 * `hints`: the editor's encodings (io/encoding.ts); the project's (.editorconfig) is looked up here.
 * `lossy`: bytes no encoding reads come back as text with them replaced (`undecodable` set), for a
 * check only; a caller that may write the file back leaves it false.
 */
export async function readForCheck(
  absPath: string,
  maxBytes = defaultMaxBytes,
  hints: Pick<DecodeHints, 'editor' | 'setting'> = {},
  lossy = false,
): Promise<ReadResult> {
  const read = await readRegular(absPath, maxBytes);
  if ('skipped' in read) return read;
  const decoded = textOf(read.bytes, maxBytes, { ...hints, project: () => editorconfigCharset(absPath) }, lossy);
  if ('skipped' in decoded) return decoded;
  const sidecarText = await readSidecar(absPath);
  return { ...decoded, sidecarText };
}

/** The `.license` sidecar's text; undefined when there is none, or it is not a readable regular text file. */
export async function readSidecar(absPath: string): Promise<string | undefined> {
  // Most files have none, and the server asks on every keystroke: a synchronous lstat that does not throw
  // answers that in microseconds, where the asynchronous one went through libuv's thread pool and a thrown
  // ENOENT, and cost a keystroke up to 3.5 ms at its 99th percentile (docs/design/performance.md).
  if (!lstatOrUndefined(absPath + '.license')) return undefined;
  const read = await readRegular(absPath + '.license', maxSidecarBytes);
  if ('skipped' in read) return undefined;
  const decoded = textOf(read.bytes, maxSidecarBytes);
  return 'skipped' in decoded ? undefined : decoded.text;
}
