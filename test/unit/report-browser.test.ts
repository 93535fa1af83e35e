// The report page in a real browser (Chromium, headless, through playwright-core): the numbers it
// shows are the JSON's, the filter and the sort work, and no request leaves the page.
// Skipped when /usr/bin/chromium is missing (install: apt-get install -y chromium).
// OSPO_UPDATE_SCREENSHOT=1 also renders examples/demo with --history to docs/images/report.png.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, Browser, Page } from 'playwright-core';
import { runReport } from '../../server/src/cli/report';
import { renderHtml } from '../../server/src/report/html';
import { setLocale } from '../../server/src/engine/l10n';
import { messageKeys, template } from '../../server/src/engine/messages';
import type { ReportData } from '../../server/src/report/data';
import { capture, fixture, historyRepo, hostileName } from './report.test';
import { openReport } from '../browser-page';

const executablePath = '/usr/bin/chromium';
const repoRoot = path.resolve(__dirname, '../../..');

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

describe('ospo report in a browser', function () {
  this.timeout(60_000);
  const made: string[] = [];
  let browser: Browser | undefined;
  let page: Page;
  let opened: Awaited<ReturnType<typeof openReport>>;
  let json: ReportData;
  let outDir: string;

  before(async function () {
    if (!fs.existsSync(executablePath)) this.skip();
    // Three commits (0%, 50%, 100%), then the fixture tree and a file with warnings, uncommitted.
    const repo = historyRepo(made);
    for (const [name, content] of Object.entries({ ...fixture, 'src/legacy.c': '// SPDX-License-Identifier: GPL-2.0+\nint x;\n' })) {
      fs.mkdirSync(path.dirname(path.join(repo.dir, name)), { recursive: true });
      fs.writeFileSync(path.join(repo.dir, name), content);
    }
    outDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-report-out-')));
    made.push(outDir);
    const c = capture(repo.dir);
    const code = await runReport(['--history', '3', '--out', path.join(outDir, 'report.html'), '--json', path.join(outDir, 'report.json')], c.io);
    assert.equal(code, 0, c.err.join(''));
    json = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8'));
    browser = await chromium.launch({ executablePath });
    opened = await openReport(browser, path.join(outDir, 'report.html'));
    page = opened.page;
  });

  after(async () => {
    await browser?.close();
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  const rows = () =>
    page.$$eval('#findings tbody tr', (trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.querySelector('a.path')?.textContent ?? td.textContent ?? '');
        return { file: cells[0], line: Number(cells[1]), column: Number(cells[2]), severity: cells[3], rule: cells[4], message: cells[5] };
      }),
    );
  const bars = (chart: string) =>
    page.$$eval(`#${chart} g.bar`, (gs) => gs.map((g) => [g.getAttribute('data-key'), g.querySelector('text.value')?.textContent]));
  const key = (f: { file: string; line: number; column: number; rule: string }) => `${f.file}:${f.line}:${f.column}:${f.rule}`;

  it('shows the numbers of the JSON', async () => {
    assert.deepEqual(opened.errors, []);
    assert.equal(await page.textContent('#overall-percent'), `${json.totals.percent}%`);
    assert.equal(await page.textContent('#overall-compliant'), String(json.totals.compliant));
    assert.equal(await page.textContent('#overall-files'), String(json.totals.files));
    assert.equal(await page.textContent('#total-findings'), String(json.totals.findings));
    assert.deepEqual(
      await bars('chart-folders'),
      json.folders.map((f) => [f.name, `${f.percent}% (${f.compliant}/${f.files})`]),
    );
    assert.deepEqual(
      await bars('chart-licenses'),
      json.licenses.map((l) => [l.id, plural(l.files, 'file')]),
    );
    assert.deepEqual(
      await bars('chart-rules'),
      json.rules.map((r) => [r.rule, String(r.count)]),
    );
    const ai = json.folders.filter((f) => f.aiRegions > 0);
    assert.ok(ai.length > 0);
    assert.deepEqual(
      await bars('chart-ai'),
      ai.map((f) => [f.name, `${plural(f.aiRegions, 'region')}, ${plural(f.aiLines, 'line')}`]),
    );
    const points = await page.$$eval('#chart-history g.point', (gs) => gs.map((g) => [g.getAttribute('data-ref'), g.querySelector('text.value')?.textContent]));
    assert.deepEqual(
      points,
      json.history!.map((h) => [h.ref, `${h.percent}%`]),
    );
    assert.deepEqual(
      json.history!.map((h) => h.percent),
      [0, 50, 100],
    );
    const shown = await rows();
    assert.equal(shown.length, json.findings.length);
    assert.deepEqual(new Set(shown.map(key)), new Set(json.findings.map(key)));
  });

  it('is in English, with its texts in place', async () => {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.title(), `OSPO compliance report: ${path.basename(json.root)}`);
    assert.equal(await page.textContent('h1'), 'OSPO compliance report');
    assert.deepEqual(await page.$$eval('.card .label', (ls) => ls.map((l) => l.textContent)), ['Compliant files', 'Findings', 'Not counted']);
    assert.equal(await page.textContent('.card .sub'), `${json.totals.compliant} of ${json.totals.files} files`);
    assert.deepEqual(await page.$$eval('#findings th', (ths) => ths.map((th) => th.textContent)), ['File', 'Line', 'Col', 'Severity', 'Rule', 'Message']);
    assert.equal(await page.textContent('#findings-count'), `${json.findings.length} findings`);
    assert.equal(await page.getAttribute('#filter-text', 'placeholder'), 'Filter by file, rule or message');
    assert.equal(await page.getAttribute('#findings a.open >> nth=0', 'title'), `Open in VS Code at line ${json.findings[0].line}`);
  });

  it('is in Japanese when the locale is ja: the markup and every text the script writes', async () => {
    // The data in Japanese too, as `ospo report --locale ja` makes it.
    const c = capture(json.root);
    const file = path.join(outDir, 'ja.html');
    setLocale('ja');
    try {
      assert.equal(await runReport(['--history', '3', '--out', file, '--json', `${file}.json`], c.io), 0, c.err.join(''));
    } finally {
      setLocale(undefined);
    }
    const ja = await openReport(browser!, file);
    const p = ja.page;
    assert.deepEqual(ja.errors, []);
    assert.equal(await p.getAttribute('html', 'lang'), 'ja');
    assert.equal(await p.title(), `OSPO コンプライアンスレポート: ${path.basename(json.root)}`);
    assert.equal(await p.textContent('h1'), 'OSPO コンプライアンスレポート');
    assert.deepEqual(await p.$$eval('.card .label', (ls) => ls.map((l) => l.textContent)), ['準拠しているファイル', '指摘', '集計対象外']);
    assert.equal(await p.textContent('.card .sub'), `${json.totals.files} ファイル中 ${json.totals.compliant} ファイル`);
    assert.equal(await p.textContent('#overall-percent'), `${json.totals.percent}%`);
    assert.deepEqual(await p.$$eval('#findings th', (ths) => ths.map((th) => th.textContent)), ['ファイル', '行', '列', '重大度', 'ルール', 'メッセージ']);
    assert.equal(await p.textContent('#findings-count'), `${json.findings.length} 件`);
    assert.equal(await p.getAttribute('#filter-text', 'placeholder'), 'ファイル、ルール、メッセージで絞り込み');
    assert.equal(await p.getAttribute('#findings a.open >> nth=0', 'title'), `VS Code で ${json.findings[0].line} 行目を開く`);
    assert.equal(await p.textContent('#findings a.open >> nth=0'), '開く');
    const bars = (chart: string) => p.$$eval(`#${chart} g.bar text.value`, (ts) => ts.map((t) => t.textContent));
    assert.deepEqual(
      await bars('chart-licenses'),
      json.licenses.map((l) => `${l.files} ファイル`),
    );
    const ai = json.folders.filter((f) => f.aiRegions > 0);
    assert.deepEqual(
      await bars('chart-ai'),
      ai.map((f) => `${f.aiRegions} 箇所、計 ${f.aiLines} 行`),
    );
    await p.selectOption('#filter-severity', 'warning');
    const warnings = json.findings.filter((f) => f.severity === 'warning').length;
    assert.equal(await p.textContent('#findings-count'), `${json.findings.length} 件中 ${warnings} 件`);

    // No English text of the page is left: neither in what is shown nor in the attributes a reader meets.
    const shown: string = await p.evaluate(`(() => {
      document.querySelectorAll('details').forEach((d) => { d.open = true; });
      const attributes = [...document.querySelectorAll('[placeholder], [aria-label], [title]')].flatMap((e) =>
        ['placeholder', 'aria-label', 'title'].map((a) => e.getAttribute(a) || ''));
      return [document.title, document.body.innerText, ...attributes].join('\\n');
    })()`);
    // The data's own texts (file names, findings, commit subjects) aside.
    const data: ReportData = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'));
    let rest = shown;
    for (const value of [
      data.root,
      path.basename(data.root),
      ...data.folders.map((f) => f.name),
      ...data.findings.flatMap((f) => [f.file, f.rule, f.message, f.severity]),
      // The license mix's `(none)` and `(not SPDX)` are texts of the page, not ids.
      ...data.licenses.map((l) => l.id).filter((id) => !id.startsWith('(')),
      // A skipped file's reason is a text of the page (in Japanese), its name is data.
      ...data.skipped.map((x) => x.file),
      ...(data.history ?? []).flatMap((h) => [h.ref, h.subject]),
    ].sort((x, y) => y.length - x.length))
      rest = rest.split(value).join(' ');
    const english = messageKeys()
      .filter((k) => k.startsWith('report.'))
      .flatMap((k) => template('en', k).split(/\{\w+\}/))
      .map((s) => s.trim())
      .filter((s) => /[a-z]{3}/i.test(s));
    assert.ok(english.length > 50, `${english.length} English texts`);
    assert.deepEqual(
      english.filter((s) => rest.includes(s)),
      [],
    );
    // And no English word but the names that stay verbatim (commands, formats, products).
    const verbatim = ['OSPO', 'ospo', 'check', 'info', 'license', 'REUSE', 'toml', 'reuse', 'dep5', 'SPDX', 'AI', 'git', 'VS', 'Code'];
    assert.deepEqual(
      [...new Set(rest.match(/[A-Za-z]{2,}\w*/g))].filter((w) => !verbatim.includes(w)),
      [],
    );
    await p.close();

    // The trend's texts, which the fixture does not reach: a capped commit, and no commit at all.
    const trend = async (history: ReportData['history']) => {
      const f = path.join(outDir, 'ja-trend.html');
      setLocale('ja');
      try {
        fs.writeFileSync(f, renderHtml({ ...data, history, historyCap: 5 }));
      } finally {
        setLocale(undefined);
      }
      const t = await openReport(browser!, f);
      const texts = await t.page.evaluate(`['#history-cap', '#chart-history text.empty'].map((s) => document.querySelector(s)?.textContent ?? null)`);
      await t.page.close();
      return texts;
    };
    assert.deepEqual(await trend([{ ...data.history![0], truncated: true }]), [
      ' * の付いたコミットには 5 を超えるファイルがありました。パス順で最初の 5 ファイルだけをチェックしています。',
      null,
    ]);
    assert.deepEqual(await trend([]), ['', '表示するコミットはありません']);
  });

  it('lists the policy exceptions, expired and expiring first, each with its status in words', async () => {
    const base = { approver: 'Jane Doe <jane@example.com>', date: '2026-03-01', rules: ['license-denied'], paths: ['vendor/**'] };
    const data: ReportData = {
      ...json,
      exceptions: [
        { ...base, id: 'A', ref: 'T-1', status: 'in-force', silenced: 3 },
        { ...base, id: 'B', ref: 'T-2', expires: '2026-01-01', status: 'expired', daysLeft: -9, silenced: 0 },
        { ...base, id: 'C', ref: 'T-3', expires: '2026-02-01', status: 'expiring', daysLeft: 22, silenced: 1 },
      ],
    };
    const file = path.join(outDir, 'exceptions.html');
    fs.writeFileSync(file, renderHtml(data, { linkBase: '' }));
    const shown = await openReport(browser!, file);
    assert.deepEqual(shown.errors, []);
    const cells = await shown.page.$$eval('#exceptions tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    assert.deepEqual(cells, [
      ['B', 'license-denied', base.approver, base.date, '2026-01-01', 'expired', '0', 'T-2'],
      ['C', 'license-denied', base.approver, base.date, '2026-02-01', 'expiring soon', '1', 'T-3'],
      ['A', 'license-denied', base.approver, base.date, '—', 'in force', '3', 'T-1'],
    ]);
    // Without exceptions the section stays hidden.
    assert.equal(await page.isVisible('#exceptions-section'), false);
    await shown.page.close();
  });

  it('shows a hostile file name as text, and links each finding to its file and line', async () => {
    assert.equal(await page.locator('img, iframe, object, embed').count(), 0);
    const row = page.locator('#findings tbody tr', { has: page.locator('a.path', { hasText: hostileName }) });
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('a.path').textContent(), `src/${hostileName}`);
    const rel = await row.locator('a.path').getAttribute('href');
    const base = path.relative(outDir, json.root).split(path.sep).join('/');
    assert.equal(rel, `${base.split('/').map(encodeURIComponent).join('/')}/src/${encodeURIComponent(hostileName)}`);
    // The relative link resolves, from the report's folder, to the file itself.
    assert.equal(decodeURIComponent(new URL(rel!, opened.url).pathname), path.join(json.root, 'src', hostileName));
    const open = await row.locator('a.open').getAttribute('href');
    assert.equal(open, `vscode://file${json.root.split('/').map(encodeURIComponent).join('/')}/src/${encodeURIComponent(hostileName)}:1:1`);
  });

  it("in VS Code's webview a click on either link asks the extension to open the file at the line, and the page stays", async () => {
    const file = path.join(outDir, 'report.html');
    const webview = await browser!.newPage();
    // What VS Code gives a webview's scripts: acquireVsCodeApi().postMessage.
    await webview.addInitScript('window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });');
    await webview.goto(pathToFileURL(file).href);
    const row = webview.locator('#findings tbody tr', { has: webview.locator('a.path', { hasText: hostileName }) });
    await row.locator('a.path').click();
    await row.locator('a.open').click();
    const expected = { command: 'open', path: `${json.root}/src/${hostileName}`, line: 1, column: 1 };
    assert.deepEqual(await webview.evaluate('window.posted'), [expected, expected]);
    assert.equal(webview.url(), pathToFileURL(file).href, 'no navigation');
    // A long path breaks after a '/', never inside a name.
    assert.equal(await row.locator('a.path wbr').count(), 1);
    assert.equal(await webview.evaluate("getComputedStyle(document.querySelector('#findings td.file')).wordBreak"), 'normal');
    await webview.close();
  });

  it('the trend labels its points evenly back from the newest: no two labels overlap', async () => {
    const base = json.history![0];
    const many: ReportData = { ...json, history: Array.from({ length: 20 }, (_, i) => ({ ...base, ref: `c${String(i).padStart(8, '0')}`, percent: i * 5 })) };
    const file = path.join(outDir, 'many.html');
    fs.writeFileSync(file, renderHtml(many));
    const trend = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await trend.goto(pathToFileURL(file).href);
    const labelled = await trend.$$eval('#chart-history g.point', (gs) =>
      gs
        .filter((g) => g.querySelector('text.value'))
        .map((g) => [g.getAttribute('data-ref'), Number(g.querySelector('text.value')!.getAttribute('x'))] as const),
    );
    await trend.close();
    assert.equal(labelled[labelled.length - 1][0], many.history![19].ref, 'the newest point is labelled');
    const gaps = labelled.slice(1).map(([, x], i) => x - labelled[i][1]);
    assert.ok(gaps.length >= 3 && Math.min(...gaps) >= 100, `label spacing ${JSON.stringify(gaps)}`);
    assert.ok(Math.max(...gaps) - Math.min(...gaps) < 1, `even spacing ${JSON.stringify(gaps)}`);
  });

  it('typing in the filter box leaves the matching rows only; the selects filter by severity and rule', async () => {
    await page.fill('#filter-text', 'BAD.ts');
    const expected = json.findings.filter((f) => `${f.file} ${f.rule} ${f.message}`.toLowerCase().includes('bad.ts'));
    assert.ok(expected.length > 0 && expected.length < json.findings.length);
    assert.deepEqual((await rows()).map(key), expected.map(key));
    assert.match((await page.textContent('#findings-count'))!, new RegExp(`^${expected.length} of ${json.findings.length} findings`));

    await page.fill('#filter-text', '');
    await page.selectOption('#filter-severity', 'warning');
    const warnings = json.findings.filter((f) => f.severity === 'warning');
    assert.ok(warnings.length > 0 && warnings.length < json.findings.length);
    assert.deepEqual(new Set((await rows()).map(key)), new Set(warnings.map(key)));

    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-rule', 'header-missing');
    assert.deepEqual(new Set((await rows()).map(key)), new Set(json.findings.filter((f) => f.rule === 'header-missing').map(key)));
    await page.selectOption('#filter-rule', '');
    assert.equal((await rows()).length, json.findings.length);
  });

  it('clicking a header sorts by that column, again reverses', async () => {
    const lines = async () => (await rows()).map((r) => r.line);
    const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);
    assert.ok(!ascending(await lines()), 'the fixture is not in line order by file');
    await page.click('#findings th[data-key="line"] button');
    assert.ok(ascending(await lines()));
    assert.equal(await page.getAttribute('#findings th[data-key="line"]', 'aria-sort'), 'ascending');
    await page.click('#findings th[data-key="line"] button');
    assert.ok(ascending((await lines()).reverse()));
    assert.equal(await page.getAttribute('#findings th[data-key="line"]', 'aria-sort'), 'descending');
    await page.click('#findings th[data-key="file"] button');
    const files = (await rows()).map((r) => r.file);
    assert.deepEqual(files, [...files].sort());
  });

  it('no request leaves the page: only the report file itself is loaded', async () => {
    await page.setViewportSize({ width: 700, height: 900 }); // redraws the charts
    await page.waitForTimeout(200);
    assert.deepEqual(opened.requests, [opened.url]);
    assert.deepEqual(opened.blocked, []);
    assert.deepEqual(opened.errors, []);
  });

  it('docs/images/report.png: examples/demo with --history (OSPO_UPDATE_SCREENSHOT=1)', async function () {
    if (!process.env.OSPO_UPDATE_SCREENSHOT) this.skip();
    const c = capture(repoRoot);
    const html = path.join(outDir, 'demo.html');
    assert.equal(await runReport(['examples/demo', '--history', '20', '--out', html], c.io), 0, c.err.join(''));
    const demo = await openReport(browser!, html, { width: 1400, height: 900 });
    const target = path.join(repoRoot, 'docs/images/report.png');
    await demo.page.screenshot({ path: target, fullPage: true });
    assert.deepEqual(demo.requests, [demo.url]);
    assert.deepEqual(demo.errors, []);
    assert.deepEqual([...fs.readFileSync(target).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
