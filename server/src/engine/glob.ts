// Every glob of the product, one home per flavour, each compiled once, and every one matched in time
// linear in the path (docs/design/globs.md):
// - path globs of the policy (`files.include`/`exclude`/`thirdParty`, `overrides[].paths`) and of the
//   `ospo.exclude` setting: picomatch's syntax, dot files included;
// - `*`-wildcards over names (SPDX ids in the policy's license lists, AI tool names);
// - REUSE.toml `path` globs and `.reuse/dep5` `Files:` globs, each exactly as its spec defines it;
// - `.editorconfig` section globs, as EditorConfig defines them.
// Why one engine for all: each flavour becomes a regular expression, and JavaScript's engine
// backtracks. `*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b` against a 40-character name takes longer than anyone
// waits, and a repository writes these globs (REUSE.toml, dep5, .editorconfig, its own policy).
// RE2 (re2js, the engine the policy's regexes already use, engine/policy/safe-regex.ts) runs every
// such expression in time linear in the text, so a glob is translated here and compiled with RE2.

import { RE2JS } from 're2js';

/** A compiled glob: whether a text (a path, a name) matches it in full. */
export type Matcher = (text: string) => boolean;

// Policies are few and long-lived, and an editing session sees few distinct pattern lists: bounded all the same.
const maxCached = 500;
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= maxCached) cache.clear();
    cache.set(key, value);
  }
  return value;
}

const never: Matcher = () => false;

/**
 * The one compiler: an RE2 expression (the syntax the translators below write) matched against the
 * whole text. RE2's `testExact` runs a DFA, about as fast as V8 on these expressions, and never
 * backtracks.
 */
function linear(source: string, options: { ignoreCase?: boolean } = {}): Matcher {
  // Every flavour's translation stays near its pattern's length; a pattern RE2 cannot take (a 900 KB path in a
  // REUSE.toml) matches nothing rather than stopping the check.
  if (source.length > 4 * maxGlobLength + maxSourceLength) return never;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, RE2JS.DOTALL | (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0));
  } catch {
    return never;
  }
  return (text) => re.testExact(text);
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|-]/.test(ch) ? '\\' + ch : ch;
}

/** Globs longer than this are refused: a path glob is a line, and RE2's program grows with the pattern. */
export const maxGlobLength = 4096;
/** `{1..N}` ranges are written out as alternatives, up to this many numbers in one glob. */
const maxRange = 1000;
/** The most a glob may become as an expression: RE2 compiles it, once per glob and once per list. */
const maxSourceLength = 32 * 1024;
/** Braces and extglobs nest at most this deep. */
const maxDepth = 32;

class GlobError extends Error {}

type Flavour = 'policy' | 'editorconfig';

