// The report as one self-contained HTML file: inline CSS and JS, charts as inline SVG drawn by that
// JS, and no request of any kind (a Content-Security-Policy of `default-src 'none'` says so to the
// browser). The data is embedded as JSON in <script type="application/json" id="ospo-data"> - the
// same object `--json` writes - and every number on the page is rendered from it.
//
// Escaping: the only values written into the markup on the server are the title, the page's texts
// (escaped, see html()) and the JSON. The JSON has `<`, `>`, `&` and U+2028/2029 escaped, so no file
// name can close the script element; the page then builds its elements with textContent and
// setAttribute, never innerHTML.
//
// Language: every text is a `report.*` key of engine/messages.ts in the process-wide language
// (engine/l10n.ts), which is also `<html lang>`. The texts the script writes travel in the
// `ospo-view` JSON as `strings`, their `{name}` placeholders unfilled, with each plural noun's forms
// for the browser's Intl.PluralRules; numbers and dates are written as they are in both languages.
//
// Links: each finding links twice. The path is a relative link (from where the HTML file was
// written to the file), which opens the file in any browser and still works when the report is
// moved together with the tree (a CI artifact next to a checkout), but cannot point at a line.
// "open" is a vscode://file/<absolute path>:<line>:<column> link, which opens VS Code at the exact
// line, but only on the machine (and at the path) where the report was made. Inside VS Code's own
// webview (the "OSPO: Open compliance report" command) neither kind of link can work, in VS Code or
// in code-server: a click there posts a ReportOpenMessage (shared/protocol.ts) to the extension,
// which opens the file at the line.

import { currentLocale } from '../engine/l10n';
import { message, type MessageKey } from '../engine/messages';
import { escapeHtml, html, pageCss, pageHead, pageHelpers, pagePrologue, pluralForms, scriptJson } from './page';
import { noLicense, notSpdx, type ReportData } from './data';

export interface HtmlOptions {
  /** From the HTML file's folder to data.root, `/`-separated ('' for the same folder). */
  linkBase?: string;
}

/** The texts the script writes, in the current language, `{name}` placeholders unfilled. */
function scriptStrings() {
  return {
    // The license mix's two entries that are not ids (data.ts), by their key in the data.
    licenseLabels: { [noLicense]: message('report.license-none'), [notSpdx]: message('report.license-not-spdx') },
    topLevel: message('report.top-level'),
    noFiles: message('report.no-files'),
    noFindings: message('report.no-findings'),
    noAi: message('report.no-ai'),
    noCommits: message('report.no-commits'),
    aiCovered: message('report.ai-covered'),
    open: message('report.open'),
    openTitle: message('report.open-title'),
    findingsCapped: message('report.findings-capped'),
    historyCap: message('report.history-cap'),
    exceptionStatus: {
      'in-force': message('report.exception.in-force'),
      expiring: message('report.exception.expiring'),
      expired: message('report.exception.expired'),
    },
    plurals: {
      files: pluralForms('count.files'),
      findings: pluralForms('count.findings'),
      findingsOf: pluralForms('report.findings-of'),
      regions: pluralForms('report.ai-regions'),
      lines: pluralForms('report.ai-lines'),
    },
  };
}

