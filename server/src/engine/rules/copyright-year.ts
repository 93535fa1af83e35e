// copyright-year: the years in our notices against headers.copyright.year. A year in the future is
// always wrong; otherwise only `current` makes a notice fail because a new year began.

import { holderMatches, looksLikeOurs, parseNotice } from '../copyright';
import type { Finding, FixData } from '../findings';
import { literalHolder, Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'copyright-year.future': 'Copyright year {year} is in the future',
  'copyright-year.current': 'Copyright year should include {year} (the policy asks for the current year)',
  'copyright-year.missing': 'Copyright notice has no year: the policy asks for one',
  'copyright-year.none': 'Copyright notice has a year, but the policy asks for none',
  'copyright-year.list': 'Copyright years should be one year or a range (first-last)',
};

const ja: Translations<typeof en> = {
  'copyright-year.future': '著作権表示の年 {year} が未来の年です',
  'copyright-year.current': '著作権表示の年に {year} を含めてください (ポリシーで現在の年が求められています)',
  'copyright-year.missing': '著作権表示に年がありません。ポリシーで年の記載が求められています',
  'copyright-year.none': '著作権表示に年がありますが、ポリシーでは年を記載しないことになっています',
  'copyright-year.list': '著作権表示の年は単一の年か範囲 (開始年-終了年) で記載してください',
};

export const meta = {
  id: 'copyright-year',
  scope: 'file',
  defaultSeverity: 'info',
  fixable: 'auto',
  headerOnly: true,
  ownTag: true,
  options: ['headers.copyright.year'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function copyrightYear(file: SourceFile, policy: Policy, ctx: { currentYear: number }): Finding[] {
  const { year: rule, holder } = policy.headers.copyright;
  const now = ctx.currentYear;
  const findings: Finding[] = [];
  // The notice that copyright-holder rewrites to our holder ("Example\u00a0Corp") is ours too: skipping
  // it left its year for a second fix-all to change (fuzz.test.ts, "fixAll is idempotent").
  const literal = literalHolder(holder);
  const notices = file.header.copyrights.map((tag) => parseNotice(tag.value));
  const rewritten =
    holder && literal && !notices.some((n) => holderMatches(n.holder, holder)) ? notices.findIndex((n) => looksLikeOurs(n.holder, literal)) : -1;
  for (const [i, tag] of file.header.copyrights.entries()) {
    const notice = notices[i];
    // Only our own notices: a third party's years are theirs to write.
    if (file.thirdParty || (holder && !holderMatches(notice.holder, holder) && i !== rewritten)) continue;
    const span = notice.yearSpan;
    const at = span ? range(tag.line, tag.valueStart + span[0], tag.valueStart + span[1]) : range(tag.line, tag.keyStart, tag.valueEnd);
    const replace = (text: string) => (span ? { kind: 'replace' as const, range: at, text, safe: true } : undefined);
    const first = notice.years[0];
    const last = Math.max(...notice.years);
    const report = (key: keyof typeof en, fix: FixData | undefined, args?: Record<string, string>) => findings.push(finding(meta, at, key, args, { fix }));
    // `none` first: fixing a future year to a range would leave a year that the next fix-all removes (fuzz.test.ts).
    if (rule === 'none' && span) {
      // Remove the years and the space after them.
      const r = range(tag.line, tag.valueStart + span[0], tag.valueStart + notice.holderSpan[0]);
      // Not when the years are all the notice holds: without them it is no notice at all (fuzz.test.ts).
      report('copyright-year.none', notice.holder ? { kind: 'replace', range: r, text: '', safe: true } : undefined);
    } else if (notice.years.some((y) => y > now)) {
      const fixed = first < now ? `${first}-${now}` : String(now);
      report('copyright-year.future', replace(fixed), { year: String(notice.years.find((y) => y > now)) });
    } else if ((rule === 'current' || rule === 'range-to-current') && !span) {
      report('copyright-year.missing', { kind: 'replace', range: range(tag.line, tag.valueStart, tag.valueStart), text: `${now} `, safe: true });
    } else if (rule === 'current' && last < now) {
      report('copyright-year.current', replace(`${first}-${now}`), { year: String(now) });
    } else if (rule === 'range-to-current' && notice.isList) {
      report('copyright-year.list', replace(`${first}-${last}`));
    }
  }
  return findings;
}

export default { meta, check: copyrightYear } satisfies Rule;
