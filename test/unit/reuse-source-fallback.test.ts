// loadReuseContext without a listing (the CLI's single-file check, the editor's loadReuseInput):
// it must find the REUSE.toml files the scan's listing holds, no more.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { loadReuseContext } from '../../server/src/io/reuse-source';
import { tempTree } from '../temp-tree';

const annotateAll = (id: string) => `version = 1\n\n[[annotations]]\npath = "**"\nSPDX-FileCopyrightText = "2026 X"\nSPDX-License-Identifier = "${id}"\n`;

function tomlFiles(ctx: Awaited<ReturnType<typeof loadReuseContext>>): string[] {
  return ctx.tomls.map((t) => t.file).sort();
}

function git(dir: string, ...args: string[]): boolean {
  return spawnSync('git', args, { cwd: dir }).status === 0;
}

describe('loadReuseContext without a listing', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  for (const withGit of [false, true]) {
    const where = withGit ? 'in a git work tree' : 'without git';

    it(`leaves out the REUSE.toml of a nested repository, ${where}`, async function () {
      const dir = tempTree(
        {
          'LICENSES/MIT.txt': 'MIT\n',
          'src/a.ts': 'x\n',
          'vendor/lib/.git': 'gitdir: ../../elsewhere/.git\n',
          'vendor/lib/REUSE.toml': annotateAll('GPL-3.0-only'),
          'vendor/lib/x.c': 'x\n',
        },
        'ospo-reuse-nested-',
      );
      dirs.push(dir);
      if (withGit && !git(dir, 'init', '-q')) this.skip();
      assert.deepEqual(tomlFiles(await loadReuseContext(dir)), []);
    });

    it(`leaves out a git-ignored REUSE.toml and keeps the others, ${where}`, async function () {
      const dir = tempTree(
        {
          '.gitignore': 'build/\n',
          'REUSE.toml': annotateAll('MIT'),
          'build/REUSE.toml': annotateAll('GPL-3.0-only'),
          'docs/REUSE.toml': annotateAll('CC-BY-4.0'),
        },
        'ospo-reuse-ignored-',
      );
      dirs.push(dir);
      if (withGit && !git(dir, 'init', '-q')) this.skip();
      assert.deepEqual(tomlFiles(await loadReuseContext(dir)), ['REUSE.toml', 'docs/REUSE.toml']);
    });
  }
});