// Translates a path glob, picomatch's (`policy`) or EditorConfig's, to RE2 syntax: `*` any run
// without `/`, `?` one character but `/`, `[…]`/`[!…]` classes (POSIX `[:alpha:]` inside), `{a,b}`
// alternatives and `{1..9}` ranges, `\x` the character x. `**` is where the two differ: in a policy
// it crosses folders only as a whole segment (`a/**` also matches `a`; `**/b` and `a/**/b` also
// match `b` and `a/b`), elsewhere it is `*`; in EditorConfig it is any run, `/` included. Only a
// policy glob has extglobs, `@(a|b)`, `*(…)`, `+(…)`, `?(…)`; `!(…)` needs a lookahead, which a
// linear matcher cannot have, so it is refused (a policy problem, globProblem below).
function translatePath(glob: string, flavour: Flavour): string {
  let i = 0;
  let depth = 0;
  let lastStarEnd = -2;
  // Ranges are written out as alternatives: their numbers count against one budget for the whole glob.
  let rangeBudget = maxRange;
  const globstarAt = (start: number, end: number, inGroup: boolean): boolean => {
    const before = glob[start - 1];
    const after = glob[end];
    const opens = before === undefined || before === '/' || (inGroup && (before === '{' || before === ','));
    const closes = after === undefined || after === '/' || (inGroup && (after === ',' || after === '}'));
    return opens && closes;
  };
  const seq = (stops: string, inGroup: boolean): string => {
    let out = '';
    while (i < glob.length) {
      const ch = glob[i];
      if (stops.includes(ch)) return out;
      if (ch === '\\') {
        const next = glob[i + 1];
        if (next !== undefined) out += escapeRegExp(next);
        i += 2;
        continue;
      }
      if (flavour === 'policy' && '@*+?!'.includes(ch) && glob[i + 1] === '(') {
        const group = extglob(ch);
        if (group !== undefined) {
          out += group;
          continue;
        }
      }
      if (ch === '*') {
        const start = i;
        while (glob[i] === '*') i++;
        const run = i - start;
        // Whether a `*` wildcard ends the segment before this one (`a*/**`).
        const afterStar = lastStarEnd === start - 2;
        lastStarEnd = i - 1;
        if (flavour === 'editorconfig') {
          if (run < 2) out += '[^/]*';
          else if (glob[start - 1] === '/' && glob[i] === '/') {
            // `a/**/b` also matches `a/b` (EditorConfig's own tests: star_star_over_separator19).
            out += '(?:.*/)?';
            i++;
          } else out += '.*';
        } else if (run === 2 && start === 0 && /^\*\*(\.\w+)+$/.test(glob)) {
          // picomatch's one case of a leading `**` glued to text that crosses folders: `**.js`, `**.d.ts`
          // match `src/a.js`; `**_test.go` and `**.{js,ts}` do not.
          out += '.*';
        } else if (run !== 2 || !globstarAt(start, i, inGroup)) out += '[^/]*';
        else if (glob[i] === '/') {
          // `**/`: any folders, or none.
          out += '(?:.*/)?';
          i++;
        } else if (out.endsWith('/') && !afterStar && !inGroup) {
          // `a/**` at the end: `a` itself and anything below it (as in picomatch, not after a `*`,
          // `a*/**`, nor inside braces, `{a/**,c}`, where the slash is needed).
          out = out.slice(0, -1) + '(?:/.*)?';
        } else out += '.*';
        continue;
      }
      if (flavour === 'policy' && ch === '(') {
        // picomatch reads a plain group as an extglob `@(…)`: `(a|b).c` matches `a.c`.
        const group = extglob('@', 0);
        if (group !== undefined) {
          out += group;
          continue;
        }
      }
      if (ch === '?') {
        out += '[^/]';
        i++;
        continue;
      }
      if (ch === '[') {
        const cls = bracket();
        if (cls !== undefined) {
          out += cls;
          continue;
        }
      }
      if (ch === '{') {
        const group = braces();
        if (group !== undefined) {
          out += group;
          continue;
        }
      }
      out += escapeRegExp(ch);
      i++;
    }
    return out;
  };
  // A class from `[` to its `]`, or undefined (a literal `[`) when it has none.
  const bracket = (): string | undefined => {
    let j = i + 1;
    let negate = false;
    if (glob[j] === '!' || glob[j] === '^') {
      negate = true;
      j++;
    }
    let body = '';
    for (let first = true; j < glob.length; first = false) {
      const c = glob[j];
      if (c === ']' && !first) {
        i = j + 1;
        // A class never matches `/`: globs match one segment at a time.
        return negate ? `[^/${body}]` : `[${body}]`;
      }
      const posix = c === '[' && glob[j + 1] === ':' ? /^\[:[a-z]+:\]/.exec(glob.slice(j)) : null;
      if (posix) {
        body += posix[0];
        j += posix[0].length;
      } else if (c === '\\' && j + 1 < glob.length) {
        body += '\\' + glob[j + 1];
        j += 2;
      } else {
        body += c === '-' ? '-' : /[\\[\]^]/.test(c) ? '\\' + c : c;
        j++;
      }
    }
    return undefined;
  };
  // `{a,b}` or `{1..3}` from `{` to its `}`, or undefined (a literal `{`) when it is neither.
  const braces = (): string | undefined => {
    const range = /^\{(-?\d+)\.\.(-?\d+)\}|^\{([a-zA-Z])\.\.([a-zA-Z])\}/.exec(glob.slice(i, i + 64));
    if (range) {
      i += range[0].length;
      if (range[3] !== undefined) {
        const [a, b] = [range[3], range[4]].sort();
        return `[${escapeRegExp(a)}-${escapeRegExp(b)}]`;
      }
      const [lo, hi] = [Number(range[1]), Number(range[2])].sort((x, y) => x - y);
      rangeBudget -= hi - lo + 1;
      if (rangeBudget < 0) throw new GlobError(`its ranges (${range[0]}…) hold more than ${maxRange} numbers in all`);
      const all: string[] = [];
      for (let n = lo; n <= hi; n++) all.push(String(n).replace('-', '\\-'));
      return `(?:${all.join('|')})`;
    }
    if (!hasComma(i)) return undefined;
    if (++depth > maxDepth) throw new GlobError(`braces nest more than ${maxDepth} deep`);
    i++;
    const alternatives = [seq(',}', true)];
    while (glob[i] === ',') {
      i++;
      alternatives.push(seq(',}', true));
    }
    i++; // the `}`
    depth--;
    return `(?:${alternatives.join('|')})`;
  };
  // Whether the `{` at `at` has a `,` at its own level before its `}`.
  const hasComma = (at: number): boolean => {
    let level = 0;
    for (let j = at; j < glob.length; j++) {
      const c = glob[j];
      if (c === '\\') j++;
      else if (c === '{') level++;
      else if (c === '}') {
        if (--level === 0) return false;
      } else if (c === ',' && level === 1) return closed(j, '{', '}', 1);
    }
    return false;
  };
  // Whether the group open `level` deep at `from` closes: each `open` nests, `close` ends one, `\x` skips x.
  const closed = (from: number, open: string, close: string, level: number): boolean => {
    for (let j = from; j < glob.length; j++) {
      const c = glob[j];
      if (c === '\\') j++;
      else if (c === open) level++;
      else if (c === close && --level === 0) return true;
    }
    return false;
  };
  // `@(…)`, `*(…)`, `+(…)`, `?(…)`, or undefined (literal) when the `(` has no `)`.
  // `open`: where the `(` is, from `i` (1 after an extglob's sign, 0 for a plain group).
  const extglob = (kind: string, open = 1): string | undefined => {
    if (!closed(i + open, '(', ')', 0)) return undefined;
    if (kind === '!') throw new GlobError('`!(…)` (anything but) is not supported: list the paths in `exclude` instead');
    if (++depth > maxDepth) throw new GlobError(`groups nest more than ${maxDepth} deep`);
    i += open + 1;
    const alternatives = [seq('|)', false)];
    while (glob[i] === '|') {
      i++;
      alternatives.push(seq('|)', false));
    }
    i++; // the `)`
    depth--;
    const quantifier = kind === '@' ? '' : kind;
    return `(?:${alternatives.join('|')})${quantifier}`;
  };
  if (glob.length > maxGlobLength) throw new GlobError(`it is longer than ${maxGlobLength} characters`);
  // `**/**` is `**`.
  glob = glob.replace(/(^|\/)\*\*(?:\/\*\*)+(?=\/|$)/g, '$1**');
  let out = seq('', false);
  // A stray `,`, `}`, `|` or `)` at the top level is a literal (seq stops only inside a group).
  while (i < glob.length) {
    out += escapeRegExp(glob[i++]) + seq('', false);
  }
  if (out.length > maxSourceLength) throw new GlobError(`it is too large to match (more than ${maxSourceLength} characters as an expression)`);
  return out;
}