export function renderHtml(data: ReportData, options: HtmlOptions = {}): string {
  const name = data.root.split(/[\\/]/).filter(Boolean).pop() ?? data.root;
  const code = (s: string) => `<code>${escapeHtml(s)}</code>`;
  const chart = (id: string, key: MessageKey, hint?: MessageKey) =>
    `<figure><figcaption>${html(key)}${hint ? ` <span class="hint">${html(hint)}</span>` : ''}</figcaption>` +
    `<svg id="${id}" class="chart" role="img" aria-label="${html(key)}"></svg></figure>`;
  const th = (key: string, label: MessageKey, extra = '') => `<th data-key="${key}"${extra}><button type="button">${html(label)}</button></th>`;
  return `${pageHead(currentLocale(), message('report.title', { name }), pageCss + css)}
<header>
  <h1>${html('report.heading')}</h1>
  <p class="meta">${html('report.meta', { root: '<span id="root"></span>', time: '<time id="generated"></time>' })}</p>
</header>
<noscript><p class="note">${html('report.noscript', { element: escapeHtml('<script id="ospo-data">'), command: code('ospo report --json') })}</p></noscript>
<main>
<section class="cards" aria-label="${html('report.summary')}">
  <div class="card big"><div class="label">${html('report.compliant-files')}</div><div class="value" id="overall-percent"></div>
    <div class="sub">${html('report.compliant-of', { compliant: '<span id="overall-compliant"></span>', files: '<span id="overall-files"></span>' })}</div></div>
  <div class="card"><div class="label">${html('report.findings')}</div><div class="value" id="total-findings"></div></div>
  <div class="card"><div class="label">${html('report.not-counted')}</div><div class="value small">${html('report.exempt-skipped', { exempt: '<span id="total-exempt"></span>', skipped: '<span id="total-skipped"></span>' })}</div></div>
</section>
<p class="note">${html('report.about', { compliant: `<strong>${html('report.compliant')}</strong>`, check: code('ospo check'), error: '<em>error</em>', sidecar: code('.license') })}</p>

<section class="grid">
  ${chart('chart-folders', 'report.chart.folders')}
  ${chart('chart-licenses', 'report.chart.licenses', 'report.chart.licenses-hint')}
  ${chart('chart-rules', 'report.chart.rules')}
  ${chart('chart-ai', 'report.chart.ai', 'report.chart.ai-hint')}
</section>

<section id="history" hidden>
  <h2>${html('report.trend')} <span class="hint" id="history-of"></span></h2>
  <svg id="chart-history" class="chart wide" role="img" aria-label="${html('report.chart.history')}"></svg>
  <p class="note">${html('report.trend-note')}<span id="history-cap"></span></p>
  <details><summary>${html('report.trend-points')}</summary><table id="history-table"><thead><tr>${(
    ['report.column.ref', 'report.column.date', 'report.column.subject', 'report.column.files', 'report.column.compliant'] as const
  )
    .map((k) => `<th>${html(k)}</th>`)
    .join('')}</tr></thead><tbody></tbody></table></details>
</section>

<section>
  <h2>${html('report.findings')}</h2>
  <div class="controls">
    <input id="filter-text" type="search" placeholder="${html('report.filter')}" aria-label="${html('report.filter-label')}">
    <select id="filter-severity" aria-label="${html('report.severity')}"><option value="">${html('report.all-severities')}</option></select>
    <select id="filter-rule" aria-label="${html('report.rule')}"><option value="">${html('report.all-rules')}</option></select>
    <span id="findings-count" class="hint"></span>
  </div>
  <table id="findings">
    <thead><tr>
      ${th('file', 'report.column.file', ' aria-sort="ascending"')}
      ${th('line', 'report.column.line', ' class="num"')}
      ${th('column', 'report.column.column', ' class="num"')}
      ${th('severity', 'report.severity')}
      ${th('rule', 'report.rule')}
      ${th('message', 'report.column.message')}
    </tr></thead>
    <tbody></tbody>
  </table>
  <p class="note">${html('report.links-note', { open: `<em>${html('report.open')}</em>` })}</p>
</section>

<section id="exceptions-section" hidden>
  <h2>${html('report.exceptions')} <span class="hint">${html('report.exceptions-hint')}</span></h2>
  <table id="exceptions">
    <thead><tr>
      <th>${html('report.column.exception')}</th><th>${html('report.rule')}</th><th>${html('report.column.approver')}</th>
      <th>${html('report.column.approved')}</th><th>${html('report.column.expires')}</th><th>${html('report.column.status')}</th>
      <th class="num">${html('report.column.silenced')}</th><th>${html('report.column.ticket')}</th>
    </tr></thead>
    <tbody></tbody>
  </table>
</section>

<section id="skipped-section" hidden>
  <details><summary>${html('report.skipped', { count: '<span id="skipped-count"></span>' })}</summary><ul id="skipped-list"></ul></details>
</section>
</main>
<script type="application/json" id="ospo-data">${scriptJson(data)}</script>
<script type="application/json" id="ospo-view">${scriptJson({ linkBase: options.linkBase ?? null, strings: scriptStrings() })}</script>
<script>${js}</script>
</body>
</html>
`;
}

