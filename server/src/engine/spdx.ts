// SPDX license expressions: validation by spdx-expression-parse, plus the positions of each id
// so that a finding can point at the one bad id and a fix can replace exactly that id.

import parse = require('spdx-expression-parse');
import correct = require('spdx-correct');
import licenseIds = require('spdx-license-ids');
import deprecatedIds = require('spdx-license-ids/deprecated.json');
import exceptionIds = require('spdx-exceptions');

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

export interface Deprecation { token: IdToken; successor?: string }

/** Shared between callers (see checkExpression) and frozen: read it, never change it. */
export interface ExpressionCheck {
  readonly problems: readonly Problem[];
  readonly deprecations: readonly Deprecation[];
  readonly tokens: readonly IdToken[];
}

const known = new Set<string>(licenseIds);
const deprecated = new Set<string>(deprecatedIds);
const exceptions = new Set<string>(exceptionIds);
const byLowerCase = new Map<string, string>();
for (const id of [...licenseIds, ...deprecatedIds, ...exceptionIds]) byLowerCase.set(id.toLowerCase(), id);

// SPDX itself names these successors in its list of deprecated ids.
const successors: Record<string, string> = {
  'BSD-2-Clause-FreeBSD': 'BSD-2-Clause',
  'BSD-2-Clause-NetBSD': 'BSD-2-Clause',
  'GPL-2.0-with-GCC-exception': 'GPL-2.0-or-later WITH GCC-exception-2.0',
  'GPL-2.0-with-autoconf-exception': 'GPL-2.0-only WITH Autoconf-exception-2.0',
  'GPL-2.0-with-bison-exception': 'GPL-2.0-or-later WITH Bison-exception-2.2',
  'GPL-2.0-with-classpath-exception': 'GPL-2.0-only WITH Classpath-exception-2.0',
  'GPL-2.0-with-font-exception': 'GPL-2.0-only WITH Font-exception-2.0',
  'GPL-3.0-with-GCC-exception': 'GPL-3.0-only WITH GCC-exception-3.1',
  'GPL-3.0-with-autoconf-exception': 'GPL-3.0-only WITH Autoconf-exception-3.0',
  'StandardML-NJ': 'SMLNJ',
  'bzip2-1.0.5': 'bzip2-1.0.6',
  'eCos-2.0': 'GPL-2.0-or-later WITH eCos-exception-2.0',
  'wxWindows': 'GPL-2.0-or-later WITH WxWindows-exception-3.1',
  'Nunit': 'zlib-acknowledgement',
};

/** The successor of a deprecated id as written (with a trailing `+` for "or later"), if SPDX names one. */
export function successorOf(written: string): string | undefined {
  const plus = written.endsWith('+');
  const id = plus ? written.slice(0, -1) : written;
  // GPL-2.0 → GPL-2.0-only, GPL-2.0+ → GPL-2.0-or-later; the same for AGPL, LGPL and GFDL.
  if (/^(A|L)?GPL-\d\.\d$|^GFDL-\d\.\d$/.test(id)) return `${id}-${plus ? 'or-later' : 'only'}`;
  return plus ? undefined : successors[id];
}

export function isDeprecated(written: string): boolean {
  return deprecated.has(written.endsWith('+') ? written.slice(0, -1) : written);
}

function isRef(id: string): boolean {
  return /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(id);
}

function tokenize(expression: string): IdToken[] {
  const tokens: IdToken[] = [];
  const re = /[A-Za-z0-9.+:-]+/g;
  let afterWith = false;
  for (let m; (m = re.exec(expression)); ) {
    const word = m[0];
    if (word === 'AND' || word === 'OR') { afterWith = false; continue; }
    if (word === 'WITH') { afterWith = true; continue; }
    tokens.push({ id: word, start: m.index, end: m.index + word.length, exception: afterWith });
    afterWith = false;
  }
  return tokens;
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
  for (const x of [...result.problems, ...result.deprecations, ...result.tokens]) Object.freeze(x);
  Object.freeze(result.problems);
  Object.freeze(result.deprecations);
  Object.freeze(result.tokens);
  return Object.freeze(result);
}

function check(expression: string): ExpressionCheck {
  const tokens = tokenize(expression);
  const result = { problems: [] as Problem[], deprecations: [] as Deprecation[], tokens };
  const trimmed = expression.trim();
  if (!trimmed) { result.problems.push({ kind: 'empty' }); return result; }
  if (specialValues.has(trimmed)) return result;

  for (const token of tokens) {
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
      const successor = !token.exception && isDeprecated(written) ? successorOf(written) : undefined;
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
    for (const token of tokens) {
      if (!token.exception && isDeprecated(token.id)) result.deprecations.push({ token, successor: successorOf(token.id) });
    }
  }
  return result;
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
