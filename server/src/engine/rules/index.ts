// The rule list. Each rule reads a parsed file and the policy in force for it, and returns
// findings with their default severities; check.ts applies the policy's severity table.

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { copyrightHolder } from './copyright-holder';
import { copyrightMissing } from './copyright-missing';
import { copyrightYear } from './copyright-year';
import { headerMissing } from './header-missing';
import { headerMisplaced } from './header-misplaced';
import { licenseDenied } from './license-denied';
import { licenseMismatch } from './license-mismatch';
import { licenseReview } from './license-review';
import { spdxDeprecated } from './spdx-deprecated';
import { spdxInvalid } from './spdx-invalid';
import { spdxOperatorCase } from './spdx-operator-case';
import { thirdPartyHeader } from './third-party-header';
import { snippetUnbalanced } from './snippet-unbalanced';
import { snippetIncomplete } from './snippet-incomplete';
import { aiForbidden } from './ai-forbidden';
import { aiMarkerIncomplete } from './ai-marker-incomplete';
import { aiMarkerMalformed } from './ai-marker-malformed';
import { aiToolDenied } from './ai-tool-denied';
import { aiReviewerInvalid } from './ai-reviewer-invalid';
import { aiNonstandardMarker } from './ai-nonstandard-marker';
import { aiChatbotArtifact } from './ai-chatbot-artifact';
import { aiMarkerMissing } from './ai-marker-missing';
import type { AiHistory } from '../ai/history';
import type { ReuseInput } from '../reuse/input';
import { licenseTextMissing } from './license-text-missing';

export interface RuleContext {
  currentYear: number;
  /** Today as YYYY-MM-DD, for review dates. */
  today?: string;
  /** AI commits that touched the file, from git history (computed by the caller, once per workspace). */
  aiHistory?: AiHistory;
  /** Whether an in-file AI marker (canonical or legacy) covers the file. */
  hasAiMarker: boolean;
  /** The project's REUSE metadata, when it follows REUSE. */
  reuse?: ReuseInput;
}

export type Rule = (file: SourceFile, policy: Policy, ctx: RuleContext) => Finding[];

/** Rules that read only the license header: a scan limited to them reads only the top of each file. */
export const headerRules: Rule[] = [
  headerMissing, headerMisplaced, spdxInvalid, spdxDeprecated, spdxOperatorCase, copyrightMissing,
  licenseDenied, licenseReview, licenseMismatch, copyrightHolder, copyrightYear, thirdPartyHeader, licenseTextMissing,
];

export const rules: Rule[] = [
  ...headerRules,
  snippetUnbalanced, snippetIncomplete,
  aiForbidden, aiMarkerMissing, aiMarkerIncomplete, aiMarkerMalformed, aiToolDenied, aiReviewerInvalid, aiNonstandardMarker, aiChatbotArtifact,
];
