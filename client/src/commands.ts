import * as vscode from 'vscode';
import { t } from './l10n';
import { State, WorkDoneProgress, type LanguageClient, type WorkspaceEdit } from 'vscode-languageclient/node';
import {
  AddAiHeaderTagsCommand,
  type AiCommandError,
  type AiDisclosureOptions,
  AiToolsCommand,
  CreatePolicyCommand,
  type CreatePolicyResult,
  InsertHeaderCommand,
  MarkAiSelectionCommand,
  ScanWorkspaceCommand,
  type ScanSummary,
  ReportCommand,
  type ReportResult,
  type ReportOpenMessage,
  FixAllWorkspaceCommand,
  type FixAllWorkspaceResult,
} from '../../shared/protocol';
import { documentSelector } from './client';
import { executeServerCommand } from './typed-messages';

import {
  AddAiHeaderTagsClientCommand,
  CreatePolicyFileCommand,
  FixAllWorkspaceClientCommand,
  InsertLicenseHeaderCommand,
  MarkSelectionAiAssistedCommand,
  OpenReportCommand,
  RestartServerCommand,
  ScanWorkspaceClientCommand,
  ShowLogCommand,
} from '../../shared/contributes';

export * from '../../shared/contributes';

// The starter policies the server can write (server/src/engine/policy/templates.ts, which the
// client does not bundle). test/unit/templates.test.ts checks that both lists name the same templates.
const policyTemplates: (vscode.QuickPickItem & { template: string })[] = [
  {
    template: 'apache',
    label: 'apache',
    description: t('Apache-2.0 project: permissive licenses allowed, copyleft denied, SPDX headers required'),
  },
  { template: 'mit', label: 'mit', description: t('MIT project: permissive licenses allowed, copyleft denied, SPDX headers required') },
  {
    template: 'reuse-strict',
    label: 'reuse-strict',
    description: t('REUSE 3.3: every file licensed, copyright years kept current, nothing below warning'),
  },
  {
    template: 'ai-disclose',
    label: 'ai-disclose',
    description: t('AI-assisted code must say so, with the tool, a human reviewer and the review date'),
  },
  { template: 'ai-forbid', label: 'ai-forbid', description: t('No AI-generated code: AI markers in files are reported') },
  { template: 'kernel', label: 'kernel', description: t('AI help disclosed as the Linux kernel asks: Assisted-by: AGENT:MODEL, no AI sign-off') },
  { template: 'kubernetes', label: 'kubernetes', description: t('AI help disclosed as Kubernetes asks: no AI trailers or co-authors in commits') },
  { template: 'asf', label: 'asf', description: t('AI help disclosed as the ASF asks: Generated-by: <tool>') },
  { template: 'openinfra', label: 'openinfra', description: t('AI help disclosed as OpenInfra asks: Generated-By: or Assisted-By:') },
];

/** What each command does, once the language client is loaded (extension.ts registers the ids at activation). */
export function commandHandlers(client: LanguageClient, channel: vscode.LogOutputChannel): Record<string, (...args: unknown[]) => unknown> {
  return {
    [RestartServerCommand]: () => restartServer(client, channel),
    [ShowLogCommand]: () => channel.show(),
    [InsertLicenseHeaderCommand]: () => insertLicenseHeader(client),
    [CreatePolicyFileCommand]: () => createPolicyFile(client),
    // Both take an optional tool (`agent:model`) and options ({ role, reviewed }) so keybindings and other
    // extensions can skip the questions; given a tool without options, the code is AI-assisted and not reviewed.
    [MarkSelectionAiAssistedCommand]: (tool?: unknown, options?: unknown) => markAiAssisted(client, 'selection', tool, options),
    [AddAiHeaderTagsClientCommand]: (tool?: unknown, options?: unknown) => markAiAssisted(client, 'header', tool, options),
    [ScanWorkspaceClientCommand]: () => scanWorkspace(client, channel),
    [OpenReportCommand]: () => openReport(client, channel),
    [FixAllWorkspaceClientCommand]: () => fixAllWorkspace(client, channel),
  };
}

