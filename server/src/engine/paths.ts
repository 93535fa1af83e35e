// Which paths the policy covers: `files.include` and `files.exclude` globs, plus folders no one
// wants checked (dependencies, VCS data); and which are third-party code. Paths are relative to
// the workspace folder, with `/`.

import { pathGlob } from './glob';
import type { Policy } from './policy/model';

export const alwaysExcluded = ['**/.git/**', '**/node_modules/**', '**/.hg/**', '**/.svn/**'];

const covered = new WeakMap<Policy['files'], (path: string) => boolean>();
const thirdParty = new WeakMap<string[], (path: string) => boolean>();

export function isCovered(relPath: string, policy: Policy): boolean {
  let test = covered.get(policy.files);
  if (!test) {
    const include = pathGlob(policy.files.include);
    const exclude = pathGlob([...alwaysExcluded, ...policy.files.exclude]);
    test = (p) => include(p) && !exclude(p);
    covered.set(policy.files, test);
  }
  // A path outside the folder ("../x") is not the folder's to judge; the caller decides.
  return relPath.startsWith('../') || test(relPath);
}

export function isThirdParty(relPath: string, policy: Policy): boolean {
  const globs = policy.files.thirdParty;
  if (!globs.length) return false;
  let test = thirdParty.get(globs);
  if (!test) {
    test = pathGlob(globs);
    thirdParty.set(globs, test);
  }
  return test(relPath);
}
