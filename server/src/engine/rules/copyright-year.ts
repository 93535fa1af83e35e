// copyright-year: the years in our notices against headers.copyright.year. A year in the future is
// always wrong; otherwise only `current` makes a notice fail because a new year began.

import { holderMatches, parseNotice } from '../copyright';
import type { Finding } from '../findings';
import { message } from '../messages';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';

export function copyrightYear(file: SourceFile, policy: Policy, ctx: { currentYear: number }): Finding[] {
  const { year: rule, holder } = policy.headers.copyright;
  const now = ctx.currentYear;
  const findings: Finding[] = [];
  for (const tag of file.header.copyrights) {
    const notice = parseNotice(tag.value);
    // Only our own notices: a third party's years are theirs to write.
    if (file.thirdParty || (holder && !holderMatches(notice.holder, holder))) continue;
    const span = notice.yearSpan;
    const at = span ? range(tag.line, tag.valueStart + span[0], tag.valueStart + span[1]) : range(tag.line, tag.keyStart, tag.valueEnd);
    const replace = (text: string) => (span ? { kind: 'replace' as const, range: at, text, safe: true } : undefined);
    const first = notice.years[0];
    const last = Math.max(...notice.years);
    const base = { rule: 'copyright-year' as const, severity: 'info' as const, range: at };
    if (notice.years.some((y) => y > now)) {
      const fixed = first < now ? `${first}-${now}` : String(now);
      findings.push({ ...base, message: message('copyright-year.future', { year: String(notice.years.find((y) => y > now)) }), fix: replace(fixed) });
    } else if (rule === 'none' && span) {
      // Remove the years and the space after them.
      const r = range(tag.line, tag.valueStart + span[0], tag.valueStart + notice.holderSpan[0]);
      findings.push({ ...base, message: message('copyright-year.none'), fix: { kind: 'replace', range: r, text: '', safe: true } });
    } else if ((rule === 'current' || rule === 'range-to-current') && !span) {
      findings.push({ ...base, message: message('copyright-year.missing'), fix: { kind: 'replace', range: range(tag.line, tag.valueStart, tag.valueStart), text: `${now} `, safe: true } });
    } else if (rule === 'current' && last < now) {
      findings.push({ ...base, message: message('copyright-year.current', { year: String(now) }), fix: replace(`${first}-${now}`) });
    } else if (rule === 'range-to-current' && notice.isList) {
      findings.push({ ...base, message: message('copyright-year.list'), fix: replace(`${first}-${last}`) });
    }
  }
  return findings;
}
