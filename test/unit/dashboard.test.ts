import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dashboardCsv } from '../../server/src/dashboard/csv';
import { renderDashboard } from '../../server/src/dashboard/html';
import { safeLink } from '../../server/src/report/page';
import { buildDashboard, DashboardData } from '../../server/src/dashboard/model';
import { nameFromPath, readResults } from '../../server/src/dashboard/read';
import { findingKey, parseResult, Result, ResultError } from '../../server/src/dashboard/results';
import { bandOf, scoreOf } from '../../server/src/dashboard/score';
import { writeSyntheticResults } from '../synthetic-results';

const at = '2026-11-01T00:00:00.000Z';

/** A report result as `ospo report --json` writes it, with the fields a test sets. */
function report(
  over: {
    date?: string;
    commit?: string;
    digest?: string;
    licenses?: { id: string; files: number; sample?: string[]; tier?: string }[];
    findings?: object[];
    totals?: object;
    exceptions?: object[];
  } = {},
) {
  const findings = over.findings ?? [];
  return {
    version: 1,
    generatedAt: over.date ?? at,
    snapshot: {
      date: over.date ?? at,
      ...(over.commit ? { commit: over.commit } : {}),
      policy: { source: '.ospo/policy.yaml', digest: over.digest ?? 'a'.repeat(64) },
    },
    root: '/r',
    totals: {
      files: 10,
      compliant: 8,
      percent: 80,
      exempt: 1,
      skipped: 0,
      findings: findings.length,
      listed: 10,
      declared: 9,
      tiers: { allowed: 8, review: 1, denied: 0 },
      osi: 9,
      severities: { error: 0, warning: 0, info: 0, hint: 0 },
      ai: { files: 2, disclosed: 1 },
      ...over.totals,
    },
    folders: [],
    licenses: (over.licenses ?? [{ id: 'MIT', files: 9 }]).map((l) => ({ sample: [], ...l })),
    rules: [],
    findings,
    skipped: [],
    ...(over.exceptions ? { exceptions: over.exceptions } : {}),
  };
}

function result(json: unknown, repo: string, source = `${repo}.json`): Result {
  const r = parseResult(json, source, at);
  r.repo = repo;
  return r;
}

const finding = (file: string, rule = 'header-missing', severity = 'error') => ({ file, rule, severity, line: 1, column: 1, message: 'm' });

