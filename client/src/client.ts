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

// Files whose change can alter findings in other files. The client only watches inside workspace
// folders; a policy file outside them is the server's to watch (see style.md, "Pitfalls").
const watchedGlobs = [
  '**/.ospo/policy.yaml',
  '**/*.license', // REUSE sidecar license files
  '**/REUSE.toml',
  '**/.reuse/dep5',
  '**/LICENSES/*',
  '**/.gitignore', // .gitignore and .gitattributes decide which files are ignored or generated
  '**/.gitattributes',
  '**/.git/info/exclude',
  '**/.git/logs/HEAD', // a commit or checkout: the AI evidence in git history may have changed
];

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
