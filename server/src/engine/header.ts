// Finds the license header: SPDX and copyright tags, and the one definition of where a file's
// header is (docs/design/header.md). Two readings:
// - the policy's: the header block is the front matter plus the leading comment block after the
//   prologue, however long; a tag below it is quoted code or documentation, or a misplaced header;
// - REUSE 3.3's (`anywhere`): tags count wherever they are in the file, in comments or not, as in
//   reuse-tool.
// Both read around REUSE-IgnoreStart/End regions, which findHeader blanks.

import { allCommentPrefixes, blockClosers, CommentStyle, commentPrefixes, commentStyleFor } from './comments';
import { findPrologue, Prologue } from './prologue';
import { blankIgnoredRegions } from './reuse/ignore-blocks';
import { BOM, escapeRegExp, LazyLines } from './text';

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
  /**
   * The header block ends before this line: it holds the prologue (front matter included), then the
   * leading comments (blank lines between them included). Under `anywhere` it is the whole file.
   */
  end: number;
  /** The line the block may not reach (headers.maxLine below the prologue); Infinity without a limit. */
  limit: number;
  /** Tags were read from the whole file (REUSE 3.3), not from the header block. */
  anywhere: boolean;
  /** The block runs to the end of the text: in a file read only in part, it may go on. */
  open: boolean;
  /** The comment style the block was read with. */
  style?: CommentStyle;
  /** The file's lines, split as far as they are read. */
  text: LazyLines;
}

export interface HeaderOptions {
  /** The file's comment style, whose prefixes mark its comment lines; by default the one its name gives. */
  style?: CommentStyle;
  /** When set, the header block ends at most this many lines below the prologue (headers.maxLine). */
  maxLine?: number;
  /** Read tags from the whole file as REUSE 3.3 does, in comments or not. */
  anywhere?: boolean;
}

// The text before a tag must be comment punctuation only (`//`, `#`, ` * `, `<!--`, `--`, `;;` …) or the
// file's own comment prefix from the style table (`$!`, `REM`, `dnl`, `.\"`, vim's `"`, Basic's `'` …); a
// letter or a quote elsewhere means the tag is inside code, a string or prose, not a header (a `.po` msgid
// quoting "# SPDX-License-Identifier: …", a Python list of header lines).
const punctuation = `[\\s/*#;%!<>\\-({.]*`;
const onlyPunctuation = new RegExp(`^${punctuation}$`);
// Bounded: an unbounded `(?:-[A-Za-z]+)*` rescans a long run of `SPDX-SPDX-…` from every start, which
// took seconds on one minified line once tags were read anywhere in a file.
// `Copyright` starts a notice as a word of its own: followed by `(c)` or `©` (spaces between or not), or by a space,
// a colon or the end of the line, as reuse-tool reads it (`Copyright((\s*(©|\([Cc]\)))|(?=\s))`, and our
// `Copyright:`). Not inside a word (`NSHumanReadableCopyright</key>`) nor as a name in code (`Copyright,` in an enum),
// which REUSE 3.3 does not count as notices; `--Copyright` (an SQL or Lua comment) is a notice.
const tagPattern =
  /(SPDX-[A-Za-z]{1,40}(?:-[A-Za-z]{1,40}){0,6}:|AI-[A-Za-z]{1,40}(?:-[A-Za-z]{1,40}){0,6}:|(?<![A-Za-z0-9_])Copyright(?:\s*(?:\([cC]\)|©)|(?=[\s:]|$))|©)/;

interface Lead {
  test: RegExp;
  /** Where a tag's value ends besides the shared block closers (Pascal's `}`). */
  closer?: string;
}

function leadFor(prefixes: string[], end?: string): Lead {
  // Prefixes of punctuation alone (`//`, `<!--`) are already allowed; leaving them out also keeps the
  // pattern from backtracking over every split of a long run of punctuation.
  const words = [...new Set(prefixes)]
    .filter((p) => !onlyPunctuation.test(p))
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
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
  // A Python module docstring may open on the tag's own line: `"""SPDX-License-Identifier: MIT`.
  if (!lead) leads.set(style, (lead = leadFor(style.line?.trim() === '#' ? [...commentPrefixes(style), '"""', "'''"] : commentPrefixes(style), style.end)));
  return lead;
}

/**
 * Where a tag's value starts and ends: before a comment closer, and before the mirror image of the
 * tag's lead when the line ends with it (an ASCII frame: `|*  SPDX-License-Identifier: MIT  *|`),
 * as reuse-tool reads it.
 */
