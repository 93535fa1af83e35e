// The rule list. Each rule reads a parsed file and the policy and returns findings with default severities.

import type { Finding } from '../findings';
import type { Policy } from '../policy';
import type { SourceFile } from '../source-file';
import { copyrightMissing } from './copyright-missing';
import { headerMissing } from './header-missing';
import { spdxDeprecated } from './spdx-deprecated';
import { spdxInvalid } from './spdx-invalid';

export type Rule = (file: SourceFile, policy: Policy) => Finding[];

export const rules: Rule[] = [headerMissing, spdxInvalid, spdxDeprecated, copyrightMissing];
