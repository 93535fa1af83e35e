// SPDX license expressions read strictly, as SPDX does: every id on the SPDX list (or a LicenseRef),
// in its listed case, and with the positions of each id so that a finding can point at the one bad id
// and a fix can replace exactly that id. The structure is expression.ts's, the lists are ids.ts's.

import correct = require('spdx-correct');
import satisfies = require('spdx-satisfies');
import { expressionTokens, ExpressionTree, Operator, operatorOf, parseExpression, withUpperCaseOperators } from './expression';
import { successorCandidates, successorOf } from './deprecated';
import { canonicalExceptionId, canonicalLicenseId, isDeprecated, isDeprecatedException, isExceptionId, isLicenseId, isLicenseRef } from './ids';
import { detached } from '../text';

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
export interface OperatorToken {
  written: string;
  operator: Operator;
  start: number;
  end: number;
}

/**
 * `successor`: the one expression SPDX names as the same license, safe to write in its place.
 * `candidates`: what SPDX names when it is not one exact equivalent; which one the file means is its author's call.
 */
export interface Deprecation {
  token: IdToken;
  successor?: string;
  candidates: readonly string[];
}

/** Shared between callers (see checkExpression) and frozen: read it, never change it. */
export interface ExpressionCheck {
  readonly problems: readonly Problem[];
  readonly deprecations: readonly Deprecation[];
  readonly tokens: readonly IdToken[];
  /** Operators not in upper case (`or`, `With`): valid, as REUSE reads them, but not SPDX's spelling. */
  readonly lowerCaseOperators: readonly OperatorToken[];
}

