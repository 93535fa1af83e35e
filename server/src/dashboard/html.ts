// The dashboard as one self-contained HTML page, on the model of the report's (report/html.ts, report/page.ts):
// the DashboardData embedded as JSON, drawn by an inline script with textContent, no request of any kind.
//
// Links: a repository's own report is linked only when its address is relative or http(s) (report/page.ts safeLink,
// here and again in the script): a manifest could otherwise plant a `javascript:` URL, which the page's CSP would run.

import { currentLocale } from '../engine/l10n';
import { message, type MessageKey } from '../engine/messages';
import { escapeHtml, html, pageCss, pageHead, pageHelpers, pagePrologue, pluralForms, safeLink, scriptJson } from '../report/page';
import { expiringWithinDays } from '../engine/exceptions';
import type { DashboardData } from './model';
import { rubric } from './score';

function scriptStrings() {
  const texts = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, message(`dashboard.${k}` as MessageKey)]));
  return {
    ...texts([
      'no-trend',
      'alerts',
      'alerts-none',
      'alert.new-to-org',
      'alert.violation',
      'alert.first-seen',
      'alert.in',
      'exceptions-none',
      'status.in-force',
      'status.expiring',
      'status.expired',
      'band',
      'shown',
      'detail.report',
      'detail.source',
      'detail.checks',
      'detail.rules',
      'detail.licenses',
      'detail.snapshots',
      'detail.not-counted',
      'detail.policy',
      'legend.coverage',
      'legend.compliant',
      'legend.found',
      'legend.resolved',
      'legend.policy',
      'trend.up',
      'trend.down',
      'trend.same',
      ...rubric.map((c) => `check.${c.id}`),
      'exempt.no-files',
      'exempt.no-declared',
      'exempt.no-ai',
      'exempt.check-only',
    ]),
    // A dash for a figure a result does not have, the same in every language.
    none: '\u2014',
    licenseNone: message('report.license-none'),
    tiers: { allowed: message('spdx.allowed'), review: message('spdx.needs-review'), denied: message('spdx.denied') },
    plurals: {
      files: pluralForms('count.files'),
      findings: pluralForms('count.findings'),
      repos: pluralForms('dashboard.repos-count'),
      results: pluralForms('dashboard.results-count'),
    },
  };
}