async function restartServer(client: LanguageClient, channel: vscode.LogOutputChannel): Promise<void> {
  try {
    // restart() stops first, and stop() throws unless the client is running; after a failed
    // start or a crash there is nothing to stop, so start afresh instead.
    if (client.state === State.Running) await client.restart();
    else await client.start();
    channel.info('Language server restarted');
  } catch (error) {
    channel.error('Restarting the language server failed', error);
    void showError(t('The OSPO language server could not be restarted.'));
  }
}

async function insertLicenseHeader(client: LanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined) {
    void vscode.window.showInformationMessage(t('OSPO: open a file first, then run "Insert license header" again.'));
    return;
  }
  if (vscode.languages.match(documentSelector, document) === 0) {
    void vscode.window.showInformationMessage(
      `OSPO: license headers can only be inserted into files on disk or untitled files, not into ${document.uri.scheme}: documents.`,
    );
    return;
  }
  try {
    // The server computes the header from the policy and applies it with workspace/applyEdit.
    // Convert the URI the same way the client does when syncing documents, so the server finds it.
    await executeServerCommand(client, InsertHeaderCommand, [client.code2ProtocolConverter.asUri(document.uri)]);
  } catch (error) {
    client.error('Inserting a license header failed', error, false);
    void showError(t('OSPO: could not insert a license header: {0}', error instanceof Error ? error.message : String(error)));
  }
}

async function createPolicyFile(client: LanguageClient): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(t('OSPO: open a folder on disk first, then run "Create policy file" again.'));
    return;
  }
  const folder =
    folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: t('Workspace folder to create .ospo/policy.yaml in') });
  if (folder === undefined) return;
  const picked = await vscode.window.showQuickPick(policyTemplates, {
    title: t('OSPO: Create policy file in {0}', folder.name),
    placeHolder: t('Starter policy (every section is commented; edit it afterwards)'),
  });
  if (picked === undefined) return;
  let result: CreatePolicyResult | null;
  try {
    // The server writes the file, so `ospo init` and this command share one implementation; it never overwrites.
    result = await executeServerCommand(client, CreatePolicyCommand, [client.code2ProtocolConverter.asUri(folder.uri), picked.template]);
  } catch (error) {
    client.error('Creating a policy file failed', error, false);
    void showError(t('OSPO: could not create a policy file: {0}', error instanceof Error ? error.message : String(error)));
    return;
  }
  const file = result?.file === undefined ? undefined : client.protocol2CodeConverter.asUri(result.file);
  if (result?.error !== undefined) {
    // An existing policy file is answered with its URI too: offer to open it rather than replace it.
    const choice = await vscode.window.showWarningMessage(`OSPO: ${result.error}.`, ...(file ? [t('Open policy file')] : []));
    if (choice !== undefined && file) await vscode.window.showTextDocument(file);
    return;
  }
  if (file === undefined) {
    void showError(t('OSPO: the language server did not create a policy file.'));
    return;
  }
  await vscode.window.showTextDocument(file);
}

/** The document the AI commands act on, or undefined after saying why there is none. */
function aiTarget(what: string): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showInformationMessage(`OSPO: open a file first, then run "${what}" again.`);
    return undefined;
  }
  if (vscode.languages.match(documentSelector, editor.document) === 0 || editor.document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(`OSPO: AI disclosure can only be added to files on disk, not to ${editor.document.uri.scheme}: documents.`);
    return undefined;
  }
  return editor;
}

/** Asks for the tool, prefilled with the first one the policy allows. Undefined when the user cancels; '' leaves the choice to the server. */
async function askTool(client: LanguageClient, uri: string): Promise<string | undefined> {
  let allowed: string[] = [];
  try {
    const answer: unknown = await executeServerCommand(client, AiToolsCommand, [uri]);
    if (Array.isArray(answer)) allowed = answer.filter((t): t is string => typeof t === 'string');
  } catch (error) {
    // An older server without the command: ask without a suggestion.
    client.error('Reading the allowed AI tools failed', error, false);
  }
  // The policy names agents ("GitHub Copilot", maybe "Claude*"); the tag wants `agent:model`, so leave the cursor after the colon.
  const agent = allowed.find((t) => !t.includes('*'));
  const value = agent === undefined ? '' : agent.includes(':') ? agent : `${agent}:`;
  return vscode.window.showInputBox({
    title: t('OSPO: AI tool that assisted'),
    prompt: allowed.length ? t('As agent:model. Allowed by the policy: {0}', allowed.join(', ')) : t('As agent:model, e.g. GitHub Copilot:gpt-4.1'),
    value,
    valueSelection: [value.length, value.length],
    placeHolder: t('agent:model (empty writes the placeholder TOOL:MODEL)'),
  });
}

