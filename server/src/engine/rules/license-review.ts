// license-review: a review-tier license without evidence of the review (licenses.reviewEvidence)
// in the header block.

import type { Finding } from '../findings';
import { licenseTier } from '../license-tiers';
import type { Policy } from '../policy/model';
import { compilePolicyRegex } from '../policy/safe-regex';
import type { SourceFile } from '../source-file';
import { currentExpression, currentIdIn } from '../spdx/check';
import { range } from '../text';
import { validLicenseTags } from './valid-licenses';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'license-review': "License '{expression}' needs review evidence ({ids}): add a reference matching '{pattern}' to the header",
  'license-review.no-pattern': "License '{expression}' is in the policy's review tier ({ids}): ask the OSPO for a review",
};

const ja: Translations<typeof en> = {
  'license-review': "ライセンス '{expression}' にはレビューの証跡が必要です ({ids})。'{pattern}' に一致する参照をヘッダーに追加してください",
  'license-review.no-pattern': "ライセンス '{expression}' はポリシーでレビュー対象です ({ids})。OSPO にレビューを依頼してください",
};

export const meta = {
  id: 'license-review',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  headerOnly: true,
  ownTag: true,
  options: ['licenses.review', 'licenses.reviewEvidence'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function licenseReview(file: SourceFile, policy: Policy): Finding[] {
  const l = policy.licenses;
  if (!l.review.length) return [];
  const evidence = l.reviewEvidence ? compilePolicyRegex(l.reviewEvidence, 'search') : undefined;
  const header = file.header.text.lines.slice(0, file.header.end).join('\n');
  if (evidence?.test(header)) return [];
  return validLicenseTags(file).flatMap((tag): Finding[] => {
    const result = licenseTier(tag.value, l);
    if (result.tier !== 'review') return [];
    const ids = result.review.map((id) => currentIdIn(tag.value, id)).join(', ');
    const expression = currentExpression(tag.value);
    const at = range(tag.line, tag.valueStart, tag.valueEnd);
    const licenses = result.review.map((id) => currentIdIn(tag.value, id));
    if (!l.reviewEvidence) return [finding(meta, at, 'license-review.no-pattern', { expression, ids }, { fix: undefined, licenses })];
    return [
      finding(
        meta,
        at,
        'license-review',
        { expression, ids, pattern: l.reviewEvidence },
        {
          // A skeleton for the reviewer to complete; it does not satisfy the pattern until they do.
          fix: { kind: 'insert-line', line: tag.line + 1, like: tag.line, text: 'SPDX-FileComment: License review: <evidence>', safe: false },
          licenses,
        },
      ),
    ];
  });
}

export default { meta, check: licenseReview } satisfies Rule;
