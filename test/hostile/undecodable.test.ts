// Passing what it did not read (issue 7/7, D): one invalid UTF-8 byte must not turn a file with a
// denied license and a forbidden AI marker into "0 findings, 1 skipped, exit 0". The file is checked
// with the bad bytes replaced, text-undecodable says so and fails the run, `fix` leaves its bytes
// alone, and binary and oversized files stay skipped with their reason.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../temp-tree';
import { describeRun, ended, ospo } from './run';

interface JsonReport {
  findings: { file: string; rule: string; line: number; column: number }[];
  skipped?: { file: string; reason: string; id?: string }[];
}

describe('a text file no encoding reads is checked, and fails the run', function () {
  let dir: string;
  const bad = Buffer.concat([
    Buffer.from(
      '# SPDX-FileCopyrightText: 2024 Example\n# SPDX-License-Identifier: GPL-3.0-only\n# AI-Generated-By: Copilot:gpt-4\nname = "caf\u00e9 na\u00efve \u00e0 \ufffd ',
    ),
    Buffer.from([0xff, 0x41]),
    Buffer.from('"\n'),
  ]);
  before(() => {
    dir = tempTree(
      {
        '.ospo/policy.yaml':
          '# SPDX-FileCopyrightText: 2024 Example\n# SPDX-License-Identifier: MIT\nversion: 1\nlicenses:\n  deny: [GPL-3.0-only]\nai:\n  mode: forbid\n',
        'bad.py': bad,
        'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
        'LICENSES/MIT.txt': 'MIT\n',
        'LICENSES/GPL-3.0-only.txt': 'GPL\n',
      },
      'ospo-undecodable-',
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ospo check: the denied license, the forbidden marker, and text-undecodable at the first bad byte; exit 1', () => {
    const r = ospo(['check', '.', '--format', 'json'], { cwd: dir });
    assert.ok(ended(r, [1]), describeRun(r));
    const report = JSON.parse(r.stdout) as JsonReport;
    const rules = report.findings.filter((f) => f.file === 'bad.py').map((f) => `${f.rule}@${f.line}:${f.column}`);
    // Line 4: `name = "café naïve à � ` is 23 characters; the genuine U+FFFD the file holds is not the bad byte.
    assert.deepEqual(rules, ['license-denied@2:28', 'ai-forbidden@3:3', 'text-undecodable@4:24']);
    assert.ok(!report.skipped?.some((s) => s.file === 'bad.py'), JSON.stringify(report.skipped));
    assert.ok(
      report.skipped?.some((s) => s.file === 'image.png'),
      'a binary file stays skipped, with its reason',
    );
  });

  it('the policy sets its severity: as a warning it no longer fails the run', () => {
    const policy = path.join(dir, '.ospo/policy.yaml');
    const before = fs.readFileSync(policy, 'utf8');
    try {
      fs.writeFileSync(policy, before.replace('licenses:\n  deny: [GPL-3.0-only]\nai:\n  mode: forbid\n', 'severity:\n  text-undecodable: warning\n'));
      const r = ospo(['check', 'bad.py', '--format', 'json'], { cwd: dir });
      assert.ok(ended(r, [0]), describeRun(r));
      assert.deepEqual(
        (JSON.parse(r.stdout) as JsonReport).findings.map((f) => f.rule),
        ['text-undecodable'],
      );
    } finally {
      fs.writeFileSync(policy, before);
    }
  });

  it('ospo fix leaves the file byte for byte, and says why', () => {
    const r = ospo(['fix', 'bad.py'], { cwd: dir });
    assert.ok(ended(r, [0, 1]), describeRun(r));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'bad.py')), bad);
    assert.match(r.stderr, /skipped bad\.py: not valid UTF-8/);
  });

  it('a file over the size limit stays skipped, with the reason', () => {
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, 0x61));
    try {
      const r = ospo(['check', 'big.txt', '--format', 'json'], { cwd: dir });
      assert.ok(ended(r, [0]), describeRun(r));
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.equal(report.findings.length, 0);
      assert.ok(
        report.skipped?.some((s) => s.file === 'big.txt' && /MB/.test(s.reason)),
        JSON.stringify(report.skipped),
      );
    } finally {
      fs.rmSync(big);
    }
  });
});
