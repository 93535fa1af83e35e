// A policy from outside the repository governs nothing (issue 7/7, E): the search for `.ospo/policy.yaml`
// stops at the top of the git repository, else at the folder the CLI runs in; the policy in force is named;
// and a base that `extends` names must be a policy.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../temp-tree';
import { ospo } from './run';

const headerless = 'x = 1\n';
// A planted policy that would pass everything.
const planted = 'version: 1\nfiles:\n  exclude: ["**"]\n';

describe('the policy in force comes from the repository itself', function () {
  this.timeout(30_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const run = (cwd: string, ...args: string[]) => ospo(args, { cwd, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });

  it('a .ospo/policy.yaml above the git repository is not used, and the text output names the built-in one', () => {
    const outer = tempTree({ '.ospo/policy.yaml': planted, 'repo/a.py': headerless }, 'ospo-planted-');
    dirs.push(outer);
    const repo = path.join(outer, 'repo');
    assert.equal(spawnSync('git', ['init', '-q'], { cwd: repo }).status, 0);
    const r = run(repo, 'check', '.');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^a\.py:1:1: error header-missing /m);
    assert.match(r.stderr, /^policy: built-in default policy$/m);
    // The repository's own policy is found from a subfolder, and named.
    fs.mkdirSync(path.join(repo, '.ospo'));
    fs.writeFileSync(path.join(repo, '.ospo/policy.yaml'), planted);
    fs.mkdirSync(path.join(repo, 'src'));
    const own = run(path.join(repo, 'src'), 'check', '.');
    assert.equal(own.status, 0, own.stderr);
    assert.match(own.stderr, /^policy: \.\.\/\.ospo\/policy\.yaml$/m);
  });

  it('outside git, the search stops at the folder the CLI runs in', () => {
    const outer = tempTree({ '.ospo/policy.yaml': planted, 'work/a.py': headerless }, 'ospo-planted-');
    dirs.push(outer);
    const r = run(path.join(outer, 'work'), 'check', '.');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /a\.py:1:1: error header-missing/);
  });

  it('a base that is not a policy is an error on its extends entry', () => {
    const dir = tempTree(
      { '.ospo/policy.yaml': 'version: 1\nextends:\n  - ./passwd.yaml\n', '.ospo/passwd.yaml': 'root: x\nfiles:\n  exclude: ["**"]\n', 'a.py': headerless },
      'ospo-base-',
    );
    dirs.push(dir);
    const r = run(dir, 'check', '.');
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /policy\.yaml:3:\d+: Cannot use base policy '\.\/passwd\.yaml': it is not a policy \(no 'version: 1'\)/);
  });
});
