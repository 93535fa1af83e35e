// `ospo dashboard` end to end, as an organisation's CI runs it after a matrix over its repositories
// (examples/ci/ospo-dashboard.yml): the bundled CLI over 1,000 result files generated here, laid out as that
// workflow downloads its artefacts (500 repositories in 8 shards, two runs), then a manifest, a broken artefact,
// and the outputs.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DashboardData } from '../../server/src/dashboard/model';
import { writeSyntheticResults } from '../synthetic-results';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');

function ospo(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', ...env }, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ospo dashboard (CLI)', function () {
  this.timeout(120000);
  let dir: string;
  let totals: ReturnType<typeof writeSyntheticResults>;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-dashboard-cli-'));
    totals = writeSyntheticResults(path.join(dir, 'results'), { repos: 500, filesPerRepo: 100, snapshots: 2, findingRate: 0.2, seed: 3, shards: 8 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('aggregates 1,000 result files of 500 repositories: the page, its JSON and CSV', () => {
    assert.equal(totals.results, 1000);
    const r = ospo(['dashboard', 'results', '--out', 'org.html', '--json', 'org.json', '--csv', 'org.csv'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Dashboard of 500 repositories from 1000 results → org\.html/);
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'org.json'), 'utf8')) as DashboardData;
    const t = data.totals;
    assert.deepEqual(
      [t.repos, t.results, t.files, t.declared, t.compliant, t.findings, t.found, t.resolved],
      [500, 1000, totals.files, totals.declared, totals.compliant, totals.findings, totals.found, totals.resolved],
    );
    assert.deepEqual(
      data.alerts.map((a) => [a.license, a.repos.length]),
      [['GPL-3.0-only', totals.gplRepos.length]],
    );
    assert.deepEqual(
      data.trend.map((p) => p.policyChanges.length),
      [0, totals.policyChanged.length],
    );
    // Named by the repository each result names, not by the shard folder it was downloaded to.
    assert.deepEqual(
      data.repos.slice(0, 2).map((r) => r.repo),
      ['github.com/acme/repo-000', 'github.com/acme/repo-001'],
    );
    assert.ok(data.repos.every((r) => r.snapshots.length === 2));
    assert.equal(fs.readFileSync(path.join(dir, 'org.csv'), 'utf8').trim().split('\n').length, 501);
    const page = fs.readFileSync(path.join(dir, 'org.html'), 'utf8');
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(page, /https?:\/\/|src=|@import|url\(/);
  });

  it('takes a manifest and globs; lists a broken artefact and goes on; links a report written beside its result', () => {
    fs.mkdirSync(path.join(dir, 'more/acme'), { recursive: true });
    fs.copyFileSync(path.join(dir, 'results/run-1/shard-0/repo-000/ospo-report.json'), path.join(dir, 'more/acme/ospo-report.json'));
    fs.writeFileSync(path.join(dir, 'more/acme/ospo-report.html'), '<!DOCTYPE html>');
    fs.writeFileSync(path.join(dir, 'more/broken.json'), '{"version": 1, "files":');
    fs.writeFileSync(path.join(dir, 'manifest.yaml'), 'repositories:\n  acme/platform: more/acme/*.json\n');
    const r = ospo(['dashboard', 'more/*.json', '--manifest', 'manifest.yaml', '--out', 'out/m.html', '--json', '-'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /more\/broken\.json: warning /);
    const data = JSON.parse(r.stdout) as DashboardData;
    assert.deepEqual(
      data.repos.map((x) => [x.repo, x.report]),
      [['acme/platform', '../more/acme/ospo-report.html']],
    );
    assert.deepEqual(
      data.unread.map((u) => u.source),
      ['more/broken.json'],
    );
  });

  it('leaves out a partial result (some rules or some files only), saying so', () => {
    const tree = path.join(dir, 'partial-tree');
    fs.mkdirSync(path.join(tree, 'src'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'src/a.ts'), 'export {};\n');
    fs.mkdirSync(path.join(dir, 'partial'), { recursive: true });
    for (const [name, args] of [
      ['whole', []],
      ['header', ['--rules', 'header']],
      ['one-file', ['src/a.ts']],
      ['reuse', ['--reuse']],
    ] as const) {
      const r = ospo(['check', ...args, '--format', 'json'], tree);
      fs.writeFileSync(path.join(dir, 'partial', `${name}.json`), r.stdout);
    }
    const snapshots = ['header', 'one-file', 'reuse'].map((n) => JSON.parse(fs.readFileSync(path.join(dir, 'partial', `${n}.json`), 'utf8')).snapshot.partial);
    assert.deepEqual(snapshots, ['--rules header', 'a file named', '--reuse']);
    const r = ospo(['dashboard', 'partial', '--json', '-', '--out', 'partial.html'], dir);
    assert.equal(r.code, 0, r.stderr);
    const data = JSON.parse(r.stdout) as DashboardData;
    assert.deepEqual(
      data.repos.map((x) => x.source),
      ['partial/whole.json'],
    );
    assert.deepEqual(
      data.unread.map((u) => [u.source, u.reason]),
      [
        ['partial/header.json', 'a partial result (--rules header): not the state of the repository'],
        ['partial/one-file.json', 'a partial result (a file named): not the state of the repository'],
        ['partial/reuse.json', 'a partial result (--reuse): not the state of the repository'],
      ],
    );
  });

  it('in Japanese with --locale ja', () => {
    const r = ospo(['dashboard', 'results/run-1/shard-1', '--out', '-', '--locale', 'ja'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /<html lang="ja">/);
    assert.match(r.stdout, /組織全体のライセンスコンプライアンス/);
  });

  it('exits 2 with the reason when there is nothing to show or an option is wrong', () => {
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    for (const args of [['dashboard'], ['dashboard', 'empty'], ['dashboard', 'results', '--since', 'soon'], ['dashboard', 'nowhere']]) {
      const r = ospo(args, dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^ospo dashboard: \S/, args.join(' '));
    }
  });
});
