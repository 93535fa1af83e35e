// The reviewer the AI-disclosure commands write: the git user of the workspace folder, as
// io/fix-context.ts reads it for the copyright holder. Read when a command runs, never per keystroke.

import { gitValue } from './git-run';

export interface Reviewer {
  name?: string;
  email?: string;
}

const gitConfig = (cwd: string, key: string) => gitValue(cwd, ['config', key]);

/** `git config user.name` and `user.email` in `root`; either is undefined when git or the setting is missing. */
export async function reviewerFor(root: string): Promise<Reviewer> {
  const [name, email] = await Promise.all([gitConfig(root, 'user.name'), gitConfig(root, 'user.email')]);
  return { name, email };
}
