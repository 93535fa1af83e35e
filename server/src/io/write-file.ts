// Every file the product writes, in one place (docs/design/writes.md). A repository is hostile input:
// its files may be links planted where a temporary or new file goes, belong to other users, be
// read-only, hard-linked or carry extended attributes, and other processes may write to them while a
// fix runs. So:
// - a temporary file is created with O_EXCL and O_NOFOLLOW in the target's folder, under a short name
//   (`.ospo-<pid>-<random>.tmp`, so a 255-byte file name cannot overflow NAME_MAX), written, flushed,
//   then renamed or linked into place: a reader never sees half a file, and a failure removes it;
// - a temporary file left by a killed run (its process gone) is removed the next time a file is
//   written in its folder;
// - a new file (`createFile`) is linked into place, which fails when anything, a dangling link
//   included, has the name: nothing is ever written through a link, nor over an existing file;
// - a fix (`replaceChecked`) replaces a file only when the user could write it, it is not read-only,
//   it is not hard-linked, and its owner, mode and extended attributes (ACLs among them) can be kept;
//   and no write to it by another process is lost (see there).

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, existsSync, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { skipText } from '../engine/coverage';
import { defaultMaxBytes, readInto, readRegular, type RegularFile } from './read-file';

const tempPattern = /^\.ospo-(\d+)-[0-9a-f]{8}\.tmp$/;

