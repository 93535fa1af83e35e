// A folder below the root that holds `.git` is another repository (a clone, a worktree a coding
// agent left under .claude/worktrees/, a submodule): none of its files is listed or checked, by the
// listing (git's or the walk's), by the scanner the language server uses, or by `ospo check`, in
// a git work tree or not. The nested files here have no header, so one of them checked is a finding.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { toPolicy } from '../../server/src/engine/policy/model';
import { GitRules } from '../../server/src/io/git-rules';
import { listFiles } from '../../server/src/scan/walk';
import { tempTree } from '../temp-tree';
import { scanned } from '../unit/helpers';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');
const header = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n';
const bare = 'export const x = 1;\n';
const dates = { currentYear: 2026, today: '2026-11-30' };

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
}

/** The project's own files, all with headers: what every listing must give, and no more. */
const own = ['LICENSES/MIT.txt', 'src/a.ts', 'src/b.ts', 'src/new.ts'];

function nestedFiles(dir: string, count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`${dir}/src/f${i}.ts`] = bare;
  return files;
}

/** The project, with nested repositories of every kind; with `withGit`, the project is a git work tree with src/new.ts untracked. */
function project(withGit: boolean): string {
  const root = tempTree(
    {
      'LICENSES/MIT.txt': 'MIT License\n',
      'src/a.ts': header,
      'src/b.ts': header,
      // A worktree whose .git file git cannot resolve (moved, or made in a container): git lists its files.
      '.claude/worktrees/agent/.git': 'gitdir: /nonexistent/project/.git/worktrees/agent\n',
      ...nestedFiles('.claude/worktrees/agent', 20),
      ...nestedFiles('vendor/other', 5),
      ...nestedFiles('lib/sub', 5),
      // A copied checkout whose .git folder git cannot read: git lists its files too.
      'tools/copy/.git/HEAD': 'nonsense\n',
      ...nestedFiles('tools/copy', 5),
    },
    'ospo-nested-',
  );
  git(path.join(root, 'vendor/other'), 'init', '-q');
  git(path.join(root, 'lib/sub'), 'init', '-q');
  git(path.join(root, 'lib/sub'), 'add', '.');
  git(path.join(root, 'lib/sub'), 'commit', '-qm', 'sub');
  if (withGit) {
    git(root, 'init', '-q');
    git(root, 'add', 'LICENSES', 'src', 'lib/sub');
    git(root, 'commit', '-qm', 'init');
    // A worktree git knows: its files are the same commit's, under another folder.
    git(root, 'worktree', 'add', '-q', '.claude/worktrees/known');
  }
  fs.writeFileSync(path.join(root, 'src/new.ts'), header);
  return root;
}

/**
 * A tree where REUSE.toml files decide findings, some of them in places a scan leaves out: a nested
 * repository, a folder .gitignore ignores. Files named on the command line are checked with the
 * REUSE metadata found without the scan's listing (loadReuseContext's own search, io/reuse-source.ts).
 */
function reuseProject(withGit: boolean): string {
  const annotate = (glob: string, id: string) =>
    `version = 1\n\n[[annotations]]\npath = "${glob}"\nSPDX-FileCopyrightText = "2026 Example Corp"\nSPDX-License-Identifier = "${id}"\n`;
  const root = tempTree(
    {
      '.gitignore': 'build/\n',
      'LICENSES/MIT.txt': 'MIT License\n',
      'REUSE.toml': annotate('docs/**', 'MIT'),
      'docs/guide.md': 'A guide\n',
      'src/a.ts': header,
      'src/bare.ts': bare,
      'src/gen/REUSE.toml': annotate('*.ts', 'MIT'),
      'src/gen/out.ts': bare,
      'src/gen/deep/more.ts': bare,
      // Below, each REUSE.toml would license every file under it, and each names a license with no text in LICENSES/.
      'build/REUSE.toml': annotate('**', 'GPL-3.0-only'),
      'build/out.ts': bare,
      'vendor/lib/.git': 'gitdir: /nonexistent/lib/.git\n',
      'vendor/lib/REUSE.toml': annotate('**', 'GPL-3.0-only'),
      'vendor/lib/x.ts': bare,
    },
    'ospo-reuse-one-file-',
  );
  if (withGit) {
    git(root, 'init', '-q');
    git(root, 'add', '.gitignore', 'LICENSES', 'REUSE.toml', 'docs', 'src');
    git(root, 'commit', '-qm', 'init');
  }
  return root;
}

