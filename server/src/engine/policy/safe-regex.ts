// The one place where a policy string becomes a regular expression (licenses.reviewEvidence,
// headers.copyright.holder, ai.reviewer.pattern, ai.approvalPattern).
//
// Why RE2 (the npm package re2js, a pure-JS port of RE2) rather than a ReDoS checker: a policy may
// come from a repository we just opened, so its regexes are hostile input. JavaScript's own engine
// backtracks, and `(a+)+$` against "aaaa…!" takes 2^n steps; a synchronous match cannot be
// interrupted, so it would freeze the language server. RE2 matches in time linear in the input,
// for every pattern, by construction. The checkers are weaker: safe-regex2 is a star-height
// heuristic that lets `(a|a)*$` and `.*.*.*x` through yet refuses ordinary patterns such as
// `Example Corp(,? Inc\.?)?( and (its )?affiliates)?`; recheck is sound but took up to seconds per
// pattern in pure JS (with a 5–30 MB native or Java backend otherwise), too slow to run on every
// keystroke in the policy file. What RE2 cannot run (backreferences and lookarounds, the features
// that need backtracking) is refused with a located error by parsePolicy, through
// `policyRegexProblem` below, so a policy that parses always compiles here.
//
// Policy regexes therefore use RE2's syntax, which for the patterns a policy needs (literals,
// classes, groups, alternation, quantifiers, \d \w \s \b, named groups, \uXXXX) reads as in
// JavaScript. Patterns must also compile as JavaScript regexes, so the messages for plain syntax
// errors are the familiar ones.

import { RE2JS } from 're2js';

/** Longer patterns are refused: a holder or reviewer pattern is a line, not a program. */
export const maxPatternLength = 1024;

/** 'whole': the text must match in full (the default for policy patterns); 'search': anywhere in it. */
export type RegexMode = 'whole' | 'search';

export interface PolicyRegex {
  readonly source: string;
  test(text: string): boolean;
}

// Features that need a backtracking engine, found by a scan that skips escapes and classes.
function backtrackingFeature(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<'))) return 'a backreference';
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const kind = pattern.slice(i + 2, i + 4);
      if (kind[0] === '=' || kind[0] === '!' || kind === '<=' || kind === '<!') return 'a lookaround';
    }
  }
  return undefined;
}

function compileRe2(pattern: string): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(pattern));
}

/**
 * Why `pattern` cannot be a policy regex, or undefined when it can. The text follows
 * "Invalid regular expression in '<field>': ".
 */
export function policyRegexProblem(pattern: string): string | undefined {
  if (pattern.length > maxPatternLength) return `it is longer than ${maxPatternLength} characters`;
  try {
    // Only to check the syntax (linear); such a RegExp is never run on anything.
    new RegExp(pattern);
  } catch (err) {
    return (err as Error).message.replace(/^Invalid regular expression: /, '');
  }
  const feature = backtrackingFeature(pattern);
  if (feature) return `/${pattern}/ uses ${feature}, which policy regexes do not support: they run in linear time (RE2), without backreferences or lookarounds`;
  try {
    compileRe2(pattern);
  } catch (err) {
    return `/${pattern}/: ${(err as Error).message.replace(/^error parsing regexp: /, '')} (policy regexes use RE2's syntax)`;
  }
  return undefined;
}

const cache = new Map<string, PolicyRegex>();
const maxCached = 256;

/**
 * Compiles a policy pattern for matching in linear time. Throws for a pattern that
 * `policyRegexProblem` refuses; a parsed policy never holds one.
 */
export function compilePolicyRegex(pattern: string, mode: RegexMode = 'whole'): PolicyRegex {
  const key = `${mode}\0${pattern}`;
  let compiled = cache.get(key);
  if (compiled) return compiled;
  const problem = policyRegexProblem(pattern);
  if (problem) throw new SyntaxError(`Invalid policy regular expression: ${problem}`);
  const re = compileRe2(mode === 'whole' ? `^(?:${pattern})$` : pattern);
  compiled = { source: pattern, test: (text: string) => re.test(text) };
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

/** Whether `text` matches `pattern` (in full for 'whole'), in linear time. */
export function policyRegexTest(pattern: string, text: string, mode: RegexMode = 'whole'): boolean {
  return compilePolicyRegex(pattern, mode).test(text);
}
