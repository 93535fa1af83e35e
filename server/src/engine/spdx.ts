// SPDX license expressions: validation by spdx-expression-parse, plus the positions of each id
// so that a finding can point at the one bad id and a fix can replace exactly that id.

import parse = require('spdx-expression-parse');
import correct = require('spdx-correct');
import licenseIds = require('spdx-license-ids');
import deprecatedIds = require('spdx-license-ids/deprecated.json');
import exceptionIds = require('spdx-exceptions');
import { expressionTokens, Operator, operatorOf } from './reuse/expression';

export interface IdToken {
  id: string;
  /** Offsets in the expression string. */
  start: number;
  end: number;
  /** True for the id after WITH. */
  exception: boolean;
}

export type Problem =
  | { kind: 'empty' }
  | { kind: 'unknown-id'; token: IdToken; suggestion?: string }
  | { kind: 'prose'; suggestion: string }
  | { kind: 'wrong-case'; token: IdToken; canonical: string }
  | { kind: 'syntax'; detail: string };

/** An operator as written; SPDX's canonical spelling is `operator`, upper case. */
export interface OperatorToken { written: string; operator: Operator; start: number; end: number }

/**
 * `successor`: the one expression SPDX names as the same license, safe to write in its place.
 * `candidates`: what SPDX names when it is not one exact equivalent; which one the file means is its author's call.
 */
export interface Deprecation { token: IdToken; successor?: string; candidates: readonly string[] }

/** Shared between callers (see checkExpression) and frozen: read it, never change it. */
export interface ExpressionCheck {
  readonly problems: readonly Problem[];
  readonly deprecations: readonly Deprecation[];
  readonly tokens: readonly IdToken[];
  /** Operators not in upper case (`or`, `With`): valid, as REUSE reads them, but not SPDX's spelling. */
  readonly lowerCaseOperators: readonly OperatorToken[];
}

const known = new Set<string>(licenseIds);
const deprecated = new Set<string>(deprecatedIds);
const exceptions = new Set<string>(exceptionIds);
const byLowerCase = new Map<string, string>();
for (const id of [...licenseIds, ...deprecatedIds, ...exceptionIds]) byLowerCase.set(id.toLowerCase(), id);

/**
 * What SPDX names in place of a deprecated id, from the `obsoletedBy` elements and notes of the
 * SPDX License List XML (github.com/spdx/license-list-XML, src/<id>.xml). `exact`: SPDX names this
 * one expression as the same license, so fix-all may write it (`orLater` for the id written with
 * `+`). `candidates`: SPDX names no single equivalent; the quick fixes offer these, and which one
 * the file means is its author's call: a license claim is never rewritten unasked.
 * GPL, LGPL, AGPL and GFDL `X.Y` are in `successorOf` (obsoletedBy `X.Y-only`, and `X.Y-or-later` for `X.Y+`).
 * Net-SNMP has none: it stood for a stack of licenses, each to be named in an expression (notes).
 */
