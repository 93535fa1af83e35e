// A minimal LSP client for tests: spawns the bundled server over stdio and records what it sends.

import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  ServerCapabilities,
  ConfigurationParams,
  createProtocolConnection,
  Diagnostic,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const serverPath = path.resolve(__dirname, '../../../dist/server.js');

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  /** The last diagnostics pushed per URI. */
  readonly pushed = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  /** What workspace/configuration answers for section `ospo`. */
  settings: Record<string, unknown> = { enable: true, policyFile: '' };
  /** What workspace/configuration answers for section `files.encoding` (VS Code's id, such as `shiftjis`); null unset. */
  filesEncoding: string | null = null;
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly messages: string[] = [];
  /** Every publishDiagnostics URI, in order, to count what the server re-checked. */
  readonly publishedUris: string[] = [];
  /** window/logMessage entries of type Error (1). */
  readonly loggedErrors: string[] = [];
  /** Every window/logMessage text, in order. */
  readonly logged: string[] = [];

  /**
   * `nodeArgs`: options for the server's Node, such as a memory cap (`--max-old-space-size=…`, the hostile
   * suite's); OSPO_SERVER_NODE_ARGS adds more from the environment (a profiler, for the benchmarks).
   */
  constructor(nodeArgs: string[] = []) {
    const fromEnv = (process.env.OSPO_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    this.child = spawn(process.execPath, [...nodeArgs, ...fromEnv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.pushed.set(p.uri, p);
      this.publishedUris.push(p.uri);
      this.notify();
    });
    this.connection.onRequest('workspace/configuration', (p: ConfigurationParams) =>
      p.items.map((i) => (i.section === 'files.encoding' ? this.filesEncoding : this.settings)),
    );
    this.connection.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(p);
      this.notify();
      return { applied: true };
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.notify();
      return null;
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) this.loggedErrors.push(p.message);
      this.logged.push(p.message);
      this.notify();
    });
    // vscode-languageserver's showInformationMessage and friends ask a request (window/showMessageRequest).
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      return null;
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.notify();
    });
    this.connection.listen();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `test` holds, re-testing after each message from the server; rejects at the deadline. */
  async until<T>(test: () => T | undefined, what: string, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = test();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** What the server said it can do, in its initialize result. */
  serverCapabilities?: ServerCapabilities;

  /** `bare` declares no capabilities at all, as the most minimal LSP client would. */
  async initialize(rootPath: string, opts: { pull: boolean; moreFolders?: string[]; bare?: boolean; locale?: string }): Promise<void> {
    const capabilities: ClientCapabilities = opts.bare
      ? {}
      : {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeConfiguration: { dynamicRegistration: true },
            workspaceEdit: { documentChanges: true },
            diagnostics: { refreshSupport: opts.pull },
          },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            publishDiagnostics: { relatedInformation: true },
            ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
            completion: { completionItem: { snippetSupport: true } },
          },
        };
    const uri = 'file://' + rootPath;
    ({ capabilities: this.serverCapabilities } = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      capabilities,
      locale: opts.locale,
      workspaceFolders: [rootPath, ...(opts.moreFolders ?? [])].map((p) => ({ uri: 'file://' + p, name: path.basename(p) })),
    }));
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  diagnosticsFor(uri: string, version?: number): Diagnostic[] | undefined {
    const p = this.pushed.get(uri);
    if (!p || (version !== undefined && p.version !== undefined && p.version !== version)) return undefined;
    return p.diagnostics;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.connection.dispose();
    this.child.kill();
  }
}
