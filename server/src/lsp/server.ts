// The language server's composition root: makes the connection, the session that owns the state,
// and wires the parts to it. Nothing happens at import: main.ts (the bundle's entry) calls startServer.

import {
  CodeActionKind,
  Connection,
  createConnection,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument, lineDocuments } from './line-document';
import { URI } from 'vscode-uri';
import { setLocale } from '../engine/l10n';
import { commands, executeCommand } from './commands';
import { DocumentChecks } from './document-checks';
import { registerFeatures } from './features';
import { DocumentEncodingNotification, InitializationOptions, WorkspaceTrustedNotification } from '../../../shared/protocol';
import { Session } from './session';
import { completionTriggers } from './spdx-assist';
import { version } from '../version';
import { WatchedFiles } from './watched-files';
import { notificationType, notificationType0 } from './typed-messages';
import { stdioConnection } from './stdio';

/** The connection the command line asks for: `--stdio` (stdio.ts), else what vscode-languageserver reads from it (the VS Code client's IPC). */
function connectionFromArgs(): Connection {
  return process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
}

/** Starts the server on `connection` (by default the one the command line or the client's IPC gives). */
export function startServer(connection: Connection = connectionFromArgs()): Session {
  // Open documents as lines: an edit copies its lines, not the document (line-document.ts).
  const documents: TextDocuments<TextDocument> = new TextDocuments<LineDocument>(lineDocuments);
  const session = new Session(connection, documents);
  const { folders, settings, scan } = session;
  const checks: DocumentChecks = new DocumentChecks(session, () => watched.scheduleRescan());
  const watched = new WatchedFiles(session, checks);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = params.initializationOptions as InitializationOptions | undefined;
    // Messages in the editor's display language (VS Code sends it; other editors may not).
    setLocale(options?.locale ?? params.locale);
    const caps = params.capabilities;
    session.client = {
      configuration: !!caps.workspace?.configuration,
      dynamicConfiguration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
      workspaceFolders: !!caps.workspace?.workspaceFolders,
      pullDiagnostics: !!caps.textDocument?.diagnostic,
      refreshDiagnostics: !!caps.workspace?.diagnostics?.refreshSupport,
      workDoneProgress: !!caps.window?.workDoneProgress,
    };
    folders.trusted = options?.workspaceTrusted ?? true;
    const roots =
      params.workspaceFolders?.map((f) => URI.parse(f.uri).fsPath) ??
      (params.rootUri ? [URI.parse(params.rootUri).fsPath] : params.rootPath ? [params.rootPath] : []);
    folders.setRoots(roots);
    return {
      capabilities: {
        // Saves are wanted for ospo.run: onSave.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.ospo'] },
        completionProvider: { resolveProvider: false, triggerCharacters: completionTriggers },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.keys(commands) },
        diagnosticProvider: session.client.pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ospo-language-server', version },
    };
  });

  connection.onInitialized(() => {
    // The log starts with what a bug report needs: the version, then each folder's policy (folders.ts logs it when read).
    connection.console.info(`OSPO language server ${version}, Node ${process.version}`);
    for (const root of folders.getRoots()) void session.stateForRoot(root);
    if (session.client.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    // Only clients that support workspace folders may be asked for their changes; others make this throw.
    if (session.client.workspaceFolders)
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const current = new Set(folders.getRoots());
        for (const f of e.removed) {
          current.delete(URI.parse(f.uri).fsPath);
          scan.forget(URI.parse(f.uri).fsPath);
        }
        for (const f of e.added) current.add(URI.parse(f.uri).fsPath);
        folders.setRoots([...current]);
        checks.refreshAll();
      });
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    folders.clear();
    watched.scheduleRescan();
    checks.refreshAll();
  });

  connection.onNotification(notificationType(DocumentEncodingNotification), ({ uri, encoding }) => session.settings.setFileEncoding(uri, encoding));

  connection.onNotification(notificationType0(WorkspaceTrustedNotification), () => {
    folders.trusted = true;
    folders.clear();
    checks.refreshAll();
  });

  checks.register();
  watched.register();
  registerFeatures(session);
  connection.onExecuteCommand((params, token, progress) => executeCommand(params.command, params.arguments, { session, checks, token, progress }));
  connection.onShutdown(() => session.dispose());

  documents.listen(connection);
  connection.listen();
  return session;
}
