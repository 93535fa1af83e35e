// Globs in exponential time (issue 7/7, B): a glob such as `*a*a*…*b` in a repository's REUSE.toml,
// dep5 or .editorconfig, or in its policy's globs and tool wildcards, must be matched in linear time
// (engine/glob.ts, docs/design/globs.md). Each run has a time limit, so a regression fails, not hangs.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tempTree } from '../temp-tree';
import { describeRun, ended, ospo } from './run';

const bomb = '*a'.repeat(14) + '*b';
const longName = 'a'.repeat(200);

describe('hostile globs end in linear time', function () {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const project = (files: Record<string, string | Buffer>) => {
    const dir = tempTree({ [`${longName}.py`]: '# SPDX-License-Identifier: MIT\n', 'LICENSES/MIT.txt': 'MIT\n', ...files }, 'ospo-glob-');
    dirs.push(dir);
    return dir;
  };
  const quick = { timeoutMs: 15_000 };

  it('REUSE.toml `path`', () => {
    const dir = project({ 'REUSE.toml': `version = 1\n[[annotations]]\npath = "${bomb}"\nSPDX-License-Identifier = "MIT"\n` });
    const r = ospo(['check', '.', '--reuse', '--format', 'json'], { cwd: dir, ...quick });
    assert.ok(ended(r), describeRun(r));
  });

  it('.reuse/dep5 `Files:`', () => {
    const dir = project({
      '.reuse/dep5': `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: ${bomb}\nCopyright: 2020 X\nLicense: MIT\n`,
    });
    const r = ospo(['check', '.', '--reuse', '--format', 'json'], { cwd: dir, ...quick });
    assert.ok(ended(r), describeRun(r));
  });

  it('.editorconfig sections, read for a file that is not UTF-8', () => {
    const dir = project({ '.editorconfig': `root = true\n[${bomb}]\ncharset = latin1\n`, [`${longName}.txt`]: Buffer.from('caf\xe9\n', 'latin1') });
    const r = ospo(['check', '.', '--format', 'json'], { cwd: dir, ...quick });
    assert.ok(ended(r), describeRun(r));
  });

  for (const key of ['exclude', 'thirdParty', 'include']) {
    it(`policy files.${key}`, () => {
      const dir = project({ '.ospo/policy.yaml': `version: 1\nfiles:\n  ${key}: ["${bomb}"]\n` });
      const r = ospo(['check', '.', '--format', 'json'], { cwd: dir, ...quick });
      assert.ok(ended(r), describeRun(r));
    });
  }

  it('policy overrides[].paths', () => {
    const dir = project({ '.ospo/policy.yaml': `version: 1\noverrides:\n  - paths: ["${bomb}"]\n    severity: {header-missing: off}\n` });
    const r = ospo(['check', '.', '--format', 'json'], { cwd: dir, ...quick });
    assert.ok(ended(r), describeRun(r));
  });

  it('policy ai.tools.deny against a long tool name', () => {
    const dir = project({
      '.ospo/policy.yaml': `version: 1\nai:\n  mode: disclose\n  tools:\n    deny: ["${bomb}"]\n`,
      'gen.py': `# SPDX-License-Identifier: MIT\n# AI-Generated-By: ${'a'.repeat(300)}:model\nx = 1\n`,
    });
    const r = ospo(['check', '.', '--format', 'json'], { cwd: dir, ...quick });
    assert.ok(ended(r), describeRun(r));
  });

  it('a glob only a backtracking matcher can run is refused at its line', () => {
    const dir = project({ '.ospo/policy.yaml': 'version: 1\nfiles:\n  exclude: ["!(src)/**"]\n' });
    const r = ospo(['check', '.'], { cwd: dir, ...quick });
    assert.ok(ended(r, [2]), describeRun(r));
    assert.match(r.stderr, /policy\.yaml:3:.*Invalid glob '!\(src\)\/\*\*'/);
  });
});
