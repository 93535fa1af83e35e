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
  const lines: string[] = [];
  let start = 0;
  let eol: '\n' | '\r\n' = '\n';
  let sawBreak = false;
  while (lines.length < limit) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) { lines.push(text.slice(start)); break; }
    const crlf = nl > start && text.charCodeAt(nl - 1) === 13;
    if (!sawBreak) { eol = crlf ? '\r\n' : '\n'; sawBreak = true; }
    lines.push(text.slice(start, crlf ? nl - 1 : nl));
    start = nl + 1;
  }
  return { lines, eol, finalNewline: text.endsWith('\n') };
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
