// SPDX as you type, in any file: completion and hover for license ids in the value of an
// `SPDX-License-Identifier:` tag (any comment style, `.license` sidecars), of a REUSE.toml
// `SPDX-License-Identifier = "…"` key, and of a `.reuse/dep5` `License:` line.
// Pure functions over a TextDocument, so mocha tests them in plain Node; main.ts tries them before
// its other completion and hover handlers, and they return undefined anywhere else.
//
// FSF "libre" flags are not shown: no package in the npm registry keeps them up to date
// (spdx-license-list has name, URL and OSI approval only; @ovyerus/licenses is a 2024 snapshot of
// about 400 ids without FSF data), and SPDX's own license-list-data is not published there.

import { message } from '../engine/messages';
import { distance } from 'fastest-levenshtein';
import { CompletionItem, CompletionItemKind, CompletionItemTag, Hover, MarkupKind, Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import licenseList = require('spdx-license-list');
import { blockClosers } from '../engine/comments';
import { parseTagLine } from '../engine/header';
import { licenseTier, listsLicenses, policyLicenseSets, Tier } from '../engine/license-tiers';
import { type Policy, policyLabel } from '../engine/policy/model';
import { checkExpression } from '../engine/spdx/check';
import { successorCandidates, successorOf } from '../engine/spdx/deprecated';
import { operatorOf } from '../engine/spdx/expression';
import {
  canonicalExceptionId,
  canonicalLicenseId,
  currentExceptionIds,
  currentLicenseIds,
  isDeprecated,
  isDeprecatedException,
  isExceptionId,
  isLicenseRef,
  knownExceptionIds,
  knownLicenseIds,
} from '../engine/spdx/ids';

// The ids most projects use, offered first within their policy group, so that `Apa` gives
// Apache-2.0 before Apache-1.0 and `GPL` the current -only/-or-later ids before the rare ones.
const popularLicenses = [
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'BSD-2-Clause',
  'ISC',
  'MPL-2.0',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'EPL-2.0',
  'EUPL-1.2',
  'CC0-1.0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'Unlicense',
  '0BSD',
  'MIT-0',
  'BSL-1.0',
  'Zlib',
  'Artistic-2.0',
  'OFL-1.1',
  'Python-2.0',
  'PostgreSQL',
  'EPL-1.0',
  'MPL-1.1',
];
const popularExceptions = [
  'LLVM-exception',
  'Classpath-exception-2.0',
  'GCC-exception-3.1',
  'Linux-syscall-note',
  'OpenJDK-assembly-exception-1.0',
  'Autoconf-exception-3.0',
  'Bison-exception-2.2',
  'GCC-exception-2.0',
  'Font-exception-2.0',
  'Qt-LGPL-exception-1.1',
];
const rankOf = (list: string[]) => {
  const ranks = new Map(list.map((id, i) => [id, i]));
  return (id: string) => String(ranks.get(id) ?? 999).padStart(3, '0');
};
const licenseRank = rankOf(popularLicenses);
const exceptionRank = rankOf(popularExceptions);

const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';
const WORD = /[A-Za-z0-9.+-]/;
const TOKEN = /[A-Za-z0-9.+:-]+|[()]/g;

// ---------------------------------------------------------------------------------------------
// Where an SPDX license value is

interface Value {
  line: number;
  text: string;
  /** The value's span on the line: after the colon (or opening quote), up to a block closer, closing quote or the end. */
  start: number;
  end: number;
  /** Whether the value follows `key:` directly, so that an inserted id needs a space before it. */
  afterColon: boolean;
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

const reuseTomlKey = /^\s*(?:SPDX-License-Identifier|"SPDX-License-Identifier"|'SPDX-License-Identifier')\s*=\s*(["'])/;

/** The SPDX license value on the position's line, whether or not the position is inside it. */
function valueOnLine(doc: TextDocument, line: number): Value | undefined {
  if (line < 0 || line >= doc.lineCount) return undefined;
  const text = lineText(doc, line);
  const uri = doc.uri;
  if (/\/REUSE\.toml$/.test(uri)) {
    const m = reuseTomlKey.exec(text);
    if (m) {
      const start = m[0].length;
      const close = text.indexOf(m[1], start);
      return { line, text, start, end: close >= 0 ? close : text.length, afterColon: false };
    }
  }
  if (/\/\.reuse\/dep5$/.test(uri)) {
    const m = /^License:/.exec(text);
    if (m) return { line, text, start: m[0].length, end: text.length, afterColon: true };
  }
  const tag = parseTagLine(text, line);
  if (!tag || tag.key.toLowerCase() !== 'spdx-license-identifier') return undefined;
  const start = tag.keyStart + tag.key.length + 1;
  let end = text.length;
  for (const closer of blockClosers) {
    const at = text.indexOf(closer, start);
    if (at >= 0 && at < end) end = at;
  }
  return { line, text, start, end, afterColon: true };
}

// ---------------------------------------------------------------------------------------------
// Policy groups, for ranking

type Group = 'project' | 'allowed' | 'review' | 'unlisted' | 'deprecated' | 'denied';
const groupOrder: Record<Group, number> = { project: 0, allowed: 1, review: 2, unlisted: 3, deprecated: 4, denied: 5 };

interface Lists {
  project: Set<string>;
  allow: ReadonlySet<string>;
  review: ReadonlySet<string>;
  deny: ReadonlySet<string>;
  hasAllow: boolean;
}
const listsCache = new WeakMap<Policy['licenses'], Lists>();

function listsOf(licenses: Policy['licenses']): Lists {
  let lists = listsCache.get(licenses);
  if (!lists) {
    const project = new Set((licenses.project?.match(/[A-Za-z0-9.+:-]+/g) ?? []).filter((w) => !operatorOf(w)).map((w) => w.replace(/\+$/, '')));
    // The same reading of the lists as the license tiers: globs expanded, deny winning over allow and review.
    const sets = policyLicenseSets(licenses);
    lists = { project, allow: sets.allowed === 'all' ? new Set() : sets.allowed, review: sets.review, deny: sets.denied, hasAllow: licenses.allow.length > 0 };
    listsCache.set(licenses, lists);
  }
  return lists;
}

function groupOf(id: string, lists: Lists): Group {
  if (lists.project.has(id)) return 'project';
  // Denied ids are still offered, last: a file may have to name a denied license that it really is under,
  // and an id missing from completion reads as "no such SPDX id". The label says it is denied.
  if (lists.deny.has(id)) return 'denied';
  if (isDeprecated(id)) return 'deprecated';
  if (lists.allow.has(id)) return 'allowed';
  if (lists.review.has(id)) return 'review';
  return 'unlisted';
}

function groupLabel(group: Group, id: string, lists: Lists): string | undefined {
  switch (group) {
    case 'project':
      return message('spdx.project-license');
    case 'allowed':
      return message('spdx.allowed');
    case 'review':
      return message('spdx.needs-review');
    case 'denied':
      return message('spdx.denied-by-policy');
    case 'deprecated':
      return lists.deny.has(id) ? message('spdx.denied-by-policy') : lists.allow.has(id) ? message('spdx.allowed') : undefined;
    case 'unlisted':
      return lists.hasAllow ? message('spdx.not-in-allow-list') : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Completion

type Expect = 'license' | 'exception' | 'operator' | 'conjunction';

/** What may come at the word being typed, from the token before it. */
function expectAt(before: string): Expect {
  const tokens = before.match(TOKEN) ?? [];
  const last = tokens[tokens.length - 1];
  if (last === undefined || last === '(' || /^(and|or)$/i.test(last)) return 'license';
  if (/^with$/i.test(last)) return 'exception';
  if (last === ')') return 'conjunction';
  const prev = tokens[tokens.length - 2];
  return prev !== undefined && /^with$/i.test(prev) ? 'conjunction' : 'operator';
}

function licenseDoc(id: string): string {
  return licenseMarkdown(id, undefined).join('\n\n');
}

const docCache = new Map<string, string>();

/**
 * Characters that open completion by themselves, also in comments where VS Code's quick suggestions
 * are off: after `SPDX-License-Identifier:`, after a space (`AND `, `OR `, `WITH `) and after `(`.
 */
export const completionTriggers = [':', ' ', '('];

/**
 * Completion items for the SPDX license value at the position, or undefined when the position is not in one.
 * `idsOnly`: a space or `(` just typed (a trigger character): offer ids where one comes next, and nothing
 * after an id, where a list of operators popping up at every space would be noise.
 */
export function spdxCompletions(doc: TextDocument, position: Position, policy: Policy, idsOnly = false): CompletionItem[] | undefined {
  const value = valueOnLine(doc, position.line);
  if (!value) return undefined;
  const col = position.character;
  if (col < value.start || col > value.end) return undefined;
  const { text } = value;
  let wordStart = col;
  while (wordStart > value.start && WORD.test(text[wordStart - 1])) wordStart--;
  let wordEnd = col;
  while (wordEnd < value.end && WORD.test(text[wordEnd])) wordEnd++;
  const partial = text.slice(wordStart, col).toLowerCase();
  const range: Range = { start: { line: value.line, character: wordStart }, end: { line: value.line, character: wordEnd } };
  // `SPDX-License-Identifier:|` typed without a space: the id goes after one.
  const lead = value.afterColon && wordStart === value.start ? ' ' : '';
  const expect = expectAt(text.slice(value.start, wordStart));
  if (idsOnly && (expect === 'operator' || expect === 'conjunction')) return [];
  const matches = (id: string) => id.toLowerCase().startsWith(partial);
  const items: CompletionItem[] = [];

  if (expect === 'operator' || expect === 'conjunction') {
    const ops = expect === 'operator' ? ['AND', 'OR', 'WITH'] : ['AND', 'OR'];
    ops.forEach((op, i) => {
      if (!matches(op)) return;
      items.push({
        label: op,
        kind: CompletionItemKind.Keyword,
        detail: op === 'WITH' ? 'a license exception follows' : `SPDX ${op} expression`,
        sortText: String(i),
        filterText: op,
        textEdit: { range, newText: lead + op + ' ' },
      });
    });
    return items;
  }

  if (expect === 'exception') {
    for (const id of knownExceptionIds) {
      if (!matches(id)) continue;
      const deprecated = isDeprecatedException(id);
      const item: CompletionItem = {
        label: id,
        kind: CompletionItemKind.Value,
        detail: message('spdx.exception'),
        sortText: (deprecated ? '1' : '0') + exceptionRank(id) + id.toLowerCase(),
        filterText: id,
        textEdit: { range, newText: lead + id },
        documentation: { kind: MarkupKind.Markdown, value: exceptionMarkdown(id).join('\n\n') },
      };
      if (deprecated) item.tags = [CompletionItemTag.Deprecated];
      items.push(item);
    }
    return items;
  }

  const lists = listsOf(policy.licenses);
  // A compound project license (`Apache-2.0 OR MIT`) is offered whole, first, on an empty value.
  const project = policy.licenses.project?.trim();
  if (
    project &&
    /\s/.test(project) &&
    !text.slice(value.start, wordStart).trim() &&
    !text.slice(wordEnd, value.end).trim() &&
    project.toLowerCase().startsWith(partial)
  ) {
    items.push({
      label: project,
      kind: CompletionItemKind.Value,
      detail: message('spdx.project-license-detail'),
      labelDetails: { description: message('spdx.project-license') },
      sortText: '0000',
      filterText: project,
      textEdit: { range, newText: lead + project },
    });
  }
  for (const id of knownLicenseIds) {
    if (!matches(id)) continue;
    const group = groupOf(id, lists);
    const deprecated = isDeprecated(id);
    let documentation = docCache.get(id);
    if (documentation === undefined) docCache.set(id, (documentation = licenseDoc(id)));
    const item: CompletionItem = {
      label: id,
      kind: CompletionItemKind.Value,
      detail: licenseList[id]?.name ?? 'SPDX license',
      sortText: String(groupOrder[group]) + licenseRank(id) + id.toLowerCase(),
      filterText: id,
      textEdit: { range, newText: lead + id },
      documentation: { kind: MarkupKind.Markdown, value: documentation },
    };
    const label = groupLabel(group, id, lists);
    if (label) item.labelDetails = { description: label };
    if (deprecated) item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  // In ranked order too, for clients that keep the server's order rather than sortText.
  return items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Hover

function exceptionMarkdown(id: string): string[] {
  const lines = [`**${code(id)}**`, message('spdx.exception-hover')];
  if (isDeprecatedException(id)) lines.push(message('spdx.deprecated'));
  lines.push(`[spdx.org/licenses/${id}](https://spdx.org/licenses/${id}.html)`);
  return lines;
}

const tierText = (tier: Tier) => message(tier === 'allowed' ? 'spdx.allowed' : tier === 'review' ? 'spdx.needs-review' : 'spdx.denied');

function tierLines(expression: string, whole: string | undefined, policy: Policy): string[] {
  const l = policy.licenses;
  // Named as messages name it (policyLabel): never an absolute path.
  const source = policy.source ? ` (${policyLabel(policy)})` : '';
  if (!listsLicenses(l)) return [message('spdx.policy-lists-none', { source })];
  const lines = [message('spdx.policy-tier', { source, tier: tierText(licenseTier(expression, l).tier) })];
  if (whole && whole !== expression) {
    try {
      if (checkExpression(whole).problems.length === 0)
        lines.push(message('spdx.whole-tier', { expression: code(whole), tier: tierText(licenseTier(whole, l).tier) }));
    } catch {
      /* a tier is a nicety */
    }
  }
  return lines;
}

/** Name, OSI approval, deprecation and link of a license id as written (a trailing `+` means "or later"). */
function licenseMarkdown(written: string, policy: Policy | undefined, whole?: string): string[] {
  const bare = written.endsWith('+') ? written.slice(0, -1) : written;
  const own = licenseList[written];
  const base = own ?? licenseList[bare];
  const name = own ? own.name : base ? message('spdx.or-later', { name: base.name }) : written;
  const lines = [`**${name.replace(/[\\`*_[\]<>|]/g, (c) => '\\' + c)}**`];
  const facts = [code(written)];
  if (base) facts.push(message(base.osiApproved ? 'spdx.osi-yes' : 'spdx.osi-no'));
  lines.push(facts.join(' · '));
  if (isDeprecated(written)) {
    const successor = successorOf(written);
    const candidates = successorCandidates(written);
    lines.push(
      successor
        ? message('spdx.deprecated-use', { id: code(successor) })
        : candidates.length
          ? message('spdx.deprecated-candidates', { ids: candidates.map(code).join(', ') })
          : message('spdx.deprecated'),
    );
  }
  if (policy) {
    if (listsOf(policy.licenses).project.has(bare)) lines.push(message('spdx.is-project-license'));
    lines.push(...tierLines(written, whole, policy));
  }
  lines.push(`[spdx.org/licenses/${bare}](https://spdx.org/licenses/${bare}.html)`);
  return lines;
}

/** The current id (or exception) one or two edits away from a word, when exactly one is nearest: typos spdx-correct does not know (`Apche-2.0`). */
function nearest(word: string, exception: boolean): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = 3;
  let tie = false;
  for (const id of exception ? currentExceptionIds : currentLicenseIds) {
    if (Math.abs(id.length - word.length) >= bestDistance) continue;
    const d = distance(lower, id.toLowerCase());
    if (d < bestDistance) {
      best = id;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return tie ? undefined : best;
}

const markdown = (lines: string[], range: Range): Hover => ({ contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range });

/** A hover on the SPDX id, exception id or unknown word at the position inside an SPDX license value. */
export function spdxHover(doc: TextDocument, position: Position, policy?: Policy): Hover | undefined {
  const value = valueOnLine(doc, position.line);
  if (!value) return undefined;
  const col = position.character;
  if (col < value.start || col > value.end) return undefined;
  const source = value.text.slice(value.start, value.end);
  const tokens: { word: string; start: number; end: number }[] = [];
  const re = new RegExp(TOKEN.source, 'g');
  for (let m; (m = re.exec(source));) tokens.push({ word: m[0], start: value.start + m.index, end: value.start + m.index + m[0].length });
  // On a word, or just after one (keyboard hover at the end of an id).
  const index = ((i) => (i >= 0 ? i : tokens.findIndex((t) => t.end === col)))(tokens.findIndex((t) => t.start <= col && col < t.end));
  const token = tokens[index];
  if (!token || token.word === '(' || token.word === ')') return undefined;
  const range: Range = { start: { line: value.line, character: token.start }, end: { line: value.line, character: token.end } };
  const operator = operatorOf(token.word);
  if (operator) return operator === token.word ? undefined : markdown([`SPDX spells this operator ${code(operator)}.`], range);
  const afterWith = index > 0 && /^with$/i.test(tokens[index - 1].word);
  const id = token.word;
  const whole = source.trim();

  if (afterWith && isExceptionId(id)) return markdown(exceptionMarkdown(id), range);
  if (!afterWith) {
    const bare = id.endsWith('+') ? id.slice(0, -1) : id;
    if (canonicalLicenseId(bare) === bare) return markdown(licenseMarkdown(id, policy, whole), range);
    if (isLicenseRef(id)) {
      const lines = [`**${code(id)}**`, `A license of your own, not on the SPDX list: its text belongs in ${code(`LICENSES/${id.replace(/^.*:/, '')}.txt`)}.`];
      if (policy) lines.push(...tierLines(id, whole, policy));
      return markdown(lines, range);
    }
    if (id === 'NONE' || id === 'NOASSERTION') {
      return markdown([`**${code(id)}**`, id === 'NONE' ? 'No license applies.' : 'No license is asserted: the license was not determined.'], range);
    }
  }
  // Known, but in another case: SPDX matches ids case-insensitively, tools and people read the canonical spelling.
  const canonical = (afterWith ? canonicalExceptionId : canonicalLicenseId)(id.replace(/\+$/, ''));
  if (canonical) {
    const spelled = canonical + (!afterWith && id.endsWith('+') ? '+' : '');
    const lines = [`SPDX spells this id ${code(spelled)}.`, ...(afterWith ? exceptionMarkdown(canonical) : licenseMarkdown(spelled, policy))];
    return markdown(lines, range);
  }
  // Unknown: spdx-correct's suggestion for the whole value when it is prose (`Apache 2`), else for this word.
  const check = checkExpression(source);
  const prose = check.problems.find((p) => p.kind === 'prose');
  if (prose && prose.kind === 'prose') {
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    return markdown([`Not an SPDX id; did you mean ${code(prose.suggestion)}?`], {
      start: { line: value.line, character: first.start },
      end: { line: value.line, character: last.end },
    });
  }
  const unknown = check.problems.find((p) => p.kind === 'unknown-id' && value.start + p.token.start === token.start);
  const suggestion = (unknown && unknown.kind === 'unknown-id' ? unknown.suggestion : undefined) ?? nearest(id, afterWith);
  const lines = [
    suggestion && suggestion !== id
      ? `Not an SPDX ${afterWith ? 'exception' : 'id'}; did you mean ${code(suggestion)}?`
      : `Not an SPDX ${afterWith ? 'exception' : 'id'}. See [spdx.org/licenses](https://spdx.org/licenses/), or name a license of your own as \`LicenseRef-…\`.`,
  ];
  return markdown(lines, range);
}
