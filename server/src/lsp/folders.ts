// Per-workspace-folder state: which policy is in force (the last good one while the file is broken),
// the problems in the policy file, the files it was built from, and the fix context.
// Each folder of a multi-root workspace has its own.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { FixContext } from '../engine/context';
import { defaultPolicy, Policy } from '../engine/policy/model';
import type { PolicyProblem } from '../engine/policy/parse';
import { fixContextFor } from '../io/fix-context';
import { GitRules } from '../io/git-rules';
import { GitHistory } from '../io/git-history';
import { LoadedPolicy, loadPolicyText, PolicyOptions, policyFileName, readPolicy } from '../io/policy-source';
import { LoadedReuseContext, loadReuseInput } from '../io/reuse-source';
import type { ReuseInput } from '../engine/reuse/input';
import { Baseline, isBaselineError } from '../engine/baseline';
import { baselineFile, readBaseline } from '../io/baseline-file';
import { holdsPath } from '../io/fs-paths';

export interface FolderState {
  root: string;
  policy: Policy;
  /** The policy file in use, if any, and the problems found in it. */
  policyFile?: string;
  problems: PolicyProblem[];
  /** Local files the policy was read from (the file and its bases), to watch for changes. */
  dependencies: string[];
  /** Bumped whenever the policy is read again. */
  version: number;
  fixContext?: Promise<FixContext>;
  /** .gitignore and .gitattributes rules of the folder. */
  git: GitRules;
  /** AI commits per file, read once from git history. */
  history: GitHistory;
  /** The open document text last applied, so a pull request after a change does not read it twice. */
  appliedText?: string;
  /** Counts applyText calls, so that only the newest one's result is kept. */
  applySeq: number;
  /** The folder's REUSE metadata (REUSE.toml, dep5, LICENSES/), read on first use; undefined inside when the folder does not follow REUSE. */
  reuse?: Promise<LoadedReuse | undefined>;
  /** The folder's baseline, .ospo/suppressions.json: the last one that could be read (docs/design/suppressions.md). */
  baseline: Baseline;
}

export type LoadedReuse = ReuseInput & { context: LoadedReuseContext };

export class Folders {
  // Promises, so that requests arriving while a policy is still being read wait for it.
  private folders = new Map<string, Promise<FolderState>>();
  private loaded = new Map<string, FolderState>();
  private roots: string[] = [];
  /** In an untrusted workspace nothing is fetched and a policy file outside the folder is ignored. */
  trusted = true;

  constructor(
    private log: (message: string) => void = () => {},
    private cacheDir?: string,
  ) {}

  setRoots(roots: string[]): void {
    this.roots = [...roots].sort((a, b) => b.length - a.length);
  }

  /** The workspace folders' paths, whether or not a file in them has been checked yet. */
  getRoots(): string[] {
    return [...this.roots];
  }

  /** Whether folders are open and none holds the path. */
  outsideFolders(fsPath: string): boolean {
    return this.roots.length > 0 && !this.roots.some((r) => holdsPath(r, fsPath));
  }

  /** The workspace folder holding a path; a file outside every folder gets its own folder as root. */
  rootFor(fsPath: string): string {
    return this.roots.find((r) => holdsPath(r, fsPath)) ?? path.dirname(fsPath);
  }

  private options(): PolicyOptions {
    return { allowFetch: this.trusted, cacheDir: this.cacheDir };
  }

  /** The policy file setting as it may be used: in an untrusted workspace only inside the folder. */
  private explicitFile(root: string, setting: string): string | undefined {
    if (!setting) return undefined;
    const file = path.resolve(root, setting);
    if (!this.trusted && !file.startsWith(root + path.sep)) {
      this.log(`Ignoring ospo.policyFile ${file}: it is outside the workspace folder and the workspace is not trusted`);
      return undefined;
    }
    return file;
  }

  stateFor(root: string, policySetting: string): Promise<FolderState> {
    let state = this.folders.get(root);
    if (!state) {
      const fresh: FolderState = {
        root,
        policy: defaultPolicy(),
        problems: [],
        dependencies: [],
        version: 0,
        git: new GitRules(root),
        history: new GitHistory(root),
        applySeq: 0,
        baseline: {},
      };
      state = Promise.all([this.reload(fresh, policySetting), this.loadBaseline(fresh)]).then(() => {
        // A clear() while the policy was read (a setting changed) leaves this state orphaned: do not bring it back.
        if (this.folders.get(root) === state) this.loaded.set(root, fresh);
        return fresh;
      });
      this.folders.set(root, state);
    }
    return state;
  }

  /** Folders whose policy has been read. */
  all(): FolderState[] {
    return [...this.loaded.values()];
  }

  /** Re-reads the policy from disk; on errors the previous policy stays in force. */
  async reload(state: FolderState, policySetting: string): Promise<void> {
    state.appliedText = undefined;
    this.apply(state, await this.guard(state, () => readPolicy(state.root, this.explicitFile(state.root, policySetting), this.options())));
  }