export function renderDashboard(data: DashboardData): string {
  const th = (key: string, label: MessageKey, extra = '') => `<th data-key="${key}"${extra}><button type="button">${html(label)}</button></th>`;
  const plain = (label: MessageKey, extra = '') => `<th${extra}>${html(label)}</th>`;
  const card = (id: string, label: MessageKey, sub?: string) =>
    `<div class="card"><div class="label">${html(label)}</div><div class="value" id="${id}"></div>${sub ? `<div class="sub">${sub}</div>` : ''}</div>`;
  const span = (id: string) => `<span id="${id}"></span>`;
  return `${pageHead(currentLocale(), message('dashboard.title'), pageCss + css)}
<header>
  <h1>${html('dashboard.heading')}</h1>
  <p class="meta">${html('dashboard.meta', { date: span('as-of'), repos: span('repo-count'), results: span('result-count'), time: '<time id="generated"></time>' })}</p>
</header>
<noscript><p class="note">${html('dashboard.noscript', { element: escapeHtml('<script id="ospo-data">'), command: '<code>ospo dashboard --json</code>' })}</p></noscript>
<main>
<section class="cards" aria-label="${html('dashboard.summary')}">
  ${card('total-repos', 'dashboard.card.repos', html('dashboard.card.bands', { a: span('band-a'), b: span('band-b'), c: span('band-c'), d: span('band-d') }))}
  ${card('total-compliant', 'dashboard.card.compliant', html('dashboard.card.compliant-sub', { compliant: span('total-compliant-files'), files: span('total-files') }))}
  ${card('total-coverage', 'dashboard.card.coverage', html('dashboard.card.coverage-sub', { declared: span('total-declared'), listed: span('total-listed') }))}
  ${card('total-approved', 'dashboard.card.approved', html('dashboard.card.approved-sub'))}
  ${card('total-osi', 'dashboard.card.osi', html('dashboard.card.approved-sub'))}
  ${card('total-ai', 'dashboard.card.ai', html('dashboard.card.ai-sub', { disclosed: span('total-ai-disclosed'), files: span('total-ai-files') }))}
  ${card('total-found-resolved', 'dashboard.card.found-resolved')}
  ${card('total-open', 'dashboard.card.open', `${html('dashboard.column.findings')}: <span id="total-severities"></span>`)}
</section>
<p class="note" id="survey">${html('dashboard.survey', { approved: span('survey-approved'), found: span('survey-found'), resolved: span('survey-resolved') })}</p>

<section>
  <h2>${html('dashboard.trend')}</h2>
  <figure><svg id="chart-trend" class="chart wide" role="img" aria-label="${html('dashboard.chart.trend')}"></svg><div class="legend" id="trend-legend"></div></figure>
  <p class="note">${html('dashboard.trend-note')}</p>
</section>

<section>
  <h2 id="alerts-heading"></h2>
  <table id="alerts"><thead><tr>${plain('dashboard.column.license')}${plain('dashboard.column.repo')}</tr></thead><tbody></tbody></table>
</section>

<section>
  <h2>${html('dashboard.repos')}</h2>
  <div class="controls">
    <input id="filter-text" type="search" placeholder="${html('dashboard.filter')}" aria-label="${html('dashboard.filter-label')}">
    <select id="filter-band" aria-label="${html('dashboard.band-label')}"><option value="">${html('dashboard.all-bands')}</option></select>
    <label><input id="filter-errors" type="checkbox"> ${html('dashboard.with-errors')}</label>
    <span id="repos-count" class="hint"></span>
  </div>
  <table id="repos">
    <thead><tr>
      ${th('repo', 'dashboard.column.repo', ' aria-sort="ascending"')}
      ${th('score', 'dashboard.column.score', ' class="num"')}
      ${th('coverage', 'dashboard.column.coverage', ' class="num"')}
      ${th('compliantPercent', 'dashboard.column.compliant', ' class="num"')}
      ${th('approved', 'dashboard.column.tiers', ' class="num"')}
      ${th('osi', 'dashboard.column.osi', ' class="num"')}
      ${th('ai', 'dashboard.column.ai', ' class="num"')}
      ${th('findings', 'dashboard.column.findings', ' class="num"')}
      ${th('trend', 'dashboard.column.trend')}
      ${th('date', 'dashboard.column.date')}
    </tr></thead>
    <tbody></tbody>
  </table>
  <p class="note">${html('dashboard.score-note')}</p>
</section>

<section>
  <h2>${html('dashboard.exceptions')}</h2>
  <table id="exceptions"><thead><tr>
    ${plain('dashboard.column.repo')}${plain('dashboard.column.exception')}${plain('dashboard.column.rules')}${plain('dashboard.column.scope')}
    ${plain('dashboard.column.approver')}${plain('dashboard.column.approved')}${plain('dashboard.column.expires')}${plain('dashboard.column.status')}
  </tr></thead><tbody></tbody></table>
  <p class="note">${html('dashboard.exceptions-note', { days: String(expiringWithinDays) })}</p>
</section>

<section id="unread-section" hidden>
  <details><summary>${html('dashboard.unread', { count: span('unread-count') })}</summary><ul id="unread-list"></ul></details>
</section>
</main>
<script type="application/json" id="ospo-data">${scriptJson(data)}</script>
<script type="application/json" id="ospo-view">${scriptJson({ strings: scriptStrings() })}</script>
<script>${js}</script>
</body>
</html>
`;
}

const css = `
.cards .card { min-width: 150px; flex: 1 1 150px; } .card .sub { color: var(--muted); font-size: 12px; }
svg .line-coverage { fill: none; stroke: var(--bar); stroke-width: 2.5; } svg .line-compliant { fill: none; stroke: var(--ok); stroke-width: 2.5; }
svg .bar-found { fill: var(--bad); opacity: .75; } svg .bar-resolved { fill: var(--resolved); opacity: .8; } svg .policy { fill: var(--accent); }
:root { --resolved: #1b7c83; } @media (prefers-color-scheme: dark) { :root { --resolved: #39c5cf; } }
.legend { display: flex; gap: 14px; flex-wrap: wrap; font-size: 12px; color: var(--muted); margin-top: 6px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px; vertical-align: -2px; }
.band { display: inline-block; min-width: 22px; text-align: center; border-radius: 10px; color: #fff; font-weight: 600; font-size: 11.5px; padding: 0 6px; }
.band-a { background: var(--ok); } .band-b { background: #4d8f2a; } .band-c { background: var(--mid); } .band-d { background: var(--bad); }
.tier { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 11.5px; border: 1px solid var(--line); }
.tier-denied { color: #fff; background: var(--bad); border-color: var(--bad); } .tier-review { color: #fff; background: var(--mid); border-color: var(--mid); }
.violation { color: var(--bad); font-weight: 600; font-size: 12.5px; }
.tag { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 11.5px; color: #fff; background: var(--accent); margin-left: 6px; }
.status-expired { color: var(--bad); font-weight: 600; } .status-expiring { color: var(--mid); font-weight: 600; }
tr.repo { cursor: pointer; } tr.repo:hover { background: var(--panel); } tr.detail > td { background: var(--panel); padding: 10px 16px; }
.detail-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; }
.detail-grid h3 { font-size: 13px; margin: 4px 0; } .detail-grid ul { margin: 0; padding-left: 18px; }
.trend-up { color: var(--ok); } .trend-down { color: var(--bad); } .trend-same { color: var(--muted); }
`;

