// REUSE ignore blocks (REUSE 3.3, "Ignore block"): licensing information between `REUSE-IgnoreStart`
// and `REUSE-IgnoreEnd` is not the file's. Like reuse-tool, the region runs from the start of the
// `REUSE-IgnoreStart` text to the end of the `REUSE-IgnoreEnd` text (anywhere in a line, any number
// of times); an IgnoreStart that is never closed ignores everything to the end of the file; an
// IgnoreEnd with no IgnoreStart before it does nothing.

import { TomlProblem } from './reuse-toml';

export const ignoreStart = 'REUSE-IgnoreStart';
export const ignoreEnd = 'REUSE-IgnoreEnd';

interface Region {
  start: number;
  end: number;
  closed: boolean;
}

function regions(text: string): Region[] {
  const out: Region[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(ignoreStart, from);
    if (start < 0) break;
    const endAt = text.indexOf(ignoreEnd, start + ignoreStart.length);
    if (endAt < 0) {
      out.push({ start, end: text.length, closed: false });
      break;
    }
    out.push({ start, end: endAt + ignoreEnd.length, closed: true });
    from = endAt + ignoreEnd.length;
  }
  return out;
}

/**
 * `text` with every ignored region blanked: each character becomes a space, except line breaks
 * (`\n`, `\r`), which stay; so offsets and line numbers are unchanged and a header parser no longer
 * sees the tags inside.
 */
export function blankIgnoredRegions(text: string): string {
  if (!text.includes(ignoreStart)) return text;
  let out = '';
  let at = 0;
  for (const r of regions(text)) {
    out += text.slice(at, r.start) + text.slice(r.start, r.end).replace(/[^\r\n]/g, ' ');
    at = r.end;
  }
  return out + text.slice(at);
}

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Unclosed `REUSE-IgnoreStart` (which hides the rest of the file), located at the marker. */
export function ignoreBlockProblems(text: string): TomlProblem[] {
  if (!text.includes(ignoreStart)) return [];
  return regions(text)
    .filter((r) => !r.closed)
    .map((r) => ({
      message: `${ignoreStart} has no ${ignoreEnd}: REUSE ignores everything from here to the end of the file`,
      ...position(text, r.start),
    }));
}
