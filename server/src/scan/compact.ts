// Findings kept in little memory: a scan of a large tree holds 100,000 of them, most repeating a few
// strings (rule ids, severities, messages, fix texts). Each finding becomes numbers: its range, and
// ids into a table where every distinct string is stored once. Worker threads send findings this
// way too, with a table per batch, so a message carries each string once.

import { saidAgain, type Finding } from '../engine/findings';
import type { FileResult } from './check-file';

/**
 * Numbers per finding: rule, severity, message, extra (or -1), flags, then the range's four numbers.
 * The flags say what the outputs ask of every finding without unpacking it: whether it is suppressed.
 */
const stride = 9;
const suppressedFlag = 1;

/** A finding packed: `stride` numbers each. */
export type PackedFindings = number[];

/** Every distinct string once, by id. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The table's copy of `s`: equal strings kept once. */
  shared(s: string): string {
    return this.strings[this.id(s)];
  }

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
}

/**
 * The packed findings of every file that has none: most files of a tree, each of which would
 * otherwise hold an empty array of its own for as long as the server runs. Frozen: never changed in place.
 */
const noFindings: PackedFindings = Object.freeze([]) as unknown as PackedFindings;

export function packFindings(findings: readonly Finding[], table: StringTable): PackedFindings {
  if (!findings.length) return noFindings;
  // Sized up front: an array grown by push keeps spare room, which 100,000 findings would pay for.
  const packed: PackedFindings = new Array<number>(findings.length * stride);
  findings.forEach((f, i) => {
    const { rule, severity, message, range, ...extra } = f;
    // Fixes and the rest are rare and varied: kept as one JSON string, which the table still shares.
    const json = JSON.stringify(extra);
    const at = i * stride;
    packed[at] = table.id(rule);
    packed[at + 1] = table.id(severity);
    packed[at + 2] = table.id(message);
    packed[at + 3] = json === '{}' ? -1 : table.id(json);
    packed[at + 4] = f.suppressed ? suppressedFlag : 0;
    packed[at + 5] = range.start.line;
    packed[at + 6] = range.start.character;
    packed[at + 7] = range.end.line;
    packed[at + 8] = range.end.character;
  });
  return packed;
}

export function unpackFindings(packed: readonly number[], strings: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  // Most findings share their extra (the message id and arguments, the fix): parsed once, its objects shared,
  // as findings are never changed in place.
  const parsed = new Map<number, Partial<Finding>>();
  for (let i = 0; i < packed.length; i += stride) {
    const id = packed[i + 3];
    let extra = id < 0 ? undefined : parsed.get(id);
    if (id >= 0 && !extra) parsed.set(id, (extra = JSON.parse(strings[id]) as Partial<Finding>));
    const f: Finding = {
      rule: strings[packed[i]] as Finding['rule'],
      severity: strings[packed[i + 1]] as Finding['severity'],
      range: { start: { line: packed[i + 5], character: packed[i + 6] }, end: { line: packed[i + 7], character: packed[i + 8] } },
      message: strings[packed[i + 2]],
      ...extra,
    };
    // Said in today's language: the cache and a worker's batch may have rendered it in another.
    findings.push(f.says || f.related ? saidAgain(f) : f);
  }
  return findings;
}

/** Each string's two hashes (at 2·id and 2·id + 1), per table: a table holds few strings (5,000 on the kernel), each shared by many findings. */
const stringHashes = new WeakMap<readonly string[], number[]>();

function hashText(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * 53 bits of a hash of packed findings and `context`, the same for the same findings whatever table
 * they were packed against (string ids are hashed by their text): tells whether what a file shows has
 * changed without unpacking it. Two FNV-1a-style lanes with different multipliers; a clash between
 * two versions of one file's findings is negligible.
 */
export function packedDigest(packed: readonly number[], strings: readonly string[], context: string): number {
  let hashes = stringHashes.get(strings);
  if (!hashes) stringHashes.set(strings, (hashes = []));
  let a = hashText(context, 0x811c9dc5);
  let b = hashText(context, 0x9e3779b9);
  for (let i = 0; i < packed.length; i++) {
    const n = packed[i];
    let x = n;
    let y = n;
    // The first four numbers of a finding are ids into the table (-1: none): each lane takes the string's own hash.
    if (i % stride < 4 && n >= 0) {
      x = hashes[2 * n] ??= hashText(strings[n], 0x811c9dc5);
      y = hashes[2 * n + 1] ??= hashText(strings[n], 0x9e3779b9);
    }
    a = Math.imul(a ^ x, 16777619);
    b = Math.imul(b ^ y, 0x5bd1e995) ^ (b >>> 13);
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

export function packedCount(packed: readonly number[]): number {
  return packed.length / stride;
}

/** How many of the findings are suppressed (a suppression comment or the baseline covers them). */
export function suppressedCount(packed: readonly number[]): number {
  let n = 0;
  for (let i = 4; i < packed.length; i += stride) if (packed[i] & suppressedFlag) n++;
  return n;
}

/** The findings that are not suppressed; `packed` itself when none is. */
export function withoutSuppressed(packed: PackedFindings): PackedFindings {
  if (!suppressedCount(packed)) return packed;
  const out: PackedFindings = [];
  for (let i = 0; i < packed.length; i += stride) if (!(packed[i + 4] & suppressedFlag)) for (let k = 0; k < stride; k++) out.push(packed[i + k]);
  return out;
}

/** Findings packed against another table (a worker's batch), with their ids moved into `table`. */
export function repack(packed: readonly number[], from: readonly string[], table: StringTable): PackedFindings {
  if (!packed.length) return noFindings;
  const out = packed.slice();
  for (let i = 0; i < out.length; i += stride) {
    for (let k = 0; k < 4; k++) if (out[i + k] >= 0) out[i + k] = table.id(from[out[i + k]]);
  }
  return out;
}

/** A file's result with its findings packed. */
export type PackedResult = Omit<FileResult, 'findings'> & { packed: PackedFindings };

/** What a worker sends back for a batch: the results, packed against the batch's own strings. */
export interface WorkerResults {
  results: PackedResult[];
  strings: string[];
}

export function packResults(results: readonly FileResult[], table: StringTable): PackedResult[] {
  return results.map(({ findings, ...r }) => ({ ...r, packed: packFindings(findings, table) }));
}

/**
 * A worker's results, their ids moved into `table`. `jobs`: the batch they answer, in the same order:
 * each result takes its job's path, the walk's string, so the listing and the results (the scan
 * cache's keys) hold one copy of each path, not two (78,000 of them on the kernel tree).
 */
export function adoptResults(msg: WorkerResults, table: StringTable, jobs: readonly { rel: string }[] = []): PackedResult[] {
  return msg.results.map((r, i) => ({ ...r, rel: jobs[i]?.rel === r.rel ? jobs[i].rel : r.rel, packed: repack(r.packed, msg.strings, table) }));
}