type Successors = { exact: string; orLater?: string } | { candidates: readonly string[] };
const successors: Record<string, Successors> = {
  // Notes: deprecated "because BSD-2-Clause-Views has been added, as a more generalized version; and
  // because FreeBSD project community members have indicated that the final sentence is not part of
  // that project's code license". No obsoletedBy: the text with its "views" sentence is
  // BSD-2-Clause-Views, without it BSD-2-Clause.
  'BSD-2-Clause-FreeBSD': { candidates: ['BSD-2-Clause-Views', 'BSD-2-Clause'] },
  // obsoletedBy BSD-2-Clause; notes: "it is a match to BSD-2-Clause".
  'BSD-2-Clause-NetBSD': { exact: 'BSD-2-Clause' },
  // obsoletedBy "GPL-2.0 WITH <exception>" (GPL-2.0 is GPL-2.0-only) and, for `<id>+`,
  // "GPL-2.0-or-later WITH <exception>"; likewise for GPL-3.0.
  'GPL-2.0-with-GCC-exception': { exact: 'GPL-2.0-only WITH GCC-exception-2.0', orLater: 'GPL-2.0-or-later WITH GCC-exception-2.0' },
  'GPL-2.0-with-autoconf-exception': { exact: 'GPL-2.0-only WITH Autoconf-exception-2.0', orLater: 'GPL-2.0-or-later WITH Autoconf-exception-2.0' },
  'GPL-2.0-with-bison-exception': { exact: 'GPL-2.0-only WITH Bison-exception-2.2', orLater: 'GPL-2.0-or-later WITH Bison-exception-2.2' },
  'GPL-2.0-with-classpath-exception': { exact: 'GPL-2.0-only WITH Classpath-exception-2.0', orLater: 'GPL-2.0-or-later WITH Classpath-exception-2.0' },
  // SPDX writes the `+` form as "GPL-2.0-or-later+ WITH Font-exception-2.0", a slip for -or-later.
  'GPL-2.0-with-font-exception': { exact: 'GPL-2.0-only WITH Font-exception-2.0', orLater: 'GPL-2.0-or-later WITH Font-exception-2.0' },
  'GPL-3.0-with-GCC-exception': { exact: 'GPL-3.0-only WITH GCC-exception-3.1', orLater: 'GPL-3.0-or-later WITH GCC-exception-3.1' },
  'GPL-3.0-with-autoconf-exception': { exact: 'GPL-3.0-only WITH Autoconf-exception-3.0', orLater: 'GPL-3.0-or-later WITH Autoconf-exception-3.0' },
  // obsoletedBy SMLNJ; notes: "Duplicate license".
  'StandardML-NJ': { exact: 'SMLNJ' },
  // No obsoletedBy; notes: deprecated "in favor of bzip2-1.0.6, which is now equivalent".
  'bzip2-1.0.5': { exact: 'bzip2-1.0.6' },
  // obsoletedBy; the eCos-2.0 text itself says GPL "version 2 or (at your option) any later version".
  'eCos-2.0': { exact: 'GPL-2.0-or-later WITH eCos-exception-2.0' },
  // obsoletedBy "GPL-2.0-or-later WITH WxWindows-exception-3.1", but the deprecated id's text is the
  // exception notice alone, and SPDX's own note on the exception says "Typically used with
  // GPL-2.0-only or GPL-2.0-or-later": the base license is not known from the id.
  'wxWindows': { candidates: ['GPL-2.0-or-later WITH WxWindows-exception-3.1'] },
  // obsoletedBy zlib-acknowledgement.
  'Nunit': { exact: 'zlib-acknowledgement' },
};

const gnuVersioned = /^(A|L)?GPL-\d\.\d$|^GFDL-\d\.\d$/;
const simpleId = /^[A-Za-z0-9.-]+$/;

/**
 * The one expression SPDX names as the same license as a deprecated id as written (a trailing `+`
 * for "or later"), safe to put in its place; undefined when SPDX names none or several.
 */
export function successorOf(written: string): string | undefined {
  const plus = written.endsWith('+');
  const id = plus ? written.slice(0, -1) : written;
  if (gnuVersioned.test(id)) return `${id}-${plus ? 'or-later' : 'only'}`;
  const entry = Object.prototype.hasOwnProperty.call(successors, id) ? successors[id] : undefined;
  if (!entry || !('exact' in entry)) return undefined;
  if (!plus) return entry.exact;
  // "X+" of a plain id is "successor+"; of an id that becomes an expression, only what SPDX names.
  return entry.orLater ?? (simpleId.test(entry.exact) ? `${entry.exact}+` : undefined);
}

/** What SPDX names for a deprecated id when there is no one exact successor: for a person to choose from. */
export function successorCandidates(written: string): readonly string[] {
  const plus = written.endsWith('+');
  const id = plus ? written.slice(0, -1) : written;
  const entry = Object.prototype.hasOwnProperty.call(successors, id) ? successors[id] : undefined;
  if (!entry || !('candidates' in entry)) return [];
  return plus ? entry.candidates.filter((c) => simpleId.test(c)).map((c) => `${c}+`) : entry.candidates;
}

export function isDeprecated(written: string): boolean {
  return deprecated.has(written.endsWith('+') ? written.slice(0, -1) : written);
}

function isRef(id: string): boolean {
  return /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(id);
}

