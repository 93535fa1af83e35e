// The language server: LSP wiring over the engine. Started by the VS Code client over Node IPC,
// or by any editor as `ospo-language-server --stdio`.

import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DocumentDiagnosticReportKind,
  InitializeParams, InitializeResult, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { GitRules } from '../io/git-rules';
import { policyFileName } from '../io/policy-source';
import { codeActions } from './code-actions';
import { policySnippets } from './completion';
import { commitCodeActions, commitCompletions, commitDiagnostics, commitRepoRoot, isCommitMessagePath } from './commit-message';
import { policyCompletions, policyHover } from './policy-assist';
import { markerHover } from './marker-hover';
import { spdxCompletions, spdxHover } from './spdx-assist';
import { licensingMarkdown, licensingSummary, reuseActions, reuseMetadataDiagnostics } from './reuse-assist';
import { wantsKind } from './code-actions';
import { checkText, licensingOf } from '../engine/check';
import { readForCheck, readSidecar } from '../io/read-file';
import { checkInput } from '../io/check-input';
import { checkDocument, internalErrorDiagnostic, policyDiagnostic, rulePath, toDiagnostic } from './diagnostics';
import { policyForPath } from '../engine/policy/overrides';
import { Folders, FolderState, toFsPath } from './folders';
import { CreatePolicyCommand, FixAllWorkspaceCommand, InitializationOptions, InsertHeaderCommand, LicensingRequest, PolicyInfoRequest, ReportCommand, ScanWorkspaceCommand, WorkspaceTrustedNotification } from './protocol';
import { reportFor } from '../report/report';
import { renderHtml } from '../report/html';
import { createPolicy } from './create-policy';
import { aiCommand, aiCommands } from './ai-commands';
import { OutsideWatchers } from './watch';
import { WorkspaceScan } from './workspace-scan';
import { setLocale } from '../engine/l10n';
import { fixAllWorkspaceEdit } from './fix-workspace';
import { SettingsCache } from './settings';
import { message } from '../engine/messages';
import { editsFor } from '../engine/fixes';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const folders = new Folders((m) => connection.console.info(m));

let hasConfiguration = false;
let hasDynamicConfiguration = false;
let hasWorkspaceFolders = false;
let pullDiagnostics = false;
let canRefreshDiagnostics = false;
const settings = new SettingsCache(connection, () => hasConfiguration);
const logError = (m: string) => connection.console.error(m);
let hasWorkDoneProgress = false;
const scan = new WorkspaceScan({ connection, isOpen: (uri) => !!documents.get(uri), log: (m) => connection.console.info(m) });

connection.onInitialize((params: InitializeParams): InitializeResult => {
  // Messages in the editor's display language (VS Code sends it; other editors may not).
  setLocale((params.initializationOptions as InitializationOptions | undefined)?.locale ?? params.locale);
  const caps = params.capabilities;
  hasConfiguration = !!caps.workspace?.configuration;
  hasDynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  hasWorkspaceFolders = !!caps.workspace?.workspaceFolders;
  // Neovim 0.7 and other older clients only take pushed diagnostics; pull where the client supports it.
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  canRefreshDiagnostics = !!caps.workspace?.diagnostics?.refreshSupport;
  hasWorkDoneProgress = !!caps.window?.workDoneProgress;
  folders.trusted = (params.initializationOptions as InitializationOptions | undefined)?.workspaceTrusted ?? true;
  const roots = params.workspaceFolders?.map((f) => URI.parse(f.uri).fsPath)
    ?? (params.rootUri ? [URI.parse(params.rootUri).fsPath] : params.rootPath ? [params.rootPath] : []);
  folders.setRoots(roots);
  return {
    capabilities: {
      // Saves are wanted for ospo.run: onSave.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.ospo'] },
      completionProvider: { resolveProvider: false },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [InsertHeaderCommand, CreatePolicyCommand, ScanWorkspaceCommand, ReportCommand, FixAllWorkspaceCommand, ...aiCommands] },
      diagnosticProvider: pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'ospo-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (hasDynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
  // Only clients that support workspace folders may be asked for their changes; others make this throw.
  if (hasWorkspaceFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const current = new Set(folders.getRoots());
    for (const f of e.removed) { current.delete(URI.parse(f.uri).fsPath); scan.forget(URI.parse(f.uri).fsPath); }
    for (const f of e.added) current.add(URI.parse(f.uri).fsPath);
    folders.setRoots([...current]);
    refreshAll();
  });
});

