// The `ospo` command as CI runs it: the bundled dist/cli.js, spawned with real files.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ruleIds } from '../../server/src/engine/rules';
import { gitIn, isolatedGitEnv } from '../git-repo';
import iconv from 'iconv-lite';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');

/** Shift_JIS bytes as Windows writes them (CP932). */
function iconvShiftJis(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}

function ospo(args: string[], cwd = repo) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('ospo CLI', () => {
  it('checks the bundled demo: text output, exit 1', () => {
    const r = ospo(['check', 'examples/demo']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stdout,
      /^examples\/demo\/src\/server\.ts:1:1: error header-missing No license header in line 1: add SPDX-FileCopyrightText and SPDX-License-Identifier$/m,
    );
    assert.match(r.stdout, /^examples\/demo\/src\/legacy\.c:2:29: warning spdx-deprecated /m);
    assert.doesNotMatch(r.stdout, /retry\.ts|clean\.go/, 'files with a valid header are clean');
  });

  it('shows each file from the folder it is run in: at the root, inside it, beside it', () => {
    const dir = tempTree({
      '.ospo/policy.yaml': 'version: 1\n',
      'src/a.ts': 'export const a = 1;\n',
      'lib/b.ts': 'export const b = 2;\n',
      'sibling/x.txt': 'x\n',
      '..dots/c.ts': 'export const c = 3;\n',
    });
    const files = (args: string[], cwd: string) => {
      const r = ospo(['check', ...args, '--format', 'json'], cwd);
      return JSON.parse(r.stdout)
        .findings.map((f: { file: string }) => f.file)
        .filter((f: string) => f.endsWith('.ts'))
        .sort();
    };
    assert.deepEqual(files(['.'], dir), ['..dots/c.ts', 'lib/b.ts', 'src/a.ts']);
    // A folder whose name starts with two dots is inside the root all the same.
    assert.deepEqual(files(['.'], path.join(dir, '..dots')), ['c.ts']);
    // Inside the root, the root's policy applies and the folder's files are shown from it.
    assert.deepEqual(files(['.'], path.join(dir, 'src')), ['a.ts']);
    assert.deepEqual(files(['../lib'], path.join(dir, 'src')), ['../lib/b.ts']);
    assert.deepEqual(files(['..'], path.join(dir, 'src')), ['../..dots/c.ts', '../lib/b.ts', 'a.ts']);
    assert.deepEqual(files(['../src', '../lib'], path.join(dir, 'sibling')), ['../lib/b.ts', '../src/a.ts']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the documented JSON shape', () => {
    const r = ospo(['check', 'examples/demo', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.ok(json.files >= 8);
    const f = json.findings.find((x: { file: string }) => x.file === 'examples/demo/src/server.ts');
    assert.deepEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity']);
    assert.deepEqual([f.line, f.column, f.rule, f.severity], [1, 1, 'header-missing', 'error']);
    assert.ok(Array.isArray(json.skipped));
  });

  it('writes SARIF 2.1.0 and GitHub annotations', () => {
    const sarif = JSON.parse(ospo(['check', 'examples/demo', '--format', 'sarif']).stdout);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'header-missing');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 1);
    const gh = ospo(['check', 'examples/demo', '--format', 'github']).stdout;
    assert.match(gh, /^::error file=examples\/demo\/src\/server\.ts,line=1,col=1,endLine=1,endColumn=\d+,title=header-missing::No license header/m);
  });

  it('exits 0 when clean, and honours --fail-on', () => {
    const dir = tempTree({ 'a.ts': '// SPDX-FileCopyrightText: 2026 A\n// SPDX-License-Identifier: GPL-2.0\n' });
    assert.equal(ospo(['check', '.'], dir).code, 0, 'a warning does not fail by default');
    assert.equal(ospo(['check', '.', '--fail-on', 'warning'], dir).code, 1);
  });

  it('exits 2 on usage and policy errors, naming the bad line', () => {
    assert.equal(ospo(['check', '--format', 'xml']).code, 2);
    assert.equal(ospo(['lint']).code, 2);
    assert.equal(ospo(['check', 'no/such/path']).code, 2);
    const dir = tempTree({ '.ospo/policy.yaml': 'version: 1\nheaders:\n  maxLine: ten\n', 'a.ts': 'x\n' });
    const r = ospo(['check', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.ospo\/policy\.yaml:3:12: 'headers\.maxLine' must be a whole number/);
  });

  it('skips binary files with a reason; text no encoding reads is checked, and text-undecodable says so', () => {
    const dir = tempTree({ 'a.ts': 'x\n' });
    fs.writeFileSync(path.join(dir, 'b.bin'), Buffer.from([0x7f, 0x45, 0x00, 0x01]));
    fs.writeFileSync(path.join(dir, 'c.txt'), Buffer.from([0x63, 0xff, 0xfe, 0x0a]));
    const json = JSON.parse(ospo(['check', '.', '--format', 'json'], dir).stdout);
    assert.deepEqual(json.skipped, [{ file: 'b.bin', reason: 'binary file', reasonId: 'binary' }]);
    assert.equal(json.files, 2);
    const undecodable = json.findings.filter((f: { rule: string }) => f.rule === 'text-undecodable');
    assert.deepEqual(
      undecodable.map((f: { file: string; line: number; column: number }) => [f.file, f.line, f.column]),
      [['c.txt', 1, 2]],
    );
  });

  it('fixes files in place, byte-exactly, and a second run changes nothing', () => {
    const dir = tempTree({
      'run.sh': '#!/bin/sh\r\necho hi\r\n',
      'keep.py': '\uFEFFprint(1)',
      '.ospo/policy.yaml': 'licenses:\n  project: MIT\nheaders:\n  copyright:\n    holder: "Example Corp"\n',
    });
    const dry = ospo(['fix', '.', '--dry-run'], dir);
    assert.match(dry.stdout, /would fix run\.sh/);
    assert.equal(fs.readFileSync(path.join(dir, 'run.sh'), 'utf8'), '#!/bin/sh\r\necho hi\r\n', '--dry-run writes nothing');
    assert.equal(ospo(['fix', '.'], dir).code, 0);
    const year = new Date().getFullYear();
    assert.equal(
      fs.readFileSync(path.join(dir, 'run.sh'), 'utf8'),
      `#!/bin/sh\r\n# SPDX-FileCopyrightText: ${year} Example Corp\r\n# SPDX-License-Identifier: MIT\r\n\r\necho hi\r\n`,
    );
    assert.equal(
      fs.readFileSync(path.join(dir, 'keep.py'), 'utf8'),
      `\uFEFF# SPDX-FileCopyrightText: ${year} Example Corp\n# SPDX-License-Identifier: MIT\n\nprint(1)`,
    );
    assert.match(ospo(['fix', '.'], dir).stdout, /^0 files changed$/m);
    assert.equal(ospo(['check', '.'], dir).code, 0);
  });

  it('fixes a Shift_JIS file in Shift_JIS, and refuses a holder Latin-1 cannot hold', () => {
    const fixtures = path.join(repo, 'test/unit/fixtures/encodings');
    const dir = tempTree({ '.ospo/policy.yaml': 'licenses:\n  project: MIT\nheaders:\n  copyright:\n    holder: "株式会社サンプル"\n' });
    for (const f of ['shift_jis-bare.c', 'latin1-declared.py']) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f));
    const before = fs.readFileSync(path.join(dir, 'shift_jis-bare.c'));
    const latin = fs.readFileSync(path.join(dir, 'latin1-declared.py'));
    const r = ospo(['fix', '.', '--locale', 'en'], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /latin1-declared\.py.*windows-1252 cannot hold “株”/);
    assert.ok(fs.readFileSync(path.join(dir, 'latin1-declared.py')).equals(latin), 'the refused file is untouched');
    const year = new Date().getFullYear();
    const header = `// SPDX-FileCopyrightText: ${year} 株式会社サンプル\n// SPDX-License-Identifier: MIT\n\n`;
    const after = fs.readFileSync(path.join(dir, 'shift_jis-bare.c'));
    assert.ok(after.equals(Buffer.concat([new Uint8Array(iconvShiftJis(header)), new Uint8Array(before)])), after.toString('latin1'));
    const check = ospo(['check', 'shift_jis-bare.c', '--format', 'json'], dir);
    assert.equal(check.code, 0, check.stdout);
  });

  it('--encoding names what a short legacy file is in, where a guess reads it wrong', () => {
    const dir = tempTree({ '.ospo/policy.yaml': 'headers:\n  copyright:\n    holder: "예제 회사"\n' });
    // One short EUC-KR line: chardet reads it as Big5, and the holder comes out as other characters.
    fs.writeFileSync(path.join(dir, 'a.c'), iconv.encode('// SPDX-FileCopyrightText: 2026 예제 회사\n// SPDX-License-Identifier: MIT\nint x;\n', 'euc-kr'));
    const rules = (...args: string[]) =>
      (JSON.parse(ospo(['check', 'a.c', '--format', 'json', ...args], dir).stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
    assert.deepEqual(rules(), ['copyright-holder'], 'guessed wrong, the holder does not match');
    assert.deepEqual(rules('--encoding', 'euc-kr'), []);
    const bad = ospo(['check', '.', '--encoding', 'klingon'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown --encoding 'klingon'/);
  });

  it('--commits RANGE checks the messages of the commits in the range: AI sign-offs and session links', () => {
    const dir = tempTree({ 'a.txt': 'x\n' });
    const git = gitIn(dir);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'Before the range\n\nClaude-Session: https://claude.ai/code/session_old');
    const base = git('rev-parse', 'HEAD');
    git('commit', '-q', '--allow-empty', '-m', 'Clean change\n\nAssisted-by: Claude:claude-opus-4-5\nSigned-off-by: Dev <dev@example.com>');
    git(
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'Fix parsing\n\nCo-authored-by: Claude <noreply@anthropic.com>\nSigned-off-by: Claude <noreply@anthropic.com>\nClaude-Session: https://claude.ai/code/session_01AbCd',
    );
    const head = git('rev-parse', 'HEAD');
    const r = ospo(['check', '--commits', `${base}..HEAD`, '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const json = JSON.parse(r.stdout) as { files: number; findings: { file: string; rule: string; line: number }[] };
    assert.equal(json.files, 2, 'the two commits of the range');
    assert.deepEqual(
      json.findings.map((f) => `${f.file}:${f.line} ${f.rule}`),
      [`commit ${head.slice(0, 12)}:4 commit-ai-attribution`, `commit ${head.slice(0, 12)}:5 commit-session-link`],
    );
    const text = ospo(['check', '--commits', `${base}..HEAD`], dir);
    assert.match(text.stdout, new RegExp(`^commit ${head.slice(0, 12)}:5:\\d+: error commit-session-link `, 'm'));
    assert.equal(ospo(['check', '--commits', `${head}~1..${head}~1`], dir).code, 0, 'an empty range passes');
    // A range that reads as one of git's options is a range to git, never an option: no file is written.
    const out = path.join(dir, 'written-by-git');
    const bad = ospo(['check', `--commits=--output=${out}`], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not a range of commits/);
    assert.ok(!fs.existsSync(out));
    assert.equal(ospo(['check', '--commits', 'HEAD', '--staged'], dir).code, 2, '--commits does not go with file modes');
  });

  describe('--commits with the AI-disclosure presets and git notes', () => {
    /** A repository whose policy is `policy`, with one empty commit per message; returns the range of those commits. */
    function repoWith(policy: string, messages: string[], notes: Record<number, string> = {}) {
      const dir = tempTree({ '.ospo/policy.yaml': policy });
      const git = gitIn(dir);
      git('init', '-q');
      git('add', '.');
      git('commit', '-q', '-m', 'Start');
      const base = git('rev-parse', 'HEAD');
      messages.forEach((m, i) => {
        // --cleanup=verbatim: the message as the tool wrote it, emoji line and all.
        git('commit', '-q', '--allow-empty', '--cleanup=verbatim', '-m', m);
        if (notes[i] !== undefined) git('notes', '--ref=ai', 'add', '-m', notes[i], 'HEAD');
      });
      return { dir, range: `${base}..HEAD` };
    }
    const log = (preset: string, kind: string) =>
      fs
        .readFileSync(path.join(repo, `test/unit/fixtures/disclosure-presets/${preset}.${kind}.log`), 'utf8')
        .split(/^%%\n/m)
        .map((m) => m.replace(/\n*$/, '\n'));

    for (const preset of ['kernel', 'kubernetes', 'asf', 'openinfra', 'ai-forbid']) {
      it(`extends ospo:${preset}: its pass log passes, and every commit of its fail log is reported`, () => {
        const policy = `version: 1\nextends: ["ospo:${preset}"]\n`;
        const pass = repoWith(policy, log(preset, 'pass'));
        const ok = ospo(['check', '--commits', pass.range, '--format', 'json'], pass.dir);
        assert.equal(ok.code, 0, ok.stdout + ok.stderr);
        const failing = log(preset, 'fail');
        const bad = repoWith(policy, failing);
        const r = ospo(['check', '--commits', bad.range, '--format', 'json'], bad.dir);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        const json = JSON.parse(r.stdout) as { files: number; findings: { file: string; rule: string }[] };
        assert.equal(json.files, failing.length);
        assert.equal(new Set(json.findings.map((f) => f.file)).size, failing.length, r.stdout);
      });
    }

    it('git notes: forbidden notes are reported; required notes are asked of commits that disclose AI help', () => {
      const messages = ['Plain\n', 'With AI\n\nAssisted-by: Claude:claude-opus-4-5\n', 'With AI and a note\n\nAssisted-by: Claude:claude-opus-4-5\n'];
      const notes = { 2: '{"agent":"claude-code"}' };
      const forbid = repoWith('version: 1\nai:\n  disclosure:\n    git-notes: forbid\n', messages, notes);
      const f = JSON.parse(ospo(['check', '--commits', forbid.range, '--format', 'json'], forbid.dir).stdout) as { findings: { message: string }[] };
      assert.equal(f.findings.length, 1);
      assert.match(f.findings[0].message, /has an AI note in refs\/notes\/ai/);
      const require = repoWith('version: 1\nai:\n  disclosure:\n    git-notes: require\n', messages, notes);
      const q = JSON.parse(ospo(['check', '--commits', require.range, '--format', 'json'], require.dir).stdout) as {
        findings: { file: string; message: string }[];
      };
      assert.equal(q.findings.length, 1, JSON.stringify(q.findings));
      assert.match(q.findings[0].message, /no AI note/);
    });
  });

  it('reports ai-marker-missing from git history under a policy that states ai.mode, and is silent without git or such a policy', () => {
    const dir = tempTree({
      'src/a.ts': '// SPDX-FileCopyrightText: 2026 A\n// SPDX-License-Identifier: MIT\nexport {};\n',
      'src/b.ts': '// SPDX-FileCopyrightText: 2026 A\n// SPDX-License-Identifier: MIT\nexport {};\n',
    });
    const policy = path.join(dir, 'disclose.yaml');
    fs.writeFileSync(policy, 'version: 1\nai:\n  mode: disclose\nfiles:\n  exclude: ["disclose.yaml"]\n');
    const env = isolatedGitEnv(dir);
    const git = gitIn(dir);
    assert.deepEqual(JSON.parse(ospo(['check', '.', '--policy', policy, '--format', 'json'], dir).stdout).findings, [], 'no repository: silent');
    git('init', '-q');
    git('add', 'src/b.ts');
    git('commit', '-q', '-m', 'Plain change');
    git('add', 'src/a.ts');
    git('commit', '-q', '-m', 'Add a\n\nAssisted-by: Claude Code:claude-opus-4-5');
    const run = (...args: string[]) =>
      JSON.parse(spawnSync(process.execPath, [cli, 'check', '.', '--format', 'json', ...args], { cwd: dir, env, encoding: 'utf8' }).stdout);
    // The built-in default asks no file for AI tags: the commit's disclosure is enough.
    assert.deepEqual(
      run().findings.filter((f: { rule: string }) => f.rule === 'ai-marker-missing'),
      [],
    );
    const r = run('--policy', policy);
    assert.deepEqual(
      r.findings.map((f: { file: string; rule: string }) => [f.file, f.rule]),
      [['src/a.ts', 'ai-marker-missing']],
    );
    assert.match(r.findings[0].message, /Assisted-by: Claude Code:claude-opus-4-5/);
  });

  describe('scanning folders', () => {
    const git = (cwd: string, ...args: string[]) => {
      const r = spawnSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.com',
          GIT_CONFIG_GLOBAL: '/dev/null',
        },
      });
      assert.equal(r.status, 0, r.stderr);
    };
    const files = (stdout: string) => [...new Set(JSON.parse(stdout).findings.map((f: { file: string }) => f.file))].sort();

    it('--changed checks only files changed against a ref, and new untracked files', () => {
      const dir = tempTree({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 1;\n', '.gitignore': 'ignored.ts\n' });
      git(dir, 'init', '-q');
      git(dir, 'add', '.');
      git(dir, 'commit', '-q', '-m', 'first');
      fs.writeFileSync(path.join(dir, 'c.ts'), 'export const c = 1;\n');
      fs.writeFileSync(path.join(dir, 'ignored.ts'), 'export const d = 1;\n');
      assert.deepEqual(files(ospo(['check', '--changed', '--format', 'json'], dir).stdout), ['c.ts']);
      fs.appendFileSync(path.join(dir, 'a.ts'), '// more\n');
      assert.deepEqual(files(ospo(['check', '--changed', 'HEAD', '--format', 'json'], dir).stdout), ['a.ts', 'c.ts']);
      assert.deepEqual(files(ospo(['check', '--changed=HEAD', '--format', 'json'], dir).stdout), ['a.ts', 'c.ts']);
      // Without --changed every file counts.
      assert.deepEqual(files(ospo(['check', '--format', 'json'], dir).stdout), ['.gitignore', 'a.ts', 'b.ts', 'c.ts']);
      const bad = ospo(['check', '--changed=no-such-ref'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /'no-such-ref' is not a commit/);
    });

    it('--staged checks only the files staged for commit', () => {
      const dir = tempTree({ 'a.ts': 'export const a = 1;\n', 'b.ts': 'export const b = 1;\n' });
      git(dir, 'init', '-q');
      git(dir, 'add', 'a.ts');
      git(dir, 'commit', '-q', '-m', 'first');
      fs.appendFileSync(path.join(dir, 'a.ts'), '// unstaged\n');
      fs.writeFileSync(path.join(dir, 'c.ts'), 'export const c = 1;\n');
      git(dir, 'add', 'c.ts');
      assert.deepEqual(files(ospo(['check', '--staged', '--format', 'json'], dir).stdout), ['c.ts']);
    });

    it('--rules header runs the header rules only', () => {
      const dir = tempTree({ 'a.ts': 'export const a = 1;\n// As an AI language model, I cannot do that.\n' });
      const rules = (args: string[]) =>
        JSON.parse(ospo(['check', '.', '--format', 'json', ...args], dir).stdout)
          .findings.map((f: { rule: string }) => f.rule)
          .sort();
      assert.deepEqual(rules([]), ['ai-chatbot-artifact', 'header-missing']);
      assert.deepEqual(rules(['--rules', 'header']), ['header-missing']);
      assert.equal(ospo(['check', '.', '--rules', 'some'], dir).code, 2);
    });

    it('a subfolder is checked under the rules of the repository top, as the whole tree is', () => {
      const dir = tempTree({ '.gitignore': 'src/gen/\n', 'src/a.ts': 'export const a = 1;\n', 'src/gen/x.ts': 'export const x = 1;\n' });
      git(dir, 'init', '-q');
      assert.deepEqual(files(ospo(['check', '.', '--format', 'json'], dir).stdout), ['.gitignore', 'src/a.ts']);
      assert.deepEqual(files(ospo(['check', 'src', '--format', 'json'], dir).stdout), ['src/a.ts']);
      assert.deepEqual(files(ospo(['check', '.', '--format', 'json'], path.join(dir, 'src')).stdout), ['a.ts']);
    });
  });

  it('--reuse passes a project licensed through dep5 or with a table that matches nothing, and says so at info; it fails on a real breach', function () {
    this.timeout(30_000);
    const dir = tempTree({
      '.reuse/dep5':
        'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: img/*\nCopyright: 2024 Artist\nLicense: CC0-1.0\n\nFiles: vendor/removed/*\nCopyright: Other\nLicense: LicenseRef-Gone\n',
      'LICENSES/CC0-1.0.txt': 'CC0\n',
      'img/a.png': 'png\n',
    });
    const r = ospo(['check', '--reuse', '--format', 'json'], dir);
    const findings = JSON.parse(r.stdout).findings as { file: string; rule: string; severity: string; message: string }[];
    assert.deepEqual(
      findings.map((f) => [f.file, f.rule, f.severity]),
      [
        ['.reuse/dep5', 'reuse-invalid', 'info'],
        ['.reuse/dep5', 'reuse-invalid', 'info'],
      ],
    );
    assert.match(findings[0].message, /deprecated: convert it to REUSE\.toml/);
    assert.equal(r.code, 0, 'REUSE 3.3 still accepts dep5');
    fs.writeFileSync(path.join(dir, 'LICENSES/MIT.txt'), 'MIT\n');
    assert.equal(ospo(['check', '--reuse'], dir).code, 1, 'an unused license text breaks REUSE');
  });

  it('a REUSE.toml entry for files git ignores (build output) is not reported as matching nothing', function () {
    this.timeout(30_000);
    const dir = tempTree({
      '.gitignore': '# SPDX-FileCopyrightText: 2024 A\n# SPDX-License-Identifier: MIT\n*.egg-info/\n',
      'REUSE.toml':
        'version = 1\n\n[[annotations]]\npath = "src/pkg.egg-info/**"\nSPDX-FileCopyrightText = "A"\nSPDX-License-Identifier = "MIT"\n\n[[annotations]]\npath = "vendor/gone/**"\nSPDX-FileCopyrightText = "B"\nSPDX-License-Identifier = "MIT"\n',
      'LICENSES/MIT.txt': 'MIT\n',
      'a.py': '# SPDX-FileCopyrightText: 2024 A\n# SPDX-License-Identifier: MIT\n',
    });
    const findings = JSON.parse(ospo(['check', '--reuse', '--format', 'json'], dir).stdout).findings as { file: string; line: number; rule: string }[];
    assert.deepEqual(
      findings.map((f) => [f.file, f.line, f.rule]),
      [['REUSE.toml', 9, 'reuse-invalid']],
      'only the vendored folder that is gone',
    );
  });

  it('convert-dep5 writes an equivalent REUSE.toml, removes dep5, and never overwrites', () => {
    const dir = tempTree({
      '.reuse/dep5': 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: img/*\nCopyright: 2024 Artist\nLicense: CC0-1.0\n',
      'LICENSES/CC0-1.0.txt': 'CC0\n',
      'img/a.png': 'png\n',
    });
    const before = JSON.parse(ospo(['check', '--reuse', '--format', 'json'], dir).stdout).findings.filter((f: { file: string }) => f.file === 'img/a.png');
    assert.deepEqual(before, []);
    assert.equal(ospo(['convert-dep5'], dir).code, 0);
    assert.ok(!fs.existsSync(path.join(dir, '.reuse/dep5')));
    assert.match(fs.readFileSync(path.join(dir, 'REUSE.toml'), 'utf8'), /path = "img\/\*\*"[\s\S]*SPDX-License-Identifier = "CC0-1.0"/);
    const after = ospo(['check', '--reuse', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(after.stdout).findings, [], 'the same licensing, now from REUSE.toml');
    fs.mkdirSync(path.join(dir, '.reuse'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.reuse/dep5'), 'Format: x\n');
    const again = ospo(['convert-dep5'], dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /exists already/);
  });

  it('ospo rules lists the registry; --json gives the metadata of each rule; --help mentions it', () => {
    const table = ospo(['rules']);
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^RULE +SCOPE +SEVERITY +FIXABLE$/);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(/ +/)[0]),
      [...ruleIds],
      'a heading, then every rule of the registry in its order',
    );
    assert.match(table.stdout, /^header-missing +file +error +auto$/m);
    assert.match(table.stdout, /^license-text-unused +project +warning +no$/m);
    const json = ospo(['rules', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const rules = JSON.parse(json.stdout) as {
      id: string;
      scope: string;
      defaultSeverity: string;
      fixable: string | false;
      headerOnly: boolean;
      docs: string;
      summary: string;
      messages: { en: Record<string, string>; ja: Record<string, string> };
    }[];
    const sarif = ospo(['check', 'examples/demo', '--format', 'sarif']);
    assert.deepEqual(
      rules.map((r) => r.id),
      JSON.parse(sarif.stdout).runs[0].tool.driver.rules.map((r: { id: string }) => r.id),
      'the order of SARIF rules',
    );
    const commit = rules.find((r) => r.id === 'commit-ai-attribution')!;
    assert.equal(commit.scope, 'commit');
    const copyrightYear = rules.find((r) => r.id === 'copyright-year')!;
    assert.deepEqual([copyrightYear.defaultSeverity, copyrightYear.fixable, copyrightYear.headerOnly], ['info', 'auto', true]);
    assert.match(copyrightYear.docs, /\/docs\/rules\/copyright-year\.md$/);
    assert.match(copyrightYear.summary, /year/);
    assert.equal(Object.keys(copyrightYear.messages.ja).length, Object.keys(copyrightYear.messages.en).length);
    assert.equal(ospo(['rules', '--yaml']).code, 2);
    assert.match(ospo(['--help']).stdout, /ospo rules \[--json\]/);
  });
});
