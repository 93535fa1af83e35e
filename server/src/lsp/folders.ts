// Per-workspace-folder state: which policy is in force (the last good one while the file is broken),
// the problems in the policy file, and the fix context. Each folder of a multi-root workspace has its own.

import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { FixContext } from '../engine/context';
import { defaultPolicy, Policy } from '../engine/policy';
import { loadPolicy, PolicyProblem } from '../engine/policy-file';
import { fixContextFor } from '../io/fix-context';
import { policyFileName, readPolicy } from '../io/policy-source';

export interface FolderState {
  root: string;
  policy: Policy;
  /** The policy file in use, if any, and the problems found in it. */
  policyFile?: string;
  problems: PolicyProblem[];
  /** Bumped whenever the policy changes, so cached results can tell they are stale. */
  version: number;
  fixContext?: Promise<FixContext>;
}

export class Folders {
  // Promises, so that requests arriving while a policy is still being read wait for it.
  private folders = new Map<string, Promise<FolderState>>();
  private loaded = new Map<string, FolderState>();
  private roots: string[] = [];

  constructor(private log: (message: string) => void = () => {}) {}

  setRoots(roots: string[]): void {
    this.roots = [...roots].sort((a, b) => b.length - a.length);
  }

  /** The workspace folder holding a path; a file outside every folder gets its own folder as root. */
  rootFor(fsPath: string): string {
    return this.roots.find((r) => fsPath === r || fsPath.startsWith(r + path.sep)) ?? path.dirname(fsPath);
  }

  stateFor(root: string, policySetting: string): Promise<FolderState> {
    let state = this.folders.get(root);
    if (!state) {
      const fresh: FolderState = { root, policy: defaultPolicy(), problems: [], version: 0 };
      state = this.reload(fresh, policySetting).then(() => {
        this.loaded.set(root, fresh);
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
    const loaded = await readPolicy(state.root, policySetting || undefined);
    this.apply(state, loaded.file, loaded.policy, loaded.problems);
  }

  /** Uses the text of an open, possibly unsaved policy document, so errors show while typing. */
  applyText(state: FolderState, file: string, text: string): void {
    const loaded = loadPolicy(text, file);
    this.apply(state, file, loaded.policy, loaded.problems);
  }

  private apply(state: FolderState, file: string | undefined, policy: Policy | undefined, problems: PolicyProblem[]): void {
    const changed = state.policyFile !== file || JSON.stringify(state.problems) !== JSON.stringify(problems) || state.version === 0;
    state.policyFile = file;
    state.problems = problems;
    if (policy) state.policy = policy;
    state.version++;
    if (changed) {
      const errors = problems.filter((p) => p.severity === 'error').length;
      this.log(`Policy for ${state.root}: ${file ?? 'built-in default'}` +
        (errors ? ` has ${errors} error${errors === 1 ? '' : 's'}; keeping the last good policy (${state.policy.source})` : ''));
    }
  }

  fixContext(state: FolderState): Promise<FixContext> {
    state.fixContext ??= fixContextFor(state.root);
    return state.fixContext;
  }

  /** The folder whose policy file is this path, if any. */
  ownerOfPolicyFile(fsPath: string): FolderState | undefined {
    return this.all().find((s) => s.policyFile === fsPath || path.join(s.root, policyFileName) === fsPath);
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