function tempPath(dir: string): string {
  return path.join(dir, `.ospo-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

const swept = new Set<string>();

/** A temporary file this old, whose process is gone, is a killed run's: a pid alone may be another machine's, on a shared folder. */
const staleMs = 60 * 60 * 1000;

/** Removes, once per folder and run, the temporary files of runs whose process is gone (killed mid-write). */
async function sweepTemps(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = tempPattern.exec(name);
    if (!m || Number(m[1]) === process.pid || running(Number(m[1]))) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (stat?.isFile() && Date.now() - stat.mtimeMs > staleMs) await fs.rm(file, { force: true }).catch(() => undefined);
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes `data` to a new temporary file in `dir` (never through a link, never over a file) and flushes it; removed again on failure. */
async function writeTemp(dir: string, data: string | Buffer, mode = 0o666): Promise<string> {
  await sweepTemps(dir);
  const tmp = tempPath(dir);
  const handle = await fs.open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0), mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  return tmp;
}

/**
 * Creates `abs` with `data`, all or nothing, when nothing has that name: a temporary file linked into
 * place (link never follows nor replaces what is there, a dangling link included). Throws an error
 * with code EEXIST when the name is taken, and the write's own error (ENOSPC…) otherwise; either way
 * nothing is left behind.
 */
export async function createFile(abs: string, data: string | Buffer): Promise<void> {
  const tmp = await writeTemp(path.dirname(abs), data);
  try {
    await fs.link(tmp, abs);
  } catch (err) {
    // A file system without hard links (FAT, exFAT, some network mounts): created in place, still never over
    // anything or through a link, though a failure part way may leave it short.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    const handle = await fs.open(abs, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0), 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (failed) {
      // Created here with O_EXCL, so ours: a short file would make every later run refuse.
      await handle.close().catch(() => undefined);
      await fs.rm(abs, { force: true }).catch(() => undefined);
      throw failed;
    }
    await handle.close();
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

/**
 * Makes the folder `dir` (its parent must exist) unless it is there. Throws ENOTDIR when the name is
 * taken by anything but a folder, a link to one included: a repository could point `.ospo/` anywhere.
 */
export async function ensureFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (!(await fs.lstat(dir)).isDirectory()) throw Object.assign(new Error(`${dir} is not a folder`), { code: 'ENOTDIR' });
}

/** Replaces (or creates) one of the product's own files, `abs`, with `data`, all or nothing: a temporary file renamed over it. */
export async function replaceFile(abs: string, data: string | Buffer): Promise<void> {
  const tmp = await writeTemp(path.dirname(abs), data);
  try {
    await fs.rename(tmp, abs);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Test seams for replaceChecked: run just before the rename (to change the file meanwhile, or fail) and just after it. */
export interface WriteHooks {
  beforeRename?: (tmp: string) => void | Promise<void>;
  afterRename?: () => void | Promise<void>;
}

/** What became of a checked replacement: `refused` says why the file was not fixed; `note` what else happened to it. */
export interface Replaced {
  refused?: string;
  note?: string;
}

const uid = process.getuid?.();
/** GNU coreutils' cp, which has `--attributes-only`; busybox's (Alpine) and BSD's have not. Looked for once. */
let gnuCp: string | null | undefined;
function attributeCopier(): string | undefined {
  if (gnuCp === undefined) {
    const found = process.platform === 'linux' ? ['/usr/bin/cp', '/bin/cp'].find((p) => existsSync(p)) : undefined;
    const version = found ? spawnSync(found, ['--version'], { encoding: 'utf8', timeout: 5000 }) : undefined;
    gnuCp = found && version?.status === 0 && /coreutils/i.test(version.stdout) ? found : null;
  }
  return gnuCp ?? undefined;
}

/** How long cp may take to copy a file's attributes: a file that turned into a FIFO would keep it waiting. */
const copyTimeoutMs = 10_000;

/** Why `original` (just read from `abs`) must not be replaced, or undefined. */
async function refusal(abs: string, original: RegularFile): Promise<string | undefined> {
  // English, as the rest of this line (`ospo: not fixed …`) is.
  if ((original.mode & 0o222) === 0) return 'it is read-only';
  try {
    await fs.access(abs, fsConstants.W_OK);
  } catch {
    return 'you may not write it';
  }
  if (original.nlink > 1) return `it has ${original.nlink} hard links, and a fixed copy would split them`;
  if (uid !== undefined && uid !== 0 && original.uid !== uid) return 'it belongs to another user, and a fixed copy would be yours';
  return undefined;
}

/**
 * Replaces `abs` with `content` (fixed text as bytes), all or nothing, where `original` is the file as
 * read. Refused (with the reason, and nothing written) when `refusal` says so, or when the file changed
 * since it was read (size, mtime, inode or content, compared just before the rename). The new file gets
 * the old one's mode, owner and extended attributes (ACLs included, copied by coreutils' `cp
 * --attributes-only` on Linux; a copy that fails refuses the fix).
 *
 * No write by another process is lost. One that opened the old file before the rename writes into
 * the old file after it, which nothing names any more: the old file stays open across the rename and
 * is read again right after it and a moment later. Bytes appended to it are appended to the new file
 * (the note says so); any other change puts the old file's content back, with what was appended to the
 * new file meanwhile, and refuses the fix. A writer that keeps the old file open for longer than that
 * moment (a daemon's log) is beyond any rename; such files are not for fixing while written.
 */
export async function replaceChecked(abs: string, content: Buffer, original: RegularFile, hooks: WriteHooks = {}): Promise<Replaced> {
  const refused = await refusal(abs, original);
  if (refused) return { refused };
  let tmp: string | undefined;
  let old: FileHandle | undefined;
  try {
    // Held open from here, across the rename: its attributes are copied from it, and what is written to it
    // after the rename is looked for (keepLateWrites).
    old = await fs.open(abs, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0));
    const changed = { refused: 'it changed since it was read; run ospo fix again' };
    // The same file as read: a new one may get the old one's inode number, and a FIFO would block cp's open.
    const same = (s: Pick<RegularFile, 'ino' | 'dev' | 'size' | 'mtimeMs'>) =>
      s.ino === original.ino && s.dev === original.dev && s.size === original.size && s.mtimeMs === original.mtimeMs;
    const held = await old.stat();
    if (!held.isFile() || !same(held)) return changed;
    tmp = await writeTemp(path.dirname(abs), content, original.mode & 0o7777);
    const handle = await fs.open(tmp, fsConstants.O_WRONLY | (fsConstants.O_NOFOLLOW ?? 0));
    try {
      const cp = attributeCopier();
      if (cp) {
        // Both files by their open descriptors, never by name: in a folder others may write, the temporary
        // file's name could be swapped for a link between its creation and the copy (cp follows links).
        const copied = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(cp, ['--attributes-only', '--preserve=mode,ownership,xattr', '--', '/dev/fd/3', '/dev/fd/4'], {
            stdio: ['ignore', 'ignore', 'pipe', old!.fd, handle.fd],
            timeout: copyTimeoutMs,
            killSignal: 'SIGKILL',
          });
          let stderr = '';
          child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('error', (err) => resolve({ code: -1, stderr: err.message }));
          child.on('close', (code) => resolve({ code, stderr }));
        });
        if (copied.code !== 0) return { refused: `its attributes could not be kept (${copied.stderr.trim() || `cp exited with ${copied.code}`})` };
        // cp keeps going when it may not set the group (a user not in the file's group): the copy must be whole.
        const made = await handle.stat();
        if (made.uid !== original.uid || made.gid !== original.gid || (made.mode & 0o7777) !== (original.mode & 0o7777)) {
          return { refused: 'its owner, group or mode could not be kept' };
        }
      } else {
        // Owner first: a change of owner clears the set-user-id and set-group-id bits the mode then restores.
        if (uid === 0) await handle.chown(original.uid, original.gid);
        // The umask may have narrowed the mode given to open.
        await handle.chmod(original.mode & 0o7777);
      }
    } finally {
      await handle.close();
    }
    await hooks.beforeRename?.(tmp);
    const now = await readRegular(abs, Math.max(defaultMaxBytes, original.size));
    if ('skipped' in now) return { refused: `it changed while being fixed (now: ${skipText(now.skipped, 'en')})` };
    if (!same(now) || !now.bytes.equals(original.bytes)) return changed;
    await fs.rename(tmp, abs);
    tmp = undefined;
    await hooks.afterRename?.();
    return await keepLateWrites(abs, old, original.bytes, content);
  } catch (err) {
    return { refused: `could not write it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  } finally {
    await old?.close().catch(() => undefined);
    if (tmp) await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** How long after the rename the old file is watched for writes that were already under way. */
const settleMs = [0, 2, 10];

/**
 * After the rename: writes that reached the old file (`old`, whose content was `was`) go into the new
 * one at `abs` (written as `content`), as described at replaceChecked.
 */
async function keepLateWrites(abs: string, old: FileHandle, was: Buffer, content: Buffer): Promise<Replaced> {
  let carried = was.length;
  for (const wait of settleMs) {
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const late = await readAll(old);
    if (late.length >= carried && late.subarray(0, was.length).equals(was)) {
      if (late.length === carried) continue;
      // Appended to the old file: appended to the new one, in the order written.
      const tail = late.subarray(carried);
      const out = await fs.open(abs, fsConstants.O_WRONLY | fsConstants.O_APPEND | (fsConstants.O_NOFOLLOW ?? 0));
      try {
        await out.write(tail);
        await out.sync();
      } finally {
        await out.close();
      }
      carried = late.length;
      continue;
    }
    // Rewritten: the other writer's content stands, with what reached the new file since; written into the
    // new file itself, which has the old one's mode, owner and attributes.
    const out = await fs.open(abs, fsConstants.O_RDWR | (fsConstants.O_NOFOLLOW ?? 0));
    try {
      const fixed = await readAll(out);
      const since = fixed.subarray(0, content.length).equals(content) ? fixed.subarray(content.length) : Buffer.alloc(0);
      const back = Buffer.concat([late, since]);
      await out.write(back, 0, back.length, 0);
      await out.truncate(back.length);
      await out.sync();
    } finally {
      await out.close();
    }
    return { refused: 'it changed while being fixed: put back as the other writer left it; run ospo fix again' };
  }
  return carried > was.length ? { note: `kept ${carried - was.length} bytes written to it while it was being fixed` } : {};
}

async function readAll(handle: FileHandle): Promise<Buffer> {
  return readInto(handle, Buffer.alloc((await handle.stat()).size));
}