const watchedVersion = new WeakMap<FolderState, number>();

/** A workspace folder's state, under the folder's own ospo.policyFile setting. */
async function stateForRoot(root: string): Promise<FolderState> {
  return folders.stateFor(root, (await settings.get(URI.file(root).toString())).policyFile);
}

async function stateForUri(uri: string): Promise<{ fsPath: string; state: FolderState } | undefined> {
  const fsPath = toFsPath(uri);
  if (!fsPath) return undefined;
  // `git commit` may open the editor outside a workspace folder: the repository's policy still applies.
  const repoRoot = isCommitMessagePath(fsPath) ? commitRepoRoot(fsPath) : undefined;
  const root = folders.rootFor(repoRoot ? path.join(repoRoot, 'COMMIT_EDITMSG') : fsPath);
  const state = await stateForRoot(root);
  if (state.version !== watchedVersion.get(state)) {
    watchedVersion.set(state, state.version);
    watchOutside();
  }
  return { fsPath, state };
}

async function diagnose(doc: TextDocument) {
  const target = await stateForUri(doc.uri);
  if (!target) return [];
  if (!(await settings.get(doc.uri)).enable) return [];
  const { fsPath, state } = target;
  // A commit message is checked for AI attribution, not for a license header.
  if (isCommitMessagePath(fsPath, doc.languageId)) return commitDiagnostics(doc, state.policy);
  const policyOwner = folders.ownerOfPolicyFile(fsPath);
  if (policyOwner) {
    // The policy file is checked like any document; while it is broken the last good policy stays in force.
    await folders.applyText(policyOwner, fsPath, doc.getText());
    watchOutside();
  }
  // REUSE.toml and .reuse/dep5: their own problems, as you type.
  const metadata = reuseMetadataDiagnostics(doc, rulePath(state, fsPath));
  if (metadata) return metadata;
  const { result, internalError } = await checkDocument(doc, fsPath, state, logError, await folders.reuseFor(state));
  const diagnostics = result.findings.map(toDiagnostic);
  // The check failed (logged with the file name in checkDocument): one diagnostic says so, instead of a silently clean file.
  if (internalError !== undefined) diagnostics.push(internalErrorDiagnostic(internalError));
  if (policyOwner) diagnostics.push(...policyOwner.problems.map(policyDiagnostic));
  return diagnostics;
}

/** Any failure while diagnosing one document: logged with its name, turned into the internal-error diagnostic. */
async function diagnoseSafely(doc: TextDocument) {
  try {
    return await diagnose(doc);
  } catch (err) {
    logError(`Checking ${doc.uri} failed: ${(err as Error).stack ?? err}`);
    return [internalErrorDiagnostic((err as Error)?.message ?? String(err))];
  }
}

async function push(doc: TextDocument): Promise<void> {
  const version = doc.version;
  const diagnostics = await diagnoseSafely(doc);
  // Drop a result if the document changed while it was computed; a newer check is on its way.
  if (documents.get(doc.uri)?.version === version) connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
}

/**
 * Push mode: at most one check per document at a time, and at most one start per `pushInterval`.
 * The first change after a pause is checked at once; changes that arrive while a check runs or
 * waits are not queued one check each: they mark the document, and one check of its newest
 * version follows. A burst of a thousand edits so costs a handful of checks, and the server stays
 * responsive to requests in between.
 */
const pushing = new Map<string, { again: boolean }>();
const lastPushStart = new Map<string, number>();
const pushInterval = 100;