// Plain ES2017, no template literals: the page must run in any current browser without a build.
const js = `
(function () {
  'use strict';
${pagePrologue('chart-trend')}
${pageHelpers}
  function orNone(v, f) { return v === undefined || v === null ? strings.none : f ? f(v) : String(v); }
  var safeLink = ${safeLink.toString()};
  function bandBadge(band) { return band ? el('span', { 'class': 'band band-' + band, title: fill(strings.band, { band: band }) }, band) : document.createTextNode(strings.none); }
  var arrows = { up: '\\u2197', down: '\\u2198', same: '\\u2192' };
  var t = data.totals;

  // Summary.
  text('as-of', data.asOf);
  text('repo-count', countOf('repos', t.repos));
  text('result-count', countOf('results', t.results));
  $('generated').setAttribute('datetime', data.generatedAt);
  text('generated', data.generatedAt.replace('T', ' ').replace(/\\.\\d+Z$/, 'Z'));
  text('total-repos', t.repos);
  ['a', 'b', 'c', 'd'].forEach(function (b) { text('band-' + b, t.bands[b]); });
  text('total-compliant', pct(t.compliantPercent));
  $('total-compliant').style.color = complianceColor(t.compliantPercent);
  text('total-compliant-files', t.compliant);
  text('total-files', t.files);
  text('total-coverage', orNone(t.coverage, pct));
  text('total-declared', t.declared);
  text('total-listed', t.listed);
  text('total-approved', orNone(t.approved, pct));
  text('total-osi', orNone(t.osi, pct));
  text('total-ai', orNone(t.ai.percent, pct));
  text('total-ai-disclosed', t.ai.disclosed);
  text('total-ai-files', t.ai.files);
  text('total-found-resolved', t.found + ' / ' + t.resolved);
  text('total-open', t.findings);
  text('total-severities', t.severities.error + ' \\u00B7 ' + t.severities.warning + ' \\u00B7 ' + t.severities.info);
  text('survey-approved', orNone(t.approved, pct));
  text('survey-found', t.found);
  text('survey-resolved', t.resolved);

  // Trend: coverage and compliance as lines on 0-100 %, found and resolved as bars on their own scale, policy changes as diamonds.
  function drawTrend() {
    var chart = $('chart-trend');
    chart.textContent = '';
    var W = Math.max(480, Math.round(chart.getBoundingClientRect().width) || 900), H = 280, left = 44, right = 48, top = 24, bottom = 40;
    chart.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var pts = data.trend;
    if (pts.length < 2) {
      chart.setAttribute('viewBox', '0 0 ' + W + ' 30');
      chart.appendChild(svg('text', { x: 0, y: 19, 'class': 'empty' }, strings['no-trend']));
      return;
    }
    var step = (W - left - right) / pts.length;
    var x = function (i) { return left + step * (i + 0.5); };
    var y = function (p) { return top + (100 - p) * (H - top - bottom) / 100; };
    var maxCount = pts.reduce(function (m, p) { return Math.max(m, p.found, p.resolved); }, 1);
    var yc = function (n) { return H - bottom - n * (H - top - bottom) / maxCount; };
    [0, 25, 50, 75, 100].forEach(function (p) {
      chart.appendChild(svg('line', { x1: left, x2: W - right, y1: y(p), y2: y(p), 'class': 'grid-line' }));
      chart.appendChild(svg('text', { x: left - 6, y: y(p) + 4, 'text-anchor': 'end', 'class': 'muted' }, p + '%'));
    });
    chart.appendChild(svg('text', { x: W - right + 6, y: yc(maxCount) + 4, 'class': 'muted' }, maxCount));
    var barW = Math.max(1, Math.min(14, step / 3));
    pts.forEach(function (p, i) {
      var g = svg('g', { 'class': 'day', 'data-date': p.date });
      g.appendChild(svg('title', {}, p.date + ' (' + countOf('repos', p.repos) + '): ' + strings['legend.found'] + ' ' + p.found + ', ' + strings['legend.resolved'] + ' ' + p.resolved +
        (p.coverage !== undefined ? ', ' + strings['legend.coverage'] + ' ' + pct(p.coverage) : '') + ', ' + strings['legend.compliant'] + ' ' + pct(p.compliantPercent) +
        (p.policyChanges.length ? ', ' + strings['legend.policy'] + ': ' + p.policyChanges.join(', ') : '')));
      g.appendChild(svg('rect', { x: x(i) - barW, y: yc(p.found), width: barW, height: H - bottom - yc(p.found), 'class': 'bar-found' }));
      g.appendChild(svg('rect', { x: x(i), y: yc(p.resolved), width: barW, height: H - bottom - yc(p.resolved), 'class': 'bar-resolved' }));
      if (p.policyChanges.length) g.appendChild(svg('path', { d: 'M' + x(i) + ' ' + (top - 16) + 'l6 6l-6 6l-6 -6z', 'class': 'policy' }));
      chart.appendChild(g);
    });
    function line(cls, value) {
      var d = pts.map(function (p, i) { return value(p) === undefined ? null : x(i).toFixed(1) + ',' + y(value(p)).toFixed(1); }).filter(Boolean);
      if (d.length > 1) chart.appendChild(svg('polyline', { 'class': cls, points: d.join(' ') }));
    }
    line('line-coverage', function (p) { return p.coverage; });
    line('line-compliant', function (p) { return p.compliantPercent; });
    var every = Math.max(1, Math.ceil(pts.length / Math.max(2, Math.floor((W - left - right) / 90))));
    pts.forEach(function (p, i) {
      if ((pts.length - 1 - i) % every === 0) chart.appendChild(svg('text', { x: x(i), y: H - bottom + 18, 'text-anchor': 'middle', 'class': 'muted' }, p.date));
    });
  }
  var legend = $('trend-legend');
  [['var(--bar)', 'legend.coverage'], ['var(--ok)', 'legend.compliant'], ['var(--bad)', 'legend.found'], ['var(--resolved)', 'legend.resolved'], ['var(--accent)', 'legend.policy']].forEach(function (l) {
    var item = el('span');
    item.appendChild(el('i', { style: 'background:' + l[0] }));
    item.appendChild(document.createTextNode(strings[l[1]]));
    legend.appendChild(item);
  });

  // New licenses.
  text('alerts-heading', fill(strings.alerts, { date: data.since }));
  var alertBody = document.querySelector('#alerts tbody');
  if (!data.alerts.length) {
    var none = el('tr');
    none.appendChild(el('td', { colspan: 2, 'class': 'hint' }, fill(strings['alerts-none'], { date: data.since })));
    alertBody.appendChild(none);
  }
  data.alerts.forEach(function (a) {
    var tr = el('tr', { 'data-license': a.license });
    var cell = el('td');
    cell.appendChild(el('code', {}, a.license));
    if (a.tier) cell.appendChild(el('span', { 'class': 'tier tier-' + a.tier, style: 'margin-left:6px' }, strings.tiers[a.tier]));
    if (a.newToOrg) cell.appendChild(el('span', { 'class': 'tag' }, strings['alert.new-to-org']));
    if (a.tier === 'denied') cell.appendChild(el('div', { 'class': 'violation' }, strings['alert.violation']));
    cell.appendChild(el('div', { 'class': 'hint' }, fill(strings['alert.first-seen'], { date: a.firstSeen })));
    tr.appendChild(cell);
    var where = el('td');
    a.repos.forEach(function (r) {
      var d = el('details');
      d.appendChild(el('summary', {}, fill(strings['alert.in'], { repo: r.repo, date: r.date.slice(0, 10), files: countOf('files', r.files) })));
      var ul = el('ul');
      r.sample.forEach(function (f) { ul.appendChild(el('li', { 'class': 'file' }, f)); });
      d.appendChild(ul);
      where.appendChild(d);
    });
    tr.appendChild(where);
    alertBody.appendChild(tr);
  });

  // Exceptions.
  var exBody = document.querySelector('#exceptions tbody');
  if (!data.exceptions.length) {
    var noEx = el('tr');
    noEx.appendChild(el('td', { colspan: 8, 'class': 'hint' }, strings['exceptions-none']));
    exBody.appendChild(noEx);
  }
  data.exceptions.forEach(function (e) {
    var tr = el('tr', { 'data-status': e.status });
    tr.appendChild(el('td', {}, e.repo));
    var id = el('td');
    if (e.ref && safeLink(e.ref) && /^https?:/i.test(e.ref)) id.appendChild(el('a', { href: e.ref, rel: 'noreferrer' }, e.id));
    else id.appendChild(document.createTextNode(e.id + (e.ref && e.ref !== e.id ? ' (' + e.ref + ')' : '')));
    if (e.reason) id.appendChild(el('div', { 'class': 'hint' }, e.reason));
    tr.appendChild(id);
    tr.appendChild(el('td', {}, e.rules.join(', ')));
    tr.appendChild(el('td', { 'class': 'file' }, e.paths.concat(e.licenses).join(', ')));
    tr.appendChild(el('td', {}, orNone(e.approver)));
    tr.appendChild(el('td', {}, orNone(e.date)));
    tr.appendChild(el('td', {}, orNone(e.expires)));
    tr.appendChild(el('td', { 'class': 'status-' + e.status }, strings['status.' + e.status]));
    exBody.appendChild(tr);
  });

  // Unread inputs.
  if (data.unread.length) {
    $('unread-section').hidden = false;
    text('unread-count', data.unread.length);
    data.unread.forEach(function (u) { $('unread-list').appendChild(el('li', {}, u.source + ': ' + u.reason)); });
  }

  // Repositories: sortable, filtered by name, band and errors; a click opens the repository's details.
  var sortKey = 'repo', sortDir = 1, open = {};
  var box = $('filter-text'), bandSelect = $('filter-band'), errorsOnly = $('filter-errors');
  ['a', 'b', 'c', 'd'].forEach(function (b) { bandSelect.appendChild(el('option', { value: b }, fill(strings.band, { band: b }))); });
  function sortValue(r, key) {
    if (key === 'ai') return r.ai && r.ai.percent !== undefined ? r.ai.percent : -1;
    if (key === 'findings') return r.severities.error * 1e6 + r.severities.warning * 1e3 + r.severities.info;
    if (key === 'trend') return r.trend === 'up' ? 2 : r.trend === 'same' ? 1 : r.trend === 'down' ? 0 : -1;
    var v = r[key];
    return v === undefined ? -1 : v;
  }
  function compare(a, b) {
    var x = sortValue(a, sortKey), y = sortValue(b, sortKey);
    var c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
    if (c === 0) c = a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0;
    return c * sortDir;
  }
  function detailRow(r) {
    var tr = el('tr', { 'class': 'detail', 'data-repo': r.repo });
    var td = el('td', { colspan: 10 });
    var meta = el('p', { 'class': 'hint' }, fill(strings['detail.source'], { source: r.source, commit: r.commit ? r.commit.slice(0, 12) : strings.none }));
    if (r.report && safeLink(r.report)) {
      meta.appendChild(document.createTextNode(' \\u00B7 '));
      meta.appendChild(el('a', { href: r.report, 'class': 'report-link' }, strings['detail.report']));
    }
    td.appendChild(meta);
    if (r.policy) td.appendChild(el('p', { 'class': 'hint' }, fill(strings['detail.policy'], { source: r.policy.source, digest: r.policy.digest.slice(0, 12) })));
    if (r.exempt !== undefined) td.appendChild(el('p', { 'class': 'hint' }, fill(strings['detail.not-counted'], { exempt: r.exempt, skipped: r.skipped || 0 })));
    var grid = el('div', { 'class': 'detail-grid' });
    function block(title, items) {
      var div = el('div');
      div.appendChild(el('h3', {}, title));
      var ul = el('ul');
      items.forEach(function (i) { ul.appendChild(el('li', {}, i)); });
      div.appendChild(ul);
      grid.appendChild(div);
    }
    block(strings['detail.checks'] + ' ' + orNone(r.score) + (r.band ? ' (' + r.band + ')' : ''), r.checks.map(function (c) {
      return strings['check.' + c.id] + ' \\u00D7' + c.weight + ': ' + (c.exempt ? strings['exempt.' + c.exempt] : pct(Math.round(c.share * 1000) / 10));
    }));
    block(strings['detail.rules'], r.rules.map(function (x) { return x.rule + ': ' + x.count; }));
    block(strings['detail.licenses'], r.licenses.map(function (l) {
      return (l.id === '(none)' ? strings.licenseNone : l.id) + ': ' + countOf('files', l.files) + (l.tier ? ' (' + strings.tiers[l.tier] + ')' : '');
    }));
    block(strings['detail.snapshots'], r.snapshots.slice(-12).reverse().map(function (s) {
      return s.date.slice(0, 10) + (s.commit ? ' ' + s.commit.slice(0, 7) : '') + ': ' + orNone(s.score) + ', ' + countOf('findings', s.findings) +
        ' (+' + s.found + ' / \\u2212' + s.resolved + ')' + (s.policyChanged ? ' \\u25C6 ' + strings['legend.policy'] : '');
    }));
    td.appendChild(grid);
    tr.appendChild(td);
    return tr;
  }
  function render() {
    var q = box.value.trim().toLowerCase(), band = bandSelect.value, errors = errorsOnly.checked;
    var rows = data.repos.filter(function (r) {
      return (!q || r.repo.toLowerCase().indexOf(q) >= 0) && (!band || r.band === band) && (!errors || r.severities.error > 0);
    }).sort(compare);
    var body = document.querySelector('#repos tbody');
    body.textContent = '';
    rows.forEach(function (r) {
      var tr = el('tr', { 'class': 'repo', 'data-repo': r.repo, 'data-band': r.band || '', tabindex: 0, 'aria-expanded': open[r.repo] ? 'true' : 'false' });
      tr.appendChild(el('td', {}, r.repo));
      var score = el('td', { 'class': 'num' });
      score.appendChild(document.createTextNode(orNone(r.score) + ' '));
      score.appendChild(bandBadge(r.band));
      tr.appendChild(score);
      tr.appendChild(el('td', { 'class': 'num' }, orNone(r.coverage, pct)));
      tr.appendChild(el('td', { 'class': 'num' }, pct(r.compliantPercent)));
      tr.appendChild(el('td', { 'class': 'num' }, r.tiers ? r.tiers.allowed + ' \\u00B7 ' + r.tiers.review + ' \\u00B7 ' + r.tiers.denied : strings.none));
      tr.appendChild(el('td', { 'class': 'num' }, orNone(r.osi, pct)));
      tr.appendChild(el('td', { 'class': 'num' }, r.ai && r.ai.percent !== undefined ? pct(r.ai.percent) + ' (' + r.ai.disclosed + '/' + r.ai.files + ')' : strings.none));
      tr.appendChild(el('td', { 'class': 'num' }, r.severities.error + ' \\u00B7 ' + r.severities.warning + ' \\u00B7 ' + r.severities.info));
      tr.appendChild(el('td', { 'class': r.trend ? 'trend-' + r.trend : '', title: r.trend ? strings['trend.' + r.trend] : '' }, r.trend ? arrows[r.trend] : strings.none));
      tr.appendChild(el('td', {}, r.date.slice(0, 10)));
      function toggle() { open[r.repo] = !open[r.repo]; render(); }
      tr.addEventListener('click', toggle);
      tr.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); } });
      body.appendChild(tr);
      if (open[r.repo]) body.appendChild(detailRow(r));
    });
    text('repos-count', fill(strings.shown, { shown: rows.length, count: countOf('repos', data.repos.length) }));
  }
  Array.prototype.forEach.call(document.querySelectorAll('#repos th[data-key]'), function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      sortDir = key === sortKey ? -sortDir : key === 'repo' || key === 'date' ? 1 : -1;
      sortKey = key;
      Array.prototype.forEach.call(document.querySelectorAll('#repos th[data-key]'), function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir === 1 ? 'ascending' : 'descending');
      render();
    });
  });
  box.addEventListener('input', render);
  bandSelect.addEventListener('change', render);
  errorsOnly.addEventListener('change', render);
  render();
  drawTrend();
  var resizing;
  window.addEventListener('resize', function () { clearTimeout(resizing); resizing = setTimeout(drawTrend, 100); });
})();
`;
