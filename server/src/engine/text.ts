// Line-oriented view of a document. Everything the engine reports or edits is addressed by
// 0-based line and UTF-16 character, the same units LSP uses, so no conversion is needed in between.

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

export const BOM = '\uFEFF';

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps the whole text alive
 * for any slice of it, so a cache that kept a tag's value as it is would keep its file's text.
 */
export function detached(s: string): string {
  // The concatenation is flattened into a new string before the slice: the slice points into that.
  return (' ' + s).slice(1);
}

/** `s` as a regular expression that matches it literally (for patterns without the `u` or `v` flag). */
export function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** A line ending: LSP counts `\n`, `\r\n` and a lone `\r` (old Mac files) as one. */
export type Eol = '\n' | '\r\n' | '\r';

export interface Lines {
  /** Line texts without their terminators. A trailing line break yields a last empty line. */
  lines: string[];
  /** The file's own line ending, taken from its first line break; fixes write this one. */
  eol: Eol;
  /** Whether the text ends with a line break. */
  finalNewline: boolean;
}

/** Splits at most `limit` lines; the header rules never need more than the top of a file. */
export function splitLines(text: string, limit = Infinity): Lines {
  const lazy = new LazyLines(text, limit);
  return { lines: lazy.lines, eol: lazy.eol, finalNewline: lazy.finalNewline };
}

/**
 * Finds line breaks from left to right. The next `\n` and the next `\r` are each searched once and
 * kept until passed, so a file without CRs costs one native search for them, not one per line.
 */
class Breaks {
  private nl = -2;
  private cr = -2;

  constructor(private readonly text: string) {}

  /** The break at or after `from`: where it starts and its ending; undefined when there is none. */
  find(from: number): { at: number; eol: Eol } | undefined {
    const { text } = this;
    if (this.nl !== -1 && this.nl < from) this.nl = text.indexOf('\n', from);
    if (this.cr !== -1 && this.cr < from) this.cr = text.indexOf('\r', from);
    const { nl, cr } = this;
    if (cr < 0 || (nl >= 0 && nl < cr)) return nl < 0 ? undefined : { at: nl, eol: '\n' };
    return { at: cr, eol: nl === cr + 1 ? '\r\n' : '\r' };
  }
}

/**
 * The same lines as `splitLines(text, limit)`, split only as far as someone reads. The header of a
 * file is a few lines at its top, but the window for it must allow for long front matter: splitting
 * all of that for every file of a workspace scan was a tenth of the engine's time.
 */
export class LazyLines implements Lines {
  private readonly split: string[] = [];
  /** Where the next line starts; -1 once the text or the limit is used up. */
  private next = 0;
  private firstEol?: Eol;
  private readonly breaks: Breaks;

  constructor(
    private readonly text: string,
    private readonly limit = Infinity,
  ) {
    if (!(limit > 0)) this.next = -1;
    this.breaks = new Breaks(text);
  }

  /** Line `i`, or undefined past the last line. */
  at(i: number): string | undefined {
    while (this.split.length <= i && this.next >= 0) this.splitOne();
    return this.split[i];
  }

  /** `Math.min(lines.length, n)`, splitting no further than `n`. */
  countUpTo(n: number): number {
    this.at(Math.ceil(n) - 1);
    return Math.min(n, this.split.length);
  }

  get lines(): string[] {
    while (this.next >= 0) this.splitOne();
    return this.split;
  }

  /** The file's own line ending, taken from its first line break. */
  get eol(): Eol {
    this.at(0);
    return this.firstEol ?? '\n';
  }

  get finalNewline(): boolean {
    const last = this.text.charCodeAt(this.text.length - 1);
    return last === 10 || last === 13;
  }

  private splitOne(): void {
    const { text, split } = this;
    const start = this.next;
    const brk = this.breaks.find(start);
    if (!brk) {
      split.push(text.slice(start));
      this.next = -1;
      return;
    }
    this.firstEol ??= brk.eol;
    split.push(text.slice(start, brk.at));
    this.next = split.length < this.limit ? brk.at + brk.eol.length : -1;
  }
}

export function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/**
 * Where a finding about the whole file points: the first word of its first non-blank line among the
 * first `limit`, not the whole line (an editor underlines a range, and a whole line reads as a
 * problem with that line). Columns on line 0 do not count a BOM, as everywhere on that line.
 */
export function firstTokenRange(lines: { at(i: number): string | undefined }, limit = 100): Range {
  for (let i = 0, line = lines.at(0); line !== undefined && i < limit; line = lines.at(++i)) {
    const text = i === 0 && line.startsWith(BOM) ? line.slice(1) : line;
    const m = /\S+/.exec(text);
    if (m) return range(i, m.index, m.index + m[0].length);
  }
  return range(0, 0, 0);
}

/** Converts a position to an offset in `text`; positions past a line's end clamp to it. */
export function offsetAt(text: string, pos: Position): number {
  const breaks = new Breaks(text);
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const brk = breaks.find(offset);
    if (!brk) return text.length;
    offset = brk.at + brk.eol.length;
  }
  return Math.min(offset + pos.character, breaks.find(offset)?.at ?? text.length);
}

/** Converts an offset in `text` to a position (`\n`, `\r\n` and a lone `\r` each end a line); the inverse of offsetAt. */
export function positionAt(text: string, offset: number): Position {
  const breaks = new Breaks(text);
  let line = 0;
  let start = 0;
  for (let brk = breaks.find(0); brk && brk.at < offset; brk = breaks.find(start)) {
    start = brk.at + brk.eol.length;
    if (start > offset) break;
    line++;
  }
  return { line, character: Math.max(0, Math.min(offset, text.length) - start) };
}

/** Applies non-overlapping edits; later edits first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e, i) => ({ e, i, start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end) }));
  withOffsets.sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const { e, start, end } of withOffsets) out = out.slice(0, start) + e.newText + out.slice(end);
  return out;
}
