// Findings kept in little memory: a scan of a large tree holds 100,000 of them, most repeating a few
// strings (rule ids, severities, messages, fix texts). Each finding becomes numbers: its range, and
// ids into a table where every distinct string is stored once. Worker threads send findings this
// way too, with a table per batch, so a message carries each string once.

import { saidAgain, type Finding } from '../engine/findings';
import type { FileResult } from './check-file';
import { currentLocale } from '../engine/l10n';

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
  packInto(findings, table, packed, 0);
  return packed;
}

/** Writes the findings packed into `out` from `at` on: a file's own array, or a worker batch's one array. */
function packInto(findings: readonly Finding[], table: StringTable, out: { [i: number]: number }, at: number): void {
  for (const f of findings) {
    const { rule, severity, message, range, ...extra } = f;
    // Fixes and the rest are rare and varied: kept as one JSON string, which the table still shares.
    const json = JSON.stringify(extra);
    out[at] = table.id(rule);
    out[at + 1] = table.id(severity);
    out[at + 2] = table.id(message);
    out[at + 3] = json === '{}' ? -1 : table.id(json);
    out[at + 4] = f.suppressed ? suppressedFlag : 0;
    out[at + 5] = range.start.line;
    out[at + 6] = range.start.character;
    out[at + 7] = range.end.line;
    out[at + 8] = range.end.character;
    at += stride;
  }
}

/**
 * What unpacking learnt of a table's extras (a finding's rare fields, packed as one JSON string): each
 * parsed once, and its message said once per language. A report of the kernel unpacks 100,000
 * findings, most of them one to a file, which share a few hundred extras: parsing and saying each
 * finding's anew was most of the time the CLI spent writing its report.
 */
interface Extras {
  parsed: Map<number, Partial<Finding>>;
  /** The message said in `locale` from each extra that has `says` and no `related`. */
  said: Map<number, string>;
  locale: string;
}

/** Per table: ids are never reused and strings never change, so what was learnt of an id stays true. */
const extrasOf = new WeakMap<readonly string[], Extras>();

