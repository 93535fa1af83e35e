// Scan results kept between scans and restarts, by path. An entry holds while the file's size and
// mtime are the same; the whole cache is dropped when anything else that shapes findings changes
// (the policy, the rule scope, the date, the engine), which `key` sums up.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SkipReason } from '../engine/coverage';
import type { FileResult } from './check-file';
import { PackedFindings, PackedResult, packFindings, StringTable, unpackFindings } from './compact';

/** A file's result without what only the scan that made it needs: its path (the key) and its flags for that scan. */
export type CachedFile = Omit<FileResult, 'rel' | 'unchanged' | 'ignored'>;
/** What tells whether a cached result still holds for the file on disk. */
export type CacheStamp = Pick<CachedFile, 'size' | 'mtimeMs' | 'sidecarMtimeMs' | 'generated'>;

/** One shape for every entry (a class, not spread objects, which gave many entries a hidden class of their own). */
class Entry {
  constructor(
    readonly size: number,
    readonly mtimeMs: number,
    readonly sidecarMtimeMs: number | undefined,
    readonly generated: boolean | undefined,
    /** An id and arguments, not a text: a reason kept here reads in the language of whoever shows it. */
    readonly skipped: SkipReason | undefined,
    readonly licenseIds: string[] | undefined,
    readonly packed: PackedFindings,
  ) {}
}

/** Bumped when the engine's findings change shape or meaning, so old caches are not trusted. */
const engineVersion = 6;

export function cacheKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify({ engineVersion, parts })).digest('hex');
}

/**
 * Entries keep their findings packed (compact.ts): the language server holds the cache of a whole
 * workspace for as long as it runs. On disk they are plain findings.
 */
export class ScanCache {
  private entries = new Map<string, Entry>();
  private _table = new StringTable();
  /**
   * Each distinct list of license ids once: most files of a tree use the same one or two licenses, and
   * a list per file held for the server's life was 78,000 arrays on the kernel tree. Never changed in place.
   */
  private idLists = new Map<string, string[]>();

  private sharedIds(ids: readonly string[]): string[] {
    const key = ids.join('\n');
    let list = this.idLists.get(key);
    if (!list) this.idLists.set(key, (list = ids.map((id) => this._table.shared(id))));
    return list;
  }

  /** What the entries' findings are packed against: a scan packs its results against it too (keep). */
  get table(): StringTable {
    return this._table;
  }

  constructor(private key = '') {}

  /** Starts over when the key differs: every entry was computed under something that changed. */
  useKey(key: string): void {
    if (key !== this.key) this.clear();
    this.key = key;
  }

  get(rel: string): CachedFile | undefined {
    const entry = this.entries.get(rel);
    return entry && this.unpack(entry);
  }

  /** What the entry was computed for, without unpacking its findings. */
  stamp(rel: string): CacheStamp | undefined {
    const entry = this.entries.get(rel);
    return entry && { size: entry.size, mtimeMs: entry.mtimeMs, sidecarMtimeMs: entry.sidecarMtimeMs, generated: entry.generated };
  }

  /** Stores a fresh result; an `unchanged` one keeps the entry it confirmed. */
  put(result: FileResult): CachedFile | undefined {
    if (result.unchanged) return this.get(result.rel);
    const { findings, ...rest } = result;
    this.keep({ ...rest, packed: packFindings(findings, this._table) });
    const { rel, unchanged, ignored, ...entry } = result;
    return entry;
  }

  /**
   * `put` for a result already packed against `table`, as a scan's are: returns the entry, the
   * confirmed one for an `unchanged` result, without unpacking any findings.
   */
  keep(result: PackedResult): (Omit<CachedFile, 'findings'> & { packed: PackedFindings }) | undefined {
    if (result.unchanged) return this.entries.get(result.rel);
    const ids = result.licenseIds && this.sharedIds(result.licenseIds);
    const entry = new Entry(result.size, result.mtimeMs, result.sidecarMtimeMs, result.generated, result.skipped, ids, result.packed);
    this.entries.set(result.rel, entry);
    return entry;
  }

  private unpack(e: Entry): CachedFile {
    const file: CachedFile = { size: e.size, mtimeMs: e.mtimeMs, findings: unpackFindings(e.packed, this._table.strings) };
    if (e.sidecarMtimeMs !== undefined) file.sidecarMtimeMs = e.sidecarMtimeMs;
    if (e.generated !== undefined) file.generated = e.generated;
    if (e.skipped !== undefined) file.skipped = e.skipped;
    if (e.licenseIds !== undefined) file.licenseIds = e.licenseIds;
    return file;
  }

  private clear(): void {
    this.entries.clear();
    // Strings of results no longer kept go with them.
    this._table = new StringTable();
    this.idLists = new Map();
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
    // Written a few hundred entries at a time: neither all the findings as objects nor the whole
    // file as one string are ever in memory at once.
    const out = await fs.open(tmp, 'w');
    try {
      let chunk = `{"key":${JSON.stringify(this.key)},"entries":[`;
      let n = 0;
      for (const [rel, entry] of this.entries) {
        chunk += (n++ ? ',' : '') + JSON.stringify([rel, this.unpack(entry)]);
        if (chunk.length > 1 << 16) {
          await out.write(chunk);
          chunk = '';
        }
      }
      await out.write(chunk + ']}');
    } finally {
      await out.close();
    }
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
        for (const [rel, entry] of data.entries) cache.put({ ...entry, rel });
      }
    } catch {
      /* start empty */
    }
    return cache;
  }
}
