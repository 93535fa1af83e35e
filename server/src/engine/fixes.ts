// Turns findings into text edits. The LSP code actions and `ospo fix` both use this module,
// so every edit is written once and follows the byte-fidelity rules (docs/design/architecture.md, fix guarantees):
// the BOM, the prologue lines, the file's own line ending and its final newline stay as they are.

import { blockClosers, CommentStyle } from './comments';
import type { FixContext } from './context';
import { withRelated, type Finding } from './findings';
import { parseTagLine, Tag } from './header';
import { message } from './messages';
import { literalHolder, Policy } from './policy/model';
import { parseSourceFile, type SourceFile } from './source-file';
import { sameExpression } from './spdx/check';
import { applyEdits, Lines, Range, splitLines, TextEdit } from './text';
import { CheckInput, checkText } from './check';

/** The policy template with its placeholders filled, one line per entry, before comment wrapping. */
export function renderTemplate(policy: Policy, ctx: FixContext): string[] {
  const holder = literalHolder(policy.headers.copyright.holder) ?? ctx.holder;
  const license = policy.licenses.project ?? ctx.license;
  let template = policy.headers.template;
  if (policy.headers.copyright.year === 'none') template = template.replace(/\{year\}\s*/g, '');
  return template
    .replace(/\{year\}/g, String(ctx.year))
    .replace(/\{holder\}/g, holder)
    .replace(/\{license\}/g, license)
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
}

/** Wraps header lines in a comment: the line form where the language has one, else a block. */
export function wrapInComment(lines: string[], style: CommentStyle): string[] {
  if (style.line) {
    // Styles such as Jinja's `{# … #}` close each line.
    const close = style.start ? '' : (style.end ?? '');
    return lines.map((l) => (l ? `${style.line} ${l}${close}` : style.line!));
  }
  const middle = style.middle ?? '';
  return [style.start ?? '', ...lines.map((l) => (middle ? (l ? `${middle} ${l}` : middle) : l)), style.end ?? ''];
}

const htmlStyle: CommentStyle = { start: '<!--', middle: '', end: '-->' };

function headerStyle(file: SourceFile): CommentStyle | undefined {
  const ext = file.path.toLowerCase().split('.').pop();
  // Before `<?php` a .php file is HTML; after front matter a Markdown file wants an HTML comment.
  if ((ext === 'php' || ext === 'phtml') && !file.header.prologue.phpOpen) return htmlStyle;
  return file.style;
}

/** The file's lines: the header's split when `at` lies inside it, else the whole text (fixes far down a file). */
function linesFor(file: SourceFile, at: number): Lines {
  const top = file.header.text;
  return at < top.lines.length - 1 ? top : splitLines(file.text);
}

function insertLines(file: SourceFile, at: number, newLines: string[], blankAfter: boolean): TextEdit {
  const { lines, eol } = linesFor(file, at);
  // Past the last line of a file with no final newline: start a new line, and do not end with one.
  if (at >= lines.length) {
    const last = lines.length - 1;
    const pos = { line: last, character: lines[last].length };
    return { range: { start: pos, end: pos }, newText: eol + newLines.join(eol) };
  }
  const next = lines[at];
  const separate = blankAfter && next.trim() !== '' && !(at === lines.length - 1 && next === '');
  const pos = { line: at, character: at === 0 && next.startsWith('\uFEFF') ? 1 : 0 };
  return { range: { start: pos, end: pos }, newText: newLines.join(eol) + eol + (separate ? eol : '') };
}

/** A new tag line shaped like an existing one: same comment lead, same closer (`*\/`, `-->`). */
function lineLike(file: SourceFile, model: Tag, key: string, value: string): string {
  const line = file.header.text.lines[model.line];
  const lead = line.slice(0, model.keyStart).replace(/^\uFEFF/, '');
  const opened = openedBlock(file, model);
  // The model line opens a block comment it does not close (`/* Copyright …`, `"""Copyright …`): a copy
  // of its lead would open a second one, which nests in Rust and closes a Python docstring. The new line
  // continues the block instead, and goes after the model line.
  if (opened) return lead.replace(opened.open, opened.middle) + `${key}: ${value}`;
  return lead + `${key}: ${value}` + line.slice(model.valueEnd);
}