type JsonReport = { files: number; findings: { file: string; rule: string; line: number; message: string }[] };

describe('a file named on the command line gets what the folder check says of it', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  const check = (root: string, ...args: string[]): JsonReport => {
    const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...args], { cwd: root, env, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stdout + r.stderr);
    return JSON.parse(r.stdout) as JsonReport;
  };
  for (const withGit of [true, false]) {
    for (const mode of [[], ['--reuse']]) {
      it(`${withGit ? 'in a git work tree' : 'without git'}, ospo check ${mode.join(' ')}`, () => {
        const root = reuseProject(withGit);
        made.push(root);
        const whole = check(root, '.', ...mode);
        const checked = ['docs/guide.md', 'src/a.ts', 'src/bare.ts', 'src/gen/out.ts', 'src/gen/deep/more.ts'];
        assert.equal(whole.files, checked.length + 4, 'the files above, .gitignore, LICENSES/MIT.txt, REUSE.toml and src/gen/REUSE.toml');
        const rows = (r: JsonReport, file: string) => r.findings.filter((f) => f.file === file).map((f) => `${f.line} ${f.rule}: ${f.message}`);
        // What the REUSE.toml files say is seen: src/gen's `*.ts` stops at a slash (REUSE 3.3), and nothing asks for GPL-3.0-only's text.
        assert.deepEqual(
          whole.findings.filter((f) => checked.includes(f.file)).map((f) => `${f.file} ${f.rule}`),
          ['src/bare.ts header-missing', 'src/gen/deep/more.ts header-missing'],
        );
        for (const file of checked) assert.deepEqual(rows(check(root, file, ...mode), file), rows(whole, file), file);
      });
    }
  }
});

describe('nested repositories and worktrees', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const withGit of [true, false]) {
    describe(withGit ? 'in a git work tree' : 'in a folder that is not a git work tree', () => {
      let root: string;
      before(() => {
        root = project(withGit);
        made.push(root);
      });

      it('are not listed, whether .gitignore is respected or not', async () => {
        if (withGit) assert.ok(fs.existsSync(path.join(root, '.claude/worktrees/known/src/a.ts')), 'the worktree was made');
        for (const respectGitignore of [true, false]) {
          const { files } = await listFiles(root, toPolicy({ files: { respectGitignore } }, 'test'), new GitRules(root));
          assert.deepEqual(files, own, `respectGitignore: ${respectGitignore}`);
        }
      });

      it('are not listed when the listing starts inside one', async () => {
        const { files } = await listFiles(root, toPolicy({}, 'test'), new GitRules(root), '.claude/worktrees/agent/src');
        assert.deepEqual(files, []);
      });

      it('are not checked by the workspace scan', async () => {
        const report = await scanned({ root, policy: toPolicy({}, 'test'), git: new GitRules(root), workers: 0, ...dates });
        assert.deepEqual(
          report.files.map((f) => f.rel),
          own,
        );
        assert.deepEqual(
          report.files.flatMap((f) => f.findings.map((x) => `${f.rel}: ${x.rule}`)),
          [],
        );
      });

      for (const args of [[], ['--reuse']]) {
        it(`are not checked by ospo check ${args.join(' ')}`, () => {
          const r = spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json', ...args], { cwd: root, env, encoding: 'utf8' });
          assert.equal(r.status, 0, r.stdout + r.stderr);
          const report = JSON.parse(r.stdout) as { files: number; findings: { file: string }[] };
          assert.equal(report.files, own.length);
          assert.deepEqual(report.findings, []);
        });
      }
    });
  }
});