// The report's own styles, after the page's (report/page.ts).
const css = `
tr.exception-expired td { color: var(--bad); } tr.exception-expiring td { color: var(--mid); }
`;

// Plain ES2017, no template literals: the page must run in any current browser without a build.
const js = `
(function () {
  'use strict';
${pagePrologue('chart-folders')}
  var rank = { error: 3, warning: 2, info: 1, hint: 0 };

${pageHelpers}
  function folderLabel(name) { return name === '.' ? strings.topLevel : name + '/'; }

  // Summary.
  text('root', data.root);
  $('generated').setAttribute('datetime', data.generatedAt);
  text('generated', data.generatedAt.replace('T', ' ').replace(/\\.\\d+Z$/, 'Z'));
  text('overall-percent', pct(data.totals.percent));
  $('overall-percent').style.color = complianceColor(data.totals.percent);
  text('overall-compliant', data.totals.compliant);
  text('overall-files', data.totals.files);
  text('total-findings', data.totals.findings);
  text('total-exempt', data.totals.exempt);
  text('total-skipped', data.totals.skipped);

  function drawCharts() {
  bars($('chart-folders'), data.folders.map(function (f) {
    return { key: f.name, label: folderLabel(f.name), value: f.percent, max: 100,
      text: pct(f.percent) + ' (' + f.compliant + '/' + f.files + ')', color: complianceColor(f.percent) };
  }), strings.noFiles);
  var maxLicense = data.licenses.reduce(function (m, l) { return Math.max(m, l.files); }, 0);
  bars($('chart-licenses'), data.licenses.map(function (l) {
    var special = l.id.charAt(0) === '(';
    return { key: l.id, label: strings.licenseLabels[l.id] || l.id, value: l.files, max: maxLicense, text: countOf('files', l.files),
      color: special ? 'var(--hint)' : 'var(--bar)' };
  }), strings.noFiles);
  var maxRule = data.rules.reduce(function (m, r) { return Math.max(m, r.count); }, 0);
  bars($('chart-rules'), data.rules.map(function (r) {
    return { key: r.rule, label: r.rule, value: r.count, max: maxRule, text: String(r.count), color: 'var(--' + r.severity + ')' };
  }), strings.noFindings);
  var aiFolders = data.folders.filter(function (f) { return f.aiRegions > 0; });
  var maxAi = aiFolders.reduce(function (m, f) { return Math.max(m, f.aiLines); }, 0);
  bars($('chart-ai'), aiFolders.map(function (f) {
    return { key: f.name, label: folderLabel(f.name), value: f.aiLines, max: maxAi,
      text: fill(strings.aiCovered, { regions: countOf('regions', f.aiRegions), lines: countOf('lines', f.aiLines) }), color: 'var(--accent)' };
  }), strings.noAi);
  if (data.history) drawTrend();
  }

  function drawTrend() {
    var chart = $('chart-history');
    chart.textContent = '';
    var W = Math.max(480, Math.round(chart.getBoundingClientRect().width) || 900), H = 260, left = 44, right = 20, top = 22, bottom = 46, pad = 36;
    chart.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var pts = data.history;
    var x = function (i) { return pts.length === 1 ? (left + W - right) / 2 : left + pad + i * (W - left - right - 2 * pad) / (pts.length - 1); };
    var y = function (p) { return top + (100 - p) * (H - top - bottom) / 100; };
    [0, 25, 50, 75, 100].forEach(function (p) {
      chart.appendChild(svg('line', { x1: left, x2: W - right, y1: y(p), y2: y(p), 'class': 'grid-line' }));
      chart.appendChild(svg('text', { x: left - 6, y: y(p) + 4, 'text-anchor': 'end', 'class': 'muted' }, p + '%'));
    });
    if (!pts.length) chart.appendChild(svg('text', { x: left + 8, y: y(50), 'class': 'empty' }, strings.noCommits));
    if (pts.length > 1) {
      chart.appendChild(svg('polyline', { 'class': 'trend', points: pts.map(function (h, i) { return x(i).toFixed(1) + ',' + y(h.percent).toFixed(1); }).join(' ') }));
    }
    var every = Math.max(1, Math.ceil(pts.length / Math.max(2, Math.floor((W - left - right) / 110))));
    pts.forEach(function (h, i) {
      var g = svg('g', { 'class': 'point', 'data-ref': h.ref });
      g.appendChild(svg('title', {}, h.ref + ' ' + h.date.slice(0, 10) + ' ' + h.subject + ': ' + pct(h.percent) + ' (' + h.compliant + '/' + h.files + ')'));
      g.appendChild(svg('circle', { cx: x(i), cy: y(h.percent), r: 4.5, 'class': 'dot' }));
      // Counted back from the newest point, which always has its label, so no two labels crowd together.
      if ((pts.length - 1 - i) % every === 0) {
        g.appendChild(svg('text', { x: x(i), y: y(h.percent) - 10, 'text-anchor': 'middle', 'class': 'value' }, pct(h.percent)));
        g.appendChild(svg('text', { x: x(i), y: H - bottom + 18, 'text-anchor': 'middle', 'class': 'muted' }, shorten(h.ref, 14) + (h.truncated ? '*' : '')));
        g.appendChild(svg('text', { x: x(i), y: H - bottom + 33, 'text-anchor': 'middle', 'class': 'muted' }, h.date.slice(0, 10)));
      }
      chart.appendChild(g);
    });
  }

  // Trend.
  if (data.history) {
    $('history').hidden = false;
    if (data.historyOf) text('history-of', '(' + data.historyOf + ')');
    if (data.history.some(function (h) { return h.truncated; })) {
      text('history-cap', ' ' + fill(strings.historyCap, { cap: data.historyCap }));
    }
    var hb = document.querySelector('#history-table tbody');
    data.history.slice().reverse().forEach(function (h) {
      var tr = el('tr');
      tr.appendChild(el('td', {}, h.ref + (h.truncated ? '*' : '')));
      tr.appendChild(el('td', {}, h.date.slice(0, 10)));
      tr.appendChild(el('td', {}, h.subject));
      tr.appendChild(el('td', { 'class': 'num' }, h.files));
      tr.appendChild(el('td', { 'class': 'num' }, pct(h.percent) + ' (' + h.compliant + '/' + h.files + ')'));
      hb.appendChild(tr);
    });
  }

  drawCharts();
  var resizing;
  window.addEventListener('resize', function () { clearTimeout(resizing); resizing = setTimeout(drawCharts, 100); });

  // Policy exceptions: the record of decisions, those expiring or expired first.
  if (data.exceptions && data.exceptions.length) {
    $('exceptions-section').hidden = false;
    var order = { expired: 0, expiring: 1, 'in-force': 2 };
    var eb = $('exceptions').querySelector('tbody');
    data.exceptions.slice().sort(function (a, b) { return order[a.status] - order[b.status]; }).forEach(function (x) {
      var tr = el('tr', { 'class': 'exception-' + x.status });
      tr.appendChild(el('td', {}, x.id));
      tr.appendChild(el('td', {}, x.rules.join(', ')));
      tr.appendChild(el('td', {}, x.approver));
      tr.appendChild(el('td', {}, x.date));
      tr.appendChild(el('td', {}, x.expires || '—'));
      tr.appendChild(el('td', {}, strings.exceptionStatus[x.status]));
      tr.appendChild(el('td', { 'class': 'num' }, x.silenced));
      tr.appendChild(el('td', {}, x.ref));
      eb.appendChild(tr);
    });
  }

  // Skipped files.
  if (data.skipped.length) {
    $('skipped-section').hidden = false;
    text('skipped-count', data.skipped.length);
    data.skipped.forEach(function (s) { $('skipped-list').appendChild(el('li', {}, s.file + ': ' + s.reason)); });
  }

  // Findings table: sortable by header, filtered by text, severity and rule. At most maxRows rows are drawn.
  var maxRows = 2000;
  var sortKey = 'file', sortDir = 1;
  var sevSelect = $('filter-severity'), ruleSelect = $('filter-rule'), box = $('filter-text');
  ['error', 'warning', 'info', 'hint'].forEach(function (s) {
    if (data.findings.some(function (f) { return f.severity === s; })) sevSelect.appendChild(el('option', { value: s }, s));
  });
  data.rules.map(function (r) { return r.rule; }).sort().forEach(function (r) { ruleSelect.appendChild(el('option', { value: r }, r)); });

  function segments(p) {
    return p.split('/').map(function (s, i) { return i === 0 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s); }).join('/');
  }
  var rootSlash = data.root.replace(/\\\\/g, '/').replace(/\\/$/, '');
  function vscodeLink(f) {
    var abs = rootSlash + '/' + f.file;
    return 'vscode://file' + (abs.charAt(0) === '/' ? '' : '/') + segments(abs) + ':' + f.line + ':' + f.column;
  }
  // A path breaks only after a '/', never inside a name.
  function pathNodes(link, p) {
    p.split('/').forEach(function (part, i, all) {
      link.appendChild(document.createTextNode(part + (i < all.length - 1 ? '/' : '')));
      if (i < all.length - 1) link.appendChild(document.createElement('wbr'));
    });
    return link;
  }
  // In VS Code's webview: links open the file through the extension (see the top of html.ts).
  var host = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  function openLink(a, f) {
    a.setAttribute('data-path', rootSlash + '/' + f.file);
    a.setAttribute('data-line', f.line);
    a.setAttribute('data-column', f.column);
    return a;
  }
  function relativeLink(f) {
    var base = view.linkBase;
    return segments((base ? base + '/' : '') + f.file);
  }
  function compare(a, b) {
    var x = a[sortKey], y = b[sortKey];
    if (sortKey === 'severity') { x = rank[x]; y = rank[y]; }
    var c = typeof x === 'number' ? x - y : x < y ? -1 : x > y ? 1 : 0;
    if (c === 0 && sortKey !== 'file') c = a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
    else if (c === 0) c = a.line - b.line || a.column - b.column;
    return c * sortDir;
  }
  function render() {
    var q = box.value.trim().toLowerCase(), sev = sevSelect.value, rule = ruleSelect.value;
    var rows = data.findings.filter(function (f) {
      return (!sev || f.severity === sev) && (!rule || f.rule === rule)
        && (!q || (f.file + ' ' + f.rule + ' ' + f.message).toLowerCase().indexOf(q) >= 0);
    }).sort(compare);
    var body = document.querySelector('#findings tbody');
    body.textContent = '';
    rows.slice(0, maxRows).forEach(function (f) {
      var tr = el('tr', { 'data-severity': f.severity, 'data-rule': f.rule });
      var file = el('td', { 'class': 'file' });
      file.appendChild(openLink(pathNodes(el('a', { href: relativeLink(f), 'class': 'path' }), f.file), f));
      file.appendChild(openLink(el('a', { href: vscodeLink(f), 'class': 'open', title: fill(strings.openTitle, { line: f.line }) }, strings.open), f));
      tr.appendChild(file);
      tr.appendChild(el('td', { 'class': 'num' }, f.line));
      tr.appendChild(el('td', { 'class': 'num' }, f.column));
      var sevCell = el('td');
      sevCell.appendChild(el('span', { 'class': 'sev sev-' + f.severity }, f.severity));
      tr.appendChild(sevCell);
      tr.appendChild(el('td', {}, f.rule));
      tr.appendChild(el('td', {}, f.message));
      body.appendChild(tr);
    });
    var count = rows.length === data.findings.length ? countOf('findings', rows.length) : countOf('findingsOf', data.findings.length, { shown: rows.length });
    text('findings-count', rows.length > maxRows ? fill(strings.findingsCapped, { count: count, max: maxRows }) : count);
  }
  Array.prototype.forEach.call(document.querySelectorAll('#findings th[data-key]'), function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      sortDir = key === sortKey ? -sortDir : 1;
      sortKey = key;
      Array.prototype.forEach.call(document.querySelectorAll('#findings th[data-key]'), function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir === 1 ? 'ascending' : 'descending');
      render();
    });
  });
  if (host) document.querySelector('#findings tbody').addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-path]') : null;
    if (!a) return;
    e.preventDefault();
    host.postMessage({ command: 'open', path: a.getAttribute('data-path'), line: Number(a.getAttribute('data-line')), column: Number(a.getAttribute('data-column')) });
  });
  box.addEventListener('input', render);
  sevSelect.addEventListener('change', render);
  ruleSelect.addEventListener('change', render);
  render();
})();
`;
