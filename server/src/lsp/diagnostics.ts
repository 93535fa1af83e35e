// Findings to LSP diagnostics, and the check of one open document.

import { slashed } from '../io/fs-paths';
import { todayIso } from '../engine/dates';
import * as path from 'node:path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, CheckResult, startSuffices, type CheckInput } from '../engine/check';
import type { Policy } from '../engine/policy/model';
import { headerWindowBytes } from '../scan/check-file';
import { LineDocument } from './line-document';
import { relatedMessage, type Finding, type Severity } from '../engine/findings';
import type { PolicyProblem } from '../engine/policy/parse';
import { defaultMaxBytes, readSidecar } from '../io/read-file';
import { sizeReason, skipText } from '../engine/coverage';
import { allCommitTrailerKeys } from '../engine/ai/history';
import type { FolderState } from './folders';
import { DiagnosticSource } from '../../../shared/protocol';
import { docsUrl } from '../engine/rules';
import type { ReuseInput } from '../engine/reuse/input';
import { checkInput, insideFolder } from '../io/check-input';
import { isBaselineError, parseBaseline } from '../engine/baseline';
import { message } from '../engine/messages';
import type { Display } from './settings';

const lspSeverity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `uri`: the document's, where the findings folded into this one (`related`, check.ts withPrecedence) are shown as its related information. */
export function toDiagnostic(f: Finding, uri?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: f.range,
    severity: lspSeverity[f.severity],
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule) },
    source: DiagnosticSource,
    message: f.message,
  };
  if (uri && f.related?.length) diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: relatedMessage(r) }));
  return diagnostic;
}

/**
 * A check's findings as diagnostics: those a suppression comment covers are not shown (the comment
 * asked for that); those the baseline or a policy exception covers are shown at `display.baselineSeverity`
 * (`ospo.suppressedSeverity`), saying which, never hidden (docs/design/suppressions.md); the rest at the severity
 * `display.rules` (`ospo.rules`) gives their rule, or hidden when it says `off`. Display only: what
 * `ospo check` enforces is unchanged.
 */
export function diagnosticsOf(findings: readonly Finding[], display: Display = { baselineSeverity: 'hint', rules: {} }, uri?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const shown = display.rules[f.rule];
    if (f.suppressed?.kind === 'inSource' || shown === 'off') continue;
    if (f.suppressed) {
      // Says why it is quiet: a hint alone looks like a different, milder problem.
      const why = f.suppressed.exception
        ? message('lsp.excepted', { message: f.message, justification: f.suppressed.justification ?? f.suppressed.exception })
        : message('lsp.baselined', { message: f.message });
      out.push(toDiagnostic({ ...f, severity: display.baselineSeverity, message: why }, uri));
      continue;
    }
    const severity = shown ?? f.severity;
    out.push(toDiagnostic(severity === f.severity ? f : { ...f, severity }, uri));
  }
  return out;
}

/** The code of the diagnostic a baseline file gets when it cannot be read. Not a rule: no page, no setting. */
export const baselineInvalidCode = 'baseline-invalid';

/** The baseline file's own diagnostic: what is wrong with its text, at the place, if anything. */
export function baselineDiagnostics(doc: TextDocument): Diagnostic[] {
  const parsed = parseBaseline(doc.getText());
  if (!isBaselineError(parsed)) return [];
  const start = doc.positionAt(parsed.offset ?? 0);
  return [
    {
      range: { start, end: { line: start.line, character: start.character + 1 } },
      severity: DiagnosticSeverity.Error,
      code: baselineInvalidCode,
      source: DiagnosticSource,
      message: message('lsp.baseline.invalid', { error: parsed.error }),
    },
  ];
}

export function policyDiagnostic(p: PolicyProblem): Diagnostic {
  return {
    range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : p.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: 'policy-invalid',
    codeDescription: { href: docsUrl('policy-invalid') },
    source: DiagnosticSource,
    message: p.message,
  };
}

/** The path rules see: relative to the workspace folder, with `/` separators. */
export function rulePath(state: FolderState, fsPath: string): string {
  return slashed(path.relative(state.root, fsPath));
}

export interface DocumentCheck {
  result: CheckResult;
  sidecarText?: string;
  generated: boolean;
  /** Set when the check itself failed (a bug, not the content's fault): the message for the `internal-error` diagnostic. */
  internalError?: string;
}

/** The code of the one diagnostic a document gets when checking it failed. Not a rule: no page, no setting. */
export const internalErrorCode = 'internal-error';

/** The diagnostic that stands for a failed check, at the top of the file, so the user knows the findings are missing. */
export function internalErrorDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: internalErrorCode,
    source: DiagnosticSource,
    message: `OSPO could not check this file (internal error: ${message}). See the OSPO Compliance output for details.`,
  };
}

