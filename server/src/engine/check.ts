// The engine's entry point: text in, findings out. Pure: no file system, no editor.

import { exemptReason } from './coverage';
import type { Finding } from './findings';
import { isCovered, isThirdParty } from './paths';
import type { Policy } from './policy/model';
import { policyForPath } from './policy/overrides';
import { rules } from './rules';
import { parseSourceFile, SourceFile } from './source-file';

export interface CheckInput {
  /** Path relative to the workspace folder, with `/` separators; rules and overrides match on it. */
  path: string;
  text: string;
  /** Contents of `<path>.license`, when that file exists. */
  sidecarText?: string;
  /** Marked generated outside the file (`linguist-generated` in .gitattributes). */
  generated?: boolean;
  /** The year copyright rules compare with; defaults to this year. */
  currentYear?: number;
}

export interface CheckResult {
  findings: Finding[];
  /** Set when the file is not checked at all, with the reason. */
  exempt?: string;
  file?: SourceFile;
  /** The policy in force for this path, after overrides. */
  policy?: Policy;
}

// Only the top of a file is read for these markers, like the header itself.
const generatedMarker = /@generated\b|Code generated .* DO NOT EDIT\./;

export function isGeneratedText(text: string): boolean {
  return generatedMarker.test(text.slice(0, 4096));
}

export function checkText(input: CheckInput, basePolicy: Policy): CheckResult {
  const exempt = exemptReason(input.path);
  if (exempt) return { findings: [], exempt };
  const policy = policyForPath(basePolicy, input.path);
  if (!isCovered(input.path, policy)) return { findings: [], exempt: 'excluded by files.include/exclude', policy };
  if (input.text.length === 0 || /^\uFEFF?\s*$/.test(input.text)) return { findings: [], exempt: 'empty file', policy };
  if (policy.files.generated === 'exempt' && (input.generated || isGeneratedText(input.text))) {
    return { findings: [], exempt: 'generated file', policy };
  }
  const file = parseSourceFile(input.path, input.text, policy, input.sidecarText, isThirdParty(input.path, policy));
  const ctx = { currentYear: input.currentYear ?? new Date().getFullYear() };
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const finding of rule(file, policy, ctx)) {
      const severity = policy.severity[finding.rule] ?? finding.severity;
      if (severity !== 'off') findings.push({ ...finding, severity });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings, file, policy };
}
