// The rule registry: every rule, once. The ids, default severities, the header-scope and REUSE
// lists, SARIF's rule table, `ospo rules`, docs/rules/README.md and the policy schema's severity
// keys all derive from this array (the last two through scripts/rule-help.mjs).
// Each rule reads a parsed file and the policy in force for it, and returns findings with their
// default severities; check.ts applies the policy's severity table. docs/design/rules.md says how to add one.

import type { Severity } from '../findings';
import type { Check, Rule, RuleMeta } from './rule';
import aiChatbotArtifact from './ai-chatbot-artifact';
import aiForbidden from './ai-forbidden';
import aiGeneratedSemantics from './ai-generated-semantics';
import aiMarkerIncomplete from './ai-marker-incomplete';
import aiMarkerMalformed from './ai-marker-malformed';
import aiMarkerMissing from './ai-marker-missing';
import aiNonstandardMarker from './ai-nonstandard-marker';
import aiReviewerInvalid from './ai-reviewer-invalid';
import aiToolDenied from './ai-tool-denied';
import commitAiAttribution from './commit-ai-attribution';
import copyrightHolder from './copyright-holder';
import copyrightMissing from './copyright-missing';
import copyrightYear from './copyright-year';
import headerMisplaced from './header-misplaced';
import headerMissing from './header-missing';
import licenseDenied from './license-denied';
import licenseMismatch from './license-mismatch';
import licenseReview from './license-review';
import licenseTextMissing from './license-text-missing';
import licenseTextUnused from './license-text-unused';
import reuseInvalid from './reuse-invalid';
import snippetIncomplete from './snippet-incomplete';
import snippetUnbalanced from './snippet-unbalanced';
import spdxDeprecated from './spdx-deprecated';
import spdxInvalid from './spdx-invalid';
import spdxOperatorCase from './spdx-operator-case';
import thirdPartyHeader from './third-party-header';

export type { Check, Rule, RuleContext, RuleMeta } from './rule';

/**
 * Every rule. The order is SARIF's `ruleIndex` (a rule's position here), so a new rule goes last;
 * checkText runs the header rules first, then the others, each group in this order.
 */
export const rules = [
  headerMissing, headerMisplaced, spdxInvalid, spdxDeprecated, copyrightMissing,
  licenseDenied, licenseReview, licenseMismatch, copyrightHolder, copyrightYear, thirdPartyHeader,
  snippetUnbalanced, snippetIncomplete, aiForbidden, aiMarkerIncomplete, aiMarkerMalformed, aiToolDenied,
  aiReviewerInvalid, aiNonstandardMarker, aiGeneratedSemantics, aiChatbotArtifact, commitAiAttribution, aiMarkerMissing,
  licenseTextMissing, licenseTextUnused, reuseInvalid,
  spdxOperatorCase,
] as const;

export type RuleId = (typeof rules)[number]['meta']['id'];

const all: readonly Rule[] = rules;

export const ruleIds: readonly RuleId[] = all.map((r) => r.meta.id as RuleId);

export const defaultSeverity = Object.fromEntries(all.map((r) => [r.meta.id, r.meta.defaultSeverity])) as Readonly<Record<RuleId, Severity>>;

const byId = new Map(all.map((r) => [r.meta.id, r.meta]));

/** The metadata of a rule id (undefined for a string that is none). */
export function ruleMeta(id: string): RuleMeta | undefined {
  return byId.get(id);
}

const ids = (test: (m: RuleMeta) => boolean | undefined): ReadonlySet<RuleId> => new Set(ruleIds.filter((id) => test(byId.get(id)!)));

/** About the file's own license and copyright tags: moot when a REUSE.toml override replaces them. */
export const ownTagRules = ids((m) => m.ownTag);

/** What REUSE 3.3 asks for (`ospo check --reuse`). */
export const reuseRules = ids((m) => m.reuse);

/** Findings about the file as a whole, whatever line they sit on. */
export const wholeFileRules = ids((m) => m.wholeFile);

const checks = (header: boolean): Check[] => all.flatMap((r) => (r.check && !!r.meta.headerOnly === header ? [r.check] : []));

/** The checks of the rules that read only the license header: a scan limited to them reads only the top of each file. */
export const headerRules: readonly Check[] = checks(true);

/** Every file rule's check: the header rules, then the others. */
export const fileRules: readonly Check[] = [...headerRules, ...checks(false)];

/** Where a rule's page is published, for SARIF's `helpUri` and `ospo rules`. */
export function docsUrl(id: string): string {
  return `https://github.com/ospo-compliance/ospo-compliance/blob/main/docs/rules/${id}.md`;
}
