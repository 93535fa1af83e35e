// commit-ai-attribution: an AI trailer in a commit message that is not in the policy's form. Its
// findings and fixes are made by engine/ai/commit-rule.ts, which checks the message being written;
// this module is its entry in the registry, with its texts.

import type { Rule, RuleMeta, Translations } from './rule';

// `{action}` is one of the `action.*` messages.
const en = {
  'commit-ai-attribution.signoff':
    'An AI cannot certify the Developer Certificate of Origin, so {agent} must not sign off: {action}, and sign off yourself (git commit -s)',
  'commit-ai-attribution.co-author': "{agent} is named as a co-author in '{key}': the policy records AI help as '{form}: …', so {action}",
  'commit-ai-attribution.form': "'{key}' is not the policy's AI trailer ('{form}: …'): {action}",
  'commit-ai-attribution.forbidden':
    'The policy forbids AI-assisted changes (ai.mode: forbid), and this trailer names {agent}: leave AI-generated changes out of this commit, or ask the OSPO ({contact})',
  'commit-ai-attribution.forbidden.signoff':
    'An AI cannot sign off, and the policy forbids AI-assisted changes (ai.mode: forbid): leave AI-generated changes out of this commit, or ask the OSPO ({contact})',
  'commit-ai-attribution.action.rewrite': "write '{text}' instead",
  'commit-ai-attribution.action.remove': "remove this line ('{text}' is already there)",
  'commit-ai-attribution.fix.rewrite': "Rewrite as '{text}'",
  'commit-ai-attribution.fix.remove': "Remove this trailer (the policy's trailer for this AI is already there)",
  'commit-ai-attribution.completion.form': "AI disclosure trailer (the policy's form)",
  'commit-ai-attribution.completion.accepted': 'AI disclosure trailer (accepted by the policy)',
};

const ja: Translations<typeof en> = {
  'commit-ai-attribution.signoff':
    'AI は Developer Certificate of Origin を証明できないため、{agent} はサインオフできません。{action}。そのうえで自分でサインオフしてください (git commit -s)',
  'commit-ai-attribution.co-author':
    "{agent} が '{key}' で共同作成者として記載されています。ポリシーでは生成AIの利用を '{form}: …' として記録するため、{action}",
  'commit-ai-attribution.form': "'{key}' はポリシーで定めた AI のトレーラー ('{form}: …') ではありません。{action}",
  'commit-ai-attribution.forbidden':
    'ポリシーで生成AIを利用した変更は禁止されています (ai.mode: forbid)。このトレーラーには {agent} が記載されています。生成AIによる変更をこのコミットから除くか、OSPO に相談してください ({contact})',
  'commit-ai-attribution.forbidden.signoff':
    'AI はサインオフできません。また、ポリシーで生成AIを利用した変更は禁止されています (ai.mode: forbid)。生成AIによる変更をこのコミットから除くか、OSPO に相談してください ({contact})',
  'commit-ai-attribution.action.rewrite': "代わりに '{text}' と記述してください",
  'commit-ai-attribution.action.remove': "この行を削除してください ('{text}' は既にあります)",
  'commit-ai-attribution.fix.rewrite': "'{text}' に書き換え",
  'commit-ai-attribution.fix.remove': 'このトレーラーを削除 (この AI に対するポリシーのトレーラーは既にあります)',
  'commit-ai-attribution.completion.form': 'AI 開示のトレーラー (ポリシーの形式)',
  'commit-ai-attribution.completion.accepted': 'AI 開示のトレーラー (ポリシーで認められた形式)',
};

export const meta = {
  id: 'commit-ai-attribution',
  scope: 'commit',
  defaultSeverity: 'error',
  fixable: 'auto',
  options: ['ai.mode', 'ai.tools', 'ai.commitTrailers'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export default { meta } satisfies Rule;
