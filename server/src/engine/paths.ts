// Which paths the policy covers: `files.include` and `files.exclude` globs, plus folders no one
// wants checked (dependencies, VCS data). Paths are relative to the workspace folder, with `/`.

import picomatch from 'picomatch';
import type { Policy } from './policy';

export const alwaysExcluded = ['**/.git/**', '**/node_modules/**', '**/.hg/**', '**/.svn/**'];

const cache = new WeakMap<Policy, (path: string) => boolean>();

export function isCovered(relPath: string, policy: Policy): boolean {
  let test = cache.get(policy);
  if (!test) {
    const include = picomatch(policy.files.include, { dot: true });
    const exclude = picomatch([...alwaysExcluded, ...policy.files.exclude], { dot: true });
    test = (p) => include(p) && !exclude(p);
    cache.set(policy, test);
  }
  // A path outside the folder ("../x") is not the folder's to judge; the caller decides.
  return relPath.startsWith('../') || test(relPath);
}
