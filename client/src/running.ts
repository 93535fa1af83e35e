import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client';
import { commandHandlers, RestartServerCommand, ScanWorkspaceClientCommand } from './commands';
import { OspoStatus } from './status';
import { LicensingStatus } from './licensing-status';
import { offerPolicy } from './onboarding';
import { reportDocumentEncodings } from './document-encodings';
import { settingsSchema, settingsSection, WorkspaceTrustedNotification } from '../../shared/protocol';
import { notificationType0 } from './typed-messages';

/** The extension once the language client library is loaded: the client, its UI, and what each command does. */
export interface Running {
  client: LanguageClient;
  handlers: Record<string, (...args: unknown[]) => unknown>;
  /** Resolves when the server has started (or failed to: the status item then says so). */
  started: Promise<void>;
  stop(): Promise<void>;
}

export function start(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): Running {
  const client = createLanguageClient(context, channel);
  context.subscriptions.push(new OspoStatus(client), new LicensingStatus(client), reportDocumentEncodings(client));
  const handlers = commandHandlers(client, channel);

  // The server reads the locale when it starts: a new one needs a restart.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      // After this event's other listeners: the language client's own sends the change to the server, and
      // fails with "Starting server failed" in the log when the restart has already begun stopping it.
      if (e.affectsConfiguration('ospo.locale')) setTimeout(() => void vscode.commands.executeCommand(RestartServerCommand), 0);
    }),
  );
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      client.sendNotification(notificationType0(WorkspaceTrustedNotification)).catch(() => undefined);
    }),
  );

  const started = client.start().then(
    () => {
      void offerPolicy(context);
      // Opt-in: the Problems view lists every file's findings from the start (cached, so cheap the second time).
      if (vscode.workspace.getConfiguration(settingsSection).get<boolean>('scanOnStartup', settingsSchema.scanOnStartup.default))
        void vscode.commands.executeCommand(ScanWorkspaceClientCommand);
    },
    (error: unknown) => {
      // The client has already logged and announced the failure; the status item now shows it
      // and "OSPO: Restart server" can try again.
      channel.error('The language server failed to start', error);
    },
  );

  return {
    client,
    handlers,
    started,
    // stop() throws unless the client is running; a server that never started has nothing to stop.
    stop: async () => {
      // A stop during the start waits for it, so the server is not left running.
      await started;
      if (client.state === State.Running) await client.stop();
    },
  };
}
