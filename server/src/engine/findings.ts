// Findings are plain data: each output (LSP diagnostic, CLI text, JSON, SARIF) is an adapter over them.

import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const ruleIds = [
  'header-missing', 'header-misplaced', 'spdx-invalid', 'spdx-deprecated', 'copyright-missing',
  'license-denied', 'license-review', 'license-mismatch', 'copyright-holder', 'copyright-year', 'third-party-header',
  'snippet-unbalanced', 'snippet-incomplete', 'ai-forbidden', 'ai-marker-incomplete', 'ai-marker-malformed', 'ai-tool-denied',
  'ai-reviewer-invalid', 'ai-nonstandard-marker', 'ai-generated-semantics', 'ai-chatbot-artifact', 'commit-ai-attribution', 'ai-marker-missing',
  'license-text-missing', 'license-text-unused', 'reuse-invalid',
  // Last: SARIF's ruleIndex is the position in this list.
  'spdx-operator-case',
] as const;
export type RuleId = (typeof ruleIds)[number];

export const defaultSeverity: Record<RuleId, Severity> = {
  'header-missing': 'error',
  'header-misplaced': 'info',
  'spdx-invalid': 'error',
  'spdx-deprecated': 'warning',
  'spdx-operator-case': 'info',
  'copyright-missing': 'warning',
  'license-denied': 'error',
  'license-review': 'warning',
  'license-mismatch': 'warning',
  'copyright-holder': 'warning',
  'copyright-year': 'info',
  'third-party-header': 'error',
  'snippet-unbalanced': 'error',
  'snippet-incomplete': 'warning',
  'ai-forbidden': 'error',
  'ai-marker-incomplete': 'warning',
  'ai-marker-malformed': 'warning',
  'ai-tool-denied': 'error',
  'ai-reviewer-invalid': 'warning',
  'ai-nonstandard-marker': 'info',
  'ai-generated-semantics': 'warning',
  'ai-chatbot-artifact': 'warning',
  'commit-ai-attribution': 'error',
  'ai-marker-missing': 'warning',
  'license-text-missing': 'warning',
  'license-text-unused': 'warning',
  'reuse-invalid': 'error',
};

/** What a fix needs to know, carried in `Diagnostic.data` so code actions need not re-derive it. */
export type FixData =
  | { kind: 'insert-header' }
  | { kind: 'insert-license' }
  | { kind: 'insert-copyright' }
  | { kind: 'replace'; range: Range; text: string; safe: boolean }
  /** Insert a whole line before `line`, shaped like the tag line `like` (same comment lead and closer). */
  | { kind: 'insert-line'; line: number; like: number; text: string; safe: boolean }
  /** Insert several `Key: value` tag lines before `line`, each shaped like the tag line `like` (anywhere in the file). */
  | { kind: 'insert-lines'; line: number; like: number; lines: string[]; safe: boolean }
  /** Delete whole lines; fix-all applies it unless `safe` is false. */
  | { kind: 'delete-lines'; lines: number[]; safe?: boolean }
  /** Create `LICENSES/<id>.txt` from the license text shipped with the extension: another file, so never part of fix-all. */
  | { kind: 'create-license-text'; id: string };

export interface Finding {
  rule: RuleId;
  severity: Severity;
  range: Range;
  message: string;
  fix?: FixData;
  /**
   * header-missing only: whether the file has a copyright notice of its own. REUSE.toml licensing,
   * applied after the check (the scan does it once the workers are done), needs it to tell whether
   * a file it gives a license still lacks a copyright.
   */
  ownCopyright?: boolean;
  /** Other fixes to offer beside `fix` (SPDX's candidates for a deprecated id): quick fixes only, never applied by fix-all. */
  alternatives?: FixData[];
}

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * Whether `ospo check` fails on these findings: one at or above `failOn` (`--fail-on`, default
 * error). The report's "compliant file" is a file this says is clean, so both count alike.
 */
export function failsAt(findings: readonly Finding[], failOn: Severity = 'error'): boolean {
  return findings.some((f) => severityRank[f.severity] >= severityRank[failOn]);
}