/** One policy path glob, `!` negation and `./` prefix taken off. */
function policyGlobParts(glob: string): { negated: boolean; body: string } {
  let body = glob;
  let negated = false;
  while (body.startsWith('!') && !body.startsWith('!(')) {
    negated = !negated;
    body = body.slice(1);
  }
  while (body.startsWith('./')) body = body.slice(2);
  return { negated, body };
}

const policyGlobs = new Map<string, { source: string } | { problem: string }>();

/** One policy path glob as RE2 source, translated and compiled once; or why it cannot be used. */
function policyGlob(glob: string): { source: string } | { problem: string } {
  return cached(policyGlobs, glob, () => {
    try {
      const source = translatePath(policyGlobParts(glob).body, 'policy');
      RE2JS.compile(source);
      return { source };
    } catch (err) {
      return { problem: err instanceof GlobError ? err.message : `it cannot be compiled: ${(err as Error).message}` };
    }
  });
}

/** Why a policy path glob cannot be used, or undefined when it can: the text follows "'<glob>': ". */
export function globProblem(glob: string): string | undefined {
  const compiled = policyGlob(glob);
  return 'problem' in compiled ? compiled.problem : undefined;
}

const pathMatchers = new Map<string, Matcher>();

/**
 * Whether a `/`-separated relative path matches any of the globs (picomatch's syntax, dot files
 * included). A glob that starts with `!` matches the paths the rest does not match. A glob with a
 * problem (globProblem, reported where the policy is read) matches nothing.
 */
export function pathGlob(globs: readonly string[]): Matcher {
  return cached(pathMatchers, JSON.stringify(globs), () => {
    const positive: string[] = [];
    const negative: string[] = [];
    for (const glob of globs) {
      const { negated, body } = policyGlobParts(glob);
      const compiled = policyGlob(glob);
      if (!body || 'problem' in compiled) continue;
      (negated ? negative : positive).push(compiled.source);
      // As picomatch, a path that is the glob itself matches: `app/(auth)/page.tsx`, `src/foo (copy).c`.
      if (!negated && /[*?[\]{}()!@+\\]/.test(body)) positive.push([...body].map(escapeRegExp).join(''));
    }
    // `**` and `**/*` (the default `include`) match every path: no need to read it.
    const everything = positive.some((s) => s === '.*' || s === '(?:.*/)?[^/]*');
    // One expression for the rest: RE2 matches an alternation of many globs in one pass over the path.
    const any = everything ? () => true : positive.length ? linear(positive.map((s) => `(?:${s})`).join('|')) : never;
    if (!negative.length) return any;
    const tests = negative.map((s) => linear(s));
    return (path) => any(path) || tests.some((t) => !t(path));
  });
}

