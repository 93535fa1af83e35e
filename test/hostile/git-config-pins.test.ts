// A repository's own .git/config must not make ospo run a program (issue 7/7, G; README, "Security
// model"). An archive or a shared folder brings its .git/config along; `core.fsmonitor` naming a script
// makes `git ls-files` and `git diff` run it. Each CLI mode that runs git runs here in such a repository,
// and the script must never have run. The first check proves the trap works: plain git springs it.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gitValue } from '../../server/src/io/git-run';
import { gitIn, isolatedGitEnv } from '../git-repo';
import { tempTree } from '../temp-tree';
import { ospo } from './run';

describe("git never runs a repository's own programs", function () {
  this.timeout(60_000);
  let dir: string;
  let marker: string;
  const env = () => isolatedGitEnv(dir);
  const git = (...args: string[]) => gitIn(dir)(...args);
  const sprung = () => fs.existsSync(marker);

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  before(() => {
    dir = tempTree(
      {
        '.ospo/policy.yaml': 'version: 1\nai:\n  mode: disclose\n',
        'src/a.ts': '// SPDX-FileCopyrightText: 2026 A\n// SPDX-License-Identifier: MIT\nexport {};\n',
      },
      'ospo-git-pins-',
    );
    marker = path.join(dir, 'SPRUNG');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'First\n\nAssisted-by: Claude:claude-opus-4-5');
    fs.appendFileSync(path.join(dir, 'src/a.ts'), '// changed\n');
    fs.writeFileSync(path.join(dir, 'src/new.ts'), 'export {};\n');
    const hook = path.join(dir, '.git', 'fsmonitor-hook');
    fs.writeFileSync(hook, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });
    git('config', 'core.fsmonitor', hook);
    git('config', 'log.showSignature', 'true');
    git('config', 'gpg.program', hook);
    git('config', 'user.name', 'Reviewer');
    // A clean filter for every file: git diff against the work tree runs it to hash a changed file.
    fs.writeFileSync(path.join(dir, '.git', 'info', 'attributes'), '* filter=trap\n');
    git('config', 'filter.trap.clean', `sh -c 'touch "${marker}"; cat'`);
    git('config', 'filter.trap.process', hook);
  });

  it('plain git springs the traps (so the checks below can fail)', () => {
    spawnSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: dir, env: env() });
    assert.ok(sprung(), 'core.fsmonitor');
    fs.rmSync(marker);
    spawnSync('git', ['-c', 'core.fsmonitor=false', 'diff', '--name-only', 'HEAD'], { cwd: dir, env: env() });
    assert.ok(sprung(), 'a filter driver');
    fs.rmSync(marker);
  });

  const modes: [string, string[]][] = [
    ['check (git ls-files)', ['check', '.']],
    ['check --changed (git diff, ls-files)', ['check', '--changed', 'HEAD']],
    ['check --staged', ['check', '--staged']],
    ['check --commits (git log)', ['check', '--commits', 'HEAD']],
    ['check with the AI history (git log --grep)', ['check', 'src']],
    ['report --history (git log, cat-file)', ['report', '--out', '-', '--history', '1']],
    ['fix (git ls-files)', ['fix', 'src/new.ts']],
  ];
  for (const [what, args] of modes) {
    it(what, () => {
      const r = ospo(args, { cwd: dir, env: env() });
      assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
      assert.equal(sprung(), false, `${args.join(' ')} ran the repository's fsmonitor or gpg program`);
    });
  }

  it('the server side: git config for the AI reviewer', async () => {
    assert.equal(await gitValue(dir, ['config', 'user.name']), 'Reviewer', 'reads what is not pinned');
    assert.equal(await gitValue(dir, ['config', 'log.showSignature']), 'false', 'the pin wins over the repository');
    await gitValue(dir, ['log', '-1', '--format=%H']);
    assert.equal(sprung(), false);
  });
});
