// Commit messages (COMMIT_EDITMSG, MERGE_MSG: `git commit` with the editor as GIT_EDITOR) are not
// source files: main.ts routes them here instead of to checkDocument, which exempts `.git/` and
// would ask a `git-commit` document elsewhere for a license header. The logic is in engine/ai/
// (commit-rule.ts, trailers.ts, trailer-completion.ts).

import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  CompletionItem,
  CompletionItemKind,
  Diagnostic,
  InsertTextFormat,
  Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkCommitMessage, commitFixAll, commitFixTitle, commitRuleIds } from '../engine/ai/commit-rule';
import { trailerCompletion } from '../engine/ai/trailer-completion';
import { message } from '../engine/messages';
import type { Policy } from '../engine/policy/model';
import { toDiagnostic } from './diagnostics';
import { DiagnosticSource, FixAllKind } from '../../../shared/protocol';

export { commitRepoRoot, isCommitMessagePath } from '../engine/ai/commit-rule';
import { sameRange, wantsKind } from './code-actions';

export function commitDiagnostics(doc: TextDocument, policy: Policy): Diagnostic[] {
  // The fix travels in `data`, so code actions need not re-derive it (docs/design/architecture.md); the code actions below recompute it from the current text anyway.
  return checkCommitMessage(doc.getText(), policy).map((f) => ({ ...toDiagnostic(f), data: f.fix }));
}

/** "Rewrite as '<trailer>'" (preferred) for our diagnostics in range, and source.fixAll.ospo when asked for. */
export function commitCodeActions(params: CodeActionParams, doc: TextDocument, policy: Policy): CodeAction[] {
  const actions: CodeAction[] = [];
  const only = params.context.only;
  const text = doc.getText();
  // Findings of the current text, so a stale diagnostic never yields a stale edit.
  const findings = checkCommitMessage(text, policy);
  if (wantsKind(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DiagnosticSource || !commitRuleIds.has(String(diagnostic.code))) continue;
      const finding = findings.find((f) => sameRange(diagnostic, f));
      if (finding?.fix?.kind !== 'replace') continue;
      actions.push({
        title: commitFixTitle(finding),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [{ range: finding.fix.range, newText: finding.fix.text }] } },
      });
    }
  }
  if (only && wantsKind(only, FixAllKind)) {
    const edits = commitFixAll(text, policy);
    if (edits.length) actions.push({ title: message('fix.all'), kind: FixAllKind, edit: { changes: { [doc.uri]: edits } } });
  }
  return actions;
}

/** The policy's AI trailer (`Assisted-by: AGENT:MODEL`) on an empty line or a started key in the trailer block. */
export function commitCompletions(doc: TextDocument, position: Position, policy: Policy): CompletionItem[] {
  const items = trailerCompletion(doc.getText(), position.line, policy);
  const lineText = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  // Replace the whole line (the typed part of the key included), whatever the language's word pattern.
  const range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: lineText.length } };
  return items.map((item, i) => ({
    label: item.label,
    kind: CompletionItemKind.Snippet,
    detail: item.detail,
    documentation: { kind: 'markdown', value: '```\n' + item.insertText.replace(/\$\{\d+[:|]([^}]*?)\|?\}/g, '$1') + '\n```' },
    filterText: item.label,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: item.insertText },
    preselect: i === 0,
    sortText: String(i).padStart(2, '0'),
  }));
}
