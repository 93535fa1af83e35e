// `ospo sbom` as CI runs it (dist/cli.js): formats, --out, usage errors (exit 2) and the files it
// cannot read, listed with the reason. What the documents hold is test/unit/sbom.test.ts's.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../temp-tree';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');

function ospo(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, 'sbom', ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ospo sbom (CLI)', () => {
  let dir: string;
  before(() => {
    dir = tempTree(
      {
        'LICENSES/MIT.txt': 'MIT text\n',
        'a.c': '// SPDX-FileCopyrightText: 2024 A\n// SPDX-License-Identifier: MIT\n',
        'sub/b.txt': 'SPDX-FileCopyrightText: 2024 B\nSPDX-License-Identifier: MIT\n',
      },
      'ospo-sbom-cli-',
    );
    fs.symlinkSync('a.c', path.join(dir, 'link.c'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes SPDX 2.3 JSON to stdout by default, and lists what it could not read', () => {
    const r = ospo([], dir);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.spdxVersion, 'SPDX-2.3');
    assert.deepEqual(doc.files.map((f: { fileName: string }) => f.fileName).sort(), ['./a.c', './sub/b.txt']);
    assert.match(r.stderr, /^ospo sbom: skipped link\.c: symbolic link$/m);
    assert.match(r.stderr, /2 files, 1 skipped/);
  });

  it('--format and --out: each format to a file, nothing on stdout', () => {
    const expect = { 'spdx-json': /"spdxVersion": "SPDX-2\.3"/, spdx3: /"software_File"/, 'spdx-lite': /"lite"/, cyclonedx: /"bomFormat": "CycloneDX"/ };
    for (const [format, pattern] of Object.entries(expect)) {
      const out = path.join(dir, 'out', `${format}.json`);
      const r = ospo(['--format', format, '--out', out], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(fs.readFileSync(out, 'utf8'), pattern, format);
      fs.rmSync(path.join(dir, 'out'), { recursive: true });
    }
  });

  it('describes only the paths named', () => {
    const r = ospo(['sub'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).files.map((f: { fileName: string }) => f.fileName),
      ['./sub/b.txt'],
    );
  });

  it('--policy: its files.exclude narrows the files, its holder (a plain name in the regex) is the supplier; a broken one exits 2', () => {
    const policies = tempTree(
      {
        'policy.yaml': 'version: 1\nfiles:\n  exclude: ["sub/**"]\nheaders:\n  copyright:\n    holder: "Example Corp( and contributors)?"\n',
        'broken.yaml': 'version: 7\n',
      },
      'ospo-sbom-policy-',
    );
    try {
      const r = ospo(['--policy', path.join(policies, 'policy.yaml')], dir);
      assert.equal(r.code, 0, r.stderr);
      const doc = JSON.parse(r.stdout);
      assert.deepEqual(
        doc.files.map((f: { fileName: string }) => f.fileName),
        ['./a.c'],
      );
      assert.equal(doc.packages[0].supplier, 'Organization: Example Corp');
      const broken = ospo(['--policy', path.join(policies, 'broken.yaml')], dir);
      assert.equal(broken.code, 2, broken.stderr);
      assert.match(broken.stderr, /^ospo sbom: .*broken\.yaml/m);
    } finally {
      fs.rmSync(policies, { recursive: true, force: true });
    }
  });

  it('usage errors exit 2 with the reason: an unknown format, an unknown option, a missing path', () => {
    const cases: [string[], RegExp][] = [
      [['--format', 'spdx-yaml'], /Unknown --format 'spdx-yaml': use spdx-json, spdx3, spdx-lite, cyclonedx/],
      [['--fromat', 'spdx3'], /--fromat/],
      [['no-such-folder'], /No such file or folder: no-such-folder/],
    ];
    for (const [args, pattern] of cases) {
      const r = ospo(args, dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, '');
    }
  });

  it('--help prints the usage, and ospo --help names the command', () => {
    const r = ospo(['--help'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /ospo sbom \[paths…\] \[--format spdx-json\|spdx3\|spdx-lite\|cyclonedx\]/);
    const top = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    assert.match(top.stdout, /ospo sbom /);
  });
});