function tokenize(expression: string): { ids: IdToken[]; operators: OperatorToken[] } {
  const ids: IdToken[] = [];
  const operators: OperatorToken[] = [];
  let afterWith = false;
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

/** `NONE` and `NOASSERTION` are valid SPDX values, though not expressions. */
const specialValues = new Set(['NONE', 'NOASSERTION']);

// A tree repeats a few expressions thousands of times (the Linux sources: GPL-2.0, GPL-2.0-only,
// GPL-2.0+ WITH Linux-syscall-note…), and checking one is pure: results are kept by expression.
// Bounded, as a long editing session sees many half-typed ones.
const checked = new Map<string, ExpressionCheck>();
const maxChecked = 1000;

export function checkExpression(expression: string): ExpressionCheck {
  let result = checked.get(expression);
  if (!result) {
    // Kept as a copy: the result's tokens are cut from it, and the value itself is cut from a file's text.
    const key = detached(expression);
    result = freeze(check(key));
    if (checked.size >= maxChecked) checked.clear();
    checked.set(key, result);
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

/** Whether a word after WITH (`exception`) or elsewhere is on its SPDX list as written. */
function listed(bare: string, exception: boolean): boolean {
  return exception ? isExceptionId(bare) : isLicenseId(bare);
}

function check(expression: string): ExpressionCheck {
  const { ids: tokens, operators } = tokenize(expression);
  const result = {
    problems: [] as Problem[],
    deprecations: [] as Deprecation[],
    tokens,
    lowerCaseOperators: operators.filter((o) => o.written !== o.operator),
  };
  const trimmed = expression.trim();
  if (!trimmed) {
    result.problems.push({ kind: 'empty' });
    return result;
  }
  if (specialValues.has(trimmed)) return result;

  for (const [i, token] of tokens.entries()) {
    if (isLicenseRef(token.id)) continue;
    const bare = token.id.endsWith('+') && !token.exception ? token.id.slice(0, -1) : token.id;
    if (listed(bare, token.exception)) continue;
    // SPDX matches ids case-insensitively, but tools and people read the canonical spelling.
    const canonical = token.exception ? canonicalExceptionId(bare) : canonicalLicenseId(bare);
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
    const error = parseExpression(trimmed).error;
    if (error) result.problems.push({ kind: 'syntax', detail: error });
  }
  // Also beside ids in the wrong case when the expression parses once they are corrected: fix-all
  // corrects both at once, where it used to leave the deprecated id for a second run (fuzz.test.ts).
  if (result.problems.length === 0 || (result.problems.every((p) => p.kind === 'wrong-case') && parsesWhenCorrected(expression, result.problems))) {
    for (const [i, token] of tokens.entries()) {
      if (token.exception ? isDeprecatedException(token.id) : isDeprecated(token.id)) {
        result.deprecations.push({ token, ...(token.exception ? { candidates: [] } : replacementFor(token.id, tokens[i + 1])) });
      }
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
  return parseExpression(text).error === undefined;
}

function canonical(tree: ExpressionTree): string {
  if ('id' in tree) return tree.id + (tree.exception ? ` WITH ${tree.exception}` : '');
  // AND and OR are commutative and associative: flatten and sort so "MIT OR ISC" equals "ISC OR MIT".
  const parts: string[] = [];
  const collect = (n: ExpressionTree) => {
    if ('conjunction' in n && n.conjunction === tree.conjunction) {
      collect(n.left);
      collect(n.right);
    } else parts.push(canonical(n));
  };
  collect(tree);
  return `(${parts.sort().join(` ${tree.conjunction} `)})`;
}

const canonicalForms = new Map<string, string | undefined>();

/** The canonical form of a valid expression, or undefined; kept like checkExpression's results. */
function canonicalForm(expression: string): string | undefined {
  const trimmed = expression.trim();
  if (canonicalForms.has(trimmed)) return canonicalForms.get(trimmed);
  const key = detached(trimmed);
  const valid = !specialValues.has(key) && checkExpression(key).problems.length === 0;
  const tree = valid ? parseExpression(key).tree : undefined;
  const form = tree && canonical(tree);
  if (canonicalForms.size >= maxChecked) canonicalForms.clear();
  canonicalForms.set(key, form);
  return form;
}

/** Whether two valid expressions say the same thing; false when either is not valid. */
export function sameExpression(a: string, b: string): boolean {
  const first = canonicalForm(a);
  return first !== undefined && first === canonicalForm(b);
}

/**
 * Whether a valid expression can be taken under `license` alone, as spdx-satisfies reads it: `MIT OR Apache-2.0`
 * under Apache-2.0, `GPL-2.0-or-later` under GPL-3.0-only; not `MIT AND Apache-2.0`. A `license` joined by AND or OR
 * (which spdx-satisfies does not take) only matches the same expression.
 */
export function satisfiedBy(written: string, license: string): boolean {
  // `MIT or GPL-2.0-only` allows what `MIT OR GPL-2.0-only` allows: the case is spdx-operator-case's finding.
  const expression = withUpperCaseOperators(written);
  if (sameExpression(expression, license)) return true;
  const single = parseExpression(license).tree;
  if (!single || !('id' in single) || canonicalForm(expression) === undefined) return false;
  try {
    return satisfies(detached(expression.trim()), [detached(license.trim())]);
  } catch {
    // An id spdx-satisfies does not know yet (a newer SPDX list, a LicenseRef): no match rather than a crash.
    return false;
  }
}

/**
 * The expression with each deprecated id that SPDX names one exact successor for written as that
 * successor (`GPL-2.0+ OR MIT` → `GPL-2.0-or-later OR MIT`): what messages about the license say,
 * so they name the id to write, not the one spdx-deprecated asks to replace.
 */
export function currentExpression(expression: string): string {
  let out = expression;
  for (const d of [...checkExpression(expression).deprecations].reverse()) {
    if (d.successor) out = out.slice(0, d.token.start) + d.successor + out.slice(d.token.end);
  }
  return out;
}

/** The current spelling of an id that license tiers name (without its `+`, as `licenseTier` reports it), as written in `expression`. */
export function currentIdIn(expression: string, id: string): string {
  const token = checkExpression(expression).tokens.find((t) => t.id === id || t.id === id + '+');
  return token ? currentId(token.id) : id;
}

/**
 * An id as written as the current SPDX license id it stands for, so that two spellings of one license compare equal:
 * `GPL-2.0` → `GPL-2.0-only`; `GPL-2.0+` and `GPL-2.0-only+` → `GPL-2.0-or-later`; a deprecated id whose successor
 * is an expression names that expression's license (`GPL-3.0-with-GCC-exception` → `GPL-3.0-only`); the `+` of any
 * other id is dropped (`Apache-2.0+` → `Apache-2.0`), as the license tiers read it (engine/license-tiers.ts).
 */
export function currentId(written: string): string {
  const successor = successorOf(written);
  if (successor) return successor.split(/\s+WITH\s+/)[0];
  if (written.endsWith('-only+')) return written.slice(0, -'-only+'.length) + '-or-later';
  return written.endsWith('+') ? written.slice(0, -1) : written;
}
