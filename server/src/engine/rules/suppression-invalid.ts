// suppression-invalid: an `ospo-disable-next-line` or `ospo-disable-file` comment that suppresses
// nothing, or less than it says: it names no rule, an unknown rule, a rule the policy forbids
// suppressing, or gives no reason where the policy requires one (suppressions.ts). As ESLint reports
// a directive it cannot use, so a typo never leaves a finding silently in place.

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { directiveProblem, directivesOf } from '../suppressions';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'suppression-invalid.empty': 'This {directive} comment names no rule: write the rule ids to disable, e.g. {directive} header-missing -- <reason>',
  'suppression-invalid.unknown': "Unknown rule '{id}' in a {directive} comment: it suppresses nothing",
  'suppression-invalid.forbidden': "The policy forbids suppressing '{id}' (suppressions.forbid): its findings are still reported",
  'suppression-invalid.reason':
    "The policy requires a reason for each suppression (suppressions.requireReason): add one after ' -- '. '{id}' is still reported",
};

const ja: Translations<typeof en> = {
  'suppression-invalid.empty':
    'この {directive} コメントにはルールがありません: 無効にするルール ID を書いてください (例: {directive} header-missing -- <理由>)',
  'suppression-invalid.unknown': "{directive} コメントの不明なルール '{id}': 何も抑制されません",
  'suppression-invalid.forbidden': "ポリシーは '{id}' の抑制を禁止しています (suppressions.forbid): 検出結果は引き続き報告されます",
  'suppression-invalid.reason':
    "ポリシーは抑制ごとに理由を求めています (suppressions.requireReason): ' -- ' の後に理由を書いてください。'{id}' は引き続き報告されます",
};

export const meta = {
  id: 'suppression-invalid',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: false,
  options: ['suppressions.requireReason', 'suppressions.forbid'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function suppressionInvalid(file: SourceFile, policy: Policy): Finding[] {
  const out: Finding[] = [];
  for (const d of directivesOf(file)) {
    const directive = `ospo-disable-${d.kind}`;
    if (!d.rules.length) out.push(finding(meta, d.range, 'suppression-invalid.empty', { directive }));
    for (const r of d.rules) {
      const problem = directiveProblem(d, r.id, policy);
      if (problem) out.push(finding(meta, r.range, `suppression-invalid.${problem}`, { id: r.id, directive }));
    }
  }
  return out;
}

export default { meta, check: suppressionInvalid } satisfies Rule;