/** The block comment the model's line opens and leaves open, with the lead its continuation lines take. */
function openedBlock(file: SourceFile, model: Tag): { open: string; middle: string } | undefined {
  const line = file.header.text.lines[model.line];
  const lead = line
    .slice(0, model.keyStart)
    .replace(/^\uFEFF/, '')
    .trimStart();
  const tail = line.slice(model.valueEnd);
  const style = headerStyle(file);
  const blocks: [string, string, string][] = [
    ['"""', '"""', ''],
    ["'''", "'''", ''],
  ];
  if (style?.start && style.end) blocks.unshift([style.start.trim(), style.end.trim(), style.middle ?? '']);
  for (const [open, close, middle] of blocks) {
    if (lead.startsWith(open) && !tail.includes(close)) return { open, middle };
  }
  return undefined;
}

/** Like lineLike, for a tag line anywhere in the file (AI markers far below the header). */
function tagLineLike(lines: string[], like: number, text: string): string {
  const line = lines[like] ?? '';
  const model = parseTagLine(line, like);
  const [key, ...rest] = text.split(': ');
  if (model) return line.slice(0, model.keyStart).replace(/^\uFEFF/, '') + `${key}: ${rest.join(': ')}` + line.slice(model.valueEnd);
  const lead = /^[\s/*#;%!"'<>\-({.@]*(?:@?REM\s+)?/i.exec(line.replace(/^\uFEFF/, ''))![0];
  const closer = blockClosers.find((c) => line.trimEnd().endsWith(c));
  return lead + text + (closer ? ` ${closer}` : '');
}

function copyrightValue(policy: Policy, ctx: FixContext): string {
  const rendered = renderTemplate(policy, ctx).find((l) => l.startsWith('SPDX-FileCopyrightText:'));
  const holder = literalHolder(policy.headers.copyright.holder) ?? ctx.holder;
  // With `year: none` the notice has no year: copyright-year would remove it on the next fix-all (fuzz.test.ts).
  if (rendered) return rendered.slice('SPDX-FileCopyrightText:'.length).trim();
  return policy.headers.copyright.year === 'none' ? holder : `${ctx.year} ${holder}`;
}

/**
 * Deletes whole lines, one edit per run of consecutive lines so that edits never overlap. The BOM
 * stays; a run that ends on the last line of a file with no final newline takes the line break before it.
 */
function deleteLineRuns(lines: string[], which: number[]): TextEdit[] {
  const sorted = [...new Set(which)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const l of sorted) {
    const last = runs[runs.length - 1];
    if (last && l === last[1] + 1) last[1] = l;
    else runs.push([l, l]);
  }
  const bom = (l: number) => (l === 0 && lines[0]?.startsWith('\uFEFF') ? 1 : 0);
  return runs.map(([first, last]): TextEdit => {
    if (last + 1 < lines.length) return { range: { start: { line: first, character: bom(first) }, end: { line: last + 1, character: 0 } }, newText: '' };
    if (first === 0) return { range: { start: { line: 0, character: bom(0) }, end: { line: last, character: lines[last].length } }, newText: '' };
    return { range: { start: { line: first - 1, character: lines[first - 1].length }, end: { line: last, character: lines[last].length } }, newText: '' };
  });
}

export function editsFor(finding: Finding, file: SourceFile, policy: Policy, ctx: FixContext): TextEdit[] {
  const fix = finding.fix;
  if (!fix) return [];
  switch (fix.kind) {
    case 'insert-header': {
      const style = headerStyle(file);
      if (!style) return [];
      const lines = wrapInComment(renderTemplate(policy, ctx), style);
      return [insertLines(file, file.header.prologue.insertLine, lines, true)];
    }
    case 'insert-license': {
      const copyrights = file.header.copyrights;
      const last = copyrights[copyrights.length - 1];
      if (!last) return [];
      const license = policy.licenses.project ?? ctx.license;
      return [insertLines(file, last.line + 1, [lineLike(file, last, 'SPDX-License-Identifier', license)], false)];
    }
    case 'insert-copyright': {
      const first = file.header.licenses[0];
      if (!first) return [];
      // Inside a snippet the notice is a snippet's: SPDX-FileCopyrightText there was then rewritten by
      // snippet-incomplete's fix on the next fix-all (fuzz.test.ts).
      const inSnippet = file.markers.snippets.some((s) => s.begin < first.line && (s.end === undefined || first.line < s.end));
      // Before the license, unless the license line opens the comment: then after it, inside it.
      const at = openedBlock(file, first) ? first.line + 1 : first.line;
      return [
        insertLines(file, at, [lineLike(file, first, inSnippet ? 'SPDX-SnippetCopyrightText' : 'SPDX-FileCopyrightText', copyrightValue(policy, ctx))], false),
      ];
    }
    case 'replace':
      return [{ range: fix.range, newText: fix.text }];
    case 'insert-line': {
      const model = file.header.tags.find((t) => t.line === fix.like);
      const [key, ...rest] = fix.text.split(': ');
      if (model) return [insertLines(file, fix.line, [lineLike(file, model, key, rest.join(': '))], false)];
      // Shaped like a line that is not a header tag (an SPDX-SnippetBegin): same comment lead and closer.
      const like = linesFor(file, fix.like).lines[fix.like] ?? '';
      const lead = /^[\s/*#;%!"'<>\-({.@]*(?:@?REM\s+)?/i.exec(like.replace(/^\uFEFF/, ''))![0];
      const closer = blockClosers.find((c) => like.trimEnd().endsWith(c));
      return [insertLines(file, fix.line, [lead + fix.text + (closer ? ` ${closer}` : '')], false)];
    }
    case 'insert-lines': {
      const { lines } = linesFor(file, Math.max(fix.like, fix.line));
      // The reviewer is the git user when the caller knows one; otherwise the placeholder stays for a person to fill in.
      const filled = fix.lines.map((l) => (ctx.reviewer ? l.replace('NAME <EMAIL>', ctx.reviewer) : l));
      return [
        insertLines(
          file,
          fix.line,
          filled.map((l) => tagLineLike(lines, fix.like, l)),
          false,
        ),
      ];
    }
    case 'create-license-text':
      // Another file: the editor and the CLI create it (lsp/code-actions.ts).
      return [];
    case 'delete-lines':
      return deleteLineRuns(linesFor(file, Math.max(...fix.lines)).lines, fix.lines);
  }
}

export function fixTitle(finding: Finding): string {
  const fix = finding.fix;
  switch (fix?.kind) {
    case 'insert-header':
      return message('fix.insert-header');
    case 'insert-license':
      return message('fix.insert-license');
    case 'insert-copyright':
      return message('fix.insert-copyright');
    case 'replace':
      if (finding.rule === 'license-mismatch') return message('fix.project-license', { text: fix.text });
      if (finding.rule === 'ai-chatbot-artifact') return message('fix.delete-artifact');
      if (finding.rule === 'snippet-incomplete') return message('fix.snippet-copyright');
      if (finding.rule === 'ai-nonstandard-marker') return message('fix.convert-marker', { text: fix.text });
      if (finding.rule === 'ai-marker-malformed') return message('fix.sync-comment');
      return message('fix.replace', { text: fix.text });
    case 'insert-line':
      return finding.rule === 'snippet-unbalanced' ? message('fix.snippet-end') : message('fix.insert-line', { text: fix.text });
    case 'insert-lines':
      return message('fix.insert-lines', { text: fix.lines.map((l) => l.split(':')[0]).join(', ') });
    case 'create-license-text':
      return message('fix.create-license-text', { id: fix.id });
    case 'delete-lines':
      return finding.rule === 'ai-chatbot-artifact' ? message('fix.delete-artifact-line') : message('fix.delete-header');
    default:
      return '';
  }
}

/** Fixes that never guess: fix-all and `ospo fix` apply only these. */
export function isSafe(finding: Finding): boolean {
  const fix = finding.fix;
  if (!fix) return false;
  if (fix.kind === 'replace' || fix.kind === 'insert-line' || fix.kind === 'insert-lines') return fix.safe;
  if (fix.kind === 'create-license-text') return false;
  return fix.kind === 'delete-lines' ? fix.safe !== false : true;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Why a finding stays after fix-all: it has no fix; its fix is not safe (a person chooses, fixes.ts
 * `isSafe`); its fix makes no edit here (no comment style for the file); or its edit overlaps one
 * applied before it, and the next fix-all applies it.
 */
export type Unfixed = 'no-fix' | 'not-safe' | 'no-edit' | 'overlap';

export interface FixPlan {
  /** Every safe fix `which` keeps, as non-overlapping edits against the given text. */
  edits: TextEdit[];
  /** The findings whose edits were kept. */
  fixed: Finding[];
  unfixed: { finding: Finding; why: Unfixed }[];
  /** Safe fixes `which` left out: neither fixed nor unfixed. */
  left: Finding[];
}

/**
 * What fix-all does to a file, and which findings it leaves, with why (`ospo fix` lists them). `which`
 * narrows the safe fixes: fix-all in the editor splits them with `changesLicense` (docs/design/architecture.md,
 * fix-all); a safe fix it leaves out is neither fixed nor unfixed.
 */
export function fixPlan(
  input: CheckInput,
  policy: Policy,
  ctx: FixContext,
  which: (finding: Finding, file: SourceFile, policy: Policy) => boolean = () => true,
): FixPlan {
  const result = checkText(input, policy);
  const file = result.file;
  if (!file) return { edits: [], fixed: [], unfixed: [], left: [] };
  const used = result.policy ?? policy;
  const unfixed: FixPlan['unfixed'] = [];
  const left: Finding[] = [];
  const edits: { edit: TextEdit; finding: Finding }[] = [];
  // A fix folded into a finding that outranks it (check.ts withPrecedence) is still a fix.
  for (const finding of withRelated(result.findings)) {
    if (!isSafe(finding)) {
      unfixed.push({ finding, why: finding.fix ? 'not-safe' : 'no-fix' });
      continue;
    }
    if (!which(finding, file, used)) {
      left.push(finding);
      continue;
    }
    const made = editsFor(finding, file, used, ctx);
    if (!made.length) unfixed.push({ finding, why: 'no-edit' });
    for (const edit of made) edits.push({ edit, finding });
  }
  edits.sort((a, b) => (before(a.edit.range.start, b.edit.range.start) ? -1 : before(b.edit.range.start, a.edit.range.start) ? 1 : 0));
  const kept: { edit: TextEdit; finding: Finding }[] = [];
  const overlapping = new Set<Finding>();
  for (const e of edits) {
    const prev = kept[kept.length - 1];
    if (prev && before(e.edit.range.start, prev.edit.range.end)) {
      overlapping.add(e.finding);
      continue;
    }
    kept.push(e);
  }
  const fixed = new Set(kept.map((k) => k.finding));
  for (const finding of overlapping) if (!fixed.has(finding)) unfixed.push({ finding, why: 'overlap' });
  return { edits: kept.map((k) => k.edit), fixed: [...fixed], unfixed, left };
}

/** Every safe fix for a file, as non-overlapping edits against the given text. */
export function fixAll(input: CheckInput, policy: Policy, ctx: FixContext): TextEdit[] {
  return fixPlan(input, policy, ctx).edits;
}

/** Whether the fix only adds a header, a license or a copyright line where the file had none. */
export function addsHeader(finding: Finding): boolean {
  const kind = finding.fix?.kind;
  return kind === 'insert-header' || kind === 'insert-license' || kind === 'insert-copyright';
}

/** Every license expression the text states: its header's, those below it and its snippets'. */
function statedLicenses(path: string, text: string, policy: Policy): string[] {
  const file = parseSourceFile(path, text, policy);
  const tags = [...file.header.tags, ...file.below, ...file.markers.snippets.flatMap((s) => s.tags)];
  return tags.filter((t) => t.kind === 'license').map((t) => t.value);
}

const spelling = (expression: string) => expression.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Whether the fix changes what the file claims: a license expression it states is gone or rewritten to another
 * license (a deprecated id replaced, a header deleted). Case and spacing (`mit` → `MIT`, `or` → `OR`) are no change;
 * an insertion never is. Fix-all asks before applying these.
 */
export function changesLicense(finding: Finding, file: SourceFile, policy: Policy, ctx: FixContext): boolean {
  const kind = finding.fix?.kind;
  if (!kind || kind.startsWith('insert-')) return false;
  const stated = statedLicenses(file.path, file.text, policy);
  if (!stated.length) return false;
  const after = statedLicenses(file.path, applyEdits(file.text, editsFor(finding, file, policy, ctx)), policy);
  return stated.some((b) => !after.some((a) => spelling(a) === spelling(b) || sameExpression(a, b)));
}
