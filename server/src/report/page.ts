// What the HTML pages of `ospo report` and `ospo dashboard` share: one self-contained file each, no request of
// any kind (the Content-Security-Policy says so), data embedded as JSON and drawn by a small script with
// textContent, never innerHTML. The texts are `report.*`/`dashboard.*` keys of engine/messages.ts in the
// process-wide language. report/html.ts describes the model in full.

import { currentLocale } from '../engine/l10n';
import { type CountKey, message, type MessageKey, template } from '../engine/messages';

export const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** The same for a page that has no script (`ospo policy render --format html`): nothing runs, nothing loads. */
export const staticPageSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * A link a page may follow: a relative path, or http(s). A browser drops tabs and line breaks anywhere in a URL
 * and control characters before it (`java\tscript:` is `javascript:`), so a link with any is refused; so is `//host`.
 * The dashboard's script runs this same function (its source is written into the page).
 */
export function safeLink(href: string): boolean {
  if (/[\u0000-\u001f\u007f]/.test(href)) return false;
  const link = href.trim();
  if (/^https?:\/\/[^/]/i.test(link)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(link) && !/^[\\/]{2}/.test(link);
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that is safe inside a <script> element: nothing in it can end the element or start a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// Markup may only come from the page modules (report/html.ts, dashboard/html.ts): a text is escaped, then its `{name}` placeholders become the
// markup given for them (an element the script fills, or code written verbatim in every language).
export function html(key: MessageKey, markup: Record<string, string> = {}): string {
  return escapeHtml(message(key)).replace(/\{(\w+)\}/g, (whole, name: string) => markup[name] ?? whole);
}

/**
 * A noun's plural forms, `{count}` unfilled, by Intl.PluralRules category: the script picks one as
 * countOf does on the server.
 */
export function pluralForms(noun: CountKey): Record<string, string> {
  const locale = currentLocale();
  const forms: Record<string, string> = {};
  for (const category of new Intl.PluralRules(locale).resolvedOptions().pluralCategories) {
    const key = `${noun}.${category}` as MessageKey;
    if (template(locale, key) !== undefined) forms[category] = message(key);
  }
  return forms;
}

export const pageCss = `
:root { --fg:#1f2328; --muted:#59636e; --bg:#fff; --panel:#f6f8fa; --line:#d1d9e0; --ok:#1a7f37; --mid:#bf8700; --bad:#cf222e;
  --error:#cf222e; --warning:#bf8700; --info:#0969da; --hint:#818b98; --accent:#8250df; --bar:#0969da; }
@media (prefers-color-scheme: dark) { :root { --fg:#e6edf3; --muted:#9198a1; --bg:#0d1117; --panel:#151b23; --line:#3d444d; --bar:#4493f8; --accent:#ab7df8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 20px 28px 8px; border-bottom: 1px solid var(--line); }
h1 { margin: 0; font-size: 22px; } h2 { font-size: 17px; margin: 28px 0 10px; }
main { padding: 8px 28px 40px; max-width: 1280px; }
.meta, .hint, .note { color: var(--muted); } .note { font-size: 12.5px; max-width: 90ch; } .hint { font-weight: normal; font-size: 12.5px; }
#root { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 16px; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; min-width: 160px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 26px; font-weight: 600; } .card .value.small { font-size: 16px; padding-top: 8px; }
.card.big .value { font-size: 40px; line-height: 1.1; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 16px; margin-top: 12px; }
figure { margin: 0; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { width: 100%; height: auto; display: block; overflow: visible; }
svg text { fill: var(--fg); font-size: 12px; } svg .muted { fill: var(--muted); } svg .grid-line { stroke: var(--line); stroke-width: 1; }
svg .track { fill: var(--line); opacity: .45; } svg .empty { fill: var(--muted); font-style: italic; }
svg .trend { fill: none; stroke: var(--accent); stroke-width: 2.5; } svg .dot { fill: var(--accent); stroke: var(--bg); stroke-width: 1.5; }
.controls { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-bottom: 8px; }
.controls input { flex: 1 1 280px; max-width: 440px; }
input, select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 5px 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: 10px; } th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: 10px; }
td.file { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
td.file .open { margin-left: 6px; font-family: system-ui, sans-serif; font-size: 11.5px; }
a { color: var(--info); }
.sev { display: inline-block; padding: 0 7px; border-radius: 10px; color: #fff; font-size: 11.5px; font-weight: 600; }
.sev-error { background: var(--error); } .sev-warning { background: var(--warning); } .sev-info { background: var(--info); } .sev-hint { background: var(--hint); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media print { .controls, th button::after { display: none; } }
`;

/**
 * A page's `<!DOCTYPE html>` up to `<body>`: its language, its policy (what the page may load: nothing; one of the
 * constants here, written as it is), no referrer, and its title (escaped here) and styles.
 */
export function pageHead(lang: string, title: string, css: string, policy = contentSecurityPolicy): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>`;
}

/**
 * The start of a page's script, inside its function: the data and the view (texts) the page embeds, the plural rules
 * of its language, and the SVG namespace, read from an `<svg>` the markup holds (`svgId`): no namespace URL is written.
 */
export function pagePrologue(svgId: string): string {
  return `
  var data = JSON.parse(document.getElementById('ospo-data').textContent);
  var view = JSON.parse(document.getElementById('ospo-view').textContent);
  var strings = view.strings;
  var pluralRules = new Intl.PluralRules(document.documentElement.lang);
  var NS = document.getElementById('${svgId}').namespaceURI;`;
}

/**
 * The script helpers both pages use, as plain ES2017 source for inside the page's function: they expect
 * `strings` (with `plurals`), `pluralRules` and `NS` (the SVG namespace) to be defined before them.
 */
export const pageHelpers = `
  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = String(value); }
  function el(tag, attrs, content) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (content !== undefined) e.textContent = String(content);
    return e;
  }
  function svg(tag, attrs, content) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs || {}) e.setAttribute(k, String(attrs[k]));
    if (content !== undefined) e.textContent = String(content);
    return e;
  }
  function pct(p) { return p + '%'; }
  // A text of view.strings with its {name} placeholders filled (report/html.ts, scriptStrings).
  function fill(template, args) {
    return template.replace(/\\{(\\w+)\\}/g, function (whole, name) { return name in args ? String(args[name]) : whole; });
  }
  function countOf(noun, n, args) {
    var forms = strings.plurals[noun];
    var a = { count: n };
    for (var k in args || {}) a[k] = args[k];
    return fill(forms[pluralRules.select(n)] || forms.other, a);
  }
  function shorten(s, n) { return s.length > n ? s.slice(0, n - 1) + '\\u2026' : s; }
  function complianceColor(p) { return p >= 90 ? 'var(--ok)' : p >= 70 ? 'var(--mid)' : 'var(--bad)'; }

  // Horizontal bars: rows of { key, label, value, max, text, color }.
  function bars(target, rows, emptyText) {
    // Drawn at the size it is shown, so the text keeps its size whatever the window's width.
    var width = Math.max(320, Math.round(target.getBoundingClientRect().width) || 640);
    var labelW = Math.min(180, Math.round(width * 0.34)), valueW = 130, rowH = 26, barW = width - labelW - valueW;
    target.textContent = '';
    if (!rows.length) {
      target.setAttribute('viewBox', '0 0 ' + width + ' 30');
      target.appendChild(svg('text', { x: 0, y: 19, 'class': 'empty' }, emptyText));
      return;
    }
    target.setAttribute('viewBox', '0 0 ' + width + ' ' + (rows.length * rowH + 4));
    rows.forEach(function (r, i) {
      var y = i * rowH + 2;
      var g = svg('g', { 'class': 'bar', 'data-key': r.key });
      g.appendChild(svg('title', {}, r.label + ': ' + r.text));
      g.appendChild(svg('text', { x: labelW - 8, y: y + 16, 'text-anchor': 'end', 'class': 'label' }, shorten(r.label, 24)));
      g.appendChild(svg('rect', { x: labelW, y: y + 4, width: barW, height: 16, rx: 3, 'class': 'track' }));
      var w = r.max > 0 ? Math.max(r.value > 0 ? 2 : 0, barW * r.value / r.max) : 0;
      g.appendChild(svg('rect', { x: labelW, y: y + 4, width: w.toFixed(1), height: 16, rx: 3, style: 'fill:' + r.color }));
      g.appendChild(svg('text', { x: labelW + barW + 8, y: y + 16, 'class': 'value' }, r.text));
      target.appendChild(g);
    });
  }
`;