function tokenize(expression: string): { ids: IdToken[]; operators: OperatorToken[] } {
  const ids: IdToken[] = [];
  const operators: OperatorToken[] = [];
  let afterWith = false;
  // The words of the REUSE reader, so that both agree on which words are operators.
  for (const word of expressionTokens(expression)) {
    const operator = operatorOf(word.text);
    if (operator) {
      operators.push({ written: word.text, operator, start: word.start, end: word.end });
      afterWith = operator === 'WITH';
      continue;
    }
    // Inside a word, each run of id characters is an id: "MIT,Apache-2.0" points at both.
    for (const m of word.text.matchAll(/[A-Za-z0-9.+:-]+/g)) {
      const start = word.start + m.index!;
      ids.push({ id: m[0], start, end: start + m[0].length, exception: afterWith });
      afterWith = false;
    }
  }
  return { ids, operators };
}

function suggest(text: string): string | undefined {
  // spdx-correct throws on some tokens (a bare "+"); a suggestion is a nicety, never a reason to fail.
  try {
    return correct(text, { upgrade: true }) ?? undefined;
  } catch {
    return undefined;
  }
}

/** `NONE` and `NOASSERTION` are valid SPDX values, but not expressions spdx-expression-parse accepts. */
const specialValues = new Set(['NONE', 'NOASSERTION']);

// A tree repeats a few expressions thousands of times (the Linux sources: GPL-2.0, GPL-2.0-only,
// GPL-2.0+ WITH Linux-syscall-note…), and checking one is pure: results are kept by expression.
// Bounded, as a long editing session sees many half-typed ones.
const checked = new Map<string, ExpressionCheck>();
const maxChecked = 1000;

export function checkExpression(expression: string): ExpressionCheck {
  let result = checked.get(expression);
  if (!result) {
    result = freeze(check(expression));
    if (checked.size >= maxChecked) checked.clear();
    checked.set(expression, result);
  }
  return result;
}

function freeze(result: ExpressionCheck): ExpressionCheck {
  for (const x of [...result.problems, ...result.deprecations, ...result.tokens, ...result.lowerCaseOperators]) Object.freeze(x);
  for (const d of result.deprecations) Object.freeze(d.candidates);
  Object.freeze(result.lowerCaseOperators);
  Object.freeze(result.problems);
  Object.freeze(result.deprecations);
  Object.freeze(result.tokens);
  return Object.freeze(result);
}

function check(expression: string): ExpressionCheck {
  const { ids: tokens, operators } = tokenize(expression);
  const result = { problems: [] as Problem[], deprecations: [] as Deprecation[], tokens, lowerCaseOperators: operators.filter((o) => o.written !== o.operator) };
  const trimmed = expression.trim();
  if (!trimmed) { result.problems.push({ kind: 'empty' }); return result; }
  if (specialValues.has(trimmed)) return result;

  for (const [i, token] of tokens.entries()) {
    if (isRef(token.id)) continue;
    const bare = token.id.endsWith('+') && !token.exception ? token.id.slice(0, -1) : token.id;
    if (token.exception ? exceptions.has(bare) : known.has(bare) || deprecated.has(bare)) continue;
    // SPDX matches ids case-insensitively, but tools and people read the canonical spelling.
    const canonical = byLowerCase.get(bare.toLowerCase());
    // Equal to the id as written means the id is of the other kind (a license after WITH, or an
    // exception before it): not a case problem, whose "fix" would change nothing (fuzz.test.ts).
    if (canonical && canonical !== bare) {
      const written = canonical + (bare === token.id ? '' : '+');
      // A deprecated id in the wrong case ("gpl-2.0+") is corrected to its successor at once: the
      // case fix and the spdx-deprecated fix name the same span, so fix-all needed two runs (fuzz.test.ts).
      const successor = !token.exception && isDeprecated(written) ? replacementFor(written, tokens[i + 1]).successor : undefined;
      result.problems.push({ kind: 'wrong-case', token, canonical: successor ?? written });
    } else {
      result.problems.push({ kind: 'unknown-id', token, suggestion: suggest(token.id) });
    }
  }
  // Prose such as "Apache License 2.0" yields several unknown words; one suggestion for the whole beats three findings.
  // Only when no word is a known id: "MIT AND Foo" must not be "corrected" to "MIT".
  if (result.problems.length > 0 && result.problems.every((p) => p.kind === 'unknown-id') && result.problems.length === tokens.length) {
    const whole = suggest(trimmed);
    if (whole && whole !== trimmed) result.problems = [{ kind: 'prose', suggestion: whole }];
  }
  if (result.problems.length === 0) {
    try {
      parse(trimmed);
    } catch (err) {
      result.problems.push({ kind: 'syntax', detail: describeParseError(err) });
    }
  }
  // Also beside ids in the wrong case when the expression parses once they are corrected: fix-all
  // corrects both at once, where it used to leave the deprecated id for a second run (fuzz.test.ts).
  if (result.problems.length === 0 || (result.problems.every((p) => p.kind === 'wrong-case') && parsesWhenCorrected(expression, result.problems))) {
    for (const [i, token] of tokens.entries()) {
      if (!token.exception && isDeprecated(token.id)) result.deprecations.push({ token, ...replacementFor(token.id, tokens[i + 1]) });
    }
  } else {
    // In an expression that is not valid even with its ids' case corrected, an "or" may be prose
    // ("GPL version 2 or later"): upper-casing it would only dress prose up as an expression.
    result.lowerCaseOperators = [];
  }
  return result;
}

