// Finds the license header: SPDX and copyright tags in comment lines near the top of a file.
// Only the header window is read (markers.md: headers.maxLine), never the whole file, so a tag
// quoted deep inside code or documentation is not taken for the file's own header.

import { blockClosers } from './comments';
import { findPrologue, Prologue } from './prologue';
import { BOM, LazyLines } from './text';

export interface Tag {
  /** The tag as written, e.g. `SPDX-License-Identifier`, `Copyright`, `©`. */
  key: string;
  kind: 'license' | 'copyright' | 'other';
  value: string;
  line: number;
  /** Where the key starts on its line. */
  keyStart: number;
  /** Where the value starts and ends on its line (comment closers excluded). */
  valueStart: number;
  valueEnd: number;
}

export interface Header {
  tags: Tag[];
  licenses: Tag[];
  copyrights: Tag[];
  prologue: Prologue;
  /** The last line index (exclusive) that was searched. */
  windowEnd: number;
  /** The top of the file: `splitLines(text, 500 + maxLine)`, split as far as it is read. */
  text: LazyLines;
}

// The text before a tag must be comment punctuation only (`//`, `#`, ` * `, `<!--`, `--`, `;;`, `@REM` …);
// a letter or quote there means the tag is inside code or prose, not a header.
const commentLead = /^[\s/*#;%!"'<>\-({.@]*(@?REM\b|dnl\b|::)?[\s/*#;%!"'<>\-({.]*$/i;

/** Whether the text before a tag on its line is comment punctuation only. */
export function isCommentLead(lead: string): boolean {
  return commentLead.test(lead.replace(BOM, ''));
}

const tagPattern = /(SPDX-[A-Za-z]+(?:-[A-Za-z]+)*:|AI-[A-Za-z]+(?:-[A-Za-z]+)*:|Copyright\b(?:\s*\([cC]\))?|©)/;

function valueBounds(line: string, from: number): [number, number] {
  let end = line.length;
  for (const closer of blockClosers) {
    const at = line.indexOf(closer, from);
    if (at >= 0 && at < end) end = at;
  }
  let start = from;
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  return [start, end];
}

export function parseTagLine(line: string, lineNo: number): Tag | undefined {
  const m = tagPattern.exec(line);
  if (!m) return undefined;
  if (!isCommentLead(line.slice(0, m.index))) return undefined;
  const raw = m[1];
  const key = raw.endsWith(':') ? raw.slice(0, -1) : raw;
  const [valueStart, valueEnd] = valueBounds(line, m.index + raw.length);
  const lower = key.toLowerCase();
  const kind = lower === 'spdx-license-identifier' ? 'license'
    : lower === 'spdx-filecopyrighttext' || lower === 'spdx-snippetcopyrighttext' || lower.startsWith('copyright') || key === '©' ? 'copyright'
    : 'other';
  // "Copyright" alone in prose ("Copyright law says…") is not a notice: require a year, ©/(c) or a holder-like value.
  if (kind === 'copyright' && !key.startsWith('SPDX') && valueEnd <= valueStart) return undefined;
  return { key, kind, value: line.slice(valueStart, valueEnd), line: lineNo, keyStart: m.index, valueStart, valueEnd };
}

export function findHeader(path: string, text: string, maxLine: number): Header {
  // Enough lines for the longest prologue (front matter can be long) plus the header window,
  // split only as far as the prologue and the window reach.
  const lines = new LazyLines(text, 500 + maxLine);
  const prologue = findPrologue(path, (i) => lines.at(i));
  const windowEnd = lines.countUpTo(prologue.insertLine + maxLine);
  const tags: Tag[] = [];
  const licenses: Tag[] = [];
  const copyrights: Tag[] = [];
  for (let i = 0; i < windowEnd; i++) {
    const tag = parseTagLine(lines.at(i)!, i);
    if (!tag) continue;
    tags.push(tag);
    if (tag.kind === 'license') licenses.push(tag);
    else if (tag.kind === 'copyright') copyrights.push(tag);
  }
  return { tags, licenses, copyrights, prologue, windowEnd, text: lines };
}
