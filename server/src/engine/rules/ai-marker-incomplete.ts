// ai-marker-incomplete: a marker without a field the policy requires (ai.requiredFields; AI-Approval in review mode).

import type { Finding } from '../findings';
import { aiFields, canonicalAiTags } from '../markers';
import { message } from '../messages';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';

export function aiMarkerIncomplete(file: SourceFile, policy: Policy): Finding[] {
  const mode = policy.ai.mode;
  if (mode === 'allow' || mode === 'forbid') return [];
  const required = new Set(policy.ai.requiredFields);
  if (mode === 'review') required.add('approval');
  const findings: Finding[] = [];
  for (const marker of file.markers.markers) {
    const present = new Set(marker.tags.map((t) => t.key.toLowerCase()));
    const missing = [...required].filter((f) => !(aiFields[f] ?? []).some((k) => present.has(k)));
    if (!missing.length) continue;
    const first = marker.tags[0];
    findings.push({
      rule: 'ai-marker-incomplete',
      // A missing approval in review mode blocks: the OSPO's sign-off is the point of that mode.
      severity: mode === 'review' && missing.includes('approval') ? 'error' : 'warning',
      range: range(first.line, first.keyStart, first.valueEnd),
      message: message('ai-marker-incomplete', {
        fields: missing.join(', '),
        tags: missing.map((f) => (aiFields[f] ?? []).map((k) => canonicalAiTags[k]).join(' or ')).join(', '),
      }),
    });
  }
  return findings;
}