/**
 * What the user states about the code: generated or assisted, and whether they reviewed it. A review is written only
 * when they pick an "I reviewed it" item; nothing is preselected for them. Undefined when they cancel.
 */
async function askDisclosure(): Promise<AiDisclosureOptions | undefined> {
  const reviewedDetail = t('Also writes AI-Reviewed-By (you, from git config) and AI-Reviewed-On (today)');
  const items: (vscode.QuickPickItem & { options: AiDisclosureOptions })[] = [
    { label: t('AI-assisted'), description: t('I wrote it with the tool’s help'), options: { role: 'assisted' } },
    { label: t('AI-generated'), description: t('The tool wrote it'), options: { role: 'generated' } },
    { label: t('AI-assisted, and I reviewed it'), detail: reviewedDetail, options: { role: 'assisted', reviewed: true } },
    { label: t('AI-generated, and I reviewed it'), detail: reviewedDetail, options: { role: 'generated', reviewed: true } },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('OSPO: how was AI used in this code?'),
    placeHolder: t('Only what you choose is written: no review is recorded unless you say you reviewed it'),
  });
  return picked?.options;
}

function disclosureOf(value: unknown): AiDisclosureOptions {
  if (typeof value !== 'object' || value === null) return {};
  const { role, reviewed } = value as AiDisclosureOptions;
  return { role: role === 'generated' ? 'generated' : 'assisted', reviewed: reviewed === true };
}

async function markAiAssisted(client: LanguageClient, scope: 'selection' | 'header', toolArg: unknown, optionsArg: unknown): Promise<void> {
  const what = scope === 'selection' ? 'Mark selection as AI-assisted' : 'Add AI header tags';
  const editor = aiTarget(what);
  if (editor === undefined) return;
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const tool = typeof toolArg === 'string' ? toolArg : await askTool(client, uri);
  if (tool === undefined) return;
  const options = typeof toolArg === 'string' ? disclosureOf(optionsArg) : await askDisclosure();
  if (options === undefined) return;
  let result: AiCommandError | null;
  try {
    // The server computes the edit from the policy and what the user stated, and applies it with workspace/applyEdit.
    result =
      scope === 'selection'
        ? await executeServerCommand(client, MarkAiSelectionCommand, [uri, client.code2ProtocolConverter.asRange(editor.selection), tool || null, options])
        : await executeServerCommand(client, AddAiHeaderTagsCommand, [uri, tool || null, options]);
  } catch (error) {
    client.error(`${what} failed`, error, false);
    void showError(`OSPO: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  // Nothing to do (already marked) or not possible here: say so rather than fail silently.
  if (result?.error !== undefined) void vscode.window.showInformationMessage(result.error);
}

async function showError(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, t('Show log'));
  if (choice === t('Show log')) await vscode.commands.executeCommand(ShowLogCommand);
}

/**
 * Checks every file of the workspace, with a cancellable notification that follows the server's
 * progress ("checking 12,345 / 78,000 files"). Findings of closed files land in the Problems view.
 * Returns the summary, or undefined when the scan could not run.
 */
async function scanWorkspace(client: LanguageClient, channel: vscode.LogOutputChannel): Promise<ScanSummary | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(t('OSPO: open a folder to check all of its files.'));
    return undefined;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'OSPO', cancellable: true },
    async (progress, cancel) => {
      const workDoneToken = `ospo-scan-${Date.now()}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        // VS Code adds increments; the server reports a percentage.
        const percent = value.percentage ?? reported;
        progress.report({ message: value.message, increment: percent - reported });
        reported = percent;
      });
      try {
        return await executeServerCommand(client, ScanWorkspaceCommand, [{ progress: 'client' }], { token: cancel, workDoneToken });
      } catch (error) {
        if (cancel.isCancellationRequested) return undefined;
        channel.error('Checking the workspace failed', error);
        void showError(t('OSPO could not check the workspace.'));
        return undefined;
      } finally {
        listener.dispose();
      }
    },
  );
  if (!summary) return undefined;
  if ('error' in summary) {
    void vscode.window.showInformationMessage(summary.error);
    return undefined;
  }
  const args = [
    summary.findings.toLocaleString(),
    summary.filesWithFindings.toLocaleString(),
    summary.files.toLocaleString(),
    summary.skipped.toLocaleString(),
    (summary.ms / 1000).toFixed(1),
  ];
  void vscode.window.showInformationMessage(
    summary.cancelled
      ? t('OSPO: workspace check cancelled; so far {0} problems in {1} of {2} files, {3} skipped (see the log), {4} s.', ...args)
      : t('OSPO: {0} problems in {1} of {2} files, {3} skipped (see the log), {4} s.', ...args),
  );
  return summary;
}

