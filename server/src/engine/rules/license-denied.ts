// license-denied: an expression that cannot be satisfied with allowed (or review-tier) licenses.

import type { Finding } from '../findings';
import { licenseTier } from '../license-tiers';
import { message } from '../messages';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { range } from '../text';
import { validLicenseTags } from './valid-licenses';

export function licenseDenied(file: SourceFile, policy: Policy): Finding[] {
  const l = policy.licenses;
  if (!l.allow.length && !l.deny.length && !l.review.length) return [];
  return validLicenseTags(file).flatMap((tag): Finding[] => {
    const result = licenseTier(tag.value, l);
    if (result.tier !== 'denied') return [];
    const where = policy.meta.url ?? policy.source;
    return [{
      rule: 'license-denied',
      severity: 'error',
      range: range(tag.line, tag.valueStart, tag.valueEnd),
      message: result.denied.length
        ? message('license-denied', { expression: tag.value, detail: ` (${result.denied.join(', ')})`, policy: where })
        : message('license-denied.not-allowed', { expression: tag.value, policy: where }),
    }];
  });
}