function schedulePush(doc: TextDocument): void {
  const running = pushing.get(doc.uri);
  if (running) { running.again = true; return; }
  const entry = { again: false };
  pushing.set(doc.uri, entry);
  void (async () => {
    try {
      for (;;) {
        const wait = (lastPushStart.get(doc.uri) ?? -Infinity) + pushInterval - Date.now();
        if (wait > 0) await new Promise<void>((resolve) => setTimeout(resolve, wait));
        const current = documents.get(doc.uri);
        if (!current) return;
        // Edits up to here are covered by this check.
        entry.again = false;
        lastPushStart.set(doc.uri, Date.now());
        await push(current);
        if (!entry.again) return;
      }
    } finally {
      pushing.delete(doc.uri);
    }
  })();
}

/** Re-checks every open document except `skip` (which is being checked already). */
function refreshAll(skip?: string): void {
  if (pullDiagnostics) {
    if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
  } else {
    for (const doc of documents.all()) if (doc.uri !== skip) schedulePush(doc);
  }
}

const outside = new OutsideWatchers((files) => void reloadDependents(files), (m) => connection.console.warn(m));

/** Watches the policy files the folders depend on that no client watcher covers. */
function watchOutside(): void {
  const roots = folders.all().map((s) => s.root);
  const inside = (f: string) => roots.some((r) => f.startsWith(r + path.sep));
  outside.sync([...new Set(folders.all().flatMap((s) => s.dependencies))].filter((f) => !inside(f)));
}

async function reloadDependents(files: string[]): Promise<void> {
  const states = new Set(files.flatMap((f) => folders.dependentsOf(f)));
  for (const state of states) {
    const { policyFile } = await settings.get(URI.file(state.root).toString());
    await folders.reload(state, policyFile);
  }
  watchOutside();
  if (states.size) { refreshAll(); scheduleRescan(); }
}

const lastPulled = new Map<string, { resultId: string; items: import('vscode-languageserver/node').Diagnostic[] }>();
let pullSeq = 0;

connection.languages.diagnostics.on(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  // ospo.run: onSave: between saves the findings of the last check stand, answered as "unchanged" so
  // that VS Code keeps the ranges it has moved along with the edits.
  if ((await settings.get(doc.uri)).run === 'onSave') {
    const checked = checkedOnSave.get(doc.uri);
    const last = lastPulled.get(doc.uri);
    if (checked === undefined) checkedOnSave.set(doc.uri, doc.version);
    else if (checked !== doc.version && last) {
      return params.previousResultId === last.resultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId }
        : { kind: DocumentDiagnosticReportKind.Full, resultId: last.resultId, items: last.items };
    }
  }
  const items = await diagnoseSafely(doc);
  const resultId = String(++pullSeq);
  lastPulled.set(doc.uri, { resultId, items });
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
});

documents.onDidChangeContent(async (e) => {
  // Reading the folder's state first makes sure its policy file is known before it is edited.
  const target = await stateForUri(e.document.uri);
  const fsPath = target?.fsPath;
  const owner = fsPath && folders.ownerOfPolicyFile(fsPath);
  if (owner) {
    // Editing the policy changes every other document's findings: apply it first, then re-check them.
    await folders.applyText(owner, fsPath, e.document.getText());
    watchOutside();
    refreshAll(e.document.uri);
    scheduleRescan();
  }
  if (!pullDiagnostics && !(await checksOnSaveOnly(e.document))) schedulePush(e.document);
});

/** Versions checked under ospo.run: onSave, per document: the one opened, then each one saved. */
const checkedOnSave = new Map<string, number>();

/** Whether ospo.run is onSave and this change is an edit after the document was opened (so it waits for the save). */
async function checksOnSaveOnly(doc: TextDocument): Promise<boolean> {
  if ((await settings.get(doc.uri)).run !== 'onSave') return false;
  if (!checkedOnSave.has(doc.uri)) { checkedOnSave.set(doc.uri, doc.version); return false; }
  return true;
}

