// Quick fixes for our diagnostics and the source.fixAll.ospo action. Edits come from the engine's
// fixer, computed against the document's current text, so a stale diagnostic never yields a stale edit.

import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../engine/check';
import type { FixContext } from '../engine/context';
import { withRelated, type Finding } from '../engine/findings';
import { editsFor, fixAll, fixTitle } from '../engine/fixes';
import { message } from '../engine/messages';
import type { Policy } from '../engine/policy/model';
import type { SourceFile } from '../engine/source-file';
import { DiagnosticSource, FixAllKind } from '../../../shared/protocol';
import type { ReuseInput } from '../engine/reuse/input';
import { checkInput } from '../io/check-input';
import { directiveRule, suppressionEdit } from '../engine/suppressions';
import { ruleMeta } from '../engine/rules';
import { diagnosticsOf } from './diagnostics';
import type { Display } from './settings';

export const sameRange = (d: Diagnostic, f: Finding) =>
  d.range.start.line === f.range.start.line &&
  d.range.start.character === f.range.start.character &&
  d.range.end.line === f.range.end.line &&
  d.range.end.character === f.range.end.character;

export function wantsKind(only: string[] | undefined, kind: string): boolean {
  if (!only) return kind === CodeActionKind.QuickFix;
  return only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/**
 * The request's diagnostics of ours; when it carries none, the findings at the requested range as the
 * diagnostics they are shown as. VS Code asks with an empty context before our diagnostics have arrived
 * (its first lightbulb request on a file just opened, seen in the LSP trace in code-server), and a client
 * may not send them at all: the document is checked again here anyway, so what it finds there is what to offer.
 * Shown as `display` (ospo.rules) shows them: a rule turned off has no diagnostic, so no fix either.
 */
function ownDiagnostics(params: CodeActionParams, result: CheckResult, uri: string, display: Display): Diagnostic[] {
  const given = params.context.diagnostics.filter((d) => d.source === DiagnosticSource);
  if (given.length) return given;
  const { start, end } = params.range;
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return diagnosticsOf(result.findings, display, uri).filter((d) => !before(d.range.end, start) && !before(end, d.range.start));
}

export function codeActions(
  params: CodeActionParams,
  doc: TextDocument,
  result: CheckResult,
  policy: Policy,
  ctx: FixContext,
  sidecarText: string | undefined,
  generated: boolean,
  display: Display,
  reuse?: ReuseInput,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const file = result.file;
  if (!file) return actions;
  const only = params.context.only;
  if (wantsKind(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of ownDiagnostics(params, result, doc.uri, display)) {
      const main = result.findings.find((f) => f.rule === diagnostic.code && sameRange(diagnostic, f));
      // The fixes of the findings folded into this one (check.ts withPrecedence) too: a deprecated id is still replaced.
      const offered = withRelated(main ? [main] : []).flatMap((f) => (f.fix ? [f.fix, ...(f.alternatives ?? [])].map((fix) => ({ ...f, fix })) : []));
      for (const one of offered) {
        const fix = one.fix;
        const edits = editsFor(one, file, result.policy ?? policy, ctx);
        if (!edits.length) continue;
        actions.push({
          title: fixTitle(one),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          // A replacement guessed from prose is offered but not preferred: the user should read it first.
          isPreferred: fix.kind !== 'replace' || fix.safe,
          edit: { changes: { [doc.uri]: edits } },
        });
      }
      actions.push(...disableActions(doc, file, diagnostic, result.policy ?? policy));
    }
  }
  // Fix-all is only computed when asked for, so saving with codeActionsOnSave never waits on quick fixes.
  if (only && wantsKind(only, FixAllKind)) {
    // No AI history: the rule that reads it (ai-marker-missing) has no fix.
    const edits = fixAll(
      checkInput({ path: file.path, text: doc.getText(), sidecarText, generated, reuse, aiHistory: undefined, undecodable: undefined }),
      policy,
      ctx,
    );
    if (edits.length) actions.push({ title: message('fix.all'), kind: FixAllKind, edit: { changes: { [doc.uri]: edits } } });
  }
  return actions;
}

/**
 * "Disable <rule> for this line" and "… for this file": a suppression comment in the file's own
 * style (engine/suppressions.ts), for any finding of a rule the policy lets a comment suppress.
 */
function disableActions(doc: TextDocument, file: SourceFile, diagnostic: Diagnostic, policy: Policy): CodeAction[] {
  const rule = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  if (!rule || rule === directiveRule || !ruleMeta(rule) || policy.suppressions.forbid.includes(rule)) return [];
  const actions: CodeAction[] = [];
  for (const kind of ['next-line', 'file'] as const) {
    const edit = suppressionEdit(file, rule, kind, diagnostic.range.start.line);
    if (!edit) continue;
    actions.push({
      title: message(kind === 'file' ? 'fix.disable-file' : 'fix.disable-line', { rule }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [doc.uri]: [edit] } },
    });
  }
  return actions;
}
