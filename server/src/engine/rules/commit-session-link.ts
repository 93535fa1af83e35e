// commit-session-link: a link to an AI tool's session or shared conversation in a commit message.
// Its findings and fixes are made by engine/ai/commit-rule.ts with the table in
// engine/ai/session-links.ts; this module is its entry in the registry, with its texts.

import type { Rule, RuleMeta, Translations } from './rule';

const en = {
  'commit-session-link': 'This links to a {tool} session: anyone who can open it may read the transcript. Remove the link',
  'commit-session-link.setting':
    'This links to a {tool} session: anyone who can open it may read the transcript. Remove the link, and set {setting} to false in {tool}’s settings so it adds no more',
  'commit-session-link.fix': 'Remove this session link',
};

const ja: Translations<typeof en> = {
  'commit-session-link': '{tool} のセッションへのリンクです。リンクを開ける人は誰でも会話の記録を読める可能性があります。リンクを削除してください',
  'commit-session-link.setting':
    '{tool} のセッションへのリンクです。リンクを開ける人は誰でも会話の記録を読める可能性があります。リンクを削除し、今後追加されないよう {tool} の設定で {setting} を false にしてください',
  'commit-session-link.fix': 'このセッションのリンクを削除',
};

export const meta = {
  id: 'commit-session-link',
  scope: 'commit',
  defaultSeverity: 'error',
  fixable: 'auto',
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

export default { meta } satisfies Rule;
