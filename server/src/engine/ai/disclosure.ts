// The AI-disclosure commands as text edits (docs/design/markers.md, "In-file tags"): wrap selected
// lines in a canonical SPDX snippet, or add the AI- tags to the file's license header. Pure, like the
// fixer: the server and tests pass in the text, the policy and a context; the edits keep the file's
// line ending, its final newline and every selected line as it is.

import { message } from '../messages';
import { commentStyleFor, CommentStyle } from '../comments';
import type { FixContext } from '../context';
import { editsFor } from '../fixes';
import type { Finding, FixData } from '../findings';
import { literalHolder, Policy } from '../policy/model';
import { policyForPath } from '../policy/overrides';
import { parseSourceFile, SourceFile } from '../source-file';
import { applyEdits, offsetAt, Range, splitLines, TextEdit } from '../text';

/** What the user states about the code: its role, and whether they reviewed it. Nothing is assumed beyond it. */
export interface AiDisclosure {
  /** `generated`: the tool wrote it (AI-Generated-By); `assisted`: a person wrote it with the tool's help (AI-Assisted-By). */
  role: 'generated' | 'assisted';
  /**
   * Set only when the user chose "I reviewed this": then AI-Reviewed-By (this person) and AI-Reviewed-On (today) are
   * written. Name and email from `git config`; placeholders when unknown.
   */
  reviewer?: { name?: string; email?: string };
}

/** Everything the AI tags are filled from; `aiContext` resolves it from the policy and the fix context. */
export interface AiContext extends AiDisclosure {
  year: number;
  holder: string;
  license: string;
  /** YYYY-MM-DD. */
  today: string;
  tool: string;
}

/** Written when no tool is known; ai-marker-malformed reports it, so it is never left in by accident. */
export const toolPlaceholder = 'TOOL:MODEL';

/** Written after a tool name from `ai.tools.allow`, which names agents only; ai-marker-malformed reports it too. */
export const modelPlaceholder = '<MODEL>';

/**
 * The tool: the command's argument, else the first agent the policy allows (not a `*` pattern) with a model
 * placeholder, else the placeholder. `ai.tools.allow` names agents ("GitHub Copilot"), the tag wants `agent:model`.
 */
export function toolFor(policy: Policy, tool?: string): string {
  if (tool?.trim()) return tool.trim();
  const allowed = policy.ai.tools.allow.find((t) => t.trim() && !t.includes('*'))?.trim();
  if (!allowed) return toolPlaceholder;
  return allowed.includes(':') ? allowed : `${allowed}:${modelPlaceholder}`;
}

/** Holder and license with the same fallbacks as the fixer's renderTemplate. */
export function aiContext(policy: Policy, fix: FixContext, disclosure: AiDisclosure, today: string, tool?: string): AiContext {
  return {
    year: fix.year,
    holder: literalHolder(policy.headers.copyright.holder) ?? fix.holder,
    license: policy.licenses.project ?? fix.license,
    role: disclosure.role,
    reviewer: disclosure.reviewer,
    today,
    tool: toolFor(policy, tool),
  };
}

function reviewerOf(reviewer: NonNullable<AiDisclosure['reviewer']>): { name: string; both: string } {
  const name = reviewer.name || 'NAME';
  return { name, both: `${name} <${reviewer.email || 'EMAIL'}>` };
}

/** The AI- tags, unwrapped: the role, and the review only when the user attested one. */
export function aiTagLines(ctx: AiContext): string[] {
  const role = `${ctx.role === 'generated' ? 'AI-Generated-By' : 'AI-Assisted-By'}: ${ctx.tool}`;
  if (!ctx.reviewer) return [role];
  return [role, `AI-Reviewed-By: ${reviewerOf(ctx.reviewer).both}`, `AI-Reviewed-On: ${ctx.today}`];
}

/** The opening lines of a canonical AI snippet, unwrapped; `SPDX-SnippetEnd` closes it. The comment reads as ai-marker-malformed's readableComment. */
export function snippetOpenLines(ctx: AiContext): string[] {
  const verb = ctx.role === 'generated' ? 'AI-generated' : 'AI-assisted';
  const review = ctx.reviewer ? `, reviewed by ${reviewerOf(ctx.reviewer).name} ${ctx.today}` : '';
  return [
    'SPDX-SnippetBegin',
    `SPDX-SnippetCopyrightText: ${ctx.year} ${ctx.holder}`,
    `SPDX-License-Identifier: ${ctx.license}`,
    `SPDX-SnippetComment: ${verb} (${ctx.tool})${review}`,
    ...aiTagLines(ctx),
  ];
}

/** One comment line per marker line: the line form where the language has one, else a one-line block. */
function commentLine(text: string, style: CommentStyle, indent: string): string {
  const end = style.end?.trim() ? ` ${style.end.trim()}` : '';
  // Styles such as Jinja's `{# … #}` close each line comment.
  if (style.line) return `${indent}${style.line} ${text}${style.start ? '' : end}`;
  return `${indent}${style.start ?? ''} ${text}${end}`;
}

