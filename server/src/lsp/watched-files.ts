// Files changed on disk (the client's watchers, and our own for policy files outside the folders):
// what each change invalidates (policy, baseline, REUSE metadata, git rules, AI history), which open documents
// are checked again, and the rescans of scanned folders that follow.

import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { GitRules } from '../io/git-rules';
import { policyFileName } from '../io/policy-source';
import type { DocumentChecks } from './document-checks';
import { FolderState, toFsPath } from './folders';
import type { Session } from './session';

/** A rescan starts this long after the last change, so typing in the policy file does not start a scan per keystroke. */
const rescanDelay = 1000;
/** How long after a baseline change it is read once more (reloadBaseline). */
const baselineSettleMs = 300;

export class WatchedFiles {
  private rescanTimer: NodeJS.Timeout | undefined;
  private rescanToken: { isCancellationRequested: boolean } | undefined;
  private rescanForced = false;

  constructor(
    private readonly session: Session,
    private readonly checks: DocumentChecks,
  ) {}

  register(): void {
    const { connection, folders, scan } = this.session;
    this.session.outsideChanged.event((files) => void this.reloadDependents(files));
    connection.onDidChangeWatchedFiles(async (e) => {
      const files = e.changes.map((c) => toFsPath(c.uri)).filter((f): f is string => !!f);
      // One changed file costs one check, not a scan.
      for (const f of files) if (!/[\\/]\.git[\\/]/.test(f)) scan.fileChanged(f);
      if (files.some((f) => /[\\/]\.git[\\/]logs[\\/]HEAD$/.test(f))) {
        for (const state of folders.all()) state.history.refresh();
        this.checks.refreshAll();
        this.scheduleRescan(true);
      }
      // REUSE metadata changed: licensing of other files may have changed with it.
      if (files.some((f) => /(^|[\\/])REUSE\.toml$|[\\/]\.reuse[\\/]|[\\/]LICENSES[\\/]/.test(f))) {
        folders.forgetReuse();
        this.checks.refreshAll();
        this.scheduleRescan(true);
      }
      // Git's rules changed: forget them, and re-check everything open.
      if (files.some((f) => /[\\/]\.git(ignore|attributes)$|[\\/]\.git[\\/]info[\\/]exclude$/.test(f))) {
        for (const state of folders.all()) state.git = new GitRules(state.root);
        this.checks.refreshAll();
        this.scheduleRescan();
      }
      // A folder's baseline (.ospo/suppressions.json) written, changed or deleted: read it again, show everything by it.
      const baselines = new Set((await Promise.all(files.map((f) => folders.ownerOfBaseline(f)))).filter((s): s is FolderState => !!s));
      for (const state of baselines) {
        await this.reloadBaseline(state);
        // A watcher can report a file as created before its text is written, and fold the write into that one
        // event (seen in code-server): read it once more a moment later, and show it again if it changed.
        setTimeout(() => void this.reloadBaseline(state, true), baselineSettleMs);
      }
      // A policy file that appeared where none was: its folder must start using it.
      const created = files.filter((f) => f.endsWith(path.sep + policyFileName) && !folders.dependentsOf(f).length);
      if (created.length) {
        folders.clear();
        this.checks.refreshAll();
        this.scheduleRescan();
        return;
      }
      await this.reloadDependents(files);
    });
  }

  /** Reads the folder's baseline again and shows everything by it; with `ifChanged`, only when it changed. */
  private async reloadBaseline(state: FolderState, ifChanged = false): Promise<void> {
    const before = JSON.stringify(state.baseline);
    await this.session.folders.loadBaseline(state);
    if (ifChanged && JSON.stringify(state.baseline) === before) return;
    await this.session.scan.reshow(state.root);
    this.checks.refreshAll();
  }

  /** Reads again the policies built from `files`, then re-checks what they govern. */
  private async reloadDependents(files: string[]): Promise<void> {
    const { folders, settings } = this.session;
    const states = new Set(files.flatMap((f) => folders.dependentsOf(f)));
    for (const state of states) {
      const { policyFile } = await settings.get(URI.file(state.root).toString());
      await folders.reload(state, policyFile);
    }
    this.session.watchOutside();
    if (states.size) {
      this.checks.refreshAll();
      this.scheduleRescan();
    }
  }

  /**
   * Scans again the scanned folders whose policy or git rules changed (or all, when `force`), a
   * second after the last change. The cache makes it cheap when only the file list changed.
   */
  scheduleRescan(force = false): void {
    const { scan, settings } = this.session;
    if (!scan.active) return;
    this.rescanForced ||= force;
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(
      () =>
        void (async () => {
          if (this.rescanToken) this.rescanToken.isCancellationRequested = true;
          const token = (this.rescanToken = { isCancellationRequested: false });
          const stale: FolderState[] = [];
          for (const root of scan.roots()) {
            const state = await this.session.stateForRoot(root);
            if (this.rescanForced || !scan.isCurrent(state)) stale.push(state);
          }
          this.rescanForced = false;
          if (stale.length) {
            scan.maxPerFile = (await settings.get(URI.file(stale[0].root).toString())).maxFindingsPerFile;
            await scan.scan(stale, token, () => {});
          }
        })().catch((err) => this.session.logError(`Rescan failed: ${(err as Error).stack ?? err}`)),
      rescanDelay,
    );
  }
}