const editorconfigMatchers = new Map<string, Matcher>();

/**
 * A matcher for one `.editorconfig` section glob, over the path relative to that file's folder. A
 * glob with a `/` is anchored there; one without matches a file name at any depth (the EditorConfig
 * rule). A glob that cannot be used matches nothing.
 */
export function editorconfigGlob(section: string): Matcher {
  return cached(editorconfigMatchers, section, () => {
    // Matched against `/` and the path, as EditorConfig matches absolute paths: `**/a**b` must match `a/x/b`.
    const glob = section.includes('/') ? '/' + section.replace(/^\//, '') : `**/${section}`;
    let test: Matcher;
    try {
      test = linear(translatePath(glob, 'editorconfig'));
    } catch {
      return never;
    }
    return (rel) => test('/' + rel);
  });
}

const wildcards = new Map<string, Matcher>();

/**
 * A name matcher where `*` stands for any run of characters and everything else is literal, the
 * case ignored when asked: `GPL-*` over SPDX ids, `*Copilot*` over tool names. Not a path glob:
 * ids hold `+` and `(`, tool names `/`, and none of them is special here.
 */
export function wildcard(pattern: string, options: { ignoreCase?: boolean } = {}): Matcher {
  const key = (options.ignoreCase ? 'i' : '') + '\0' + pattern;
  return cached(wildcards, key, () =>
    linear(
      pattern
        .split('*')
        .map((s) => [...s].map(escapeRegExp).join(''))
        .join('.*'),
      options,
    ),
  );
}

// REUSE.toml `path` globbing, exactly as REUSE 3.3 defines it (spec: "REUSE.toml", key `path`):
//   `*`          anything except `/`;
//   `**`, `**/`  anything, `/` included (so `**/` may also match nothing, and `a/**/b` matches `a/b`);
//   `\*`         a literal asterisk, `\\` a literal backslash, `\x` the character x.
// The escapes are on the parsed TOML string, so in a TOML basic string they are written `"\\*"` and
// `"\\\\"`. The pattern matches the whole path relative to the REUSE.toml's folder, `/`-separated.
// There is nothing else: no `?`, no braces, no classes, no special dotfiles; `.hidden` is matched by `*`.
// picomatch has other semantics, hence this small translator.

/** The RE2 expression for one REUSE.toml path glob. */
function reuseGlobSource(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      // A lone trailing backslash escapes nothing; reuse-tool drops it, and so do we.
      if (next !== undefined) out += escapeRegExp(next);
      i += 2;
      continue;
    }
    if (ch === '*') {
      let j = i;
      while (pattern[j] === '*') j++;
      if (j - i >= 2) {
        // `**` and `**/` are the same thing: anything, including nothing and slashes.
        out += '.*';
        while (pattern[j] === '/') j++;
      } else {
        out += '[^/]*';
      }
      i = j;
      continue;
    }
    out += escapeRegExp(ch);
    i++;
  }
  return out;
}

/** A matcher for one REUSE.toml path glob; `relPath` is relative to the REUSE.toml's folder. */
export function reuseGlob(pattern: string): Matcher {
  // No separator rewriting: on POSIX a backslash is a legal file-name character, which `\\` matches.
  return linear(reuseGlobSource(pattern));
}

// `.reuse/dep5` `Files:` globs (Debian copyright format 1.0): `*` anything, `/` included, `?` one
// character; `\*`, `\?` and `\\` the literal characters, and no other escape.

/** The RE2 expression for one dep5 glob, or an error for a bad escape. */
export function dep5GlobSource(glob: string): { source: string; error?: string } {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '\\') {
      const next = glob[i + 1];
      if (next === undefined) return { source: '', error: 'a dep5 path cannot end with a single backslash' };
      if (next !== '*' && next !== '?' && next !== '\\')
        return { source: '', error: `"\\${next}" is not a valid escape in a dep5 path (only \\*, \\? and \\\\ are)` };
      out += escapeRegExp(next);
      i++;
    } else out += escapeRegExp(ch);
  }
  return { source: out };
}

export function dep5Glob(glob: string): Matcher {
  const { source, error } = dep5GlobSource(glob);
  return error ? never : linear(source);
}
