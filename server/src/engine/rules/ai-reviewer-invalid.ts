// ai-reviewer-invalid: the reviewer of AI code is a bot (ai.reviewer.forbidBots), or does not match ai.reviewer.pattern in full.

import type { Finding } from '../findings';
import { isBot } from '../ai/agents';
import type { Policy } from '../policy/model';
import { compilePolicyRegex } from '../policy/safe-regex';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-reviewer-invalid.bot': "Reviewer '{reviewer}' is a bot: a person must review AI code",
  'ai-reviewer-invalid.pattern': "Reviewer '{reviewer}' does not match the policy's reviewer pattern '{pattern}'",
};

const ja: Translations<typeof en> = {
  'ai-reviewer-invalid.bot': "レビュアー '{reviewer}' はボットです。生成AIによるコードは人がレビューしてください",
  'ai-reviewer-invalid.pattern': "レビュアー '{reviewer}' がポリシーで定めたレビュアーのパターン '{pattern}' に一致しません",
};

export const meta = {
  id: 'ai-reviewer-invalid',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: false,
  options: ['ai.mode', 'ai.reviewer'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function aiReviewerInvalid(file: SourceFile, policy: Policy): Finding[] {
  const { forbidBots, pattern } = policy.ai.reviewer;
  if (policy.ai.mode === 'allow' || policy.ai.mode === 'forbid') return [];
  const findings: Finding[] = [];
  for (const marker of file.markers.markers) {
    for (const t of marker.tags.filter((x) => x.key.toLowerCase() === 'ai-reviewed-by')) {
      const r = range(t.line, t.valueStart, t.valueEnd);
      if (forbidBots && isBot(t.value)) findings.push(finding(meta, r, 'ai-reviewer-invalid.bot', { reviewer: t.value }));
      else if (pattern && !compilePolicyRegex(pattern, 'whole').test(t.value)) {
        findings.push(finding(meta, r, 'ai-reviewer-invalid.pattern', { reviewer: t.value, pattern }));
      }
    }
  }
  return findings;
}

export default { meta, check: aiReviewerInvalid } satisfies Rule;
