// The dashboard page in a real browser (Chromium, headless, through playwright-core): the trend chart is drawn
// from the data, the filters and the sort of the repository table work, a row opens its details, and no request
// leaves the page; in English and Japanese. Skipped when /usr/bin/chromium is missing.
// OSPO_UPDATE_SCREENSHOT=1 also writes docs/images/dashboard.png.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';
import { runDashboard } from '../../server/src/cli/dashboard';
import type { DashboardData } from '../../server/src/dashboard/model';
import { setLocale } from '../../server/src/engine/l10n';
import { openReport } from '../browser-page';
import { writeSyntheticResults } from '../synthetic-results';
import { capture } from './report.test';

const executablePath = '/usr/bin/chromium';
const repoRoot = path.resolve(__dirname, '../../..');

/** A report of a repository whose policy records three exceptions: expired, expiring and in force on 2026-09-15. */
function legalReport() {
  const exception = (id: string, expires?: string) => ({
    id,
    ref: `https://tracker.example.com/${id}`,
    approver: 'Jane Doe <jane@example.com>',
    date: '2026-01-10',
    ...(expires ? { expires } : {}),
    rules: ['license-denied'],
    paths: ['vendor/**'],
    status: 'in-force',
    silenced: 2,
  });
  return {
    version: 1,
    generatedAt: '2026-09-15T12:00:00.000Z',
    snapshot: { date: '2026-09-15T12:00:00.000Z', policy: { source: '.ospo/policy.yaml', digest: 'c'.repeat(64) } },
    root: '/ci/legal',
    totals: {
      files: 4,
      compliant: 4,
      percent: 100,
      exempt: 0,
      skipped: 0,
      findings: 0,
      suppressed: 2,
      listed: 4,
      declared: 4,
      tiers: { allowed: 2, review: 0, denied: 2 },
      osi: 4,
      severities: { error: 0, warning: 0, info: 0, hint: 0 },
      ai: { files: 1, disclosed: 1 },
    },
    folders: [],
    licenses: [{ id: 'GPL-2.0-only', files: 2, sample: ['vendor/a.c', 'vendor/b.c'], tier: 'denied', osi: true }],
    rules: [],
    findings: [],
    skipped: [],
    exceptions: [exception('LEGAL-1', '2026-09-01'), exception('LEGAL-2', '2026-09-30'), exception('LEGAL-3')],
  };
}

