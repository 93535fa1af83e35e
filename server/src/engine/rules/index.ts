// The rule list. Each rule reads a parsed file and the policy in force for it, and returns
// findings with their default severities; check.ts applies the policy's severity table.

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { copyrightHolder } from './copyright-holder';
import { copyrightMissing } from './copyright-missing';
import { copyrightYear } from './copyright-year';
import { headerMissing } from './header-missing';
import { licenseDenied } from './license-denied';
import { licenseMismatch } from './license-mismatch';
import { licenseReview } from './license-review';
import { spdxDeprecated } from './spdx-deprecated';
import { spdxInvalid } from './spdx-invalid';
import { thirdPartyHeader } from './third-party-header';

export interface RuleContext { currentYear: number }

export type Rule = (file: SourceFile, policy: Policy, ctx: RuleContext) => Finding[];

export const rules: Rule[] = [
  headerMissing, spdxInvalid, spdxDeprecated, copyrightMissing,
  licenseDenied, licenseReview, licenseMismatch, copyrightHolder, copyrightYear, thirdPartyHeader,
];