/**
 * Builds the compliance report of the workspace (the same page as `ospo report`) and shows it in a
 * webview. The page is self-contained: inline scripts and styles, no network, its own CSP.
 * Returns the panel, or undefined when no report could be built.
 */
async function openReport(client: LanguageClient, channel: vscode.LogOutputChannel): Promise<vscode.WebviewPanel | undefined> {
  const result = await vscode.window
    .withProgress({ location: vscode.ProgressLocation.Notification, title: t('OSPO: building the compliance report…') }, () =>
      executeServerCommand(client, ReportCommand, []),
    )
    .then(undefined, (error: unknown) => {
      channel.error('Building the compliance report failed', error);
      return { error: 'OSPO: the compliance report could not be built (see the log).' } as ReportResult;
    });
  if (!result?.html) {
    void vscode.window.showWarningMessage(result?.error ?? t('OSPO: the compliance report could not be built.'));
    return undefined;
  }
  if (result.warning) void vscode.window.showWarningMessage(result.warning);
  const panel = vscode.window.createWebviewPanel('ospo.report', t('OSPO compliance report'), vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [],
  });
  panel.webview.onDidReceiveMessage((message: unknown) => openFromReport(message, channel));
  panel.webview.html = result.html;
  return panel;
}

/** What "Fix all in workspace" did, for the message and for tests. */
export interface FixAllOutcome {
  /** Files written without a preview, and how many of them got a header. */
  files: number;
  headers: number;
  /** Files with license changes offered for confirmation. */
  confirm: number;
  error?: string;
}

/**
 * Opens the file a report link names, at its line: links cannot leave a webview, in VS Code or in
 * code-server. Only a file inside a workspace folder is opened: the page shows names from the repository.
 */
async function openFromReport(message: unknown, channel: vscode.LogOutputChannel): Promise<void> {
  const m = message as Partial<ReportOpenMessage> | null;
  if (m?.command !== 'open' || typeof m.path !== 'string' || !Number.isInteger(m.line) || !Number.isInteger(m.column)) return;
  const uri = vscode.Uri.file(m.path);
  if (!vscode.workspace.getWorkspaceFolder(uri)) {
    channel.warn(`The report asked to open ${m.path}, which is outside the workspace: not opened`);
    return;
  }
  const at = new vscode.Position(Math.max(0, m.line! - 1), Math.max(0, m.column! - 1));
  try {
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.One });
  } catch (error) {
    channel.error(`Opening ${m.path} from the report failed`, error);
    void vscode.window.showWarningMessage(t('OSPO: could not open {0}.', m.path));
  }
}

/**
 * Every safe fix in the workspace. Fixes that keep what each file claims (headers added where none was, years,
 * spelling) are applied at once; fixes that change a license a file states wait for the user: the message offers them in
 * the refactor preview, where they are unticked. Closed files that an edit opened are saved afterwards, so that the fix
 * does not leave hundreds of unsaved editors behind; files that were open keep the user's own save (they may hold other
 * unsaved work). Always says what happened, also when nothing or not everything was written.
 */
