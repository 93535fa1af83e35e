// Reads a file for checking, or says why it is skipped. Shared by the CLI and the server.

import { promises as fs } from 'node:fs';
import { contentSkipReason, decodeUtf8 } from '../engine/coverage';

export const defaultMaxBytes = 10 * 1024 * 1024;

export type ReadResult = { text: string; sidecarText?: string } | { skipped: string };

export async function readForCheck(absPath: string, maxBytes = defaultMaxBytes): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    const stat = await fs.lstat(absPath);
    if (!stat.isFile()) return { skipped: stat.isSymbolicLink() ? 'symbolic link' : 'not a regular file' };
    if (stat.size > maxBytes) return { skipped: `larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
    bytes = await fs.readFile(absPath);
  } catch (err) {
    return { skipped: `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
  const reason = contentSkipReason(bytes, maxBytes);
  if (reason) return { skipped: reason };
  const text = decodeUtf8(bytes);
  if (text === undefined) return { skipped: 'not valid UTF-8' };
  const sidecarText = await readSidecar(absPath);
  return { text, sidecarText };
}

export async function readSidecar(absPath: string): Promise<string | undefined> {
  try {
    const bytes = await fs.readFile(absPath + '.license');
    return decodeUtf8(bytes);
  } catch {
    return undefined;
  }
}
