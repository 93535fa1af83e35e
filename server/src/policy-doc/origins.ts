// Where each statement of the written policy comes from (docs/design/policy-render.md, "Where a
// statement comes from"). The effective policy is a merge of the file and its bases (merge.ts), which
// keeps no record of origins; rather than thread one through every merge rule, the origin of a value
// is found afterwards: the first text of the chain (the file, then its bases depth-first) that states
// that value at that key path. The line is where parse.ts's locator puts the key or list entry.

import { wildcard } from '../engine/glob';
import { toException, type PolicyException, type RawPolicy } from '../engine/policy/model';
import { parsePolicy, policyLocator, type Path, type PolicyRange } from '../engine/policy/parse';

/** One policy text the policy was built from (io/policy-source.ts `PolicySource`). */
export interface SourceText {
  /** An absolute path, an https URL, or `ospo:NAME` for a built-in preset. */
  source: string;
  text: string;
  /** The `extends` entry that brought a base in. */
  via?: { source: string; line: number };
}

/** A statement's origin: a line (0-based) of one of the texts, or undefined for the built-in default. */
export type Origin = { source: string; line: number } | undefined;

interface Read {
  source: string;
  raw?: RawPolicy;
  at: (path: Path) => PolicyRange | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The value at `path` in plain data, own keys only; undefined when it is not there. */
function valueAt(data: unknown, path: Path): unknown {
  let here = data;
  for (const step of path) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, step)) return undefined;
    here = (here as Record<string | number, unknown>)[step];
  }
  return here;
}

export class Origins {
  private readonly texts: Read[];

  constructor(sources: readonly SourceText[]) {
    this.texts = sources.map(({ source, text }) => ({ source, raw: parsePolicy(text).raw, at: policyLocator(text) }));
  }

  private line(read: Read, path: Path): Origin {
    const range = read.at(path);
    return range ? { source: read.source, line: range.line } : undefined;
  }

  /** The first text stating `value` at `path`; else, when `value` was derived by a merge, the first that sets `path`. */
  of(path: Path, value?: unknown): Origin {
    const setting = this.texts.filter((t) => valueAt(t.raw, path) !== undefined);
    const stating = value === undefined ? setting[0] : (setting.find((t) => same(valueAt(t.raw, path), value)) ?? setting[0]);
    return stating && this.line(stating, path);
  }

  /** What the text of `source` itself writes at `path`, and its line; undefined when that text does not set it (or is not one of the texts). */
  own(source: string, path: Path): { value: unknown; origin: Origin } | undefined {
    const read = this.texts.find((t) => t.source === source);
    const value = read && valueAt(read.raw, path);
    return read && value !== undefined ? { value, origin: this.line(read, path) } : undefined;
  }

  /**
   * The list entry that puts `item` in the list at `path`: the entry itself, else a `*` entry that
   * matches it (a merge narrows `GPL-*` to the ids both policies allow), else the list's key.
   */
  item(path: Path, item: string): Origin {
    for (const exact of [true, false]) {
      for (const t of this.texts) {
        const list = valueAt(t.raw, path);
        if (!Array.isArray(list)) continue;
        const i = list.findIndex((entry) => typeof entry === 'string' && (exact ? entry === item : entry.includes('*') && wildcard(entry)(item)));
        if (i >= 0) return this.line(t, [...path, i]);
      }
    }
    return this.of(path);
  }

  /** Where an exception is recorded, and its index there, to locate its fields. */
  exception(e: PolicyException): { origin: Origin; at: (key: string) => Origin } | undefined {
    for (const t of this.texts) {
      const list = t.raw?.exceptions;
      const i = Array.isArray(list) ? list.findIndex((raw) => same(toException(raw), e)) : -1;
      if (i >= 0) return { origin: this.line(t, ['exceptions', i]), at: (key) => this.line(t, ['exceptions', i, key]) ?? this.line(t, ['exceptions', i]) };
    }
    return undefined;
  }

  /** Where an override (by its paths) is written, to locate the settings it makes. */
  override(paths: readonly string[]): { origin: Origin; at: (path: Path) => Origin } | undefined {
    for (const t of this.texts) {
      const list = t.raw?.overrides;
      const i = Array.isArray(list) ? list.findIndex((o) => same(o?.paths, paths)) : -1;
      if (i >= 0) return { origin: this.line(t, ['overrides', i]), at: (path) => this.line(t, ['overrides', i, ...path]) ?? this.line(t, ['overrides', i]) };
    }
    return undefined;
  }
}