documents.onDidSave(async (e) => {
  if ((await settings.get(e.document.uri)).run !== 'onSave') return;
  checkedOnSave.set(e.document.uri, e.document.version);
  if (pullDiagnostics) { if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh(); } else schedulePush(e.document);
});
documents.onDidOpen(async (e) => {
  scan.documentOpened(e.document.uri);
  const target = await stateForUri(e.document.uri);
  if (!target) return;
  const { policyFile } = await settings.get(URI.file(target.state.root).toString());
  if (await folders.pickUpNewPolicy(target.state, policyFile)) {
    watchOutside();
    refreshAll();
  }
});

documents.onDidClose((e) => {
  checkedOnSave.delete(e.document.uri);
  lastPulled.delete(e.document.uri);
  lastPushStart.delete(e.document.uri);
  if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  scan.documentClosed(e.document.uri);
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  folders.clear();
  scheduleRescan();
  refreshAll();
});

connection.onDidChangeWatchedFiles(async (e) => {
  const files = e.changes.map((c) => toFsPath(c.uri)).filter((f): f is string => !!f);
  // One changed file costs one check, not a scan.
  for (const f of files) if (!/[\\/]\.git[\\/]/.test(f)) scan.fileChanged(f);
  if (files.some((f) => /[\\/]\.git[\\/]logs[\\/]HEAD$/.test(f))) {
    for (const state of folders.all()) state.history.refresh();
    refreshAll();
    scheduleRescan(true);
  }
  // REUSE metadata changed: licensing of other files may have changed with it.
  if (files.some((f) => /(^|[\\/])REUSE\.toml$|[\\/]\.reuse[\\/]|[\\/]LICENSES[\\/]/.test(f))) {
    folders.forgetReuse();
    refreshAll();
    scheduleRescan(true);
  }
  // Git's rules changed: forget them, and re-check everything open.
  if (files.some((f) => /[\\/]\.git(ignore|attributes)$|[\\/]\.git[\\/]info[\\/]exclude$/.test(f))) {
    for (const state of folders.all()) state.git = new GitRules(state.root);
    refreshAll();
    scheduleRescan();
  }
  // A policy file that appeared where none was: its folder must start using it.
  const created = files.filter((f) => f.endsWith(path.sep + policyFileName) && !folders.dependentsOf(f).length);
  if (created.length) {
    folders.clear();
    refreshAll();
    scheduleRescan();
    return;
  }
  await reloadDependents(files);
});

let rescanTimer: NodeJS.Timeout | undefined;
let rescanToken: { isCancellationRequested: boolean } | undefined;
let rescanForced = false;

/**
 * Scans again the scanned folders whose policy or git rules changed (or all, when `force`), a
 * second after the last change: typing in the policy file must not start a scan per keystroke.
 * The cache makes it cheap when only the file list changed.
 */
function scheduleRescan(force = false): void {
  if (!scan.active) return;
  rescanForced ||= force;
  clearTimeout(rescanTimer);
  rescanTimer = setTimeout(() => void (async () => {
    if (rescanToken) rescanToken.isCancellationRequested = true;
    const token = (rescanToken = { isCancellationRequested: false });
    const stale: FolderState[] = [];
    for (const root of scan.roots()) {
      const state = await stateForRoot(root);
      if (rescanForced || !scan.isCurrent(state)) stale.push(state);
    }
    rescanForced = false;
    if (stale.length) {
      scan.maxPerFile = (await settings.get(URI.file(stale[0].root).toString())).maxFindingsPerFile;
      await scan.scan(stale, token, () => {});
    }
  })().catch((err) => logError(`Rescan failed: ${(err as Error).stack ?? err}`)), 1000);
}