describe('ospo dashboard', () => {
  const made: string[] = [];
  const tmp = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-dashboard-'));
    made.push(dir);
    return dir;
  };
  after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  describe('results', () => {
    it('reads a report and a check result into the same numbers', () => {
      const rep = result(report({ findings: [finding('a.ts'), finding('a.ts', 'copyright-missing', 'warning'), finding('b.ts')] }), 'x');
      assert.equal(rep.kind, 'report');
      assert.deepEqual([rep.files, rep.compliant, rep.listed, rep.declared, rep.osi], [10, 8, 10, 9, 9]);
      assert.deepEqual(rep.severities, { error: 2, warning: 1, info: 0, hint: 0 });
      assert.deepEqual({ ...rep.ruleFiles }, { 'header-missing': 2, 'copyright-missing': 1 });
      const check = result(
        { version: 1, files: 5, findings: [finding('a.ts'), finding('a.ts'), finding('c.ts', 'spdx-deprecated', 'warning')], skipped: [] },
        'y',
      );
      assert.equal(check.kind, 'check');
      // a.ts has errors; c.ts only a warning: 4 of 5 files pass.
      assert.deepEqual([check.files, check.compliant, check.listed], [5, 4, undefined]);
      assert.equal(check.findingKeys.get(findingKey('a.ts', 'header-missing')), 2);
      assert.notEqual(findingKey('a.ts', 'header-missing'), findingKey('a.ts', 'header-misplaced'));
    });

    it('refuses what is not a result, saying why', () => {
      for (const [json, why] of [
        [[], /not a JSON object/],
        [{ version: 2, files: 1, findings: [] }, /version 2/],
        [{ version: 1, hello: 'world' }, /neither/],
      ] as const) {
        assert.throws(
          () => parseResult(json, 'x.json', at),
          (err: Error) => err instanceof ResultError && why.test(err.message),
        );
      }
    });

    it('counts rules named like the properties of an object as rules', () => {
      const r = result(
        { version: 1, files: 3, findings: ['constructor', 'toString', '__proto__', 'toString'].map((rule) => finding('a.ts', rule, 'warning')) },
        'x',
      );
      assert.deepEqual({ ...r.rules }, { constructor: 1, toString: 2, ['__proto__']: 1 });
      assert.equal(JSON.parse(JSON.stringify(buildDashboard([r], { generatedAt: at }).repos[0].rules)).length, 3);
    });

    it('skips entries of the wrong shape and numbers that are not counts', () => {
      const json = report({
        findings: [finding('a.ts'), { file: 3, rule: 'x' }, null as unknown as object, finding('b.ts', 'r', 'fatal')],
        totals: { files: 'ten', compliant: -4 },
      });
      const r = result(json, 'x');
      assert.equal(r.severities.error, 1);
      assert.deepEqual([r.files, r.compliant], [0, 0]);
    });
  });

  describe('score', () => {
    it('weighs shares of files and puts the score in bands at 75, 50 and 25', () => {
      assert.deepEqual([bandOf(75), bandOf(74.9), bandOf(50), bandOf(25), bandOf(24.9)], ['a', 'b', 'b', 'c', 'd']);
      // coverage 9/10 ×3, compliant 8/10 ×3, approved 8/9 ×2, copyright 10/10 ×1, AI 1/2 ×1.
      const s = scoreOf(result(report(), 'x'));
      const expected = Math.round(((3 * 0.9 + 3 * 0.8 + 2 * (8 / 9) + 1 + 0.5) / 10) * 1000) / 10;
      assert.equal(s.score, expected);
      assert.equal(s.band, 'a');
    });

    it('exempts a check that cannot apply, with the reason, and leaves its weight out', () => {
      const s = scoreOf(result(report({ totals: { ai: { files: 0, disclosed: 0 } } }), 'x'));
      assert.deepEqual(
        s.checks.filter((c) => c.exempt).map((c) => [c.id, c.exempt]),
        [['ai', 'no-ai']],
      );
      const check = scoreOf(result({ version: 1, files: 4, findings: [] }, 'y'));
      assert.deepEqual(
        check.checks.filter((c) => c.exempt).map((c) => c.id),
        ['coverage', 'approved', 'ai'],
      );
      assert.equal(check.score, 100);
    });
  });

  describe('the organisation', () => {
    let data: DashboardData;
    let totals: ReturnType<typeof writeSyntheticResults>;
    before(async () => {
      const dir = tmp();
      totals = writeSyntheticResults(dir, { repos: 30, filesPerRepo: 60, snapshots: 3, findingRate: 0.3, seed: 7 });
      const read = await readResults([dir], undefined, dir);
      assert.deepEqual(read.unread, []);
      data = buildDashboard(read.results, { generatedAt: at });
    });

    it('sums the newest result of each repository', () => {
      const t = data.totals;
      assert.deepEqual(
        [t.repos, t.results, t.files, t.listed, t.declared, t.compliant, t.findings],
        [30, totals.results, totals.files, totals.listed, totals.declared, totals.compliant, totals.findings],
      );
      assert.equal(t.coverage, Math.round((totals.declared / totals.listed) * 1000) / 10);
    });

    it('counts issues found and resolved over every result', () => {
      assert.deepEqual([data.totals.found, data.totals.resolved], [totals.found, totals.resolved]);
      assert.equal(
        data.trend.reduce((n, p) => n + p.found, 0),
        totals.found,
      );
      assert.ok(data.repos.every((r) => r.trend !== undefined));
    });

    it('has a point per day of results, and marks the day a policy changed', () => {
      assert.equal(data.trend.length, 3);
      assert.deepEqual(data.trend[2].policyChanges.sort(), totals.policyChanged.sort());
      assert.deepEqual(data.trend[0].policyChanges, []);
      assert.equal(data.trend[2].files, totals.files);
    });

    it('raises a license that appeared, with the repositories and the files', () => {
      assert.deepEqual(
        data.alerts.map((a) => a.license),
        ['GPL-3.0-only'],
      );
      const [gpl] = data.alerts;
      assert.equal(gpl.tier, 'denied');
      assert.equal(gpl.newToOrg, true);
      assert.deepEqual(
        gpl.repos.map((r) => r.repo),
        totals.gplRepos,
      );
      assert.ok(gpl.repos.every((r) => r.sample.length === r.files && r.sample.every((f) => f.startsWith('src/'))));
    });

    it('renders the same data in the page and in CSV', () => {
      const page = renderDashboard(data);
      const embedded = /<script type="application\/json" id="ospo-data">([^<]*)<\/script>/.exec(page)![1];
      assert.deepEqual(JSON.parse(embedded), JSON.parse(JSON.stringify(data)));
      assert.doesNotMatch(page, /https?:\/\/|src=|@import|url\(/);
      const rows = dashboardCsv(data).trim().split('\n');
      assert.equal(rows.length, 31);
      assert.match(rows[0], /^repository,url,date,commit,score,band,files,/);
    });
  });

  describe('alerts and merging', () => {
    const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T00:00:00.000Z`;
    it('a new repository raises only licenses the organisation never had; the first results of all raise nothing', () => {
      const results = [
        result(report({ date: day(1), licenses: [{ id: 'MIT', files: 9 }] }), 'old'),
        result(
          report({
            date: day(10),
            licenses: [
              { id: 'MIT', files: 3 },
              { id: 'AGPL-3.0-only', files: 1, sample: ['x.c'] },
            ],
          }),
          'new',
        ),
      ];
      const d = buildDashboard(results, { generatedAt: at });
      assert.deepEqual(
        d.alerts.map((a) => [a.license, a.newToOrg, a.repos.map((r) => r.repo)]),
        [['AGPL-3.0-only', true, ['new']]],
      );
      const first = buildDashboard([result(report({ date: day(1), licenses: [{ id: 'BSD-3-Clause', files: 1 }] }), 'only')], { generatedAt: at });
      assert.deepEqual(first.alerts, []);
    });

    it("gives an alert the license's tier as the newest results say", () => {
      const results = [
        result(report({ date: day(1), licenses: [{ id: 'MIT', files: 9 }] }), 'r'),
        result(
          report({
            date: day(2),
            licenses: [
              { id: 'MIT', files: 9 },
              { id: 'AGPL-3.0-only', files: 1, tier: 'allowed' },
            ],
          }),
          'r',
        ),
        result(
          report({
            date: day(3),
            licenses: [
              { id: 'MIT', files: 9 },
              { id: 'AGPL-3.0-only', files: 1, tier: 'denied' },
            ],
          }),
          'r',
        ),
      ];
      const [alert] = buildDashboard(results, { generatedAt: at }).alerts;
      assert.deepEqual([alert.license, alert.tier, alert.firstSeen], ['AGPL-3.0-only', 'denied', '2026-11-02']);
    });

    it('looks back --since days from the dashboard date', () => {
      const results = [
        result(report({ date: day(1) }), 'r'),
        result(
          report({
            date: day(5),
            licenses: [
              { id: 'MIT', files: 9 },
              { id: 'ISC', files: 1 },
            ],
          }),
          'r',
        ),
      ];
      assert.equal(buildDashboard(results, { generatedAt: at, asOf: '2026-11-20' }).alerts.length, 1);
      assert.equal(buildDashboard(results, { generatedAt: at, asOf: '2026-11-20', sinceDays: 10 }).alerts.length, 0);
    });

    it('keeps the report when a report and a check result are of the same commit', () => {
      const commit = 'c'.repeat(40);
      const check = result({ version: 1, snapshot: { date: day(2), commit }, files: 10, findings: [] }, 'r', 'check.json');
      const rep = result(report({ date: day(2), commit }), 'r', 'report.json');
      const d = buildDashboard([check, rep], { generatedAt: at });
      assert.equal(d.repos[0].snapshots.length, 1);
      assert.equal(d.repos[0].kind, 'report');
    });

    it("keeps the newest report's exceptions when a newer check result lists only those that silenced something", () => {
      const exceptions = [
        { id: 'A', rules: ['license-denied'], paths: ['vendor/**'], approver: 'Jane', date: '2026-01-01' },
        { id: 'B', rules: ['header-missing'], paths: ['gen/**'], approver: 'Ken', date: '2026-01-01' },
      ];
      const rep = result(report({ date: day(1), exceptions }), 'r', 'report.json');
      const check = result({ version: 1, snapshot: { date: day(2) }, files: 10, findings: [], exceptions: [{ id: 'A', suppressed: 2 }] }, 'r', 'check.json');
      const d = buildDashboard([rep, check], { generatedAt: at });
      assert.equal(d.repos[0].kind, 'check');
      assert.deepEqual(
        d.exceptions.map((e) => e.id),
        ['A', 'B'],
      );
    });

    it('gives each exception its status on the dashboard date', () => {
      const exceptions = [
        { id: 'A', rules: ['license-denied'], paths: ['vendor/**'], approver: 'Jane', date: '2026-01-01', expires: '2026-10-01' },
        { id: 'B', rules: ['license-denied'], licenses: ['GPL-2.0-only'], approver: 'Jane', date: '2026-01-01', expires: '2026-11-20' },
        { id: 'C', rules: ['header-missing'], paths: ['gen/**'], approver: 'Ken', date: '2026-01-01' },
      ];
      const d = buildDashboard([result(report({ exceptions }), 'r')], { generatedAt: at, asOf: '2026-11-01' });
      assert.deepEqual(
        d.exceptions.map((e) => [e.id, e.status]),
        [
          ['A', 'expired'],
          ['B', 'expiring'],
          ['C', 'in-force'],
        ],
      );
      assert.deepEqual(d.totals.exceptions, { 'in-force': 1, expiring: 1, expired: 1 });
    });
  });

  describe('inputs and outputs', () => {
    it('names a repository by its folder under the one given, else by the file', () => {
      assert.equal(nameFromPath('/a/results/acme-api/ospo-report.json', '/a/results'), 'acme-api');
      assert.equal(nameFromPath('/a/results/acme-web.json', '/a/results'), 'acme-web');
    });

    it('names results found by a glob from the folder it starts in, and flat files by the folder their report was made of', async () => {
      const dir = tmp();
      for (const [file, root] of [
        ['results/api/ospo-report.json', '/ci/api'],
        ['results/web/ospo-report.json', '/ci/web'],
        ['flat/kcalc-1.json', '/home/me/kcalc'],
        ['flat/kcalc-2.json', '/home/me/kcalc'],
      ]) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), JSON.stringify({ ...report({ date: file.endsWith('2.json') ? '2026-11-02T00:00:00Z' : at }), root }));
      }
      const glob = await readResults(['results/**/*.json'], undefined, dir);
      assert.deepEqual(glob.results.map((r) => r.repo).sort(), ['api', 'web']);
      // A brace's branches: from the folder they share.
      const brace = await readResults(['{results/api,results/web}/*.json'], undefined, dir);
      assert.deepEqual(brace.results.map((r) => r.repo).sort(), ['api', 'web']);
      const flat = await readResults(['flat'], undefined, dir);
      assert.deepEqual(
        flat.results.map((r) => r.repo),
        ['kcalc', 'kcalc'],
      );
      assert.equal(buildDashboard(flat.results, { generatedAt: at }).repos[0].snapshots.length, 2);
    });

    it('keeps a result of part of a repository apart from the whole', async () => {
      const dir = tmp();
      fs.mkdirSync(path.join(dir, 'flat'));
      const whole = { ...report(), root: '/home/me/kcalc', snapshot: { date: at, commit: 'a'.repeat(40) } };
      const part = {
        ...report({ date: '2026-11-02T00:00:00Z' }),
        root: '/home/me/kcalc/src',
        snapshot: { date: '2026-11-02T00:00:00Z', commit: 'a'.repeat(40), path: 'src/' },
      };
      fs.writeFileSync(path.join(dir, 'flat/whole.json'), JSON.stringify(whole));
      fs.writeFileSync(path.join(dir, 'flat/part.json'), JSON.stringify(part));
      const read = await readResults(['flat'], undefined, dir);
      assert.deepEqual(read.results.map((r) => r.repo).sort(), ['kcalc', 'kcalc/src']);
    });

    it('says which repository of the manifest has no result', async () => {
      const dir = tmp();
      fs.mkdirSync(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'out/one.json'), JSON.stringify(report()));
      fs.writeFileSync(path.join(dir, 'repos.yaml'), 'repositories:\n  acme/api: out/one.json\n  acme/gone: out/gone/*.json\n');
      const read = await readResults([], 'repos.yaml', dir);
      assert.deepEqual(
        read.results.map((r) => r.repo),
        ['acme/api'],
      );
      assert.deepEqual(read.unread, [{ source: 'repos.yaml: acme/gone', reason: 'no result file matches out/gone/*.json' }]);
    });

    it('reads a manifest, and lists what is not a result without losing the rest', async () => {
      const dir = tmp();
      fs.mkdirSync(path.join(dir, 'out'));
      fs.writeFileSync(path.join(dir, 'out/one.json'), JSON.stringify(report()));
      fs.writeFileSync(path.join(dir, 'out/two.json'), JSON.stringify(report({ date: '2026-11-02T00:00:00Z' })));
      fs.writeFileSync(path.join(dir, 'out/broken.json'), '{"version": 1,');
      fs.writeFileSync(path.join(dir, 'out/package.json'), '{"name": "x"}');
      fs.writeFileSync(
        path.join(dir, 'repos.yaml'),
        'repositories:\n  acme/api: out/one.json\n  acme/web:\n    results: [out/two.json]\n    report: https://ci.example.com/web.html\n',
      );
      const read = await readResults(['out'], 'repos.yaml', dir);
      // The manifest names them, though the folder lists them too.
      assert.deepEqual(read.results.map((r) => r.repo).sort(), ['acme/api', 'acme/web']);
      assert.deepEqual(read.unread.map((u) => u.source).sort(), ['out/broken.json', 'out/package.json']);
      assert.equal(read.results.find((r) => r.repo === 'acme/web')?.report, 'https://ci.example.com/web.html');
    });

    it('escapes a cell a spreadsheet would run as a formula, and links only relative or http(s) addresses', () => {
      const d = buildDashboard([result(report(), '=HYPERLINK("http://x","y")')], { generatedAt: at });
      assert.match(dashboardCsv(d), /\n"'=HYPERLINK/);
      assert.ok(safeLink('acme/report.html') && safeLink('https://ci.example.com/r.html'));
      assert.ok(!safeLink('javascript:alert(1)') && !safeLink('data:text/html,x') && !safeLink('JaVaScRiPt:alert(1)'));
      // A browser drops tabs and line breaks in a URL, and control characters before it.
      for (const sly of [
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        '\u0001javascript:alert(1)',
        ' javascript:alert(1)',
        '//evil.example/x',
        'https:///x',
      ])
        assert.ok(!safeLink(sly), JSON.stringify(sly));
      assert.ok(safeLink('my reports/a%23b.html'));
    });
  });
});
