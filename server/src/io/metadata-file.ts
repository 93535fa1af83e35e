// The one reader of the files a repository controls and the product reads for its settings, as git
// reads its own (README, "Security model"): only a regular file, never through a symbolic link, never
// blocking on a FIFO or a device, and bounded. Checked files go through read-file.ts's readRegular,
// which opens them the same way.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';

/**
 * Flags to open a file the repository controls: read-only, never waiting on a FIFO's writer or a device,
 * never through a final symbolic link (ELOOP instead). O_NONBLOCK has no effect on regular files.
 */
export const safeOpenFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/** The most a metadata file (`.gitignore`, REUSE.toml, `package.json`, …) may hold: far above any real one. */
export const maxMetadataBytes = 16 * 1024 * 1024;

/**
 * A file the repository controls and the product reads for its settings (`.gitignore`, `.gitattributes`,
 * REUSE.toml, dep5, `package.json`, `.editorconfig`, the baseline), as git reads such files: only a regular
 * file, never through a symbolic link, never blocking on a FIFO or a device, at most `maxBytes`. Undefined
 * when it is none of that or not there: a link to /dev/zero committed as `.gitignore` reads as no file.
 * The one reader for them, synchronous for the walk's per-folder reads.
 */
export function readMetadataSync(absPath: string, maxBytes = maxMetadataBytes): Buffer | undefined {
  let fd: number | undefined;
  try {
    const stat = lstatSync(absPath, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > maxBytes) return undefined;
    fd = openSync(absPath, safeOpenFlags);
    const now = fstatSync(fd);
    if (!now.isFile() || now.size > maxBytes) return undefined;
    const bytes = Buffer.allocUnsafe(Math.min(now.size + 1, maxBytes + 1));
    let off = 0;
    for (let n; off < bytes.length && (n = readSync(fd, bytes, off, bytes.length - off, off)) > 0;) off += n;
    return off > maxBytes ? undefined : bytes.subarray(0, off);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