export function unpackFindings(packed: readonly number[], strings: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  if (!packed.length) return findings;
  let known = extrasOf.get(strings);
  if (!known) extrasOf.set(strings, (known = { parsed: new Map(), said: new Map(), locale: currentLocale() }));
  if (known.locale !== currentLocale()) extrasOf.set(strings, (known = { ...known, said: new Map(), locale: currentLocale() }));
  for (let i = 0; i < packed.length; i += stride) {
    const id = packed[i + 3];
    // Shared by every finding that has it, as findings are never changed in place.
    let extra = id < 0 ? undefined : known.parsed.get(id);
    if (id >= 0 && !extra) known.parsed.set(id, (extra = JSON.parse(strings[id]) as Partial<Finding>));
    const f: Finding = {
      rule: strings[packed[i]] as Finding['rule'],
      severity: strings[packed[i + 1]] as Finding['severity'],
      range: { start: { line: packed[i + 5], character: packed[i + 6] }, end: { line: packed[i + 7], character: packed[i + 8] } },
      message: strings[packed[i + 2]],
      ...extra,
    };
    // Said in today's language: the cache and a worker's batch may have rendered it in another.
    if (f.related) findings.push(saidAgain(f));
    else if (f.says) {
      let text = known.said.get(id);
      if (text === undefined) known.said.set(id, (text = saidAgain(f).message));
      findings.push(text === f.message ? f : { ...f, message: text });
    } else findings.push(f);
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

/** A file's result with its findings packed. */
export type PackedResult = Omit<FileResult, 'findings'> & { packed: PackedFindings };

/**
 * A batch of results as a worker sends it back: columns of numbers, and the batch's own table of
 * strings. Structured cloning pays for each object and property it copies, and a batch of result
 * objects, each with its findings array, cost a worker more than a tenth of its time on the kernel
 * tree (docs/design/performance.md); typed arrays are moved to the receiving thread whole.
 * Result i answers job i of the batch: a worker that sees the scan cancelled stops early, with fewer results than jobs.
 */
export interface WorkerBatch {
  strings: string[];
  /** Three per result: size, mtimeMs, and the sidecar's mtimeMs (NaN: no sidecar). */
  times: Float64Array;
  /** Per result: `generatedBit`, `unchangedBit`, `ignoredBit`. */
  flags: Uint8Array;
  /** Per result: where its findings end in `findings` (they start where the one before ends). */
  ends: Int32Array;
  /** Per result: the id in `strings` of its rare parts as JSON (the skip reason, the license ids), or -1. */
  rare: Int32Array;
  /** The findings of every result, packed (`stride` numbers each) against `strings`. */
  findings: Int32Array;
}

const generatedBit = 1;
const unchangedBit = 2;
const ignoredBit = 4;

/** The results as a batch: made in a worker, or in the thread that checked them. */
export function packBatch(results: readonly FileResult[]): WorkerBatch {
  const table = new StringTable();
  const n = results.length;
  let count = 0;
  for (const r of results) count += r.findings.length;
  const batch: WorkerBatch = {
    strings: table.strings,
    times: new Float64Array(n * 3),
    flags: new Uint8Array(n),
    ends: new Int32Array(n),
    rare: new Int32Array(n),
    findings: new Int32Array(count * stride),
  };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const r = results[i];
    batch.times[3 * i] = r.size;
    batch.times[3 * i + 1] = r.mtimeMs;
    batch.times[3 * i + 2] = r.sidecarMtimeMs ?? NaN;
    batch.flags[i] = (r.generated ? generatedBit : 0) | (r.unchanged ? unchangedBit : 0) | (r.ignored ? ignoredBit : 0);
    packInto(r.findings, table, batch.findings, at);
    at += r.findings.length * stride;
    batch.ends[i] = at;
    batch.rare[i] = r.skipped || r.licenseIds ? table.id(JSON.stringify({ skipped: r.skipped, licenseIds: r.licenseIds })) : -1;
  }
  return batch;
}

/** The typed arrays of a batch, to move to another thread rather than copy. */
export const batchBuffers = (b: WorkerBatch): ArrayBuffer[] => [b.times, b.flags, b.ends, b.rare, b.findings].map((a) => a.buffer as ArrayBuffer);

/**
 * A batch's results, their ids moved into `table`. `jobs`: the batch they answer, in the same order:
 * each result takes its job's path, the walk's string, so the listing and the results (the scan
 * cache's keys) hold one copy of each path, not two (78,000 of them on the kernel tree).
 */
export function adoptBatch(batch: WorkerBatch, table: StringTable, jobs: readonly { rel: string }[]): PackedResult[] {
  const { strings, times, flags, ends, rare, findings } = batch;
  // Each string of the batch moved into the table once, when a finding first names it.
  const moved = new Int32Array(strings.length).fill(-1);
  const idOf = (id: number) => (id < 0 ? id : moved[id] >= 0 ? moved[id] : (moved[id] = table.id(strings[id])));
  const rareParts = new Map<number, Pick<FileResult, 'skipped' | 'licenseIds'>>();
  const results: PackedResult[] = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    let packed = noFindings;
    if (ends[i] > start) {
      packed = new Array<number>(ends[i] - start);
      for (let k = 0; k < packed.length; k += stride) {
        for (let j = 0; j < 4; j++) packed[k + j] = idOf(findings[start + k + j]);
        for (let j = 4; j < stride; j++) packed[k + j] = findings[start + k + j];
      }
    }
    start = ends[i];
    const r: PackedResult = { rel: jobs[i].rel, size: times[3 * i], mtimeMs: times[3 * i + 1], packed };
    if (!Number.isNaN(times[3 * i + 2])) r.sidecarMtimeMs = times[3 * i + 2];
    if (flags[i] & generatedBit) r.generated = true;
    if (flags[i] & unchangedBit) r.unchanged = true;
    if (flags[i] & ignoredBit) r.ignored = true;
    if (rare[i] >= 0) {
      let parts = rareParts.get(rare[i]);
      if (!parts) rareParts.set(rare[i], (parts = JSON.parse(strings[rare[i]]) as Pick<FileResult, 'skipped' | 'licenseIds'>));
      if (parts.skipped) r.skipped = parts.skipped;
      if (parts.licenseIds) r.licenseIds = parts.licenseIds;
    }
    results[i] = r;
  }
  return results;
}

/** Results checked in this thread, packed against `table` as a worker's batch would be. */
export function packResults(results: readonly FileResult[], table: StringTable): PackedResult[] {
  return adoptBatch(packBatch(results), table, results);
}