/** SPDX's successor or candidates for a deprecated id, given the token after it. */
function replacementFor(written: string, next: IdToken | undefined): { successor?: string; candidates: readonly string[] } {
  // "GPL-2.0-with-GCC-exception WITH X" cannot take "… WITH GCC-exception-2.0" in its place: one WITH per license.
  const fits = (text: string) => !(next?.exception && text.includes(' WITH '));
  const successor = successorOf(written);
  return { successor: successor !== undefined && fits(successor) ? successor : undefined, candidates: successorCandidates(written).filter(fits) };
}

function parsesWhenCorrected(expression: string, problems: readonly Problem[]): boolean {
  let text = expression;
  for (const p of [...problems].reverse()) {
    if (p.kind === 'wrong-case') text = text.slice(0, p.token.start) + p.canonical + text.slice(p.token.end);
  }
  try {
    parse(text.trim());
    return true;
  } catch {
    return false;
  }
}

function describeParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // The parser fails with a TypeError on a dangling operator ("MIT AND"); say what that means.
  if (/reading|undefined|null/.test(message)) return 'the expression ends where a license id was expected';
  return message;
}

/** Every license id SPDX lists, current and deprecated. */
export const knownLicenseIds: readonly string[] = [...licenseIds, ...deprecatedIds];

type Ast = { license: string; plus?: boolean; exception?: string } | { left: Ast; conjunction: 'and' | 'or'; right: Ast };

function canonical(ast: Ast): string {
  if ('license' in ast) return ast.license + (ast.plus ? '+' : '') + (ast.exception ? ` WITH ${ast.exception}` : '');
  // AND and OR are commutative and associative: flatten and sort so "MIT OR ISC" equals "ISC OR MIT".
  const parts: string[] = [];
  const collect = (n: Ast) => {
    if ('conjunction' in n && n.conjunction === ast.conjunction) { collect(n.left); collect(n.right); } else parts.push(canonical(n));
  };
  collect(ast);
  return `(${parts.sort().join(` ${ast.conjunction.toUpperCase()} `)})`;
}

const canonicalForms = new Map<string, string | undefined>();

/** The canonical form of an expression, or undefined when it does not parse; kept like checkExpression's results. */
function canonicalForm(expression: string): string | undefined {
  const trimmed = expression.trim();
  if (canonicalForms.has(trimmed)) return canonicalForms.get(trimmed);
  let form: string | undefined;
  try {
    form = canonical(parse(trimmed) as Ast);
  } catch {
    form = undefined;
  }
  if (canonicalForms.size >= maxChecked) canonicalForms.clear();
  canonicalForms.set(trimmed, form);
  return form;
}

/** Whether two valid expressions say the same thing; false when either does not parse. */
export function sameExpression(a: string, b: string): boolean {
  const first = canonicalForm(a);
  return first !== undefined && first === canonicalForm(b);
}
