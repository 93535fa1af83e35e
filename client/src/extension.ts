// When this bundle started to load: activation time counts from here.
const loadStarted = performance.now();

import * as vscode from 'vscode';
import { useExtensionRoot } from './l10n';
import { commandIds } from '../../shared/contributes';
import type { Running } from './running';

/** What the extension exports: the extension-host time its activation took, for the e2e test. */
export interface OspoApi {
  /** Milliseconds of extension-host time spent activating: evaluating this module plus the activate call. */
  activationMs: number;
  loadMs: number;
  activateMs: number;
  /** The deferred load of the language client library, right after activation (not part of it). */
  libraryMs: Promise<number>;
  /** Resolves when the language server has started. */
  ready: Promise<void>;
}

let running: Promise<Running> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<OspoApi> {
  const called = performance.now();
  // One log for the client, the server's console and (with a Trace log level) the protocol trace.
  useExtensionRoot(context.extensionPath);
  const channel = vscode.window.createOutputChannel('OSPO Compliance', { log: true });
  context.subscriptions.push(channel);

  // The language client library takes tens of milliseconds to load: it loads on the next turn of
  // the event loop, so activation itself stays short. The commands exist from the start and wait for it.
  let libraryMs!: (ms: number) => void;
  const library = new Promise<number>((resolve) => {
    libraryMs = resolve;
  });
  running = new Promise<Running>((resolve, reject) =>
    setImmediate(() => {
      try {
        // A require, not an import: esbuild then evaluates the module (and the library) only here.
        const t = performance.now();
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const module = require('./running') as typeof import('./running');
        libraryMs(performance.now() - t);
        resolve(module.start(context, channel));
      } catch (error) {
        channel.error('The extension failed to load', error);
        reject(error);
      }
    }),
  );
  for (const id of commandIds) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => (await running!).handlers[id](...args)));
  }

  const activateMs = performance.now() - called;
  return {
    activationMs: loadMs + activateMs,
    loadMs,
    activateMs,
    libraryMs: library,
    ready: running.then(
      (r) => r.started,
      () => undefined,
    ),
  };
}

export async function deactivate(): Promise<void> {
  // A failed load has nothing to stop.
  await running?.then(
    (r) => r.stop(),
    () => undefined,
  );
}

// Evaluating this module (VS Code then calls activate when it is ready, after a gap that is not ours).
const loadMs = performance.now() - loadStarted;