connection.onNotification(WorkspaceTrustedNotification, () => {
  folders.trusted = true;
  folders.clear();
  refreshAll();
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const target = doc && (await stateForUri(doc.uri));
  if (!doc || !target) return [];
  if (isCommitMessagePath(target.fsPath, doc.languageId)) return commitCodeActions(params, doc, target.state.policy);
  const reuse = await folders.reuseFor(target.state);
  const { result, sidecarText, generated } = await checkDocument(doc, target.fsPath, target.state, logError, reuse);
  const ctx = await folders.fixContext(target.state);
  const rel = rulePath(target.state, target.fsPath);
  return [
    ...codeActions(params, doc, result, target.state.policy, ctx, sidecarText, generated, reuse),
    ...(wantsKind(params.context.only, CodeActionKind.QuickFix)
      ? reuseActions({ doc, root: target.state.root, rel, result, policy: result.policy ?? target.state.policy, ctx, diagnostics: params.context.diagnostics, openDocument: (uri) => documents.get(uri) })
      : []),
  ];
});

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const target = doc && (await stateForUri(doc.uri));
  if (!doc || !target) return [];
  // In an SPDX license value of any file: license and exception ids, ranked by the policy in force there.
  const spdx = spdxCompletions(doc, params.position, policyForPath(target.state.policy, rulePath(target.state, target.fsPath)));
  if (spdx) return spdx;
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
  const onHeader = params.position.line === 0 || [...(result.file?.header.licenses ?? []), ...(result.file?.header.copyrights ?? [])].some((t) => t.line === params.position.line);
  if (!onHeader || !result.file) return null;
  return { contents: { kind: 'markdown', value: licensingMarkdown(licensingOf(rulePath(target.state, target.fsPath), result, reuse?.context)) } };
});

connection.onCodeLens(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const target = doc && (await stateForUri(doc.uri));
  if (!doc || !target || isCommitMessagePath(target.fsPath, doc.languageId)) return [];
  const reuse = await folders.reuseFor(target.state);
  const { result } = await checkDocument(doc, target.fsPath, target.state, logError, reuse);
  if (!result.file) return [];
  const summary = licensingSummary(licensingOf(rulePath(target.state, target.fsPath), result, reuse?.context));
  // A lens with no command is a label: VS Code shows it above line 1.
  return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: `Licensing: ${summary}`, command: '' } }];
});

/** The language status item's question: which policy is in force for this document, and from where. */
connection.onRequest(PolicyInfoRequest, async (params: { uri: string }) => {
  const target = await stateForUri(params.uri);
  if (!target) return undefined;
  const { state } = target;
  return { source: state.policy.source, file: state.policyFile ? URI.file(state.policyFile).toString() : undefined, id: state.policy.meta.id ?? state.policy.meta.title, problems: state.problems.filter((p) => p.severity === 'error').length };
});

/** The status item's question for any file, open or not (images included): its effective licensing. */
connection.onRequest(LicensingRequest, async (params: { uri: string }) => {
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
  const result = checkText(checkInput({ path: rel, text, sidecarText, generated: undefined, aiHistory: undefined, reuse }), target.state.policy);
  const licensing = licensingOf(rel, result, reuse?.context, sidecarText);
  return { summary: licensingSummary(licensing), markdown: licensingMarkdown(licensing) };
});

