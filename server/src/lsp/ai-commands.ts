// The AI-disclosure workspace commands: resolve the folder's policy, fix context and git reviewer,
// then let the engine (engine/ai/disclosure.ts) compute the edits. The command table (commands.ts)
// applies the returned WorkspaceEdit with workspace/applyEdit, or shows the error.

import { todayIso } from '../engine/dates';
import { message, type MessageKey } from '../engine/messages';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, WorkspaceEdit } from 'vscode-languageserver/node';
import { policyForPath } from '../engine/policy/overrides';
import type { Policy } from '../engine/policy/model';
import { addHeaderTagsEdits, aiContext, AiContext, AiEditResult, markSelectionEdits } from '../engine/ai/disclosure';
import type { AiDisclosureOptions } from '../../../shared/protocol';
import { fixContextFor } from '../io/fix-context';
import { reviewerFor } from '../io/reviewer';
import { rulePath } from './diagnostics';
import { FolderState, toFsPath } from './folders';

export type AiCommandResult = WorkspaceEdit | { error: string };

/**
 * The tags say only what the user stated: the role they chose (assisted unless they said generated), and a review
 * only when they chose "I reviewed this"; then the reviewer is the git user. Nobody's name goes on a review they did not claim.
 */
async function contextFor(state: FolderState, policy: Policy, tool: string | undefined, options: AiDisclosureOptions, now: Date): Promise<AiContext> {
  state.fixContext ??= fixContextFor(state.root);
  const [fix, reviewer] = await Promise.all([state.fixContext, options.reviewed ? reviewerFor(state.root) : undefined]);
  return aiContext(policy, fix, { role: options.role ?? 'assisted', reviewer }, todayIso(now), tool); // the UTC day the rules compare review dates with: never "in the future"
}

/** The policy in force for the path (its override); undefined where AI code is forbidden, so nothing is marked there. */
function policyAt(state: FolderState, path: string): Policy | undefined {
  const policy = policyForPath(state.policy, path);
  return policy.ai.mode === 'forbid' ? undefined : policy;
}
const forbidden = () => ({ error: message('lsp.ai-forbidden') });

function toWorkspaceEdit(uri: string, result: AiEditResult, nothing: MessageKey): AiCommandResult {
  if ('error' in result) return { error: `OSPO: ${result.error}` };
  if (!result.edits.length) return { error: message(nothing) };
  return { changes: { [uri]: result.edits } };
}

function pathOf(doc: TextDocument, state: FolderState): string | { error: string } {
  const fsPath = toFsPath(doc.uri);
  return fsPath ? rulePath(state, fsPath) : { error: message('lsp.ai-not-on-disk') };
}

/** Where a disclosure command writes: the file's path, the policy in force there and the context to write with; or why not. */
async function targetOf(
  doc: TextDocument,
  state: FolderState,
  tool: string | undefined,
  options: AiDisclosureOptions,
  now: Date,
): Promise<{ path: string; policy: Policy; ctx: Awaited<ReturnType<typeof contextFor>> } | { error: string }> {
  const path = pathOf(doc, state);
  if (typeof path !== 'string') return path;
  const policy = policyAt(state, path);
  if (!policy) return forbidden();
  return { path, policy, ctx: await contextFor(state, policy, tool, options, now) };
}

/** "OSPO: Mark selection as AI-assisted": wrap the selected lines in a canonical AI snippet. */
export async function markSelection(
  doc: TextDocument,
  range: Range,
  state: FolderState,
  tool?: string,
  options: AiDisclosureOptions = {},
  now = new Date(),
): Promise<AiCommandResult> {
  const t = await targetOf(doc, state, tool, options, now);
  return 'error' in t ? t : toWorkspaceEdit(doc.uri, markSelectionEdits(t.path, doc.getText(), range, t.policy, t.ctx), 'lsp.ai-already-marked');
}

/** "OSPO: Add AI header tags": the role tag in the license header, and AI-Reviewed-By and AI-Reviewed-On when the user reviewed the code. */
export async function addHeaderTags(
  doc: TextDocument,
  state: FolderState,
  tool?: string,
  options: AiDisclosureOptions = {},
  now = new Date(),
): Promise<AiCommandResult> {
  const t = await targetOf(doc, state, tool, options, now);
  return 'error' in t ? t : toWorkspaceEdit(doc.uri, addHeaderTagsEdits(t.path, doc.getText(), t.policy, t.ctx), 'lsp.ai-already-tagged');
}

/** The tools the policy allows, for the client's input box. */
export function allowedTools(state: FolderState): string[] {
  return [...state.policy.ai.tools.allow];
}
