// Lists the files to check under a folder: fast-glob for the walk and the policy's globs,
// GitRules for .gitignore semantics. Issue 5 grows this into the workspace scanner.

import fg from 'fast-glob';
import * as path from 'node:path';
import { alwaysExcluded } from '../engine/paths';
import type { Policy } from '../engine/policy/model';
import { GitRules } from './git-rules';

/** Files under `dir`, relative to it and `/`-separated, sorted. `git` holds the rules of the folder `dir` lies in. */
export async function listFiles(dir: string, policy: Policy, git: GitRules): Promise<string[]> {
  const files = await fg(policy.files.include, {
    cwd: dir,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: [...alwaysExcluded, ...policy.files.exclude],
    suppressErrors: true,
  });
  if (!policy.files.respectGitignore) return files.sort();
  const prefix = path.relative(git.root, dir).split(path.sep).join('/');
  const keep = await Promise.all(files.map(async (f) => !(await git.isIgnored(prefix && !prefix.startsWith('..') ? `${prefix}/${f}` : f))));
  return files.filter((_, i) => keep[i]).sort();
}
