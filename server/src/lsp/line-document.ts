// The server's open documents, kept as lines (docs/design/architecture.md#edit-storms). vscode-languageserver-
// textdocument keeps one string and applies an edit as `before + text + after`; V8 flattens that rope
// on the next edit, so each one-character edit copied the whole document: 2,000 edits to a 9.5 MB
// file copied 19 GB and kept the server from answering for 14 s. Here an edit rewrites only the lines
// it touches, and the whole text is joined once when a check asks for it. Positions, clamping and line
// breaks (`\n`, `\r\n`, a lone `\r`) behave exactly as the library's TextDocument, which a property
// test compares this with (test/unit/line-document.test.ts).

import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { restLineMatters, restNeedles } from '../engine/check';
import { anyCaseLicenseKey, licenseKeyCover } from '../engine/header';
import { escapeRegExp } from '../engine/text';

const lineBreak = /\r\n|\r|\n/g;

/** The text as lines, each with its line break (the last one has none, and may be empty). */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  lineBreak.lastIndex = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    const end = m.index + m[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  lines.push(text.slice(start));
  return lines;
}

function eolLength(line: string): number {
  if (line.endsWith('\r\n')) return 2;
  return line.endsWith('\n') || line.endsWith('\r') ? 1 : 0;
}

// What a line is to a check of the document's first lines (`start`): one the passes over a whole text act on,
// one with a license key, one ended by a lone CR (where the engine's lines and the passes' may differ).
const matters = 1;
const licenseKey = 2;
const loneCr = 4;

// Every line `matters` or `licenseKey` takes holds one of these: one test rules out most lines (a tenth of the time).
const anyNeedle = new RegExp([...restNeedles, ...licenseKeyCover].map(escapeRegExp).join('|'));

function flagsOf(line: string): number {
  const eol = eolLength(line);
  const body = eol ? line.slice(0, -eol) : line;
  let flags = eol === 1 && line.endsWith('\r') ? loneCr : 0;
  if (!anyNeedle.test(body)) return flags;
  if (restLineMatters(body)) flags |= matters;
  if (licenseKeyCover.some((c) => body.includes(c)) && anyCaseLicenseKey.test(body)) flags |= licenseKey;
  return flags;
}

/** The first lines of a document and what its other lines hold (LineDocument.start). */
export interface DocumentStart {
  text: string;
  /** Whether a line after `text` is one the passes over a whole text act on (engine/check.ts restLineMatters). */
  restMatters: boolean;
  /** Whether a line after `text` holds a license key in any case (engine/header.ts anyCaseLicenseKey). */
  restHoldsLicenseKey: boolean;
}