function valueBounds(line: string, from: number, closer: string | undefined, lead: string): [number, number] {
  let end = line.length;
  const mirror = [...lead.trim()].reverse().join('');
  if (mirror) {
    const trimmed = line.trimEnd();
    if (trimmed.endsWith(mirror) && trimmed.length - mirror.length >= from) end = trimmed.length - mirror.length;
  }
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

/** A tag on one line, in a comment; `style` is the file's comment style (without one, any known style's prefix is accepted). */
export function parseTagLine(line: string, lineNo: number, style?: CommentStyle): Tag | undefined {
  return tagOn(line, lineNo, leadOf(style));
}

/** A tag on one line wherever it stands, in a comment or not, as REUSE 3.3 reads files and sidecars. */
export function parseTagAnywhere(line: string, lineNo: number): Tag | undefined {
  return tagOn(line, lineNo, undefined);
}

/** Whether the text before a tag on its line is a comment lead: punctuation, or the prefix of `style` (any known style's without one). */
export function isCommentLead(lead: string, style?: CommentStyle): boolean {
  return leadOf(style).test.test(lead.replace(BOM, ''));
}

function tagOn(line: string, lineNo: number, lead: Lead | undefined): Tag | undefined {
  const m = tagPattern.exec(line);
  if (!m) return undefined;
  if (lead && !lead.test.test(line.slice(0, m.index).replace(BOM, ''))) return undefined;
  const raw = m[1];
  const key = raw.endsWith(':') ? raw.slice(0, -1) : raw;
  const [valueStart, valueEnd] = valueBounds(line, m.index + raw.length, lead?.closer, line.slice(0, m.index).replace(BOM, ''));
  const lower = key.toLowerCase();
  const kind =
    lower === 'spdx-license-identifier'
      ? 'license'
      : lower === 'spdx-filecopyrighttext' || lower === 'spdx-snippetcopyrighttext' || lower.startsWith('copyright') || key === '©'
        ? 'copyright'
        : 'other';
  // "Copyright" alone in prose ("Copyright law says…") is not a notice: require a year, ©/(c) or a holder-like value.
  if (kind === 'copyright' && !key.startsWith('SPDX') && valueEnd <= valueStart) return undefined;
  return { key, kind, value: line.slice(valueStart, valueEnd), line: lineNo, keyStart: m.index, valueStart, valueEnd };
}

// Comment syntax for files whose style is unknown: the common line prefixes and block comments.
// A file with a known style uses its own only: `#include` is code in C, `//` is code in Python.
const genericBlocks: [string, string][] = [
  ['/*', '*/'],
  ['<!--', '-->'],
  ['(*', '*)'],
  ['{-', '-}'],
  ['{#', '#}'],
]; // the first two: see prefixesOf
const genericLinePrefixes = ['//', '#', '--', ';', '%', '*', '!', '..', '.\\"'];
// Python docstrings, where many modules keep their license; in other `#` languages a line never starts so.
const docstrings: [string, string][] = [
  ['"""', '"""'],
  ["'''", "'''"],
];
// Go and Hugo template comments, which HTML templates use for their header.
const templateComments: [string, string][] = [
  ['{{/*', '*/'],
  ['{{- /*', '*/'],
];

interface Prefixes {
  line: string[];
  blocks: [string, string][];
  lineTest: RegExp;
}
const prefixesByStyle = new WeakMap<CommentStyle, Prefixes>();

/**
 * One test for "this line is a comment line" from a style's line prefixes: a run of one character
 * counts however long (Lisp writes `;`, `;;` and `;;;`); a word is matched without case and must end
 * there (`rem`, `dnl`); a single letter must stand in column 1 (fixed-form Fortran's `c`), where it
 * cannot be the start of a statement such as `      call foo`.
 */
function lineTestFor(prefixes: string[]): RegExp {
  const alternatives = prefixes.map((p) => {
    if (/^[A-Za-z]$/.test(p)) return `(?<=^)${escapeRegExp(p)}(?![A-Za-z])`;
    if (/^[A-Za-z@]+$/.test(p)) return `\\s*${escapeRegExp(p)}\\b`;
    if (p.length > 1 && [...p].every((c) => c === p[0])) return `\\s*${escapeRegExp(p[0])}`;
    return `\\s*${escapeRegExp(p)}`;
  });
  return alternatives.length ? new RegExp(`^(?:${alternatives.join('|')})`, 'i') : /(?!)/;
}

const genericPrefixes: Prefixes = {
  line: genericLinePrefixes,
  blocks: [...genericBlocks, ...docstrings, ...templateComments],
  lineTest: lineTestFor(genericLinePrefixes),
};

function prefixesOf(style: CommentStyle | undefined): Prefixes {
  if (!style) return genericPrefixes;
  let p = prefixesByStyle.get(style);
  if (!p) {
    const line = [style.line, ...(style.alsoLine ?? [])].filter((p): p is string => !!p).map((p) => p.trim());
    const blocks: [string, string][] = style.start && style.end ? [[style.start.trim(), style.end.trim()]] : [];
    // `/*` and `<!--` open a comment in so many formats, and start a line of code in so few, that a file
    // written in another dialect than its name says (an OS/400 CL `.cmd`) still has its banner read.
    for (const b of genericBlocks.slice(0, 2)) if (!blocks.some(([open]) => open === b[0])) blocks.push(b);
    if (style.line?.trim() === '#') blocks.push(...docstrings);
    if (style.start?.trim() === '<!--') blocks.push(...templateComments);
    prefixesByStyle.set(style, (p = { line, blocks, lineTest: lineTestFor(line) }));
  }
  return p;
}

const documentationExts = new Set(['md', 'markdown', 'mdown', 'mdx', 'rst', 'adoc', 'asciidoc', 'org', 'txt']);

function isDocumentation(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot > 0 && documentationExts.has(name.slice(dot + 1));
}

/**
 * The end (exclusive) of the leading comment block that starts at `from`: comment lines, lines
 * inside block comments, tag lines and blank lines between them. Trailing blank lines are not part of
 * it. `open`: no line of code ended it.
 */
function commentBlock(lines: LazyLines, from: number, style: CommentStyle | undefined): { end: number; open: boolean } {
  const { line: linePrefixes, blocks, lineTest } = prefixesOf(style);
  let end = from;
  let closer: string | undefined;
  for (let i = from; ; i++) {
    let text = lines.at(i);
    if (text === undefined) return { end, open: true };
    if (i === 0 && text.startsWith(BOM)) text = text.slice(1);
    if (closer !== undefined) {
      const at = text.indexOf(closer);
      end = i + 1;
      if (at < 0) continue;
      const rest = text.slice(at + closer.length).trim();
      // Code after the closer on the same line ends the header there.
      if (rest && !opensComment(rest)) return { end, open: false };
      closer = rest ? openedBlock(rest) : undefined;
      continue;
    }
    const t = text.trimStart();
    if (t === '') continue;
    const block = blocks.find(([open]) => t.startsWith(open));
    if (block) {
      end = i + 1;
      const close = t.indexOf(block[1], block[0].length);
      if (close < 0) {
        closer = block[1];
        continue;
      }
      const rest = t.slice(close + block[1].length).trim();
      if (rest && !opensComment(rest)) return { end, open: false };
      closer = rest ? openedBlock(rest) : undefined;
      continue;
    }
    if (lineTest.test(text) || parseTagLine(text, i, style)) {
      end = i + 1;
      continue;
    }
    return { end, open: false };
  }

  function opensComment(rest: string): boolean {
    return blocks.some(([open]) => rest.startsWith(open)) || linePrefixes.some((p) => rest.startsWith(p));
  }
  function openedBlock(rest: string): string | undefined {
    const block = blocks.find(([open]) => rest.startsWith(open));
    return block && rest.indexOf(block[1], block[0].length) < 0 ? block[1] : undefined;
  }
}

// YAML front matter keeps a copyright as a value (`c: Copyright (C) …`, `copyright: …`); other keys' values are not tags.
const frontMatterKey = /^(\s*(?:c|copyright)\s*:\s*)(.*)$/i;

/** A tag in a front matter line: a comment tag, a bare `SPDX-…:` key, or a copyright given as a YAML value. */
function parseFrontMatterLine(line: string, lineNo: number): Tag | undefined {
  const tag = parseTagLine(line, lineNo);
  if (tag) return tag;
  const m = frontMatterKey.exec(line);
  if (!m || !m[2].trim()) return undefined;
  const inValue = parseTagAnywhere(m[2], lineNo);
  if (inValue?.kind === 'copyright')
    return { ...inValue, keyStart: inValue.keyStart + m[1].length, valueStart: inValue.valueStart + m[1].length, valueEnd: inValue.valueEnd + m[1].length };
  const key = m[1].trim().slice(0, -1).trim();
  const valueEnd = m[1].length + m[2].trimEnd().length;
  return { key, kind: 'copyright', value: line.slice(m[1].length, valueEnd), line: lineNo, keyStart: m[1].indexOf(key), valueStart: m[1].length, valueEnd };
}

export function findHeader(path: string, text: string, options: HeaderOptions = {}): Header {
  // REUSE-IgnoreStart/End regions hold text that only looks like tags: blanked, line breaks kept. The
  // prologue is read from the text as written: an ignore block may swallow the end of front matter.
  const blanked = blankIgnoredRegions(text);
  const lines = new LazyLines(blanked);
  const written = blanked === text ? lines : new LazyLines(text);
  const prologue = findPrologue(path, (i) => written.at(i));
  const tags: Tag[] = [];
  const add = (tag: Tag | undefined) => {
    if (tag) tags.push(tag);
  };
  let end: number;
  let open = true;
  const limit = options.maxLine !== undefined && !options.anywhere ? prologue.insertLine + options.maxLine : Infinity;
  const style = 'style' in options ? options.style : commentStyleFor(path);
  if (options.anywhere) {
    // REUSE 3.3 reads the whole file; the split is skipped when no line can hold a tag.
    end = mayHoldTag(text) ? lines.lines.length : lines.countUpTo(prologue.insertLine + 1);
    for (let i = 0; i < end; i++) {
      const line = lines.at(i)!;
      if (mayHoldTag(line)) add(parseTagAnywhere(line, i));
    }
  } else {
    for (let i = 0; i < prologue.insertLine; i++) {
      const line = lines.at(i)!;
      add(prologue.afterFrontMatter ? parseFrontMatterLine(line, i) : parseTagLine(line, i));
    }
    ({ end, open } = commentBlock(lines, prologue.insertLine, style));
    if (limit < end) {
      end = limit;
      open = false;
    }
    for (let i = prologue.insertLine; i < end; i++) add(parseTagLine(lines.at(i)!, i, style));
  }
  const licenses = tags.filter((t) => t.kind === 'license');
  const copyrights = tags.filter((t) => t.kind === 'copyright');
  return { tags, licenses, copyrights, prologue, end, limit, anywhere: !!options.anywhere, open, style, text: lines };
}

/** A cheap test before the tag pattern: every tag holds one of these. */
function mayHoldTag(text: string): boolean {
  return text.includes('SPDX-') || text.includes('Copyright') || text.includes('©');
}

/** A license key in any case: tags below the header are looked for only in a text that holds one (tagsBelow). */
export const anyCaseLicenseKey = /SPDX-License-Identifier/i;

/** Every spelling `anyCaseLicenseKey` matches holds one of these: what a byte search looks for first (scan/check-file.ts). */
export const licenseKeyCover = ['x-', 'X-'];

/**
 * Tags in comments below the header block: a header written in the wrong place (or quoted examples,
 * when the header has its own license). A tag counts when a comment prefix leads it, or, alone on its
 * line, when it stands inside one of the style's block comments (a bare line is text in a string
 * literal otherwise). Splits the rest of the file only when it can hold a license tag.
 */
export function tagsBelow(header: Header, text: string, path: string): Tag[] {
  if (header.anywhere || !anyCaseLicenseKey.test(text)) return [];
  const out: Tag[] = [];
  const lines = header.text.lines;
  const style = header.style;
  const block = style?.start && style.end && style.start.trim() !== style.end.trim() ? [style.start.trim(), style.end.trim()] : undefined;
  // In documentation, only the format's own comment prefixes lead a tag down here: `# SPDX-…` in a
  // Markdown or reStructuredText code block is an example, not the file's license. In code, any
  // comment lead counts (a Perl script's heredoc may carry the C banner it prints).
  const own =
    style && isDocumentation(path)
      ? [
          ...new Set(
            commentPrefixes(style)
              .map((p) => p.trim())
              .filter((p) => p),
          ),
        ]
      : undefined;
  // Whether the line starts inside one of the style's block comments: the header block ended outside one.
  let inside = false;
  for (let i = header.end; i < lines.length; i++) {
    const line = lines[i];
    const startsInside = inside;
    if (block) {
      const o = line.lastIndexOf(block[0]);
      const c = line.lastIndexOf(block[1]);
      if (o > c) inside = true;
      else if (c >= 0) inside = false;
    }
    if (!mayHoldTag(line)) continue;
    const tag = parseTagLine(line, i, style);
    if (!tag || tag.kind === 'other') continue;
    const lead = line.slice(0, tag.keyStart).replace(BOM, '').trim();
    // A bare tag counts inside a block comment, or in a format with no comments at all (plain text).
    if (lead ? own && !own.some((p) => lead.startsWith(p)) : style && !startsInside) continue;
    out.push(tag);
  }
  return out;
}
