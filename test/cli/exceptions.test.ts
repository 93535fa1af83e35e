// Policy exceptions through the real CLI (dist/cli.js) on throw-away trees: what fails, what JSON and SARIF say of
// what an exception silenced, what an expired one does, and what `ospo report --json` lists (docs/design/policy.md).

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../temp-tree';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');
const gpl = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: GPL-2.0-only\nexport {};\n';
// Dates far from any day the test runs on: one exception long expired, one that never expires.
const policy = `version: 1
licenses:
  deny: ["GPL-*"]
exceptions:
  - id: LEGAL-123
    rules: [license-denied]
    paths: ["vendor/legacy/**"]
    licenses: [GPL-2.0-only]
    approver: Jane Doe <jane@example.com>
    date: 2026-03-01
    ref: https://tracker.example.com/LEGAL-123
  - id: LEGAL-7
    rule: license-denied
    paths: ["old/**"]
    approver: Bob Roe <bob@example.com>
    date: 2019-01-01
    ref: https://tracker.example.com/LEGAL-7
    expires: 2020-06-30
`;

function ospo(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
  suppressions?: { kind: string; justification?: string }[];
}

describe('ospo check and report: policy exceptions', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempTree({ '.ospo/policy.yaml': policy, 'vendor/legacy/a.ts': gpl, 'old/b.ts': gpl, 'src/c.ts': gpl }, 'ospo-exceptions-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a finding an exception covers does not fail the run; an expired one is reported again, saying so, and the policy warns', () => {
    const covered = ospo(['check', 'vendor/legacy/a.ts'], dir);
    assert.equal(covered.code, 0, covered.stdout + covered.stderr);
    assert.doesNotMatch(covered.stdout, /license-denied/);

    const expired = ospo(['check', 'old/b.ts'], dir);
    assert.equal(expired.code, 1);
    assert.match(
      expired.stdout,
      /^old\/b\.ts:2:29: error license-denied .*\(the policy exception LEGAL-7 that allowed this expired on 2020-06-30: renew it or fix this\)$/m,
    );
    // The policy file says it at the exception's expiry.
    const line = policy.split('\n').findIndex((l) => l.includes('expires: 2020-06-30')) + 1;
    assert.ok(expired.stderr.includes(`.ospo/policy.yaml:${line}:14: warning Exception 'LEGAL-7' expired on 2020-06-30:`), expired.stderr);
  });

  it('JSON leaves the silenced finding out and names the exception that silenced it; SARIF marks it external with the exception', () => {
    const json = JSON.parse(ospo(['check', '.', '--format', 'json'], dir).stdout) as {
      findings: { file: string; rule: string }[];
      suppressed?: number;
      exceptions?: { id: string; ref: string; approver: string; suppressed: number }[];
    };
    assert.deepEqual(
      json.findings.filter((f) => f.rule === 'license-denied').map((f) => f.file),
      ['old/b.ts', 'src/c.ts'],
    );
    assert.equal(json.suppressed, 1);
    assert.deepEqual(json.exceptions, [
      { id: 'LEGAL-123', ref: 'https://tracker.example.com/LEGAL-123', approver: 'Jane Doe <jane@example.com>', suppressed: 1 },
    ]);

    const sarif = (JSON.parse(ospo(['check', '.', '--format', 'sarif'], dir).stdout) as { runs: { results: SarifResult[] }[] }).runs[0].results;
    assert.deepEqual(
      sarif.filter((r) => r.ruleId === 'license-denied').map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.suppressions]),
      [
        ['old/b.ts', undefined],
        ['src/c.ts', undefined],
        [
          'vendor/legacy/a.ts',
          [{ kind: 'external', justification: 'LEGAL-123, approved by Jane Doe <jane@example.com> on 2026-03-01: https://tracker.example.com/LEGAL-123' }],
        ],
      ],
    );
  });

  it('report --json lists the exceptions with their status and what each silenced', () => {
    const r = ospo(['report', '--out', 'r.html', '--json', '-'], dir);
    assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(r.stdout) as { version: number; exceptions?: { id: string; status: string; silenced: number; ref: string; expires?: string }[] };
    assert.equal(data.version, 1);
    assert.deepEqual(
      data.exceptions?.map((e) => [e.id, e.status, e.silenced, e.ref, e.expires]),
      [
        ['LEGAL-123', 'in-force', 1, 'https://tracker.example.com/LEGAL-123', undefined],
        ['LEGAL-7', 'expired', 0, 'https://tracker.example.com/LEGAL-7', '2020-06-30'],
      ],
    );
  });
});

