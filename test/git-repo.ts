// git in a throw-away repository for tests: away from the user's and the system's configuration, with a fixed
// identity, failing the test when git fails. The one helper for every test that builds a history.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The environment of git (and of the CLI) in `dir`: no system or user config, HOME there. */
export function isolatedGitEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(dir, '.no-gitconfig') };
}

/** `git(...args)` in `dir`: its trimmed stdout. */
export function gitIn(dir: string): (...args: string[]) => string {
  const env = isolatedGitEnv(dir);
  return (...args) => {
    const r = spawnSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
}