async function fixAllWorkspace(client: LanguageClient, channel: vscode.LogOutputChannel): Promise<FixAllOutcome> {
  let cancelled = false;
  const none = (error?: string): FixAllOutcome => ({ files: 0, headers: 0, confirm: 0, error });
  const result = await vscode.window
    .withProgress({ location: vscode.ProgressLocation.Notification, title: t('OSPO: collecting the fixes…'), cancellable: true }, (_progress, cancel) => {
      cancel.onCancellationRequested(() => {
        cancelled = true;
      });
      return executeServerCommand(client, FixAllWorkspaceCommand, [], { token: cancel });
    })
    .then(undefined, (error: unknown) => {
      channel.error('Collecting the fixes failed', error);
      return { error: t('OSPO: collecting the fixes failed (see the log).') } as FixAllWorkspaceResult;
    });
  // A cancelled collection is never offered, not even the part collected so far.
  if (cancelled || result?.error === 'cancelled') return none('cancelled');
  if (result?.error || !result) {
    const error = result?.error ?? t('OSPO: collecting the fixes failed (see the log).');
    void vscode.window.showWarningMessage(error);
    return none(error);
  }
  const files = result.files ?? 0;
  const confirm = result.confirmFiles ?? 0;
  if (!files && !confirm) {
    void vscode.window.showInformationMessage(t('OSPO: nothing to fix in {0} files.', result.checked ?? 0));
    return none();
  }
  // The edits were computed for the documents as they were then: refuse if any changed since
  // (the converter drops the versions, and VS Code would apply them at stale positions).
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const stale = [...(result.edit?.documentChanges ?? []), ...(result.confirm?.documentChanges ?? [])].some((c) => {
    if (!('textDocument' in c)) return false;
    const doc = open.get(vscode.Uri.parse(c.textDocument.uri).toString());
    return c.textDocument.version === null ? !!doc?.isDirty : doc?.version !== c.textDocument.version;
  });
  if (stale) {
    const error = t('OSPO: files changed while the fixes were collected; run "Fix all in workspace" again.');
    void vscode.window.showWarningMessage(error);
    return none(error);
  }
  if (files && result.edit) {
    const applied = await applyAndSave(client, result.edit);
    if (applied === undefined) {
      const error = t('OSPO: VS Code did not apply the fixes; no file was changed.');
      void showError(error);
      return none(error);
    }
  }
  const headers = result.headers ?? 0;
  const parts = [
    headers === 1 ? t('OSPO: added a header to 1 file.') : t('OSPO: added headers to {0} files.', headers),
    ...(files - headers === 1 ? [t('Fixed 1 other file.')] : files > headers ? [t('Fixed {0} other files.', files - headers)] : []),
    ...(confirm ? [t('License changes in {0} files wait for your confirmation.', confirm)] : []),
  ];
  const review = t('Review license changes');
  if (!confirm || !result.confirm) {
    void vscode.window.showInformationMessage(parts.join(' '));
  } else {
    const licenseChanges = result.confirm;
    // Not awaited: the preview waits for the user, the command does not.
    void vscode.window.showInformationMessage(parts.join(' '), review).then(async (choice) => {
      if (choice !== review) return;
      const changed = await applyAndSave(client, licenseChanges);
      void vscode.window.showInformationMessage(
        changed === undefined ? t('OSPO: no license was changed.') : t('OSPO: changed the license in {0} of {1} files.', changed, confirm),
      );
    });
  }
  return { files, headers, confirm };
}

/**
 * Applies a server's WorkspaceEdit and saves the files it opened. Returns how many files changed (an edit that needs
 * confirmation may be applied in part, or not at all), or undefined when VS Code applied nothing.
 */
async function applyAndSave(client: LanguageClient, protocolEdit: WorkspaceEdit): Promise<number | undefined> {
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(protocolEdit);
  const versions = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d.version]));
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  const now = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  let changed = 0;
  for (const [uri] of edit.entries()) {
    const doc = now.get(uri.toString());
    const before = versions.get(uri.toString());
    if (!doc || (before === undefined ? !doc.isDirty : doc.version === before)) continue;
    changed++;
    if (before === undefined) await doc.save();
  }
  return changed || undefined;
}