describe('ospo dashboard in a browser', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let dir: string;
  let data: DashboardData;
  let page: Page;
  let opened: Awaited<ReturnType<typeof openReport>>;
  let totals: ReturnType<typeof writeSyntheticResults>;

  async function write(name: string, locale?: string) {
    const c = capture(dir);
    setLocale(locale);
    try {
      const code = await runDashboard(['results', '--out', name, '--json', name.replace(/\.html$/, '.json')], c.io);
      assert.equal(code, 0, c.err.join(''));
    } finally {
      setLocale(undefined);
    }
    return path.join(dir, name);
  }

  before(async function () {
    if (!fs.existsSync(executablePath)) this.skip();
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-dashboard-browser-')));
    totals = writeSyntheticResults(path.join(dir, 'results'), { repos: 24, filesPerRepo: 80, snapshots: 3, findingRate: 0.25, seed: 5 });
    fs.mkdirSync(path.join(dir, 'results/legal'));
    fs.writeFileSync(path.join(dir, 'results/legal/report.json'), JSON.stringify(legalReport()));
    const file = await write('org.html');
    data = JSON.parse(fs.readFileSync(path.join(dir, 'org.json'), 'utf8'));
    browser = await chromium.launch({ executablePath });
    opened = await openReport(browser, file, { width: 1400, height: 1000 });
    page = opened.page;
  });

  after(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = () =>
    page.$$eval('#repos tbody tr.repo', (trs) => trs.map((tr) => ({ repo: tr.getAttribute('data-repo')!, band: tr.getAttribute('data-band')! })));

  it('makes no request and throws no error', () => {
    assert.deepEqual(opened.blocked, []);
    assert.deepEqual(opened.requests, [opened.url]);
    assert.deepEqual(opened.errors, []);
  });

  it('draws the trend from the data: a group per day, both lines, a diamond on each day a policy changed', async () => {
    assert.equal(await page.locator('#chart-trend g.day').count(), data.trend.length);
    assert.equal(data.trend.length, 3);
    assert.equal(await page.locator('#chart-trend polyline.line-coverage').count(), 1);
    assert.equal(await page.locator('#chart-trend polyline.line-compliant').count(), 1);
    const changed = data.trend.filter((p) => p.policyChanges.length).length;
    assert.ok(changed > 0);
    assert.equal(await page.locator('#chart-trend path.policy').count(), changed);
    // The bars' heights follow found and resolved: the day with the most found has the tallest red bar.
    const heights = await page.$$eval('#chart-trend rect.bar-found', (rects) => rects.map((r) => Number(r.getAttribute('height'))));
    const most = data.trend.reduce((m, p, i, all) => (p.found > all[m].found ? i : m), 0);
    assert.equal(heights.indexOf(Math.max(...heights)), most);
  });

  it('shows the totals of the data', async () => {
    assert.equal(await page.textContent('#total-repos'), String(data.totals.repos));
    assert.equal(await page.textContent('#total-found-resolved'), `${data.totals.found} / ${data.totals.resolved}`);
    assert.equal(await page.textContent('#total-coverage'), `${data.totals.coverage}%`);
  });

  it('filters the repositories by name, band and errors, and says how many it shows', async () => {
    assert.equal((await rows()).length, data.repos.length);
    await page.fill('#filter-text', 'repo-01');
    const named = await rows();
    assert.ok(named.length > 0 && named.every((r) => r.repo.includes('repo-01')));
    assert.equal(named.length, data.repos.filter((r) => r.repo.includes('repo-01')).length);
    assert.match((await page.textContent('#repos-count'))!, new RegExp(`^${named.length} of ${data.repos.length} repositories$`));
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-band', 'a');
    const banded = await rows();
    assert.deepEqual(
      banded.map((r) => r.repo),
      data.repos.filter((r) => r.band === 'a').map((r) => r.repo),
    );
    await page.selectOption('#filter-band', '');
    await page.check('#filter-errors');
    assert.deepEqual(
      (await rows()).map((r) => r.repo),
      data.repos.filter((r) => r.severities.error > 0).map((r) => r.repo),
    );
    await page.uncheck('#filter-errors');
  });

  it('sorts by score, and a row opens its details with every exemption and its reason', async () => {
    await page.click('#repos th[data-key="score"] button');
    const scores = await page.$$eval('#repos tbody tr.repo td:nth-child(2)', (tds) => tds.map((td) => parseFloat(td.textContent!)));
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    await page.click('#repos tr.repo[data-repo="repo-00"]');
    const detail = (await page.textContent('#repos tr.detail[data-repo="repo-00"]'))!;
    assert.match(detail, /AI disclosure ×1: exempt: no AI-assisted files/);
    assert.match(detail, /License coverage ×3: \d/);
    await page.click('#repos tr.repo[data-repo="repo-00"]');
    assert.equal(await page.locator('#repos tr.detail').count(), 0);
  });

  it('lists the new license with its repositories, and the exceptions by status', async () => {
    const alerts = await page.$$eval('#alerts tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-license')));
    // GPL-3.0-only appeared in repositories that had results before; GPL-2.0-only came with a repository's first
    // result, and no repository had it before.
    assert.deepEqual(alerts, ['GPL-2.0-only', 'GPL-3.0-only']);
    assert.equal(await page.locator('#alerts tbody tr[data-license="GPL-3.0-only"] details').count(), totals.gplRepos.length);
    assert.match(
      (await page.textContent('#alerts tbody tr[data-license="GPL-2.0-only"]'))!,
      /new to the organisation.*license violation.*legal \(2026-09-15\): 2 files/s,
    );
    const statuses = await page.$$eval('#exceptions tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-status')));
    assert.deepEqual(statuses, ['expired', 'expiring', 'in-force']);
    assert.equal(await page.getAttribute('#exceptions tbody tr a', 'href'), 'https://tracker.example.com/LEGAL-1');
  });

  it('is in Japanese with the OpenChain Japan WG terms', async () => {
    const file = await write('org-ja.html', 'ja');
    const ja = await openReport(browser!, file);
    try {
      assert.deepEqual(ja.errors, []);
      assert.equal(await ja.page.getAttribute('html', 'lang'), 'ja');
      assert.equal(await ja.page.textContent('h1'), '組織全体のライセンスコンプライアンス');
      assert.match((await ja.page.textContent('#survey'))!, /ライセンスコンプライアンス上の問題/);
      assert.match((await ja.page.textContent('#exceptions tbody'))!, /期限切れ/);
      assert.match((await ja.page.textContent('#alerts tbody tr[data-license="GPL-3.0-only"]'))!, /ライセンス違反/);
      await ja.page.click('#repos tr.repo[data-repo="repo-00"]');
      assert.match((await ja.page.textContent('#repos tr.detail'))!, /著作権表示 ×1/);
      assert.match((await ja.page.textContent('#repos-count'))!, /^\d+ リポジトリのうち \d+ 件$/);
    } finally {
      await ja.page.close();
    }
  });

  it('docs/images/dashboard.png (OSPO_UPDATE_SCREENSHOT=1)', async function () {
    if (!process.env.OSPO_UPDATE_SCREENSHOT) this.skip();
    const shot = await openReport(browser!, path.join(dir, 'org.html'), { width: 1280, height: 900 });
    await shot.page.click('#repos tr.repo[data-repo="repo-03"]');
    await shot.page.screenshot({ path: path.join(repoRoot, 'docs/images/dashboard.png'), fullPage: true });
    await shot.page.close();
  });
});
