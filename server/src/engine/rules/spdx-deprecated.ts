// spdx-deprecated: a deprecated SPDX id such as GPL-2.0+ or GPL-2.0. Where SPDX names one exact
// successor it is the fix fix-all applies; where it names candidates, each is offered and none applied.

import type { Finding, FixData } from '../findings';
import { message } from '../messages';
import type { SourceFile } from '../source-file';
import { ownLicenseTags } from '../source-file';
import { checkExpression } from '../spdx/check';
import { range } from '../text';

export function spdxDeprecated(file: SourceFile): Finding[] {
  return ownLicenseTags(file).flatMap((tag) =>
    checkExpression(tag.value).deprecations.map((d): Finding => {
      const r = range(tag.line, tag.valueStart + d.token.start, tag.valueStart + d.token.end);
      const base = { rule: 'spdx-deprecated' as const, severity: 'warning' as const, range: r };
      if (d.successor) {
        return { ...base, message: message('spdx-deprecated', { id: d.token.id, successor: d.successor }), fix: { kind: 'replace', range: r, text: d.successor, safe: true } };
      }
      if (d.candidates.length) {
        const [fix, ...alternatives] = d.candidates.map((text): FixData => ({ kind: 'replace', range: r, text, safe: false }));
        return {
          ...base, fix, alternatives: alternatives.length ? alternatives : undefined,
          message: message('spdx-deprecated.candidates', { id: d.token.id, candidates: d.candidates.map((c) => `'${c}'`).join(', ') }),
        };
      }
      return { ...base, message: message('spdx-deprecated.no-successor', { id: d.token.id }) };
    }),
  );
}
