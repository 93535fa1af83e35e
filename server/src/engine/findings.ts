// Findings are plain data: each output (LSP diagnostic, CLI text, JSON, SARIF) is an adapter over them.

import { message, type MessageArgs, type MessageKey } from './messages';
import type { RuleId } from './rules';
import type { Suppression } from './suppressions';
import type { Range } from './text';

export type { RuleId } from './rules';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

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
  /** `says` in the language of the process when the finding was made or last read from the scan cache. */
  message: string;
  /** The message as an id and its arguments: what the scan cache keeps, so it reads back in the language of the day. */
  says?: { key: MessageKey; args?: MessageArgs };
  fix?: FixData;
  /**
   * header-missing only: whether the file has a copyright notice of its own. REUSE.toml licensing,
   * applied after the check (the scan does it once the workers are done), needs it to tell whether
   * a file it gives a license still lacks a copyright.
   */
  ownCopyright?: boolean;
  /** Other fixes to offer beside `fix` (SPDX's candidates for a deprecated id): quick fixes only, never applied by fix-all. */
  alternatives?: FixData[];
  /**
   * license-denied, license-review and license-mismatch: the ids of the expression the finding is about
   * (those denied, those in review, those that are not the project's), as the tiers spell them
   * (`tierIds`). What a policy exception's `licenses:` is matched against (engine/exceptions.ts).
   */
  licenses?: string[];
  /**
   * Set when a policy exception covered the finding until it expired (engine/exceptions.ts): the
   * finding is reported again, and its message says so.
   */
  expiredException?: { id: string; expires: string };
  /**
   * Set when a suppression comment (engine/suppressions.ts), the baseline (engine/baseline.ts) or a
   * policy exception (engine/exceptions.ts) covers the finding: it is kept, for SARIF's `suppressions`, but does not fail a check and the
   * text outputs leave it out.
   */
  suppressed?: Suppression;
  /**
   * Findings on the same license expression that this one outranks (`withPrecedence` in check.ts):
   * shown as its related information, their fixes still offered and, when safe, applied by fix-all.
   */
  related?: Finding[];
}

/** The finding, and those folded into it, with their messages said again in the current language. */
export function saidAgain(f: Finding): Finding {
  const related = f.related?.map(saidAgain);
  const said = f.says && message(f.says.key, f.says.args);
  const text = said === undefined ? f.message : f.expiredException ? expiredMessage(said, f.expiredException) : said;
  // In the language it was made in, the finding as it is: its message stays the one string a scan's findings share.
  if (text === f.message && (!related || related.every((r, i) => r === f.related![i]))) return f;
  return related ? { ...f, message: text, related } : { ...f, message: text };
}

/** A finding's message with the note that the exception which covered it expired (engine/exceptions.ts). */
export function expiredMessage(text: string, expired: { id: string; expires: string }): string {
  return message('exception.expired-finding', { message: text, id: expired.id, date: expired.expires });
}

/** Each finding followed by those folded into it: what fixes are looked for in. */
export function withRelated(findings: readonly Finding[]): Finding[] {
  return findings.flatMap((f) => (f.related ? [f, ...f.related] : [f]));
}

/** A folded finding as its main one's related information says it, in the editor and in SARIF: `spdx-deprecated: …`. */
export const relatedMessage = (r: Finding) => `${r.rule}: ${r.message}`;

export const severityRank: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * Whether `ospo check` fails on these findings: one at or above `failOn` (`--fail-on`, default
 * error); a suppressed finding never does. The report's "compliant file" is a file this says is clean, so both count alike.
 */
export function failsAt(findings: readonly Finding[], failOn: Severity = 'error'): boolean {
  return findings.some((f) => !f.suppressed && severityRank[f.severity] >= severityRank[failOn]);
}
