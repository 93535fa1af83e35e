// The written policy (model.ts) as Markdown or as one self-contained HTML page, from the same model
// (docs/design/policy-render.md). Every value from the policy is escaped for the format: in Markdown a
// value is a code span or escaped text, so no policy text can make a link, an image or HTML; in HTML
// everything passes escapeHtml, and the page runs and loads nothing (report/page.ts's staticPageSecurityPolicy).

import { template } from '../engine/messages';
import { escapeHtml, pageCss, pageHead, safeLink, staticPageSecurityPolicy } from '../report/page';
import type { From, Part, PolicyDocument, Statement } from './model';

export const policyDocFormats = ['md', 'html'] as const;
export type PolicyDocFormat = (typeof policyDocFormats)[number];

/** Where a source is linked from the document, at a 1-based line or as a whole: the text shown and the link (undefined: not linked). */
export type Linker = (source: string, line?: number) => { label: string; href?: string };

// ---------------------------------------------------------------------------------------------
// Markdown

/** Text where Markdown would see markup: backslash-escaped, so `](javascript:…)` or `<script>` stays text. */
function mdText(s: string): string {
  return oneLine(s).replace(/[\\`*_[\]<>~&]/g, '\\$&');
}

/**
 * Whether a word would become a link by itself: GitHub's autolink extension (GFM spec, "Autolinks
 * (extension)") links `www.`, `http://`, `https://`, `mailto:`, `xmpp:` and e-mail addresses anywhere
 * in text, backslash escapes or not; linkify-it (markdown-it's linkify, VS Code's preview) links also
 * `//host`, other schemes' `scheme://` and bare domains under a generic or two-letter top-level domain.
 */
const linkish =
  /[a-z][a-z0-9+.-]*:\/\/|(?:^|[^\w:])\/\/\w|www\.|\b(?:mailto|xmpp):|[\w.+-]@[\w-]+\.\w|[a-z0-9-]\.(?:[a-z]{2}|biz|com|edu|gov|net|org|pro|web|xxx|aero|asia|coop|info|museum|name|shop)(?![a-z0-9-])/i;

/**
 * Free text from the policy (an exception's reason, the title): escaped, and each word that would
 * become a link by itself shown as code, since a link can never be escaped away in every renderer.
 */
function mdFree(s: string): string {
  return oneLine(s)
    .split(/(\s+)/)
    .map((word, i) => (i % 2 === 0 && linkish.test(word) ? mdCode(word) : mdText(word)))
    .join('');
}

/** A code span that no backtick in the value can end. */
function mdCode(s: string): string {
  const value = oneLine(s);
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** A policy value never breaks the line it is on: a line break would end the list item, or start markup. */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

/** A link target as Markdown takes it: in angle brackets, with what would end them escaped. */
const mdHref = (href: string) => `<${href.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c))}>`;

function mdParts(parts: readonly Part[]): string {
  return parts.map((p) => ('code' in p ? mdCode(p.code) : mdFree(p.text))).join('');
}

/** A statement's source after it, in the language's brackets. */
const bracketed = (doc: PolicyDocument, s: string) => (doc.lang === 'ja' ? `（${s}）` : ` (${s})`);

/** Between a preset's name and the extends entry that names it, as the language lists things. */
const listed = (doc: PolicyDocument) => (doc.lang === 'ja' ? '、' : ', ');

function mdFrom(from: From, doc: PolicyDocument, link: Linker): string {
  if (from.kind === 'default') return bracketed(doc, mdText(template(doc.lang, 'policy-doc.default')));
  if (from.kind === 'preset') {
    const name = mdText(template(doc.lang, 'policy-doc.preset').replace('{name}', from.name));
    return bracketed(doc, from.via ? `${name}${listed(doc)}${mdLink(link(from.via.source, from.via.line + 1))}` : name);
  }
  return bracketed(doc, mdLink(link(from.source, from.line + 1)));
}

const mdLink = (l: { label: string; href?: string }) => (l.href ? `[${mdText(l.label)}](${mdHref(l.href)})` : mdText(l.label));

function mdStatement(s: Statement, depth: number, doc: PolicyDocument, link: Linker): string[] {
  const line = `${'  '.repeat(depth)}- ${mdParts(s.parts)}${mdFrom(s.from, doc, link)}`;
  return [line, ...(s.children ?? []).flatMap((c) => mdStatement(c, depth + 1, doc, link))];
}

export function renderMarkdown(doc: PolicyDocument, link: Linker): string {
  const out = [`# ${mdFree(doc.title)}`, '', mdParts(doc.intro), ''];
  if (doc.file) out.push(`${mdText(template(doc.lang, 'policy-doc.source'))}: ${mdLink(link(doc.file))}`, '');
  doc.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${mdText(section.title)}`, '', ...section.statements.flatMap((s) => mdStatement(s, 0, doc, link)), '');
  });
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// HTML

function htmlParts(parts: readonly Part[]): string {
  return parts.map((p) => ('code' in p ? `<code>${escapeHtml(oneLine(p.code))}</code>` : escapeHtml(p.text))).join('');
}

/** Only what safeLink takes becomes a link (a relative path or an http(s) URL): a base's URL is https by then, but the page does not rely on it. */
function htmlLink(l: { label: string; href?: string }): string {
  return l.href !== undefined && safeLink(l.href) ? `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>` : escapeHtml(l.label);
}

function htmlFrom(from: From, doc: PolicyDocument, link: Linker): string {
  if (from.kind === 'default') return `<span class="from default">${escapeHtml(template(doc.lang, 'policy-doc.default'))}</span>`;
  if (from.kind === 'preset') {
    const name = escapeHtml(template(doc.lang, 'policy-doc.preset').replace('{name}', from.name));
    return `<span class="from">${name}${from.via ? `${listed(doc)}${htmlLink(link(from.via.source, from.via.line + 1))}` : ''}</span>`;
  }
  return `<span class="from">${htmlLink(link(from.source, from.line + 1))}</span>`;
}

function htmlStatement(s: Statement, doc: PolicyDocument, link: Linker): string {
  const children = s.children?.length ? `<ul>${s.children.map((c) => htmlStatement(c, doc, link)).join('')}</ul>` : '';
  return `<li>${htmlParts(s.parts)}${htmlFrom(s.from, doc, link)}${children}</li>\n`;
}

const docCss = `${pageCss}
main { max-width: 90ch; } li { margin: 4px 0; } .from { color: var(--muted); font-size: 12.5px; white-space: nowrap; }
.from::before { content: " ("; } .from::after { content: ")"; }
html[lang="ja"] .from::before { content: "（"; } html[lang="ja"] .from::after { content: "）"; }`;

export function renderHtml(doc: PolicyDocument, link: Linker): string {
  const source = doc.file ? `<p class="meta">${escapeHtml(template(doc.lang, 'policy-doc.source'))}: ${htmlLink(link(doc.file))}</p>` : '';
  const sections = doc.sections
    .map(
      (s, i) =>
        `<section id="${s.id}">\n<h2>${i + 1}. ${escapeHtml(s.title)}</h2>\n<ul>\n${s.statements.map((x) => htmlStatement(x, doc, link)).join('')}</ul>\n</section>`,
    )
    .join('\n');
  return `${pageHead(doc.lang, doc.title, docCss, staticPageSecurityPolicy)}
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="note">${htmlParts(doc.intro)}</p>
${source}
</header>
<main>
${sections}
</main>
</body>
</html>
`;
}

export function renderPolicyDocument(doc: PolicyDocument, format: PolicyDocFormat, link: Linker): string {
  return format === 'html' ? renderHtml(doc, link) : renderMarkdown(doc, link);
}