/**
 * TEST ONLY: when the environment variable OSPO_TEST_CRASH_ON names a file's basename, checking
 * that document throws, so tests can prove a crash in one file's check is contained. Read where it
 * is used: the production build defines the variable as undefined (scripts/build.mjs), and the
 * minifier then drops this code from the shipped bundle.
 */
function testCrash(fsPath: string): void {
  const name = process.env.OSPO_TEST_CRASH_ON;
  if (name && path.basename(fsPath) === name) throw new Error(`test crash on ${name} (OSPO_TEST_CRASH_ON)`);
}

/** Documents whose failure or skip was logged, with the version logged, so typing does not flood the log. */
const logged = new Map<string, string>();

function logOnce(doc: TextDocument, what: string, log: (m: string) => void, m: string): void {
  const key = `${what}@${doc.version}`;
  if (logged.get(doc.uri) === key) return;
  // Only the last entry per document is kept: a bounded map for a long session.
  if (logged.size > 1000) logged.clear();
  logged.set(doc.uri, key);
  log(m);
}

/**
 * Each open document's last check, with what it was made of: the version, the policy and REUSE input
 * in force (replaced, never changed, when they change), the sidecar, and the AI commits (the same
 * objects while the history is not read again). The findings are shared: callers never change them.
 */
const lastChecks = new WeakMap<TextDocument, { inputs: unknown[]; result: CheckResult }>();

/**
 * The findings of a long document from its first lines alone, when those are the whole text's findings
 * (engine/check.ts startSuffices): a keystroke then joins and checks a few KB, not the whole text
 * (docs/design/performance.md). Findings only: the result has no `file`, which fixes and hovers need whole.
 * `maxChars` is the start's size (tests make it small).
 */
export function checkStart(doc: TextDocument, input: (text: string) => CheckInput, policy: Policy, maxChars = headerWindowBytes): CheckResult | undefined {
  const start = doc instanceof LineDocument ? doc.start(maxChars) : undefined;
  if (!start || start.restMatters) return undefined;
  const result = checkText(input(start.text), policy);
  return startSuffices(result, () => start.restHoldsLicenseKey) ? { ...result, file: undefined } : undefined;
}

export async function checkDocument(
  doc: TextDocument,
  fsPath: string,
  state: FolderState,
  log: (m: string) => void,
  reuse?: ReuseInput,
  findingsOnly = false,
): Promise<DocumentCheck> {
  let sidecarText: string | undefined;
  let generated = false;
  try {
    const relPath = rulePath(state, fsPath);
    const inside = insideFolder(relPath);
    if (inside && state.policy.files.respectGitignore && (await state.git.isIgnored(relPath))) {
      return { result: { findings: [], exempt: { id: 'git-ignored' } }, generated: false };
    }
    let aiHistory;
    [sidecarText, generated, aiHistory] = await Promise.all([
      readSidecar(fsPath),
      inside ? state.git.isGenerated(relPath) : false,
      inside ? state.history.forFile(relPath, allCommitTrailerKeys(state.policy)) : undefined,
    ]);
    // Same limit as the CLI and the workspace scan (read-file.ts): a huge buffer is not checked as you type.
    const length = doc instanceof LineDocument ? doc.textLength : doc.getText().length;
    if (length > defaultMaxBytes) {
      const reason = sizeReason(defaultMaxBytes);
      logOnce(doc, 'skipped', log, `Skipped ${fsPath}: ${skipText(reason, 'en')} (${length} characters)`);
      return { result: { findings: [], exempt: reason }, sidecarText, generated };
    }
    if (process.env.OSPO_TEST_CRASH_ON) testCrash(fsPath);
    // Diagnostics, hover, code lens and code actions all ask for the same version: it is checked once.
    // Today too, in local time as the rules read it: the copyright-year rule reads the year, AI review dates the day.
    const now = new Date();
    const today = `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
    // And the day in UTC, on which policy exceptions expire (engine/exceptions.ts), as in the CLI.
    const inputs = [doc.version, today, todayIso(now), relPath, state.policy, reuse, sidecarText, generated, ...(aiHistory?.commits ?? [undefined])];
    const last = lastChecks.get(doc);
    if (last && last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i])) return { result: last.result, sidecarText, generated };
    const input = (text: string) => checkInput({ path: relPath, text, sidecarText, generated, aiHistory, reuse, undecodable: undefined });
    const fromStart = findingsOnly ? checkStart(doc, input, state.policy) : undefined;
    if (fromStart) return { result: fromStart, sidecarText, generated };
    const result = checkText(input(doc.getText()), state.policy);
    lastChecks.set(doc, { inputs, result });
    return { result, sidecarText, generated };
  } catch (err) {
    // The engine is meant never to throw on content; if it does, one file loses its findings (and
    // shows one internal-error diagnostic instead), not the server.
    logOnce(doc, 'failed', log, `Checking ${fsPath} failed: ${(err as Error).stack ?? err}`);
    return { result: { findings: [] }, sidecarText, generated, internalError: (err as Error)?.message ?? String(err) };
  }
}
