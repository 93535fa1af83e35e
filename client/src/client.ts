import * as vscode from 'vscode';
import type { InitializationOptions } from '../../server/src/lsp/protocol';
import {
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

/**
 * Every file on disk and every unsaved buffer, in any language: headers and AI markers can appear anywhere.
 * Left to type inference so it fits both vscode's and the protocol's selector types.
 */
export const documentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

// Every file in the workspace folders: after a workspace scan, a file changed on disk is checked
// again alone, and some files change the findings of others (the policy, .license sidecars,
// REUSE.toml, LICENSES/, .gitignore and .gitattributes, and .git/logs/HEAD for the AI evidence in
// git history). VS Code serves this from the watcher it already runs on the workspace; the client
// only watches inside workspace folders, so a policy file elsewhere is the server's to watch
// (see style.md, "Pitfalls").
const watchedGlobs = ['**/*'];

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // Used when the extension host itself runs under a debugger (F5), so the server can be attached to.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const fileEvents = watchedGlobs.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...fileEvents);

  const clientOptions: LanguageClientOptions = {
    documentSelector,
    synchronize: { fileEvents },
    outputChannel,
    // The status item turns red when the server fails and links to the log; popping the
    // output open on every logged error would steal focus while the user types (as vscode-eslint does).
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // In an untrusted workspace the server fetches no remote base policy (see WorkspaceTrustedNotification).
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
  };

  // The id 'ospo' makes the client read `ospo.trace.server` itself.
  return new LanguageClient('ospo', 'OSPO Compliance', serverOptions, clientOptions);
}
