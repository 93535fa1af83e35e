// copyright-holder: a first-party file with no notice naming the policy's holder (a regex matched in full).
// The fix rewrites a notice only when it already names our organisation in another form; a third
// party's notice is never rewritten: our notice is added next to it instead.

import { holderMatches, looksLikeOurs, parseNotice } from '../copyright';
import type { Finding } from '../findings';
import { literalHolder, Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'copyright-holder': "Copyright holder '{holder}' is not the policy's holder '{pattern}'",
  'copyright-holder.none': "No copyright notice names the policy's holder '{pattern}'",
};

const ja: Translations<typeof en> = {
  'copyright-holder': "著作権者 '{holder}' がポリシーの著作権者 '{pattern}' と一致しません",
  'copyright-holder.none': "ポリシーの著作権者 '{pattern}' を記載した著作権表示がありません",
};

export const meta = {
  id: 'copyright-holder',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'auto',
  headerOnly: true,
  ownTag: true,
  options: ['headers.copyright.holder'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function copyrightHolder(file: SourceFile, policy: Policy, ctx: { currentYear: number }): Finding[] {
  const pattern = policy.headers.copyright.holder;
  const notices = file.header.copyrights;
  if (!pattern || file.thirdParty || !notices.length) return [];
  const parsed = notices.map((tag) => ({ tag, notice: parseNotice(tag.value) }));
  if (parsed.some((p) => holderMatches(p.notice.holder, pattern))) return [];
  const literal = literalHolder(pattern);
  const ours = parsed.find((p) => looksLikeOurs(p.notice.holder, literal));
  if (ours && literal) {
    const { tag, notice } = ours;
    const r = range(tag.line, tag.valueStart + notice.holderSpan[0], tag.valueStart + notice.holderSpan[1]);
    return [finding(meta, r, 'copyright-holder', { holder: notice.holder, pattern }, { fix: { kind: 'replace', range: r, text: literal, safe: true } })];
  }
  const first = parsed[0].tag;
  const text = `SPDX-FileCopyrightText: ${ctx.currentYear} ${literal}`;
  return [
    finding(
      meta,
      range(first.line, first.keyStart, first.valueEnd),
      'copyright-holder.none',
      { pattern },
      {
        fix: literal ? { kind: 'insert-line', line: first.line, like: first.line, text, safe: false } : undefined,
      },
    ),
  ];
}

export default { meta, check: copyrightHolder } satisfies Rule;
