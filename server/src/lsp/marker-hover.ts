// Hover on an AI marker or an SPDX snippet in a checked file: what the marker declares (role and tool,
// reviewer, date, approval), the lines it covers, and what the policy in force requires there.
// A pure function over a CheckResult, so mocha tests it in plain Node; main.ts only routes requests here.

import { Hover, MarkupKind, Position } from 'vscode-languageserver/node';
import type { CheckResult } from '../engine/check';
import type { Tag } from '../engine/header';
import { aiFields, AiMarker, canonicalAiTags, Snippet } from '../engine/ai/markers';
import type { Policy } from '../engine/policy/model';
import { message, type MessageKey } from '../engine/messages';

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

function scopeText(marker: { scope: 'file' | 'region'; startLine: number; endLine: number }): string {
  return marker.scope === 'file'
    ? message('hover.whole-file')
    : message('hover.lines', { first: String(marker.startLine + 1), last: String(marker.endLine + 1) });
}

/** The lines a hover answers on: the marker's tag lines (and what lies between them), its snippet's Begin/End and tags. */
function markerLines(marker: AiMarker): Set<number> {
  const lines = new Set<number>();
  const tagLines = marker.tags.map((t) => t.line);
  for (let l = Math.min(...tagLines); l <= Math.max(...tagLines); l++) lines.add(l);
  if (marker.snippet) {
    lines.add(marker.snippet.begin);
    if (marker.snippet.end !== undefined) lines.add(marker.snippet.end);
    for (const t of marker.snippet.tags) lines.add(t.line);
  }
  return lines;
}

function declared(tags: Tag[]): string[] {
  const out: string[] = [];
  const find = (k: string) => tags.filter((t) => t.key.toLowerCase() === k);
  for (const t of tags.filter((x) => aiFields.role.includes(x.key.toLowerCase()))) {
    const [tool, ...model] = t.value.split(':');
    const args = { tool: code(tool.trim() || t.value), model: model.length ? message('hover.model', { model: code(model.join(':').trim()) }) : '' };
    out.push(message(/generated/i.test(t.key) ? 'hover.generated-by' : 'hover.assisted-by', args));
  }
  // Only what the marker states: no "—" rows.
  const one = (k: string, label: MessageKey) => {
    const t = find(k)[0];
    if (t) out.push(`- **${message(label)}**: ${code(t.value)}`);
  };
  one('ai-reviewed-by', 'hover.reviewer');
  one('ai-reviewed-on', 'hover.reviewed-on');
  one('ai-approval', 'hover.approval');
  for (const t of tags.filter((x) => /^ai-(prompt-ref|session|code-reference)$/i.test(x.key))) out.push(`- **${t.key}**: ${code(t.value)}`);
  for (const t of tags.filter((x) => !canonicalAiTags[x.key.toLowerCase()])) out.push(message('hover.unknown-tag', { key: code(t.key), value: code(t.value) }));
  return out;
}

function requirements(tags: Tag[], policy: Policy): string[] {
  const mode = policy.ai.mode;
  const out = [message('hover.policy', { mode: code(`ai.mode: ${mode}`) })];
  if (mode === 'forbid') out.push(message('hover.forbidden'));
  else if (mode === 'allow') out.push(message('hover.allowed'));
  else {
    const required = new Set(policy.ai.requiredFields);
    if (mode === 'review') required.add('approval');
    const present = new Set(tags.map((t) => t.key.toLowerCase()));
    const tagsOf = (f: string) => (aiFields[f] ?? []).map((k) => canonicalAiTags[k]).join(' or ') || f;
    const missing = [...required].filter((f) => !(aiFields[f] ?? []).some((k) => present.has(k)));
    // Lists only what there is: no "nothing" or "none" rows.
    if (required.size) out.push(message('hover.required', { tags: [...required].map((f) => code(tagsOf(f))).join(', ') }));
    if (missing.length) out.push(message('hover.missing', { tags: missing.map((f) => code(tagsOf(f))).join(', ') }));
    if (policy.ai.approvalPattern && required.has('approval')) out.push(message('hover.approval-pattern', { pattern: code(policy.ai.approvalPattern) }));
  }
  return out;
}

function policyLink(policy: Policy): string[] {
  const url = policy.meta.url;
  if (!url) return [];
  return [
    `[${(policy.meta.title ?? 'Policy').replace(/[[\]]/g, '')}](${url.replace(/[()\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))})`,
  ];
}

export function markerHover(result: CheckResult, position: Position): Hover | null {
  const file = result.file;
  const policy = result.policy;
  if (!file || !policy) return null;
  const line = position.line;
  const hoverRange = { start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } };
  const markdown = (lines: string[]): Hover => ({ contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: hoverRange });

  // The innermost match first: region markers come after the file marker, inner snippets after outer ones.
  const marker = [...file.markers.markers].reverse().find((m) => markerLines(m).has(line));
  if (marker) {
    return markdown([
      message(marker.scope === 'file' ? 'hover.ai-marker-file' : 'hover.ai-marker-snippet', { scope: scopeText(marker) }),
      declared(marker.tags).join('\n'),
      requirements(marker.tags, policy).join('\n'),
      ...policyLink(policy),
    ]);
  }
  const snippet: Snippet | undefined = [...file.markers.snippets].reverse().find((s) => s.begin === line || s.end === line);
  if (snippet) {
    const license = snippet.tags.find((t) => t.kind === 'license');
    const copyright = snippet.tags.find((t) => t.kind === 'copyright');
    const end = snippet.end ?? Math.max(snippet.begin, file.markers.lineCount - 1);
    return markdown([
      message(snippet.end === undefined ? 'hover.snippet-open' : 'hover.snippet', {
        scope: scopeText({ scope: 'region', startLine: snippet.begin, endLine: end }),
      }),
      // Only what the snippet states: no "—" or "none" rows.
      [
        ...(license ? [`- **${message('licensing.license')}**: ${code(license.value)}`] : []),
        ...(copyright ? [`- **${message('licensing.copyright')}**: ${code(copyright.value)}`] : []),
      ].join('\n'),
      ...policyLink(policy),
    ]);
  }
  return null;
}
