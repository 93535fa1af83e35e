// SPDX license expressions (SPDX 2.3 Annex D): the one tokeniser and the one parser. The reading is
// REUSE's, as reuse-tool's license-expression parses with `simple=True`: syntax only, operators in any
// case, any id-shaped word an id. Whether an id is on the SPDX list, and in its listed case, is a
// separate question (check.ts), so that REUSE and the SPDX rules read the same structure.

export interface ExpressionToken {
  text: string;
  start: number;
  end: number;
}

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
 * spelling (spdx-operator-case reports the others).
 */
export function operatorOf(word: string): Operator | undefined {
  // A regex, not toUpperCase(): "wıth" (dotless ı) upper-cases to WITH but is no operator.
  return /^(?:and|or|with)$/i.test(word) ? (word.toUpperCase() as Operator) : undefined;
}
const isOperator = (t: string) => operatorOf(t) !== undefined;

/**
 * The expression with its operators in upper case (`MIT or GPL-2.0-only` → `MIT OR GPL-2.0-only`), for
 * the questions the case does not change (which licenses it allows) asked of tools that read only the
 * canonical spelling (spdx-satisfies).
 */
export function withUpperCaseOperators(expression: string): string {
  let out = '';
  let at = 0;
  for (const t of expressionTokens(expression)) {
    const op = operatorOf(t.text);
    if (op && op !== t.text) {
      out += expression.slice(at, t.start) + op;
      at = t.end;
    }
  }
  return at ? out + expression.slice(at) : expression;
}

/** An id as written (`+` kept), with the exception after WITH; or two expressions joined by AND or OR. */
export type ExpressionTree = { id: string; exception?: string } | { left: ExpressionTree; conjunction: 'AND' | 'OR'; right: ExpressionTree };

export interface ParsedExpression {
  /** The ids in order: licenses, exceptions and LicenseRefs, a trailing `+` kept. */
  ids: string[];
  /** The first syntax error; the tree is only there without one. */
  error?: string;
  tree?: ExpressionTree;
}

/** Parses `expression` (operators AND, OR, WITH in any case; parentheses; `+`). */
export function parseExpression(expression: string): ParsedExpression {
  const toks = expressionTokens(expression);
  const ids: string[] = [];
  let pos = 0;
  let error: string | undefined;
  const fail = (msg: string) => {
    if (!error) error = msg;
  };
  const peek = () => toks[pos]?.text;
  const none: ExpressionTree = { id: '' };

  function atom(): ExpressionTree {
    const t = peek();
    if (t === undefined) {
      fail('the expression ends where a license id was expected');
      return none;
    }
    if (t === '(') {
      pos++;
      const inner = orExpr();
      if (peek() !== ')') {
        fail(`missing ")" at offset ${toks[pos]?.start ?? expression.length}`);
        return inner;
      }
      pos++;
      return inner;
    }
    if (t === ')' || isOperator(t)) {
      fail(`unexpected "${t}" at offset ${toks[pos].start}`);
      return none;
    }
    if (!idPattern.test(t)) fail(`"${t}" is not a license id`);
    ids.push(t);
    pos++;
    return { id: t };
  }
  function withExpr(): ExpressionTree {
    const parenthesised = peek() === '(';
    const license = atom();
    if (operatorOf(peek() ?? '') !== 'WITH') return license;
    pos++;
    const t = peek();
    if (t === undefined || t === '(' || t === ')' || isOperator(t)) {
      fail('WITH must be followed by an exception id');
      return license;
    }
    if (!idPattern.test(t) || t.endsWith('+')) fail(`"${t}" is not an exception id`);
    // "(MIT) WITH X": an exception belongs to one license, not to a parenthesised expression.
    if (parenthesised) fail(`WITH at offset ${toks[pos - 1].start} must follow a license id`);
    ids.push(t);
    pos++;
    return 'id' in license && !parenthesised ? { id: license.id, exception: t } : license;
  }
  function chain(conjunction: 'AND' | 'OR', operand: () => ExpressionTree): ExpressionTree {
    let left = operand();
    while (operatorOf(peek() ?? '') === conjunction) {
      pos++;
      left = { left, conjunction, right: operand() };
    }
    return left;
  }
  const andExpr = () => chain('AND', withExpr);
  const orExpr = (): ExpressionTree => chain('OR', andExpr);

  if (toks.length === 0) return { ids, error: 'the expression is empty' };
  const tree = orExpr();
  if (pos < toks.length) fail(`unexpected "${toks[pos].text}" at offset ${toks[pos].start}`);
  return error ? { ids, error } : { ids, tree };
}

/** The syntax error of an SPDX expression, or undefined when it parses. */
export function expressionSyntaxError(expression: string): string | undefined {
  return parseExpression(expression).error;
}