export class LineDocument implements TextDocument {
  private lines: string[];
  /** The joined text, until the next edit. */
  private text: string | undefined;
  /** Where each line starts, valid for lines [0, validStarts). */
  private starts: number[] = [0];
  private validStarts = 1;
  /** Each line's flags (`flagsOf`) and how many lines have each, made on the first `start` and kept along with edits. */
  private flags: number[] | undefined;
  private counts = [0, 0, 0];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.lines = splitLines(content);
    this.text = content;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(range?: Range): string {
    this.text ??= this.lines.join('');
    if (!range) return this.text;
    return this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The offset where `line` starts (0 ≤ line < lineCount). */
  private startOf(line: number): number {
    const { starts, lines } = this;
    while (this.validStarts <= line) {
      const i = this.validStarts;
      starts[i] = starts[i - 1] + lines[i - 1].length;
      this.validStarts++;
    }
    return starts[line];
  }

  /** The length of the text, without joining it. */
  get textLength(): number {
    const last = this.lines.length - 1;
    return this.startOf(last) + this.lines[last].length;
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.length) return this.textLength;
    if (position.line < 0) return 0;
    const start = this.startOf(position.line);
    if (position.character <= 0) return start;
    const line = this.lines[position.line];
    return start + Math.min(position.character, line.length - eolLength(line));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.textLength), 0);
    let low = 0;
    let high = this.lines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.startOf(mid) > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    const text = this.lines[line];
    return { line, character: Math.min(offset - this.startOf(line), text.length - eolLength(text)) };
  }

  getLineRange(line: number): Range {
    if (line >= this.lines.length) {
      const last = this.lines.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.lines[last].length } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const text = this.lines[line];
    return { start: { line, character: 0 }, end: { line, character: text.length - eolLength(text) } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines.length) return '';
    const text = this.lines[line];
    return text.slice(text.length - eolLength(text));
  }

  /**
   * The document's first lines, as many as fit in `maxChars`, and what the lines after them hold: a check of
   * a long document can be one of its start (engine/check.ts startSuffices) without joining the whole text.
   * Undefined when the first lines are all of it, the first line alone is longer, or a lone CR ends a line.
   */
  start(maxChars: number): DocumentStart | undefined {
    const { lines } = this;
    let n = 0;
    let size = 0;
    while (n < lines.length - 1 && size + lines[n].length <= maxChars) size += lines[n++].length;
    // The last line may be the empty one after a final line break: then the start is the whole text.
    if (n === 0 || (n === lines.length - 1 && lines[n] === '')) return undefined;
    const flags = this.flagsNow();
    if (this.counts[2]) return undefined;
    const inStart = [0, 0];
    for (let i = 0; i < n; i++) {
      if (flags[i] & matters) inStart[0]++;
      if (flags[i] & licenseKey) inStart[1]++;
    }
    return {
      text: lines.slice(0, n).join(''),
      restMatters: this.counts[0] > inStart[0],
      restHoldsLicenseKey: this.counts[1] > inStart[1],
    };
  }

  private flagsNow(): number[] {
    if (!this.flags) {
      this.flags = this.lines.map(flagsOf);
      this.counts = [0, 0, 0];
      this.count(this.flags, 1);
    }
    return this.flags;
  }

  private count(flags: number[], sign: 1 | -1): void {
    for (const f of flags) {
      if (f & matters) this.counts[0] += sign;
      if (f & licenseKey) this.counts[1] += sign;
      if (f & loneCr) this.counts[2] += sign;
    }
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        this.lines = splitLines(change.text);
        this.starts = [0];
        this.validStarts = 1;
        this.flags = undefined;
      } else {
        this.replace(change.range, change.text);
      }
      this.text = undefined;
    }
    this.version = version;
  }

  /** Replaces a range, rewriting only its lines and one on each side (where `\r` and `\n` may meet). */
  private replace(range: Range, text: string): void {
    const [from, to] = before(range.start, range.end) ? [range.start, range.end] : [range.end, range.start];
    const start = this.offsetAt(from);
    const end = this.offsetAt(to);
    // The lines the offsets fall in, as offsetAt clamps: no search, so an edit never computes where far lines start.
    const lineOf = (p: Position) => (p.line < 0 ? 0 : Math.min(p.line, this.lines.length - 1));
    const first = Math.max(lineOf(from) - 1, 0);
    const last = Math.min(lineOf(to) + 1, this.lines.length - 1);
    const at = this.startOf(first);
    const old = this.lines.slice(first, last + 1).join('');
    const lines = splitLines(old.slice(0, start - at) + text + old.slice(end - at));
    // A line break ends the region unless it reaches the end of the document: no empty line follows it there.
    if (last < this.lines.length - 1 && lines[lines.length - 1] === '') lines.pop();
    this.lines = spliced(this.lines, first, last, lines);
    if (this.flags) {
      const added = lines.map(flagsOf);
      this.count(this.flags.slice(first, last + 1), -1);
      this.count(added, 1);
      this.flags = spliced(this.flags, first, last, added);
    }
    this.validStarts = Math.min(this.validStarts, first + 1);
  }
}

/** `items` with [first, last] replaced by `added`: in place, but not by splice(...added) for a large paste (too many arguments). */
function spliced<T>(items: T[], first: number, last: number, added: T[]): T[] {
  if (added.length < 1000) {
    items.splice(first, last - first + 1, ...added);
    return items;
  }
  return [...items.slice(0, first), ...added, ...items.slice(last + 1)];
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** TextDocuments' configuration: LineDocument in place of the library's TextDocument. */
export const lineDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): LineDocument => new LineDocument(uri, languageId, version, content),
  update: (document: LineDocument, changes: TextDocumentContentChangeEvent[], version: number): LineDocument => {
    document.update(changes, version);
    return document;
  },
};