  /**
   * File events can be missed (a watcher still starting) or never sent (clients that do not watch
   * files, such as Neovim 0.7): a policy file that appeared where none was is picked up when a
   * document opens. True when the policy was read again.
   */
  async pickUpNewPolicy(state: FolderState, policySetting: string): Promise<boolean> {
    if (state.policyFile || policySetting) return false;
    try {
      await fs.access(path.join(state.root, policyFileName));
    } catch {
      return false;
    }
    await this.reload(state, policySetting);
    return true;
  }

  /** Uses the text of an open, possibly unsaved policy document, so errors show while typing. */
  async applyText(state: FolderState, file: string, text: string): Promise<void> {
    if (state.appliedText === text && state.policyFile === file) return;
    state.appliedText = text;
    const seq = ++state.applySeq;
    const loaded = await this.guard(state, () => loadPolicyText(file, text, this.options()));
    // Keystrokes can finish out of order (bases are read from disk): only the newest text counts.
    if (seq === state.applySeq) this.apply(state, loaded);
  }

  /** A policy that cannot be read at all becomes a problem on line 1; the last good policy stays in force. */
  private async guard(state: FolderState, read: () => Promise<LoadedPolicy>): Promise<LoadedPolicy> {
    try {
      return await read();
    } catch (err) {
      this.log(`Reading the policy for ${state.root} failed: ${(err as Error).stack ?? err}`);
      return {
        file: state.policyFile,
        problems: [
          { severity: 'error', message: `The policy could not be read: ${(err as Error).message}`, line: 0, character: 0, endLine: 0, endCharacter: 0 },
        ],
        dependencies: state.dependencies,
      };
    }
  }

  private apply(state: FolderState, loaded: LoadedPolicy): void {
    const changed = state.policyFile !== loaded.file || JSON.stringify(state.problems) !== JSON.stringify(loaded.problems) || state.version === 0;
    state.policyFile = loaded.file;
    state.problems = loaded.problems;
    state.dependencies = loaded.dependencies;
    if (loaded.policy) state.policy = loaded.policy;
    state.version++;
    if (changed) {
      const errors = loaded.problems.filter((p) => p.severity === 'error').length;
      this.log(
        `Policy for ${state.root}: ${loaded.file ?? 'built-in default policy'}` +
          (!loaded.policy
            ? ` has ${errors} error${errors === 1 ? '' : 's'}; keeping the last good policy (${state.policy.source})`
            : errors
              ? ` (${errors} problem${errors === 1 ? '' : 's'} with its bases)`
              : ''),
      );
    }
  }

  /** Reads the folder's baseline again; one that cannot be read is logged, and the last good one stays in use. */
  async loadBaseline(state: FolderState): Promise<void> {
    const read = await readBaseline(state.root);
    if (isBaselineError(read)) this.log(`${baselineFile(state.root)}: ${read.error}; keeping the last baseline that could be read`);
    else state.baseline = read;
  }

  /**
   * The folder whose baseline file (or the folder holding it) is this path, if any, waiting for one whose policy is still being read:
   * that read may have looked for the baseline before the change, and would keep the old one.
   */
  async ownerOfBaseline(fsPath: string): Promise<FolderState | undefined> {
    // Or its folder: a file written into a folder just made can come with no event of its own (inotify
    // watches the new folder only once it has seen it; `ospo check --suppress-all` makes .ospo/ and the file at once).
    const root = [...this.folders.keys()].find((r) => baselineFile(r) === fsPath || path.dirname(baselineFile(r)) === fsPath);
    return root === undefined ? undefined : this.folders.get(root);
  }

  /** The REUSE input for checks in the folder; forgotten by `forgetReuse` when its files change. */
  reuseFor(state: FolderState): Promise<LoadedReuse | undefined> {
    state.reuse ??= loadReuseInput(state.root).catch((err) => {
      this.log(`Reading the REUSE metadata of ${state.root} failed: ${(err as Error).message}`);
      return undefined;
    });
    return state.reuse;
  }

  forgetReuse(): void {
    for (const state of this.all()) state.reuse = undefined;
  }

  fixContext(state: FolderState): Promise<FixContext> {
    state.fixContext ??= fixContextFor(state.root);
    return state.fixContext;
  }

  /** The folder whose policy file is this path, if any. */
  ownerOfPolicyFile(fsPath: string): FolderState | undefined {
    return this.all().find((s) => s.policyFile === fsPath || path.join(s.root, policyFileName) === fsPath);
  }

  /** Folders whose policy was built from this file (the policy itself or one of its bases). */
  dependentsOf(fsPath: string): FolderState[] {
    return this.all().filter((s) => s.dependencies.includes(fsPath) || path.join(s.root, policyFileName) === fsPath);
  }

  clear(): void {
    this.folders.clear();
    this.loaded.clear();
  }
}

export function toFsPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}
