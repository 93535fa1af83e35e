// Findings to LSP diagnostics, and the check of one open document.

import * as path from 'node:path';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, CheckResult } from '../engine/check';
import type { Finding, Severity } from '../engine/findings';
import type { PolicyProblem } from '../engine/policy/parse';
import { readSidecar } from '../io/read-file';
import { allCommitTrailerKeys } from '../engine/ai-trailers';
import type { FolderState } from './folders';
import { DiagnosticSource } from './protocol';
import type { ReuseInput } from '../engine/reuse/input';

const docsBase = 'https://github.com/ospo-compliance/ospo-compliance/blob/main/docs/rules';

const lspSeverity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: lspSeverity[f.severity],
    code: f.rule,
    codeDescription: { href: `${docsBase}/${f.rule}.md` },
    source: DiagnosticSource,
    message: f.message,
  };
}

export function policyDiagnostic(p: PolicyProblem): Diagnostic {
  return {
    range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: 'policy-invalid',
    codeDescription: { href: `${docsBase}/policy-invalid.md` },
    source: DiagnosticSource,
    message: p.message,
  };
}

/** The path rules see: relative to the workspace folder, with `/` separators. */
export function rulePath(state: FolderState, fsPath: string): string {
  return path.relative(state.root, fsPath).split(path.sep).join('/');
}

export interface DocumentCheck { result: CheckResult; sidecarText?: string; generated: boolean }

export async function checkDocument(doc: TextDocument, fsPath: string, state: FolderState, log: (m: string) => void, reuse?: ReuseInput): Promise<DocumentCheck> {
  const relPath = rulePath(state, fsPath);
  const inside = !relPath.startsWith('../');
  if (inside && state.policy.files.respectGitignore && await state.git.isIgnored(relPath)) {
    return { result: { findings: [], exempt: 'ignored by git' }, generated: false };
  }
  const [sidecarText, generated, aiHistory] = await Promise.all([
    readSidecar(fsPath),
    inside ? state.git.isGenerated(relPath) : false,
    inside ? state.history.forFile(relPath, allCommitTrailerKeys(state.policy)) : undefined,
  ]);
  try {
    return { result: checkText({ path: relPath, text: doc.getText(), sidecarText, generated, aiHistory, reuse: inside ? reuse : undefined }, state.policy), sidecarText, generated };
  } catch (err) {
    // The engine is meant never to throw on content; if it does, one file loses its findings, not the server.
    log(`Checking ${fsPath} failed: ${(err as Error).stack ?? err}`);
    return { result: { findings: [] }, sidecarText, generated };
  }
}
