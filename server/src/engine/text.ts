// Line-oriented view of a document. Everything the engine reports or edits is addressed by
// 0-based line and UTF-16 character, the same units LSP uses, so no conversion is needed in between.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

export const BOM = '\uFEFF';

export interface Lines {
  /** Line texts without their terminators. A trailing newline yields a last empty line. */
  lines: string[];
  /** The file's own line ending, taken from its first line break; fixes write this one. */
  eol: '\n' | '\r\n';
  /** Whether the text ends with a line break. */
  finalNewline: boolean;
}

/** Splits at most `limit` lines; the header rules never need more than the top of a file. */
export function splitLines(text: string, limit = Infinity): Lines {
  const lazy = new LazyLines(text, limit);
  return { lines: lazy.lines, eol: lazy.eol, finalNewline: lazy.finalNewline };
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
  private firstEol?: '\n' | '\r\n';

  constructor(private readonly text: string, private readonly limit = Infinity) {
    if (!(limit > 0)) this.next = -1;
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
  get eol(): '\n' | '\r\n' {
    this.at(0);
    return this.firstEol ?? '\n';
  }

  get finalNewline(): boolean {
    return this.text.endsWith('\n');
  }

  private splitOne(): void {
    const { text, split } = this;
    const start = this.next;
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      split.push(text.slice(start));
      this.next = -1;
      return;
    }
    const crlf = nl > start && text.charCodeAt(nl - 1) === 13;
    this.firstEol ??= crlf ? '\r\n' : '\n';
    split.push(text.slice(start, crlf ? nl - 1 : nl));
    this.next = split.length < this.limit ? nl + 1 : -1;
  }
}

export function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** Converts a position to an offset in `text`; positions past a line's end clamp to it. */
export function offsetAt(text: string, pos: Position): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  else if (lineEnd > offset && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  return Math.min(offset + pos.character, lineEnd);
}

/** Applies non-overlapping edits; later edits first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e, i) => ({ e, i, start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end) }));
  withOffsets.sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const { e, start, end } of withOffsets) out = out.slice(0, start) + e.newText + out.slice(end);
  return out;
}
