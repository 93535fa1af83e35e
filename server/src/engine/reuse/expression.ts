// SPDX license expressions as REUSE reads them: syntax only (SPDX 2.3 Annex D), ids collected.
// Whether an id is on the SPDX list is a separate question (a bad license, not a syntax error), so
// this does not use spdx-expression-parse, which rejects unknown ids and LicenseRef-less refs alike.

export interface ExpressionToken { text: string; start: number; end: number }

const tokenPattern = /\s*(\(|\)|[^\s()]+)/y;

/** The words and parentheses of an expression, split at white space and parentheses, with their offsets. */
export function expressionTokens(expression: string): ExpressionToken[] {
  const out: ExpressionToken[] = [];
  tokenPattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (tokenPattern.lastIndex < expression.length && (m = tokenPattern.exec(expression))) {
    const start = m.index + m[0].length - m[1].length;
    out.push({ text: m[1], start, end: start + m[1].length });
  }
  return out;
}

const idPattern = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?[A-Za-z0-9.-]+\+?$/;

export type Operator = 'AND' | 'OR' | 'WITH';

/**
 * The operator a word is, in any case: reuse-tool's license-expression matches them
 * case-insensitively, and later SPDX spec texts allow `and`, `or`, `with`. Upper case is the canonical
 * spelling (spdx-operator-case reports the others). The one definition of an operator word for
 * both expression readers (this one and spdx.ts).
 */
export function operatorOf(word: string): Operator | undefined {
  // A regex, not toUpperCase(): "wıth" (dotless ı) upper-cases to WITH but is no operator.
  return /^(?:and|or|with)$/i.test(word) ? (word.toUpperCase() as Operator) : undefined;
}
const isOperator = (t: string) => operatorOf(t) !== undefined;

interface Parsed { ids: string[]; error?: string }

/**
 * Parses `expression` (operators AND, OR, WITH; parentheses; `+`), case-insensitively for the
 * operators as reuse-tool's license-expression does. Returns the ids in order (licenses, exceptions
 * and LicenseRefs, a trailing `+` kept) and the first syntax error, if any.
 */
export function parseExpression(expression: string): Parsed {
  const toks = expressionTokens(expression);
  const ids: string[] = [];
  let pos = 0;
  let error: string | undefined;
  const fail = (msg: string) => { if (!error) error = msg; };
  const peek = () => toks[pos]?.text;

  function atom(): void {
    const t = peek();
    if (t === undefined) return fail('the expression ends where a license id was expected');
    if (t === '(') {
      pos++;
      orExpr();
      if (peek() !== ')') return fail(`missing ")" at offset ${toks[pos]?.start ?? expression.length}`);
      pos++;
      return;
    }
    if (t === ')' || isOperator(t)) return fail(`unexpected "${t}" at offset ${toks[pos].start}`);
    if (!idPattern.test(t)) fail(`"${t}" is not a license id`);
    ids.push(t);
    pos++;
  }
  function withExpr(): void {
    atom();
    if (operatorOf(peek() ?? '') === 'WITH') {
      pos++;
      const t = peek();
      if (t === undefined || t === '(' || t === ')' || isOperator(t)) return fail('WITH must be followed by an exception id');
      if (!idPattern.test(t) || t.endsWith('+')) fail(`"${t}" is not an exception id`);
      ids.push(t);
      pos++;
    }
  }
  function andExpr(): void {
    withExpr();
    while (operatorOf(peek() ?? '') === 'AND') { pos++; withExpr(); }
  }
  function orExpr(): void {
    andExpr();
    while (operatorOf(peek() ?? '') === 'OR') { pos++; andExpr(); }
  }

  if (toks.length === 0) return { ids, error: 'the expression is empty' };
  orExpr();
  if (pos < toks.length) fail(`unexpected "${toks[pos].text}" at offset ${toks[pos].start}`);
  return { ids, error };
}

/** The syntax error of an SPDX expression, or undefined when it parses. */
export function expressionSyntaxError(expression: string): string | undefined {
  return parseExpression(expression).error;
}