export type AiEditResult = { edits: TextEdit[] } | { error: string };

/** The selection as whole lines: a selection ending at column 0 of a later line stops before it. */
function selectedLines(range: Range, lineCount: number, finalNewline: boolean): [number, number] {
  const last = lineCount - 1 - (finalNewline && lineCount > 1 ? 1 : 0);
  const start = Math.min(range.start.line, last);
  let end = range.end.line > range.start.line && range.end.character === 0 ? range.end.line - 1 : range.end.line;
  end = Math.max(start, Math.min(end, last));
  return [start, end];
}

/** Wraps the selected lines in a canonical AI snippet. Nothing when the selection is already such a snippet or its body. */
export function markSelectionEdits(path: string, text: string, range: Range, basePolicy: Policy, ctx: AiContext): AiEditResult {
  const policy = policyForPath(basePolicy, path);
  const style = commentStyleFor(path, policy.headers.languages);
  if (!style) return { error: message('ai.no-comment-style', { path }) };
  const { lines, eol, finalNewline } = splitLines(text);
  const [start, end] = selectedLines(range, lines.length, finalNewline);
  const file = parseSourceFile(path, text, policy);
  for (const marker of file.markers.markers) {
    const s = marker.snippet;
    if (!s || s.end === undefined) continue;
    const bodyStart = Math.max(s.begin, ...s.tags.map((t) => t.line)) + 1;
    if ((start === s.begin && end === s.end) || (start === bodyStart && end === s.end - 1)) return { edits: [] };
  }
  const indent = /^[ \t]*/.exec(lines[start].replace(/^\uFEFF/, ''))![0];
  const open = snippetOpenLines(ctx).map((l) => commentLine(l, style, indent));
  const close = commentLine('SPDX-SnippetEnd', style, indent);
  const at = { line: start, character: start === 0 && lines[0].startsWith('\uFEFF') ? 1 : 0 };
  const after = { line: end, character: lines[end].length };
  return {
    edits: [
      { range: { start: at, end: at }, newText: open.join(eol) + eol },
      // After the last selected line's text, before its line break: a file without a final newline keeps none.
      { range: { start: after, end: after }, newText: eol + close },
    ],
  };
}

const finding = (fix: FixData): Finding => ({
  rule: 'header-missing',
  severity: 'warning',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  message: '',
  fix,
});

/** The header tags that are not inside a snippet near the top. */
function headerTags(file: SourceFile) {
  const inSnippet = (line: number) => file.markers.snippets.some((s) => line >= s.begin && (s.end === undefined || line <= s.end));
  return file.header.tags.filter((t) => !inSnippet(t.line));
}

/** Adds the role tag (and the review tags, when attested) after the license header, or a header holding them when there is none. */
export function addHeaderTagsEdits(path: string, text: string, basePolicy: Policy, ctx: AiContext): AiEditResult {
  const policy = policyForPath(basePolicy, path);
  const file = parseSourceFile(path, text, policy);
  const fixCtx: FixContext = { year: ctx.year, holder: ctx.holder, license: ctx.license };
  const tags = headerTags(file);
  if (tags.length) {
    const present = new Set(tags.map((t) => t.key.toLowerCase()));
    // Either role tag counts as the role.
    const hasRole = present.has('ai-assisted-by') || present.has('ai-generated-by');
    const wanted = aiTagLines(ctx).filter((l) => {
      const key = l.slice(0, l.indexOf(':')).toLowerCase();
      return !present.has(key) && !(hasRole && (key === 'ai-assisted-by' || key === 'ai-generated-by'));
    });
    if (!wanted.length) return { edits: [] };
    const last = tags[tags.length - 1];
    const edits = wanted.flatMap((l) =>
      editsFor(finding({ kind: 'insert-line', line: last.line + 1, like: last.line, text: l, safe: true }), file, policy, fixCtx),
    );
    // The same insertion point: one edit, in order, so every client applies it alike.
    return { edits: edits.length ? [{ range: edits[0].range, newText: edits.map((e) => e.newText).join('') }] : [] };
  }
  const [header] = editsFor(finding({ kind: 'insert-header' }), file, policy, fixCtx);
  if (!header) return { error: message('ai.no-comment-style', { path }) };
  // Insert the template header, then the AI tags after its last line, and send both as the one insertion.
  const withHeader = applyEdits(text, [header]);
  const inner = addHeaderTagsEdits(path, withHeader, basePolicy, ctx);
  if ('error' in inner) return inner;
  const full = applyEdits(withHeader, inner.edits);
  const from = offsetAt(text, header.range.start);
  const added = full.length - text.length;
  return { edits: [{ range: header.range, newText: full.slice(from, from + added) }] };
}
