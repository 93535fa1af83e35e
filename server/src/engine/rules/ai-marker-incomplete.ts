// ai-marker-incomplete: a marker without a field the policy requires (ai.requiredFields; AI-Approval in review mode).
// The fix inserts the missing tags after the marker's last AI tag, shaped like it, with placeholders that
// ai-marker-malformed keeps reporting until a person fills them in (the engine has no git access): never safe.

import { todayIso } from '../dates';
import type { Finding } from '../findings';
import { aiFields, canonicalAiTags } from '../ai/markers';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-marker-incomplete': 'AI marker lacks {fields}: the policy requires {tags}',
};

const ja: Translations<typeof en> = {
  'ai-marker-incomplete': 'AI マーカーに {fields} がありません。ポリシーで {tags} が必要です',
};

export const meta = {
  id: 'ai-marker-incomplete',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  options: ['ai.mode', 'ai.requiredFields', 'ai.approvalPattern'],
  messages: { en, ja },
} as const satisfies RuleMeta;

/** The line the fix inserts for a missing field: a placeholder, except the review date (today). */
export function placeholderTag(field: string, policy: Policy, today: string): string {
  switch (field) {
    case 'role':
      return 'AI-Assisted-By: TOOL:MODEL';
    case 'reviewed-by':
      return 'AI-Reviewed-By: NAME <EMAIL>';
    case 'reviewed-on':
      return `AI-Reviewed-On: ${today}`;
    case 'approval':
      return `AI-Approval: ${policy.ai.approvalPattern ? `<APPROVAL matching ${policy.ai.approvalPattern}>` : '<APPROVAL>'}`;
    default:
      return `${(aiFields[field] ?? []).map((k) => canonicalAiTags[k])[0] ?? field}: TODO`;
  }
}

export function aiMarkerIncomplete(file: SourceFile, policy: Policy, ctx: { today?: string } = {}): Finding[] {
  const mode = policy.ai.mode;
  if (mode === 'allow' || mode === 'forbid') return [];
  const today = ctx.today ?? todayIso();
  const required = new Set(policy.ai.requiredFields);
  if (mode === 'review') required.add('approval');
  // Canonical order, whatever the policy's order: role, reviewer, date, approval, the rest.
  const order = Object.keys(aiFields);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  const findings: Finding[] = [];
  for (const marker of file.markers.markers) {
    const present = new Set(marker.tags.map((t) => t.key.toLowerCase()));
    const missing = [...required].filter((f) => !(aiFields[f] ?? []).some((k) => present.has(k)));
    if (!missing.length) continue;
    const first = marker.tags[0];
    const last = marker.tags.reduce((a, b) => (b.line > a.line ? b : a));
    const known = missing.filter((f) => aiFields[f]).sort((a, b) => rank(a) - rank(b));
    const args = { fields: missing.join(', '), tags: missing.map((f) => (aiFields[f] ?? []).map((k) => canonicalAiTags[k]).join(' or ')).join(', ') };
    findings.push(
      finding(meta, range(first.line, first.keyStart, first.valueEnd), 'ai-marker-incomplete', args, {
        // A missing approval in review mode blocks: the OSPO's sign-off is the point of that mode.
        ...(mode === 'review' && missing.includes('approval') ? { severity: 'error' } : {}),
        ...(known.length
          ? { fix: { kind: 'insert-lines', line: last.line + 1, like: last.line, lines: known.map((f) => placeholderTag(f, policy, today)), safe: false } }
          : {}),
      }),
    );
  }
  return findings;
}

export default { meta, check: aiMarkerIncomplete } satisfies Rule;
