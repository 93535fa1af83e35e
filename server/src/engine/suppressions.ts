// Suppression comments, as ESLint's `eslint-disable-next-line`: `ospo-disable-next-line <rule>[, <rule>…] [-- <reason>]`
// disables rules for the line below it, `ospo-disable-file …` for the whole file. Read in the file's
// own comment style (comments.ts), applied once after the rules run (check.ts), so every surface
// honours them. docs/design/suppressions.md.

import { allCommentPrefixes, blockClosers, commentPrefixes, type CommentStyle } from './comments';
import type { Finding } from './findings';
import type { Policy } from './policy/model';
import { ruleIds } from './rules';
import type { SourceFile } from './source-file';
import { range, splitLines, type Range, type TextEdit } from './text';

/** Every directive holds this: a text without it has none, and a scan reads the rest of a file holding it. */
export const directiveNeedle = 'ospo-disable-';

export type DirectiveKind = 'next-line' | 'file';

export interface Directive {
  kind: DirectiveKind;
  /** The comment's line (0-based). */
  line: number;
  /** The rule ids as written, each with its range. */
  rules: { id: string; range: Range }[];
  /** The text after ` -- `, trimmed; undefined when there is none. */
  reason?: string;
  /** From `ospo-disable-` to the end of the directive. */
  range: Range;
}

/** How a suppressed finding was suppressed: SARIF 2.1.0 `suppression.kind` (§3.34.2) and its justification. */
export interface Suppression {
  /** `inSource`: a comment in the file; `external`: the baseline, .ospo/suppressions.json, or a policy exception. */
  kind: 'inSource' | 'external';
  justification?: string;
  /** The id of the policy exception that covers the finding (engine/exceptions.ts); undefined for a comment or the baseline. */
  exception?: string;
}

// Made on first use: the rule that reads directives is itself in the registry this comes from.
let knownRules: Set<string> | undefined;
/** Its findings are about the directives themselves: no directive silences them. */
export const directiveRule = 'suppression-invalid';

const directivePattern = /^ospo-disable-(next-line|file)(?=[\s,]|$)/;

/** The rest of a comment prefix: `/**`, `///`, `##`, `;;;` lead a comment as their first characters do. */
const leadTail = /^[^\w\s]*$/;

function isCommentLead(before: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => before.startsWith(p) && leadTail.test(before.slice(p.length)));
}

const memo = new WeakMap<SourceFile, Directive[]>();

/** The file's directives, in order: read once per check, by the rule that judges them and by the post-pass. */
export function directivesOf(file: SourceFile): Directive[] {
  let found = memo.get(file);
  if (!found) {
    found = file.uncommentable ? [] : parseDirectives(file.text, file.style);
    memo.set(file, found);
  }
  return found;
}

/** The directives of a text in `style` (any known comment style when undefined). */
export function parseDirectives(text: string, style: CommentStyle | undefined): Directive[] {
  const out: Directive[] = [];
  if (!text.includes(directiveNeedle)) return out;
  const prefixes = style ? commentPrefixes(style) : allCommentPrefixes;
  const closers = style ? (style.end?.trim() ? [style.end.trim()] : []) : blockClosers;
  // Lines as the engine counts them (a lone CR ends one too): split only for the rare file that holds a directive.
  splitLines(text).lines.forEach((lineText, line) => {
    const col = lineText.indexOf(directiveNeedle);
    const directive = col >= 0 && readDirective(lineText, col, line, prefixes, closers);
    if (directive) out.push(directive);
  });
  return out;
}

function readDirective(lineText: string, col: number, line: number, prefixes: readonly string[], closers: readonly string[]): Directive | undefined {
  const before = lineText
    .slice(0, col)
    .replace(/^\uFEFF/, '')
    .trim();
  if (!before || !isCommentLead(before, prefixes)) return undefined;
  let body = lineText.slice(col).trimEnd();
  const closer = closers.find((c) => body.endsWith(c));
  if (closer) body = body.slice(0, -closer.length).trimEnd();
  const m = directivePattern.exec(body);
  if (!m) return undefined;
  const dash = /\s--(?:\s|$)/.exec(body);
  const ruleEnd = dash ? dash.index : body.length;
  const rules: Directive['rules'] = [];
  for (const r of body.slice(m[0].length, ruleEnd).matchAll(/[^\s,]+/g)) {
    const s = col + m[0].length + r.index;
    rules.push({ id: r[0], range: range(line, s, s + r[0].length) });
  }
  const reason = dash ? body.slice(dash.index + dash[0].length).trim() || undefined : undefined;
  return { kind: m[1] as DirectiveKind, line, rules, reason, range: range(line, col, col + body.length) };
}

