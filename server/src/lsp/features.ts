// Requests about one document or file, answered from its folder's state: code actions, completion,
// hover, the licensing CodeLens, and the status item's questions (policy in force, licensing).
// ospo.codeLens.enable and ospo.hover.licensing switch the lens and the licensing hover off.

import { message } from '../engine/messages';
import { CodeActionKind, CompletionTriggerKind } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { checkText, licensingOf } from '../engine/check';
import { policyForPath } from '../engine/policy/overrides';
import { checkInput } from '../io/check-input';
import { readForCheck, readSidecar } from '../io/read-file';
import { codeActions, wantsKind } from './code-actions';
import { commitCodeActions, commitCompletions, isCommitMessagePath } from './commit-message';
import { policySnippets } from './completion';
import { checkDocument, rulePath } from './diagnostics';
import { markerHover } from './marker-hover';
import { policyCompletions, policyHover } from './policy-assist';
import { LicensingRequest, PolicyInfoRequest } from '../../../shared/protocol';
import { licensingMarkdown, licensingSummary, reuseActions } from './reuse-assist';
import type { Session } from './session';
import { displayOf, isExcluded } from './settings';
import { requestType } from './typed-messages';
import { spdxCompletions, spdxHover } from './spdx-assist';

export function registerFeatures(session: Session): void {
  const { connection, documents, folders } = session;
  const logError = (m: string) => session.logError(m);
  const stateForUri = (uri: string) => session.stateForUri(uri);

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const target = doc && (await stateForUri(doc.uri));
    if (!doc || !target) return [];
    if (isCommitMessagePath(target.fsPath, doc.languageId)) return commitCodeActions(params, doc, target.state.policy);
    // A file ospo.exclude leaves out gets no fixes either: a fix-all on save must not add a header to it.
    const settings = await session.settings.get(doc.uri);
    if (isExcluded(settings, rulePath(target.state, target.fsPath))) return [];
    const reuse = await folders.reuseFor(target.state);
    const { result, sidecarText, generated } = await checkDocument(doc, target.fsPath, target.state, logError, reuse);
    const ctx = await folders.fixContext(target.state);
    const rel = rulePath(target.state, target.fsPath);
    return [
      ...codeActions(params, doc, result, target.state.policy, ctx, sidecarText, generated, displayOf(settings), reuse),
      ...(wantsKind(params.context.only, CodeActionKind.QuickFix)
        ? reuseActions({
            doc,
            root: target.state.root,
            rel,
            result,
            policy: result.policy ?? target.state.policy,
            ctx,
            diagnostics: params.context.diagnostics,
            openDocument: (uri) => documents.get(uri),
          })
        : []),
    ];
  });

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const target = doc && (await stateForUri(doc.uri));
    if (!doc || !target) return [];
    // In an SPDX license value of any file: license and exception ids, ranked by the policy in force there.
    // A trigger character (completionTriggers) asks only for that: a space typed anywhere else gets nothing.
    const triggered = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter;
    const spdx = spdxCompletions(doc, params.position, policyForPath(target.state.policy, rulePath(target.state, target.fsPath)), triggered);
    if (spdx) return spdx;
    if (triggered) return [];
    if (isCommitMessagePath(target.fsPath, doc.languageId)) return commitCompletions(doc, params.position, target.state.policy);
    // In the policy file itself: its keys, values and SPDX ids, not the header snippets.
    if (folders.ownerOfPolicyFile(target.fsPath)) return policyCompletions(doc, params.position);
    // The policy in force for this path (its override), so a forbidden folder gets no AI block.
    const policy = policyForPath(target.state.policy, rulePath(target.state, target.fsPath));
    return policySnippets(doc, target.fsPath, params.position, policy, await folders.fixContext(target.state));
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const target = doc && (await stateForUri(doc.uri));
    if (!doc || !target) return null;
    const spdxInfo = spdxHover(doc, params.position, policyForPath(target.state.policy, rulePath(target.state, target.fsPath)));
    if (spdxInfo) return spdxInfo;
    if (folders.ownerOfPolicyFile(target.fsPath)) return policyHover(doc, params.position);
    // Elsewhere: what an AI marker or snippet under the cursor declares, and what the policy asks there.
    const reuse = await folders.reuseFor(target.state);
    const { result } = await checkDocument(doc, target.fsPath, target.state, logError, reuse);
    const marker = markerHover(result, params.position);
    if (marker) return marker;
    // On line 1 or a license or copyright line of the header: the file's effective licensing and where it comes from.
    const onHeader =
      params.position.line === 0 ||
      [...(result.file?.header.licenses ?? []), ...(result.file?.header.copyrights ?? [])].some((t) => t.line === params.position.line);
    if (!onHeader || !result.file || !(await session.settings.get(doc.uri))['hover.licensing']) return null;
    return { contents: { kind: 'markdown', value: licensingMarkdown(licensingOf(rulePath(target.state, target.fsPath), result, reuse?.context)) } };
  });

  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const target = doc && (await stateForUri(doc.uri));
    if (!doc || !target || isCommitMessagePath(target.fsPath, doc.languageId)) return [];
    if (!(await session.settings.get(doc.uri))['codeLens.enable']) return [];
    const reuse = await folders.reuseFor(target.state);
    const { result } = await checkDocument(doc, target.fsPath, target.state, logError, reuse);
    if (!result.file) return [];
    const summary = licensingSummary(licensingOf(rulePath(target.state, target.fsPath), result, reuse?.context));
    // A lens with no command is a label: VS Code shows it above line 1.
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        command: { title: message('lsp.licensing-lens', { summary }), command: '' },
      },
    ];
  });

  /** The language status item's question: which policy is in force for this document, and from where. */
  connection.onRequest(requestType(PolicyInfoRequest), async (params) => {
    const target = await stateForUri(params.uri);
    if (!target) return undefined;
    const { state } = target;
    return {
      source: state.policy.source,
      file: state.policyFile ? URI.file(state.policyFile).toString() : undefined,
      id: state.policy.meta.id ?? state.policy.meta.title,
      problems: state.problems.filter((p) => p.severity === 'error').length,
    };
  });

  /** The status item's question for any file, open or not (images included): its effective licensing. */
  connection.onRequest(requestType(LicensingRequest), async (params) => {
    const target = await stateForUri(params.uri);
    if (!target) return undefined;
    const rel = rulePath(target.state, target.fsPath);
    const reuse = await folders.reuseFor(target.state);
    const open = documents.get(params.uri);
    const read = open ? { text: open.getText(), sidecarText: await readSidecar(target.fsPath) } : await readForCheck(target.fsPath);
    // A binary or empty file has no text to check: only its sidecar and REUSE.toml can license it.
    const text = 'text' in read ? read.text : '';
    const sidecarText = 'text' in read ? read.sidecarText : await readSidecar(target.fsPath);
    // Licensing is read from a file's header even when the file is generated (exempt from the rules);
    // the rules that read AI history have no part in licensing.
    const result = checkText(
      checkInput({ path: rel, text, sidecarText, generated: undefined, aiHistory: undefined, reuse, undecodable: undefined }),
      target.state.policy,
    );
    const licensing = licensingOf(rel, result, reuse?.context, sidecarText);
    return { summary: licensingSummary(licensing), markdown: licensingMarkdown(licensing) };
  });
}
