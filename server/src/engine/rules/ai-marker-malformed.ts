// ai-marker-malformed: a tag value in the wrong form, a future or impossible review date, a
// placeholder left in, an unknown AI- tag, or an AI tag outside a header or snippet.

import { isIsoDate, todayIso } from '../dates';
import { compilePolicyRegex } from '../policy/safe-regex';
import type { Finding } from '../findings';
import type { Tag } from '../header';
import { canonicalAiTags } from '../ai/markers';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-marker-malformed.role': "'{key}' should be 'agent:model', e.g. 'Claude Code:claude-opus-4-5'",
  'ai-marker-malformed.reviewer': "'AI-Reviewed-By' should be 'Name <email>'",
  'ai-marker-malformed.date': "'AI-Reviewed-On' should be a date YYYY-MM-DD",
  'ai-marker-malformed.future': "'AI-Reviewed-On' {date} is in the future",
  'ai-marker-malformed.placeholder': "'{key}' still holds a placeholder: fill it in",
  'ai-marker-malformed.unknown':
    "Unknown AI tag '{key}': use AI-Generated-By, AI-Assisted-By, AI-Reviewed-By, AI-Reviewed-On, AI-Approval, AI-Prompt-Ref, AI-Session or AI-Code-Reference",
  'ai-marker-malformed.outside': "'{key}' outside a header or SPDX snippet: wrap the code in SPDX-SnippetBegin/End, or move the tag into the file header",
  'ai-marker-malformed.approval': "'AI-Approval' does not match the policy's approval pattern '{pattern}'",
  'ai-marker-malformed.comment': "{key} does not mention '{tool}' from {role}: keep the readable copy in step with the AI tags",
};

const ja: Translations<typeof en> = {
  'ai-marker-malformed.role': "'{key}' は 'agent:model' の形式で記述してください (例: 'Claude Code:claude-opus-4-5')",
  'ai-marker-malformed.reviewer': "'AI-Reviewed-By' は 'Name <email>' の形式で記述してください",
  'ai-marker-malformed.date': "'AI-Reviewed-On' は YYYY-MM-DD 形式の日付で記述してください",
  'ai-marker-malformed.future': "'AI-Reviewed-On' の日付 {date} が未来の日付です",
  'ai-marker-malformed.placeholder': "'{key}' にプレースホルダーが残っています。値を記入してください",
  'ai-marker-malformed.unknown':
    "不明な AI タグ '{key}'。AI-Generated-By、AI-Assisted-By、AI-Reviewed-By、AI-Reviewed-On、AI-Approval、AI-Prompt-Ref、AI-Session、AI-Code-Reference のいずれかを使用してください",
  'ai-marker-malformed.outside':
    "'{key}' がヘッダーにも SPDX スニペットにもありません。コードを SPDX-SnippetBegin/End で囲むか、タグをファイルヘッダーに移動してください",
  'ai-marker-malformed.approval': "'AI-Approval' がポリシーの承認パターン '{pattern}' に一致しません",
  'ai-marker-malformed.comment': "{key} に {role} のツール '{tool}' の記載がありません。人が読むための記述を AI タグと一致させてください",
};

export const meta = {
  id: 'ai-marker-malformed',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'auto',
  options: ['ai.approvalPattern'],
  messages: { en, ja },
} as const satisfies RuleMeta;

const placeholder = /^(TOOL:MODEL|agent:model|NAME <EMAIL>|Name <email>|TODO|TBD|XXX|FIXME)$|<[A-Z_ ]+>|^<APPROVAL\b[^<>]*>$|\$\{\d/i;

export function aiMarkerMalformed(file: SourceFile, policy: Policy, ctx: { today?: string }): Finding[] {
  const findings: Finding[] = [];
  const today = ctx.today ?? todayIso();
  const add = (t: Tag, key: keyof typeof en, args: Record<string, string> = {}) =>
    findings.push(finding(meta, range(t.line, t.keyStart, t.valueEnd), key, { key: t.key, ...args }));

  for (const t of file.markers.strayAiTags) add(t, 'ai-marker-malformed.outside');
  for (const marker of file.markers.markers) {
    for (const t of marker.tags) {
      const key = t.key.toLowerCase();
      if (!canonicalAiTags[key]) {
        add(t, 'ai-marker-malformed.unknown');
        continue;
      }
      if (placeholder.test(t.value)) {
        add(t, 'ai-marker-malformed.placeholder');
        continue;
      }
      if ((key === 'ai-generated-by' || key === 'ai-assisted-by') && !/^[^:\s][^:]*:\S/.test(t.value)) add(t, 'ai-marker-malformed.role');
      if (key === 'ai-reviewed-by' && !/^[^<>]*[^<>\s][^<>]* <[^<>@\s]+@[^<>\s]+>$/.test(t.value)) add(t, 'ai-marker-malformed.reviewer');
      if (key === 'ai-reviewed-on') {
        if (!isIsoDate(t.value)) add(t, 'ai-marker-malformed.date');
        else if (t.value > today) add(t, 'ai-marker-malformed.future', { date: t.value });
      }
      if (key === 'ai-approval' && policy.ai.approvalPattern && !compilePolicyRegex(policy.ai.approvalPattern, 'whole').test(t.value)) {
        add(t, 'ai-marker-malformed.approval', { pattern: policy.ai.approvalPattern });
      }
    }
    const sync = commentInStep(marker.snippet?.tags ?? []);
    if (sync) findings.push(sync);
  }
  return findings;
}

/** The readable copy the tags declare: `AI-assisted (<tool>), reviewed by <name> <date>`. */
export function readableComment(tags: Tag[]): string | undefined {
  const role = tags.find((t) => /^ai-(assisted|generated)-by$/i.test(t.key) && t.value && !placeholder.test(t.value));
  if (!role) return undefined;
  const verb = /generated/i.test(role.key) ? 'AI-generated' : 'AI-assisted';
  const valueOf = (k: string) => tags.find((t) => t.key.toLowerCase() === k && t.value && !placeholder.test(t.value))?.value;
  const reviewer = valueOf('ai-reviewed-by')?.replace(/\s*<[^<>]*>\s*$/, '');
  const date = valueOf('ai-reviewed-on');
  return `${verb} (${role.value})` + (reviewer ? `, reviewed by ${reviewer}${date ? ` ${date}` : ''}` : date ? `, reviewed ${date}` : '');
}

/** An SPDX-SnippetComment beside AI tags that does not name the tool: rewrite it from the tags (safe: the tags say it all). */
function commentInStep(tags: Tag[]): Finding | undefined {
  const comment = tags.find((t) => t.key.toLowerCase() === 'spdx-snippetcomment');
  const role = tags.find((t) => /^ai-(assisted|generated)-by$/i.test(t.key) && t.value && !placeholder.test(t.value));
  const text = readableComment(tags);
  if (!comment || !role || !text) return undefined;
  const tool = role.value.split(':')[0].trim();
  if (!tool || comment.value.toLowerCase().includes(tool.toLowerCase())) return undefined;
  const r = range(comment.line, comment.valueStart, comment.valueEnd);
  return finding(
    meta,
    range(comment.line, comment.keyStart, comment.valueEnd),
    'ai-marker-malformed.comment',
    { key: comment.key, tool, role: role.key },
    {
      // An empty value (`SPDX-SnippetComment:`) needs the space after the colon too.
      fix: { kind: 'replace', range: r, text: comment.value ? text : ` ${text}`, safe: true },
    },
  );
}

export default { meta, check: aiMarkerMalformed } satisfies Rule;
