// Finds the license header: SPDX and copyright tags in comment lines near the top of a file.
// Only the header window is read (markers.md: headers.maxLine), never the whole file, so a tag
// quoted deep inside code or documentation is not taken for the file's own header.

import { allCommentPrefixes, blockClosers, CommentStyle, commentPrefixes, commentStyleFor } from './comments';
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

// The text before a tag must be comment punctuation only (`//`, `#`, ` * `, `<!--`, `--`, `;;` …) or the
// file's own comment prefix from the style table (`$!`, `REM`, `dnl`, `.\"` …); a letter or quote
// elsewhere there means the tag is inside code or prose, not a header.
const punctuation = `[\\s/*#;%!"'<>\\-({.]*`;
const onlyPunctuation = new RegExp(`^${punctuation}$`);
const tagPattern = /(SPDX-[A-Za-z]+(?:-[A-Za-z]+)*:|AI-[A-Za-z]+(?:-[A-Za-z]+)*:|Copyright\b(?:\s*\([cC]\))?|©)/;

interface Lead {
  test: RegExp;
  /** Where a tag's value ends besides the shared block closers (Pascal's `}`). */
  closer?: string;
}

function leadFor(prefixes: string[], end?: string): Lead {
  // Prefixes of punctuation alone (`//`, `<!--`) are already allowed; leaving them out also keeps the
  // pattern from backtracking over every split of a long run of punctuation.
  const words = [...new Set(prefixes)].filter((p) => !onlyPunctuation.test(p)).sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  const prefix = words.length ? `(?:(?:${words.join('|')})${punctuation})?` : '';
  const closer = end?.trim();
  return { test: new RegExp(`^${punctuation}${prefix}$`, 'i'), closer: closer && !blockClosers.includes(closer) ? closer : undefined };
}

// Built once per style: this runs on every tag-like line of every file's header window.
const leads = new WeakMap<CommentStyle, Lead>();
// Text of no known format (a sidecar, an unknown extension) may use any style's prefix.
const anyLead = leadFor(allCommentPrefixes);

function leadOf(style: CommentStyle | undefined): Lead {
  if (!style) return anyLead;
  let lead = leads.get(style);
  if (!lead) leads.set(style, (lead = leadFor(commentPrefixes(style), style.end)));
  return lead;
}

function valueBounds(line: string, from: number, closer: string | undefined): [number, number] {
  let end = line.length;
  for (const c of blockClosers) {
    const at = line.indexOf(c, from);
    if (at >= 0 && at < end) end = at;
  }
  if (closer) {
    const at = line.indexOf(closer, from);
    if (at >= 0 && at < end) end = at;
  }
  let start = from;
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  return [start, end];
}

/** A tag on one line; `style` is the file's comment style (without one, any known style's prefix is accepted). */
export function parseTagLine(line: string, lineNo: number, style?: CommentStyle): Tag | undefined {
  const m = tagPattern.exec(line);
  if (!m) return undefined;
  const lead = leadOf(style);
  if (!lead.test.test(line.slice(0, m.index).replace(BOM, ''))) return undefined;
  const raw = m[1];
  const key = raw.endsWith(':') ? raw.slice(0, -1) : raw;
  const [valueStart, valueEnd] = valueBounds(line, m.index + raw.length, lead.closer);
  const lower = key.toLowerCase();
  const kind = lower === 'spdx-license-identifier' ? 'license'
    : lower === 'spdx-filecopyrighttext' || lower === 'spdx-snippetcopyrighttext' || lower.startsWith('copyright') || key === '©' ? 'copyright'
    : 'other';
  // "Copyright" alone in prose ("Copyright law says…") is not a notice: require a year, ©/(c) or a holder-like value.
  if (kind === 'copyright' && !key.startsWith('SPDX') && valueEnd <= valueStart) return undefined;
  return { key, kind, value: line.slice(valueStart, valueEnd), line: lineNo, keyStart: m.index, valueStart, valueEnd };
}

export function findHeader(path: string, text: string, maxLine: number, style = commentStyleFor(path)): Header {
  // Enough lines for the longest prologue (front matter can be long) plus the header window,
  // split only as far as the prologue and the window reach.
  const lines = new LazyLines(text, 500 + maxLine);
  const prologue = findPrologue(path, (i) => lines.at(i));
  const windowEnd = lines.countUpTo(prologue.insertLine + maxLine);
  const tags: Tag[] = [];
  const licenses: Tag[] = [];
  const copyrights: Tag[] = [];
  for (let i = 0; i < windowEnd; i++) {
    const tag = parseTagLine(lines.at(i)!, i, style);
    if (!tag) continue;
    tags.push(tag);
    if (tag.kind === 'license') licenses.push(tag);
    else if (tag.kind === 'copyright') copyrights.push(tag);
  }
  return { tags, licenses, copyrights, prologue, windowEnd, text: lines };
}
