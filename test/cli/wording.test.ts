// What `ospo` says, as a person reads it: what `ospo fix` leaves and why, "did you mean" for a
// misspelt command or option, and counts in the singular and the plural (English) or without
// plural forms (Japanese). The bundled dist/cli.js runs on real files, as CI runs it.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../temp-tree';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');

function ospo(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ospo CLI wording', () => {
  const dirs: string[] = [];
  const tree = (files: Record<string, string>) => {
    const dir = tempTree(files, 'ospo-wording-');
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  describe('ospo fix lists what it cannot fix, and why', () => {
    const files = {
      // Fixable: a header is added.
      'a.py': 'x = 1\n',
      // The license is prose: the guess 'Apache-2.0' changes what the file claims, so a person chooses.
      'b.ts': '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache License 2.0\nexport {};\n',
      // No comment style for this kind of file: no fix at all.
      'notes.unknownext': 'hello\n',
    };
    const unfixed = [
      /^b\.ts:2:\d+: spdx-invalid: not fixed: the fix changes what the file claims, so a person chooses the license: 'Apache-2\.0'$/m,
      /^notes\.unknownext:1:1: header-missing: not fixed: no automatic fix for this finding \(No license header/m,
    ];

    it('--dry-run: each finding left with file:line, rule and reason, then the counts', () => {
      const dir = tree(files);
      const r = ospo(['fix', '--dry-run'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^would fix a\.py \(1 edit\)$/m);
      for (const line of unfixed) assert.match(r.stdout, line);
      assert.match(r.stdout, /^1 file would change$/m);
      assert.match(r.stdout, /^2 findings left for a person to fix$/m);
      assert.equal(fs.readFileSync(path.join(dir, 'a.py'), 'utf8'), 'x = 1\n', 'a dry run writes nothing');
    });

    it('without --dry-run: the same list after the fixes', () => {
      const dir = tree(files);
      const r = ospo(['fix'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^fixed a\.py \(1 edit\)$/m);
      for (const line of unfixed) assert.match(r.stdout, line);
      assert.match(r.stdout, /^1 file changed$/m);
      assert.match(fs.readFileSync(path.join(dir, 'a.py'), 'utf8'), /SPDX-License-Identifier/);
      // Run again: nothing left to change, the same two findings left.
      const again = ospo(['fix'], dir);
      assert.match(again.stdout, /^0 files changed$/m);
      assert.match(again.stdout, /^2 findings left for a person to fix$/m);
    });

    it('a fix that needs a choice names it, and a rule with no fix says so', () => {
      const dir = tree({
        '.ospo/policy.yaml': '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\nlicenses:\n  deny: ["AGPL-*"]\n',
        'c.ts': '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n// Certainly! Here is the updated code:\nexport {};\n',
        'd.ts': '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: AGPL-3.0-only\nexport {};\n',
      });
      const r = ospo(['fix', '--dry-run'], dir);
      assert.match(r.stdout, /^c\.ts:3:\d+: ai-chatbot-artifact: not fixed: the fix needs a choice, so only the editor offers it: Delete the chatbot text$/m);
      assert.match(r.stdout, /^d\.ts:2:\d+: license-denied: not fixed: no automatic fix for this rule \(.*AGPL-3\.0-only.*\)$/m);
      assert.match(r.stdout, /^0 files would change$/m);
      assert.match(r.stdout, /^2 findings left for a person to fix$/m);
    });

    it('in Japanese', () => {
      const dir = tree(files);
      const r = ospo(['fix', '--dry-run', '--locale', 'ja'], dir);
      assert.match(r.stdout, /^a\.py を修正予定 \(1 箇所\)$/m);
      assert.match(r.stdout, /^notes\.unknownext:1:1: header-missing: 未修正: この指摘には自動修正がありません/m);
      assert.match(r.stdout, /^変更予定: 1 ファイル$/m);
      assert.match(r.stdout, /^人が修正する必要がある指摘: 2 件$/m);
    });
  });

  describe('did you mean', () => {
    const cases: [string[], RegExp][] = [
      [['chek'], /^ospo: Unknown command 'chek'\. Did you mean 'check'\?$/m],
      [['fxi', '.'], /^ospo: Unknown command 'fxi'\. Did you mean 'fix'\?$/m],
      [['reprot', '--out', 'x.html'], /^ospo: Unknown command 'reprot'\. Did you mean 'report'\?$/m],
      [['check', '--fromat', 'json'], /^ospo: Unknown option '--fromat'\. Did you mean '--format'\?$/m],
      [['fix', '--dry'], /^ospo: Unknown option '--dry'\. Did you mean '--dry-run'\?$/m],
      [['report', '--otu', 'x.html'], /^ospo report: Unknown option '--otu'\. Did you mean '--out'\?$/m],
    ];
    for (const [args, said] of cases) {
      it(`ospo ${args.join(' ')}`, () => {
        const r = ospo(args, repo);
        assert.equal(r.code, 2);
        assert.match(r.stderr, said);
      });
    }

    it('guesses nothing for a word far from every command', () => {
      const r = ospo(['frobnicate'], repo);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^ospo: Unknown command 'frobnicate'\.$/m);
    });

    it('in Japanese', () => {
      assert.match(ospo(['chek', '--locale', 'ja'], repo).stderr, /'check' のことですか\?/);
    });
  });

  it("--version is package.json's", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
    assert.equal(ospo(['--version'], repo).stdout, `${version}\n`);
  });

  describe('counts', () => {
    it('one finding in one file, singular', () => {
      const dir = tree({ 'a.py': 'x = 1\n' });
      const r = ospo(['check'], dir);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^1 finding in 1 file checked$/m);
    });

    it('plural, with the skipped files counted', () => {
      const dir = tree({ 'a.py': 'x = 1\n', 'b.py': 'y = 2\n', 'c.bin': '\0\0\0binary' });
      assert.match(ospo(['check'], dir).stderr, /^2 findings in 2 files checked, 1 file skipped$/m);
    });

    it('Japanese has no plural forms', () => {
      const dir = tree({ 'a.py': 'x = 1\n', 'b.py': 'y = 2\n' });
      assert.match(ospo(['check', '--locale', 'ja'], dir).stderr, /^2 ファイルをチェックし、指摘は 2 件$/m);
    });

    it('ospo report: one file, one finding', () => {
      const dir = tree({ 'a.py': 'x = 1\n' });
      const r = ospo(['report', '--out', 'r.html'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, /^0% compliant \(0 of 1 file without errors\), 1 finding → r\.html$/m);
    });
  });

  describe('why a file is skipped, in the language of the run', () => {
    // A binary file, a file over the size limit, and text no encoding reads (checked all the same, and
    // named by ospo fix, which leaves it alone; it says nothing of binary files).
    const skippedTree = () => {
      const dir = tree({ 'a.py': 'x = 1\n', 'c.bin': '\0\0\0binary' });
      fs.writeFileSync(path.join(dir, 'd.txt'), Buffer.alloc(11 * 1024 * 1024, 0x61));
      fs.writeFileSync(path.join(dir, 'le.py'), Buffer.concat([Buffer.from('x = "caf\u00e9 na\u00efve '), Buffer.from([0xff]), Buffer.from('"\n')]));
      return dir;
    };

    it('ospo check --format json: the reason in the language, its id the same in every language', () => {
      const dir = skippedTree();
      const skipped = (locale: string) => JSON.parse(ospo(['check', '--format', 'json', '--locale', locale], dir).stdout).skipped;
      assert.deepEqual(skipped('en'), [
        { file: 'c.bin', reason: 'binary file', reasonId: 'binary' },
        { file: 'd.txt', reason: 'larger than 10 MB', reasonId: 'too-large' },
      ]);
      assert.deepEqual(skipped('ja'), [
        { file: 'c.bin', reason: 'バイナリファイル', reasonId: 'binary' },
        { file: 'd.txt', reason: '10 MB を超えるファイル', reasonId: 'too-large' },
      ]);
    });

    it('ospo check --format sarif and junit: the reason in the language, SARIF with its id', () => {
      const dir = skippedTree();
      const sarif = JSON.parse(ospo(['check', '--format', 'sarif', '--locale', 'ja'], dir).stdout);
      const notes = sarif.runs[0].invocations[0].toolExecutionNotifications as { message: { text: string }; properties: { reasonId: string } }[];
      assert.deepEqual(
        notes.map((n) => [n.message.text, n.properties.reasonId]),
        [
          ['チェック対象外: バイナリファイル', 'binary'],
          ['チェック対象外: 10 MB を超えるファイル', 'too-large'],
        ],
      );
      assert.match(
        ospo(['check', '--format', 'junit', '--locale', 'ja'], dir).stdout,
        /<testcase classname="c\.bin" name="not checked" file="c\.bin">\n {4}<skipped message="バイナリファイル"\/>/,
      );
    });

    it('ospo fix: the line for a file it leaves alone', () => {
      const dir = skippedTree();
      assert.match(ospo(['fix', '--dry-run'], dir).stderr, /^ospo: skipped le\.py: not valid UTF-8, nor text in another encoding ospo reads$/m);
      const ja = ospo(['fix', '--dry-run', '--locale', 'ja'], dir).stderr;
      assert.match(ja, /^ospo: le\.py をスキップ: 有効な UTF-8 でも、ospo が読める他のエンコーディングのテキストでもありません$/m);
      assert.doesNotMatch(ja, /c\.bin/, 'a binary file needs no word');
    });
  });
});
