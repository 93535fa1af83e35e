// ai-tool-denied: the tool in AI-Generated-By / AI-Assisted-By is denied (ai.tools.deny, error), or is
// missing from a non-empty allow list (ai.tools.allow, warning). Tool names match case-insensitively, `*` is a wildcard.

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { wildcard } from '../glob';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-tool-denied': "AI tool '{tool}' is denied by the policy ({rule})",
  'ai-tool-denied.not-allowed': "AI tool '{tool}' is not on the policy's list of allowed tools: {tools}",
};

const ja: Translations<typeof en> = {
  'ai-tool-denied': "AI ツール '{tool}' はポリシーで禁止されています ({rule})",
  'ai-tool-denied.not-allowed': "AI ツール '{tool}' はポリシーで許可されたツールではありません。許可されたツール: {tools}",
};

export const meta = {
  id: 'ai-tool-denied',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: false,
  options: ['ai.mode', 'ai.tools'],
  messages: { en, ja },
} as const satisfies RuleMeta;

const matcher = (pattern: string) => wildcard(pattern, { ignoreCase: true });

export function aiToolDenied(file: SourceFile, policy: Policy): Finding[] {
  const { allow, deny } = policy.ai.tools;
  if ((!allow.length && !deny.length) || policy.ai.mode === 'forbid') return [];
  const findings: Finding[] = [];
  for (const marker of file.markers.markers) {
    for (const t of marker.tags.filter((x) => /^ai-(generated|assisted)-by$/i.test(x.key))) {
      // "Claude Code:claude-opus-4-5 [tools]": the agent is what the lists name; the full value may be matched too.
      const agent = t.value.split(':')[0].trim();
      const r = range(t.line, t.valueStart, t.valueEnd);
      const denied = deny.find((p) => matcher(p)(agent) || matcher(p)(t.value));
      if (denied) findings.push(finding(meta, r, 'ai-tool-denied', { tool: agent, rule: denied }));
      else if (allow.length && !allow.some((p) => matcher(p)(agent))) {
        // Missing from an allow list is softer than denied: the list may simply be behind.
        findings.push(finding(meta, r, 'ai-tool-denied.not-allowed', { tool: agent, tools: allow.join(', ') }, { severity: 'warning' }));
      }
    }
  }
  return findings;
}

export default { meta, check: aiToolDenied } satisfies Rule;
