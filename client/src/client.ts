import * as vscode from 'vscode';
import { type InitializationOptions, serverEnvironment } from '../../shared/protocol';
import { messageLocale } from './l10n';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
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
// (see docs/design/architecture.md).
const watchedGlobs = ['**/*'];

/** How many times a server that died is started again, within `restartWindowMs`, before the client gives up. */
export const maxRestarts = 4;
export const restartWindowMs = 3 * 60 * 1000;

/**
 * Restarts a server that died, at most `maxRestarts` times within `restartWindowMs`, and tells the
 * user once: when it gives up (a crash loop would otherwise pop a message per crash). Connection
 * errors are shrugged off a few times, like the default handler does. Restarts that are spread out
 * (one crash a day) never add up to giving up. Exported for tests.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];
  private told = false;

  constructor(
    private readonly notify: (message: string) => void,
    private readonly now: () => number = Date.now,
    private readonly max = maxRestarts,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A write or read error on the connection: keep going unless it keeps happening.
    return count && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    // Closed again after giving up: someone started it by hand ("OSPO: Restart server"), so count afresh.
    if (this.told) this.reset();
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < restartWindowMs);
    this.restarts.push(now);
    if (this.restarts.length <= this.max) return { action: CloseAction.Restart, handled: true };
    if (!this.told) {
      this.told = true;
      this.notify(
        `OSPO Compliance: the language server stopped ${this.restarts.length} times in ${Math.round(restartWindowMs / 60000)} minutes and will not be restarted. See the OSPO Compliance output for details; "OSPO: Restart server" starts it again.`,
      );
    }
    // Handled: the client only logs, the one message above is all the user sees.
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private reset(): void {
    this.restarts = [];
    this.told = false;
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // What the user's own environment sets wins over ours.
  const env = { ...serverEnvironment, ...process.env };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    // Used when the extension host itself runs under a debugger (F5), so the server can be attached to.
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const fileEvents = watchedGlobs.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(...fileEvents);

  const errorHandler = new RestartingErrorHandler((m) => {
    outputChannel.error(m);
    void vscode.window.showErrorMessage(m);
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    errorHandler,
    synchronize: { fileEvents },
    outputChannel,
    // The status item turns red when the server fails and links to the log; popping the
    // output open on every logged error would steal focus while the user types (as vscode-eslint does).
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // In an untrusted workspace the server fetches no remote base policy (see WorkspaceTrustedNotification).
    // A function, so a restart sends the current values. The locale: ospo.locale, else VS Code's display language.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted, locale: messageLocale() }) satisfies InitializationOptions,
  };

  // The id 'ospo' makes the client read `ospo.trace.server` itself.
  return new LanguageClient('ospo', 'OSPO Compliance', serverOptions, clientOptions);
}
