// commit-ai-attribution: AI disclosure in a commit message in a form the policy does not accept
// (`ai.disclosure`, engine/ai/disclosure-forms.ts), or missing a form it requires. Its
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
  'commit-ai-attribution.signoff.forbidden':
    'An AI cannot certify the Developer Certificate of Origin, so {agent} must not sign off: remove this line, and sign off yourself (git commit -s)',
  'commit-ai-attribution.not-accepted': "The policy ({policy}) does not accept AI disclosure written as '{what}' in a commit message: remove it",
  'commit-ai-attribution.line': "This line is {agent}'s own, not the policy's AI disclosure ('{form}: …'): {action}",
  'commit-ai-attribution.required': "AI help is disclosed only as '{what}', but the policy requires {forms}: add '{text}'",
  'commit-ai-attribution.note.forbidden': 'The commit has an AI note in {refs}, which the policy ({policy}) does not accept',
  'commit-ai-attribution.note.missing': 'The commit discloses AI help, but has no AI note in {refs}, which the policy requires',
  'commit-ai-attribution.action.drop': 'remove it (the trailers disclose the AI help)',
  'commit-ai-attribution.action.rewrite': "write '{text}' instead",
  'commit-ai-attribution.action.remove': "remove this line ('{text}' is already there)",
  'commit-ai-attribution.fix.rewrite': "Rewrite as '{text}'",
  'commit-ai-attribution.fix.remove': "Remove this trailer (the policy's trailer for this AI is already there)",
  'commit-ai-attribution.fix.remove-line': 'Remove this line',
  'commit-ai-attribution.fix.move': "Replace with the policy's trailer",
  'commit-ai-attribution.fix.add': "Add '{text}'",
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
  'commit-ai-attribution.signoff.forbidden':
    'AI は Developer Certificate of Origin を証明できないため、{agent} はサインオフできません。この行を削除し、自分でサインオフしてください (git commit -s)',
  'commit-ai-attribution.not-accepted': "ポリシー ({policy}) では、コミットメッセージでの '{what}' という形式の AI 開示は認められていません。削除してください",
  'commit-ai-attribution.line': "この行は {agent} が書き込んだもので、ポリシーの AI 開示 ('{form}: …') ではありません。{action}",
  'commit-ai-attribution.required': "生成AIの利用が '{what}' としてしか開示されていませんが、ポリシーでは {forms} が必要です。'{text}' を追加してください",
  'commit-ai-attribution.note.forbidden': 'このコミットには {refs} に AI のノートがありますが、ポリシー ({policy}) では認められていません',
  'commit-ai-attribution.note.missing': 'このコミットは生成AIの利用を開示していますが、ポリシーで必要な {refs} の AI のノートがありません',
  'commit-ai-attribution.action.drop': '削除してください (トレーラーで生成AIの利用が開示されています)',
  'commit-ai-attribution.action.rewrite': "代わりに '{text}' と記述してください",
  'commit-ai-attribution.action.remove': "この行を削除してください ('{text}' は既にあります)",
  'commit-ai-attribution.fix.rewrite': "'{text}' に書き換え",
  'commit-ai-attribution.fix.remove': 'このトレーラーを削除 (この AI に対するポリシーのトレーラーは既にあります)',
  'commit-ai-attribution.fix.remove-line': 'この行を削除',
  'commit-ai-attribution.fix.move': 'ポリシーのトレーラーに置き換え',
  'commit-ai-attribution.fix.add': "'{text}' を追加",
  'commit-ai-attribution.completion.form': 'AI 開示のトレーラー (ポリシーの形式)',
  'commit-ai-attribution.completion.accepted': 'AI 開示のトレーラー (ポリシーで認められた形式)',
};

export const meta = {
  id: 'commit-ai-attribution',
  scope: 'commit',
  defaultSeverity: 'error',
  fixable: 'auto',
  options: ['ai.disclosure', 'ai.mode', 'ai.tools', 'ai.commitTrailers'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export default { meta } satisfies Rule;
