// ai-forbidden: an AI marker (canonical or legacy) on a path where the policy says `ai.mode: forbid`.

import type { Finding } from '../findings';
import { policyLabel, type Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-forbidden': 'AI-generated code is forbidden here by the policy ({where}): remove it or ask the OSPO',
};

const ja: Translations<typeof en> = {
  'ai-forbidden': 'この場所では生成AIによるコードはポリシーで禁止されています ({where})。削除するか、OSPO に相談してください',
};

export const meta = {
  id: 'ai-forbidden',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: false,
  options: ['ai.mode'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function aiForbidden(file: SourceFile, policy: Policy): Finding[] {
  if (policy.ai.mode !== 'forbid') return [];
  const where = policyLabel(policy);
  const at = [
    ...file.markers.markers.map((m) => m.tags[0]).map((t) => range(t.line, t.keyStart, t.valueEnd)),
    ...file.markers.legacy.map((l) => range(l.line, l.start, l.end)),
  ];
  return at.map((r) => finding(meta, r, 'ai-forbidden', { where }));
}

export default { meta, check: aiForbidden } satisfies Rule;
