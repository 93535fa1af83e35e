// Scan results kept between scans and restarts, by path. An entry holds while the file's size and
// mtime are the same; the whole cache is dropped when anything else that shapes findings changes
// (the policy, the rule scope, the date, the engine), which `key` sums up.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from './check-file';

/** A file's result without what only the scan that made it needs: its path (the key) and its flags for that scan. */
export type CachedFile = Omit<FileResult, 'rel' | 'unchanged' | 'ignored'>;

/** Bumped when the engine's findings change shape or meaning, so old caches are not trusted. */
const engineVersion = 4;

export function cacheKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify({ engineVersion, parts })).digest('hex');
}

export class ScanCache {
  private entries = new Map<string, CachedFile>();

  constructor(private key = '') {}

  /** Starts over when the key differs: every entry was computed under something that changed. */
  useKey(key: string): void {
    if (key !== this.key) this.entries.clear();
    this.key = key;
  }

  get(rel: string): CachedFile | undefined {
    return this.entries.get(rel);
  }

  /** Stores a fresh result; an `unchanged` one keeps the entry it confirmed. */
  put(result: FileResult): CachedFile | undefined {
    if (result.unchanged) return this.entries.get(result.rel);
    const { rel, unchanged, ignored, ...entry } = result;
    this.entries.set(rel, entry);
    return entry;
  }

  delete(rel: string): void {
    this.entries.delete(rel);
  }

  /** Drops the entries of files no longer listed (deleted, newly ignored or excluded). */
  retain(rels: Set<string>): void {
    for (const rel of this.entries.keys()) if (!rels.has(rel)) this.entries.delete(rel);
  }

  get size(): number {
    return this.entries.size;
  }

  async save(file: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify({ key: this.key, entries: [...this.entries] }));
    // A rename, so a reader never sees half a file.
    await fs.rename(tmp, file);
  }

  /** A cache from disk; an empty one when the file is missing or unreadable (it is only a cache). */
  static async load(file: string): Promise<ScanCache> {
    const cache = new ScanCache();
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { key: string; entries: [string, CachedFile][] };
      if (typeof data.key === 'string' && Array.isArray(data.entries)) {
        cache.key = data.key;
        cache.entries = new Map(data.entries);
      }
    } catch {
      /* start empty */
    }
    return cache;
  }
}
