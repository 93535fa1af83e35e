// The language server's state, owned by one object that server.ts creates: the connection, the open
// documents, the workspace folders with their policies, the settings, the workspace scan, the policy
// files watched outside the folders, and what the client supports.

import * as path from 'node:path';
import { Connection, Emitter, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { commitRepoRoot, isCommitMessagePath } from './commit-message';
import { Folders, FolderState, toFsPath } from './folders';
import { SettingsCache } from './settings';
import { OutsideWatchers } from './watch';
import { WorkspaceScan } from './workspace-scan';
import { holdsPath } from '../io/fs-paths';

/** What the client declared in `initialize`. */
export interface ClientSupport {
  configuration: boolean;
  dynamicConfiguration: boolean;
  workspaceFolders: boolean;
  /** Neovim 0.7 and other older clients only take pushed diagnostics. */
  pullDiagnostics: boolean;
  refreshDiagnostics: boolean;
  workDoneProgress: boolean;
}

export interface DocumentTarget {
  fsPath: string;
  state: FolderState;
}

export class Session {
  readonly folders: Folders;
  readonly settings: SettingsCache;
  readonly scan: WorkspaceScan;
  client: ClientSupport = {
    configuration: false,
    dynamicConfiguration: false,
    workspaceFolders: false,
    pullDiagnostics: false,
    refreshDiagnostics: false,
    workDoneProgress: false,
  };
  /** Fires with the policy files outside every workspace folder that changed on disk. */
  readonly outsideChanged = new Emitter<string[]>();
  private readonly outside: OutsideWatchers;
  private readonly watchedVersion = new WeakMap<FolderState, number>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
  ) {
    this.folders = new Folders((m) => connection.console.info(m));
    this.settings = new SettingsCache(connection, () => this.client.configuration);
    this.scan = new WorkspaceScan({
      connection,
      isOpen: (uri) => !!documents.get(uri),
      log: (m) => connection.console.info(m),
      settings: (root) => this.settings.get(URI.file(root).toString()),
      editorEncoding: (root) => this.settings.editorEncoding(URI.file(root).toString()),
      fileEncodings: (root) => this.settings.fileEncodingsUnder(URI.file(root).toString()),
    });
    this.outside = new OutsideWatchers(
      (files) => this.outsideChanged.fire(files),
      (m) => connection.console.warn(m),
    );
  }

  logError(m: string): void {
    this.connection.console.error(m);
  }

  /** A workspace folder's state, under the folder's own ospo.policyFile setting. */
  async stateForRoot(root: string): Promise<FolderState> {
    return this.folders.stateFor(root, (await this.settings.get(URI.file(root).toString())).policyFile);
  }

  async stateForUri(uri: string): Promise<DocumentTarget | undefined> {
    const fsPath = toFsPath(uri);
    if (!fsPath) return undefined;
    // `git commit` may open the editor outside a workspace folder: the repository's policy still applies.
    const repoRoot = isCommitMessagePath(fsPath) ? commitRepoRoot(fsPath) : undefined;
    // With folders open, a file outside all of them is not the project's: the editor's own settings.json, a
    // dependency's source opened by go-to-definition. Checking it cries wolf; ESLint's flat config ignores such
    // files too. A policy file a folder uses is the exception, wherever it is.
    if (!repoRoot && this.folders.outsideFolders(fsPath)) {
      // Which files are policy files is known once the folders' policies are read.
      await Promise.all(this.folders.getRoots().map((r) => this.stateForRoot(r)));
      if (!this.folders.ownerOfPolicyFile(fsPath)) return undefined;
    }
    const root = this.folders.rootFor(repoRoot ? path.join(repoRoot, 'COMMIT_EDITMSG') : fsPath);
    const state = await this.stateForRoot(root);
    if (state.version !== this.watchedVersion.get(state)) {
      this.watchedVersion.set(state, state.version);
      this.watchOutside();
    }
    return { fsPath, state };
  }

  /** Watches the policy files the folders depend on that no client watcher covers. */
  watchOutside(): void {
    const roots = this.folders.all().map((s) => s.root);
    const inside = (f: string) => roots.some((r) => holdsPath(r, f));
    this.outside.sync([...new Set(this.folders.all().flatMap((s) => s.dependencies))].filter((f) => !inside(f)));
  }

  dispose(): void {
    this.outside.dispose();
    this.outsideChanged.dispose();
  }
}
