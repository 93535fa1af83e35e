// spdx-deprecated: a deprecated SPDX id such as GPL-2.0+ or GPL-2.0. Where SPDX names one exact
// successor it is the fix fix-all applies; where it names candidates, each is offered and none applied.

import type { Finding, FixData } from '../findings';
import type { SourceFile } from '../source-file';
import { ownLicenseTags } from '../source-file';
import { checkExpression } from '../spdx/check';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'spdx-deprecated': "Deprecated SPDX license id '{id}': use '{successor}'",
  'spdx-deprecated.no-successor': "Deprecated SPDX license id '{id}': choose a current id from the SPDX license list",
  'spdx-deprecated.candidates': "Deprecated SPDX license id '{id}': SPDX names no exact successor; check the license text against {candidates}",
};

const ja: Translations<typeof en> = {
  'spdx-deprecated': "SPDX ライセンス識別子 '{id}' は非推奨です。'{successor}' を使用してください",
  'spdx-deprecated.no-successor': "SPDX ライセンス識別子 '{id}' は非推奨です。SPDX ライセンスリストから現行の識別子を選んでください",
  'spdx-deprecated.candidates':
    "SPDX ライセンス識別子 '{id}' は非推奨です。SPDX は完全に同等な後継を定めていません。ライセンス本文を {candidates} と照合してください",
};

export const meta = {
  id: 'spdx-deprecated',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'auto',
  headerOnly: true,
  ownTag: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function spdxDeprecated(file: SourceFile): Finding[] {
  return ownLicenseTags(file).flatMap((tag) =>
    checkExpression(tag.value).deprecations.map((d): Finding => {
      const r = range(tag.line, tag.valueStart + d.token.start, tag.valueStart + d.token.end);
      if (d.successor) {
        return finding(
          meta,
          r,
          'spdx-deprecated',
          { id: d.token.id, successor: d.successor },
          { fix: { kind: 'replace', range: r, text: d.successor, safe: true } },
        );
      }
      if (d.candidates.length) {
        const [fix, ...alternatives] = d.candidates.map((text): FixData => ({ kind: 'replace', range: r, text, safe: false }));
        const candidates = d.candidates.map((c) => `'${c}'`).join(', ');
        return finding(
          meta,
          r,
          'spdx-deprecated.candidates',
          { id: d.token.id, candidates },
          { fix, alternatives: alternatives.length ? alternatives : undefined },
        );
      }
      return finding(meta, r, 'spdx-deprecated.no-successor', { id: d.token.id });
    }),
  );
}

export default { meta, check: spdxDeprecated } satisfies Rule;