connection.onExecuteCommand(async (params, token, clientProgress) => {
  if (params.command === FixAllWorkspaceCommand) {
    const roots = folders.getRoots();
    if (!roots.length) return { error: 'OSPO: open a folder to fix its files.' };
    const states = await Promise.all(roots.map(stateForRoot));
    const result = await fixAllWorkspaceEdit(states, (uri) => documents.get(uri), (s) => folders.fixContext(s), token, (s) => folders.reuseFor(s));
    // Cancelled: no partial edit, which the client would otherwise offer to apply.
    return result ?? { error: 'cancelled' };
  }
  if (params.command === ReportCommand) {
    const roots = folders.getRoots();
    if (!roots.length) return { error: 'OSPO: open a folder to report on.' };
    try {
      // Each folder under its policy as the editor has it (ospo.policyFile, unsaved edits, trust), and
      // open documents as they are in the editor.
      const targets = await Promise.all(roots.map(async (root) => {
        const state = await stateForRoot(root);
        return { root, under: '', policy: state.policy, git: state.git, history: state.history, reuse: await folders.reuseFor(state), scope: root, scopeFolder: root };
      }));
      const textOf = (abs: string) => documents.get(URI.file(abs).toString())?.getText();
      // The trend needs git history; a folder without it gets the report without the trend.
      const data = await reportFor(targets, { history: 10, textOf }).catch(() => reportFor(targets, { textOf }));
      return { html: renderHtml(data) };
    } catch (err) {
      logError(`Building the report failed: ${(err as Error).stack ?? err}`);
      return { error: `OSPO: the report could not be built: ${(err as Error).message}` };
    }
  }
  if (params.command === ScanWorkspaceCommand) {
    const roots = folders.getRoots();
    if (!roots.length) return { error: 'OSPO: open a folder to check all of its files.' };
    const viaClient = (params.arguments?.[0] as { progress?: string } | undefined)?.progress === 'client';
    // Editors other than VS Code get progress the server creates, where they support it.
    const progress = !viaClient && hasWorkDoneProgress ? await connection.window.createWorkDoneProgress() : clientProgress;
    progress.begin('OSPO: checking the workspace', 0, 'listing files', true);
    const cancelled = { get isCancellationRequested() { return token.isCancellationRequested || !!(progress as { token?: { isCancellationRequested: boolean } }).token?.isCancellationRequested; } };
    try {
      const states = await Promise.all(roots.map(stateForRoot));
      scan.maxPerFile = (await settings.get(URI.file(roots[0]).toString())).maxFindingsPerFile;
      let last = 0;
      return await scan.scan(states, cancelled, (message, percent) => {
        // A report per batch would flood the connection: at most ten a second.
        if (Date.now() - last < 100) return;
        last = Date.now();
        progress.report(Math.floor(percent), message);
      });
    } finally {
      progress.done();
    }
  }
  if (params.command === CreatePolicyCommand) {
    const [folderUri, template] = params.arguments ?? [];
    const folder = typeof folderUri === 'string' ? toFsPath(folderUri) : undefined;
    if (!folder) return { error: 'A policy file can only be created in a folder on disk' };
    const result = await createPolicy(folder, typeof template === 'string' ? template : 'apache');
    // Editors without file watching learn about the new policy here.
    if (!result.error) { folders.clear(); refreshAll(); }
    return result;
  }
  if (aiCommands.includes(params.command)) {
    const uri = String(params.arguments?.[0] ?? '');
    const doc = documents.get(uri);
    const target = doc && (await stateForUri(uri));
    if (!doc || !target) return { error: 'OSPO: open a file on disk first.' };
    const { answer, edit, label } = await aiCommand(params.command, params.arguments ?? [], doc, target.state);
    if (edit) await connection.workspace.applyEdit({ label, edit });
    return answer;
  }
  if (params.command !== InsertHeaderCommand) return;
  const uri = String(params.arguments?.[0] ?? '');
  const doc = documents.get(uri);
  const target = doc && (await stateForUri(uri));
  if (!doc || !target) {
    void connection.window.showWarningMessage('OSPO: open a file to insert a license header.');
    return;
  }
  const { result } = await checkDocument(doc, target.fsPath, target.state, logError, await folders.reuseFor(target.state));
  const missing = result.findings.find((f) => f.rule === 'header-missing');
  const finding = missing?.fix ? missing : undefined;
  if (!finding || !result.file) {
    // Say why nothing happened: a header is there, the file is exempt, or no comment style is known for it.
    const why = missing ? missing.message : result.exempt ? `this file is not checked (${result.exempt}).` : 'this file already has a license header.';
    void connection.window.showInformationMessage(`OSPO: ${why}`);
    return;
  }
  const edits = editsFor(finding, result.file, result.policy ?? target.state.policy, await folders.fixContext(target.state));
  await connection.workspace.applyEdit({ label: message('fix.insert-header'), edit: { changes: { [uri]: edits } } });
});

connection.onShutdown(() => outside.dispose());

// A failure in one handler is logged, never allowed to end the process (the server must not crash on content).
process.on('unhandledRejection', (reason) => logError(`Unhandled error: ${reason instanceof Error ? reason.stack : String(reason)}`));

documents.listen(connection);
connection.listen();
