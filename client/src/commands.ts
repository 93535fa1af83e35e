import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { InsertHeaderCommand } from '../../server/src/lsp/protocol';
import { documentSelector } from './client';

export const RestartServerCommand = 'ospo.restartServer';
export const ShowLogCommand = 'ospo.showLog';
export const InsertLicenseHeaderCommand = 'ospo.insertLicenseHeader';

export function registerCommands(client: LanguageClient, channel: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RestartServerCommand, () => restartServer(client, channel)),
    vscode.commands.registerCommand(ShowLogCommand, () => channel.show()),
    vscode.commands.registerCommand(InsertLicenseHeaderCommand, () => insertLicenseHeader(client)),
  ];
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
    void showError('The OSPO language server could not be restarted.');
  }
}

async function insertLicenseHeader(client: LanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined) {
    void vscode.window.showInformationMessage('OSPO: open a file first, then run "Insert license header" again.');
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
    await client.sendRequest(ExecuteCommandRequest.type, {
      command: InsertHeaderCommand,
      arguments: [client.code2ProtocolConverter.asUri(document.uri)],
    });
  } catch (error) {
    client.error('Inserting a license header failed', error, false);
    void showError(`OSPO: could not insert a license header: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function showError(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Show log');
  if (choice === 'Show log') await vscode.commands.executeCommand(ShowLogCommand);
}
