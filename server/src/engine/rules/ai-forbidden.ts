// ai-forbidden: an AI marker (canonical or legacy) on a path where the policy says `ai.mode: forbid`,
// or where it keeps AI disclosure out of files (`ai.disclosure.file-marker: forbid`).

import { disclosureRules } from '../ai/disclosure-forms';
import type { Finding } from '../findings';
import { policyLabel, type Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'ai-forbidden': 'AI-generated code is forbidden here by the policy ({where}): remove it or ask the OSPO',
  'ai-forbidden.marker':
    'The policy ({where}) does not accept AI disclosure in files (ai.disclosure.file-marker: forbid): remove the marker and disclose AI help where the policy asks',
};

const ja: Translations<typeof en> = {
  'ai-forbidden': 'この場所では生成AIによるコードはポリシーで禁止されています ({where})。削除するか、OSPO に相談してください',
  'ai-forbidden.marker':
    'ポリシー ({where}) では、ファイル内での AI 開示は認められていません (ai.disclosure.file-marker: forbid)。マーカーを削除し、ポリシーが定める場所で生成AIの利用を開示してください',
};

export const meta = {
  id: 'ai-forbidden',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: false,
  options: ['ai.mode', 'ai.disclosure'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function aiForbidden(file: SourceFile, policy: Policy): Finding[] {
  const forbidAll = policy.ai.mode === 'forbid';
  if (!forbidAll && disclosureRules(policy).action('file-marker') !== 'forbid') return [];
  const where = policyLabel(policy);
  const at = [
    ...file.markers.markers.map((m) => m.tags[0]).map((t) => range(t.line, t.keyStart, t.valueEnd)),
    ...file.markers.legacy.map((l) => range(l.line, l.start, l.end)),
  ];
  return at.map((r) => finding(meta, r, forbidAll ? 'ai-forbidden' : 'ai-forbidden.marker', { where }));
}

export default { meta, check: aiForbidden } satisfies Rule;
