// Suppression comments and the baseline (.ospo/suppressions.json) through the real CLI (dist/cli.js)
// on throw-away trees: what fails, what the outputs show, and what SARIF marks (docs/design/suppressions.md).

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempTree } from '../temp-tree';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');
const policy = 'version: 1\nlicenses:\n  deny: [MIT]\n';
const gpl = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n';

function ospo(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
  suppressions?: { kind: string; justification?: string }[];
}
const sarifResults = (stdout: string) => (JSON.parse(stdout) as { runs: { results: SarifResult[] }[] }).runs[0].results;

describe('ospo check: suppression comments', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a suppressed finding does not fail the run, is left out of text and JSON (counted), and SARIF marks it inSource with the reason', () => {
    dir = tempTree(
      {
        '.ospo/policy.yaml': policy,
        'src/a.ts': gpl,
        'src/b.ts': '// ospo-disable-file license-denied -- vendored, cleared in LEGAL-7\n' + gpl,
      },
      'ospo-suppress-',
    );
    // Without the comment, a.ts fails.
    const text = ospo(['check', 'src/b.ts'], dir);
    assert.equal(text.code, 0, text.stdout + text.stderr);
    assert.doesNotMatch(text.stdout, /license-denied/);
    const failing = ospo(['check', 'src/a.ts'], dir);
    assert.equal(failing.code, 1);
    assert.match(failing.stdout, /license-denied/);

    const json = JSON.parse(ospo(['check', 'src', '--format', 'json'], dir).stdout) as { findings: { file: string; rule: string }[]; suppressed?: number };
    assert.deepEqual(
      json.findings.filter((f) => f.rule === 'license-denied').map((f) => f.file),
      ['src/a.ts'],
    );
    assert.equal(json.suppressed, 1);

    const sarif = sarifResults(ospo(['check', 'src', '--format', 'sarif'], dir).stdout).filter((r) => r.ruleId === 'license-denied');
    assert.deepEqual(
      sarif.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.suppressions]),
      [
        ['src/a.ts', undefined],
        ['src/b.ts', [{ kind: 'inSource', justification: 'vendored, cleared in LEGAL-7' }]],
      ],
    );
  });

  it('a policy that forbids suppressing the rule: the comment suppresses nothing and is itself reported', () => {
    dir = tempTree(
      {
        '.ospo/policy.yaml': policy + 'suppressions:\n  forbid: [license-denied]\n',
        'src/b.ts': '// ospo-disable-file license-denied -- please\n' + gpl,
      },
      'ospo-suppress-',
    );
    const r = ospo(['check', 'src/b.ts'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /license-denied/);
    assert.match(r.stdout, /suppression-invalid .*forbids suppressing 'license-denied'/);
  });
});

describe('ospo check: the baseline (.ospo/suppressions.json)', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bare = 'export const x = 1;\n';
  const baseline = () => fs.readFileSync(path.join(dir, '.ospo/suppressions.json'), 'utf8');
  // A policy fixes the root, where the baseline is, whichever path is named.
  const rootPolicy = { '.ospo/policy.yaml': '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT\nversion: 1\n' };

  it('--suppress-all records today’s findings, sorted; the next run passes and SARIF marks them external', () => {
    dir = tempTree({ ...rootPolicy, 'src/b.ts': bare, 'src/a.ts': bare }, 'ospo-baseline-');
    assert.equal(ospo(['check'], dir).code, 1);
    const first = ospo(['check', '--suppress-all'], dir);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.equal(
      baseline(),
      JSON.stringify({ 'src/a.ts': { 'header-missing': { count: 1 } }, 'src/b.ts': { 'header-missing': { count: 1 } } }, null, 2) + '\n',
    );
    const again = ospo(['check'], dir);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.equal(again.stdout, '');
    const sarif = sarifResults(ospo(['check', '--format', 'sarif'], dir).stdout);
    assert.deepEqual(
      sarif.map((r) => r.suppressions),
      [[{ kind: 'external' }], [{ kind: 'external' }]],
    );
  });

  it('a new file, or more findings of a rule than counted, is reported in full', () => {
    dir = tempTree({ ...rootPolicy, 'src/a.ts': bare }, 'ospo-baseline-');
    ospo(['check', '--suppress-all'], dir);
    fs.writeFileSync(path.join(dir, 'src/new.ts'), bare);
    const r = ospo(['check'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /src\/new\.ts:1:1: error header-missing/);
    assert.doesNotMatch(r.stdout, /src\/a\.ts/);
  });

  it('--suppress-rule records only that rule', () => {
    dir = tempTree(
      { '.ospo/policy.yaml': 'version: 1\nlicenses:\n  deny: [MIT]\n', 'src/a.ts': '// SPDX-License-Identifier: MIT\nexport {};\n' },
      'ospo-baseline-',
    );
    const r = ospo(['check', '--suppress-rule', 'license-denied'], dir);
    assert.deepEqual(Object.keys(JSON.parse(baseline())['src/a.ts']), ['license-denied']);
    assert.equal(r.code, 1, 'copyright-missing is not recorded and still fails');
    assert.match(r.stdout, /copyright-missing/);
    assert.doesNotMatch(r.stdout, /license-denied/);
  });

  it('stale entries fail the run (exit 2) until pruned, unless --pass-on-unpruned-suppressions', () => {
    dir = tempTree({ ...rootPolicy, 'src/a.ts': bare, 'src/b.ts': bare }, 'ospo-baseline-');
    ospo(['check', '--suppress-all'], dir);
    fs.writeFileSync(path.join(dir, 'src/a.ts'), '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n' + bare);
    fs.rmSync(path.join(dir, 'src/b.ts'));
    const stale = ospo(['check'], dir);
    assert.equal(stale.code, 2);
    assert.match(stale.stderr, /2 entries .*--prune-suppressions/);
    assert.match(stale.stderr, /src\/a\.ts: header-missing/);
    assert.equal(ospo(['check', '--pass-on-unpruned-suppressions'], dir).code, 0);
    // Checking one file says nothing of the others' entries.
    fs.writeFileSync(path.join(dir, 'src/c.ts'), bare);
    assert.equal(ospo(['check', 'src/c.ts', '--suppress-all'], dir).code, 0);
    assert.equal(ospo(['check', '--prune-suppressions'], dir).code, 0);
    assert.deepEqual(JSON.parse(baseline()), { 'src/c.ts': { 'header-missing': { count: 1 } } });
    assert.equal(ospo(['check'], dir).code, 0);
  });

  it('a baseline that is not one is a usage error, not an empty baseline', () => {
    dir = tempTree({ 'src/a.ts': bare, '.ospo/suppressions.json': '{"src/a.ts": {"header-missing": {"count": "one"}}}' }, 'ospo-baseline-');
    const r = ospo(['check'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /suppressions\.json.*count must be a whole number/);
  });
});