describe('policy exceptions reach the findings made after the file checks', () => {
  it('LICENSES/: a license text nothing uses', () => {
    const mit = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n';
    const tree = (exceptions: string) =>
      tempTree(
        {
          '.ospo/policy.yaml': `version: 1\n${exceptions}`,
          'LICENSES/MIT.txt': 'MIT text\n',
          'LICENSES/Apache-2.0.txt': 'Apache text\n',
          'src/a.ts': mit,
        },
        'ospo-exceptions-project-',
      );
    const rules = (dir: string) => {
      const r = ospo(['check', '--format', 'json'], dir);
      return (JSON.parse(r.stdout) as { findings: { file: string; rule: string }[] }).findings.map((f) => `${f.file} ${f.rule}`).sort();
    };
    const bare = tree('');
    const covered = tree(`exceptions:
  - { id: KEEP-APACHE, rules: [license-text-unused], paths: ["LICENSES/**"], approver: Jane, date: 2026-03-01, ref: T-1 }
`);
    try {
      const before = rules(bare);
      assert.ok(before.includes('LICENSES/Apache-2.0.txt license-text-unused'), before.join('\n'));
      assert.deepEqual(
        rules(covered).filter((f) => f.startsWith('LICENSES/')),
        [],
      );
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
      fs.rmSync(covered, { recursive: true, force: true });
    }
  });
});

describe('policy exceptions: one file named on the command line', () => {
  it('judges the findings its REUSE licensing adds as a folder check does', () => {
    const dir = tempTree(
      {
        '.ospo/policy.yaml': `version: 1
exceptions:
  - { id: VENDOR, rules: [copyright-missing], paths: ["vendor/**"], approver: Jane, date: 2026-03-01, ref: T-1 }
`,
        'REUSE.toml': 'version = 1\n\n[[annotations]]\npath = "vendor/**"\nSPDX-License-Identifier = "MIT"\n',
        'LICENSES/MIT.txt': 'MIT text\n',
        'vendor/a.ts': 'export const a = 1;\n',
      },
      'ospo-exceptions-one-file-',
    );
    try {
      const rules = (target: string) => {
        const r = ospo(['check', target, '--format', 'json'], dir);
        return (JSON.parse(r.stdout) as { findings: { file: string; rule: string }[] }).findings.filter((f) => f.file === 'vendor/a.ts').map((f) => f.rule);
      };
      assert.deepEqual(rules('.'), []);
      assert.deepEqual(rules('vendor/a.ts'), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a license REUSE.toml gives a file meets the policy', () => {
  it('is denied as a license the file writes itself would be, also for an image by its .license file, and an exception covers it the same way', () => {
    const files = (exceptions: string) => ({
      '.ospo/policy.yaml': `# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\nversion: 1\nlicenses:\n  deny: ["GPL-*"]\n${exceptions}`,
      'LICENSES/MIT.txt': 'MIT text\n',
      'REUSE.toml':
        'version = 1\n\n[[annotations]]\npath = "data/**"\nSPDX-License-Identifier = "GPL-3.0-or-later"\nSPDX-FileCopyrightText = "2026 Example Corp"\n\n' +
        // In the wrong case, which nothing else checks in REUSE.toml: still GPL.
        '[[annotations]]\npath = "data/b.txt"\nSPDX-License-Identifier = "gpl-3.0-or-later"\nSPDX-FileCopyrightText = "2026 Example Corp"\n',
      'LICENSES/GPL-3.0-or-later.txt': 'GPL text\n',
      'data/a.txt': 'some data\n',
      'data/b.txt': 'more data\n',
      // Not read as text: its `.license` file speaks for it.
      'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a]),
      'img/logo.png.license': 'SPDX-FileCopyrightText: 2026 Example Corp\nSPDX-License-Identifier: GPL-2.0-only\n',
      'LICENSES/GPL-2.0-only.txt': 'GPL text\n',
    });
    const bare = tempTree(files(''), 'ospo-reuse-denied-');
    const excepted = tempTree(
      files('exceptions:\n  - { id: DATA, rules: [license-denied], licenses: [GPL-3.0-or-later, GPL-2.0-only], approver: Jane, date: 2026-03-01, ref: T-1 }\n'),
      'ospo-reuse-denied-',
    );
    try {
      const r = ospo(['check', '--format', 'json'], bare);
      assert.equal(r.code, 1, r.stderr);
      const findings = (JSON.parse(r.stdout) as { findings: { file: string; rule: string; message: string; line: number }[] }).findings;
      const denied = findings.filter((f) => f.rule === 'license-denied');
      assert.deepEqual(
        denied.map((f) => [f.file, f.line]),
        [
          ['data/a.txt', 1],
          ['data/b.txt', 1],
          ['img/logo.png', 1],
        ],
      );
      assert.match(denied[2].message, /License 'GPL-2\.0-only', which img\/logo\.png\.license line 2 gives logo\.png, is denied/);
      // The image named alone is judged the same way.
      const named = ospo(['check', 'img/logo.png', '--format', 'json'], bare);
      assert.equal(named.code, 1, named.stdout);
      assert.deepEqual(
        (JSON.parse(named.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule),
        ['license-denied'],
      );
      assert.match(denied[0].message, /License 'GPL-3\.0-or-later', which REUSE\.toml line 5 gives a\.txt, is denied by the policy \(GPL-3\.0-or-later\)/);
      const quiet = ospo(['check', '--format', 'json'], excepted);
      assert.equal(quiet.code, 0, quiet.stdout);
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
      fs.rmSync(excepted, { recursive: true, force: true });
    }
  });
});
