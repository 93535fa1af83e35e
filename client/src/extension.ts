import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client';
import { registerCommands } from './commands';
import { OspoStatus } from './status';
import { LicensingStatus } from './licensing-status';
import { offerPolicy } from './onboarding';
import { ScanWorkspaceClientCommand } from './commands';
import { WorkspaceTrustedNotification } from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // One log for the client, the server's console and (with a Trace log level) the protocol trace.
  const channel = vscode.window.createOutputChannel('OSPO Compliance', { log: true });
  context.subscriptions.push(channel);

  client = createLanguageClient(context, channel);
  context.subscriptions.push(new OspoStatus(client), new LicensingStatus(client), ...registerCommands(client, channel));

  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void client?.sendNotification(WorkspaceTrustedNotification);
  }));

  try {
    await client.start();
  } catch (error) {
    // The client has already logged and announced the failure; the status item now shows it
    // and "OSPO: Restart server" can try again, so activation itself still succeeds.
    channel.error('The language server failed to start', error);
    return;
  }
  void offerPolicy(context);
  // Opt-in: the Problems view lists every file's findings from the start (cached, so cheap the second time).
  if (vscode.workspace.getConfiguration('ospo').get<boolean>('scanOnStartup')) void vscode.commands.executeCommand(ScanWorkspaceClientCommand);
}

export async function deactivate(): Promise<void> {
  // stop() throws unless the client is running; a server that never started has nothing to stop.
  if (client?.state === State.Running) await client.stop();
}
