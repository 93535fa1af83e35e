// The engine's entry point: text in, findings out. Pure: no file system, no editor, no clock.

import { exemptReason } from './coverage';
import type { Finding } from './findings';
import type { Policy } from './policy';
import { rules } from './rules';
import { parseSourceFile, SourceFile } from './source-file';

export interface CheckInput {
  /** Path relative to the workspace folder, with `/` separators; rules and overrides match on it. */
  path: string;
  text: string;
  /** Contents of `<path>.license`, when that file exists. */
  sidecarText?: string;
}

export interface CheckResult {
  findings: Finding[];
  /** Set when the file is not checked at all, with the reason. */
  exempt?: string;
  file?: SourceFile;
}

export function checkText(input: CheckInput, policy: Policy): CheckResult {
  const exempt = exemptReason(input.path);
  if (exempt) return { findings: [], exempt };
  if (input.text.length === 0 || /^\uFEFF?\s*$/.test(input.text)) return { findings: [], exempt: 'empty file' };
  const file = parseSourceFile(input.path, input.text, policy, input.sidecarText);
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const finding of rule(file, policy)) {
      const severity = policy.severity[finding.rule] ?? finding.severity;
      if (severity !== 'off') findings.push({ ...finding, severity });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings, file };
}