/** What is wrong with a directive's rule `id`, if anything: then it suppresses nothing. */
export function directiveProblem(directive: Directive, id: string, policy: Policy): 'unknown' | 'forbidden' | 'reason' | undefined {
  if (!(knownRules ??= new Set<string>(ruleIds)).has(id)) return 'unknown';
  if (policy.suppressions.forbid.includes(id)) return 'forbidden';
  if (policy.suppressions.requireReason && !directive.reason) return 'reason';
  return undefined;
}

/**
 * The findings with those the file's directives cover marked `suppressed` (kind `inSource`, the
 * reason as justification). A directive the policy does not allow covers nothing (suppression-invalid
 * says why), and findings about directives are never covered.
 */
export function withSuppressions(findings: Finding[], file: SourceFile | undefined, policy: Policy): Finding[] {
  if (!file || !findings.length || !file.text.includes(directiveNeedle)) return findings;
  const directives = directivesOf(file);
  if (!directives.length) return findings;
  const cover = (f: Finding) =>
    directives.find(
      (d) =>
        (d.kind === 'file' || d.line + 1 === f.range.start.line) && d.rules.some((r) => r.id === f.rule) && directiveProblem(d, f.rule, policy) === undefined,
    );
  return findings.map((f) => {
    if (f.rule === directiveRule || f.suppressed) return f;
    const d = cover(f);
    return d ? { ...f, suppressed: { kind: 'inSource', ...(d.reason ? { justification: d.reason } : {}) } } : f;
  });
}

/**
 * The edit that disables `rule` for the line `line` (a next-line directive above it, indented as it
 * is) or for the whole file (a file directive where a header would go, after a shebang or other
 * first lines). A directive of the same kind already there gets the rule added. None for a format
 * without comments, or for a line that must stay first.
 */
export function suppressionEdit(file: SourceFile, rule: string, kind: DirectiveKind, line: number): TextEdit | undefined {
  const style = file.style;
  if (file.uncommentable || !style || !(style.line || style.start)) return undefined;
  const existing = directivesOf(file).find((d) => d.kind === kind && (kind === 'file' || d.line === line - 1));
  if (existing) {
    if (existing.rules.some((r) => r.id === rule)) return undefined;
    const last = existing.rules[existing.rules.length - 1];
    const pos = last ? last.range.end : { line: existing.line, character: existing.range.start.character + `${directiveNeedle}${kind}`.length };
    return { range: { start: pos, end: pos }, newText: last ? `, ${rule}` : ` ${rule}` };
  }
  const { lines, eol } = splitLines(file.text);
  const at = kind === 'file' ? file.header.prologue.insertLine : line;
  if (kind === 'next-line' && at < file.header.prologue.insertLine) return undefined;
  const target = lines[at] ?? '';
  const indent = kind === 'file' ? '' : /^[ \t]*/.exec(target.replace(/^\uFEFF/, ''))![0];
  const words = `${directiveNeedle}${kind} ${rule}`;
  const comment = style.line ? `${style.line} ${words}` : `${style.start} ${words}${style.end ? ' ' + style.end.trim() : ''}`;
  if (at >= lines.length) {
    // Past the last line of a file with no final newline: a line of its own, and still no final newline.
    const last = lines.length - 1;
    const pos = { line: last, character: lines[last].length };
    return { range: { start: pos, end: pos }, newText: eol + comment };
  }
  const pos = { line: at, character: at === 0 && target.startsWith('\uFEFF') ? 1 : 0 };
  return { range: { start: pos, end: pos }, newText: indent + comment + eol };
}
