// Every glob of the product, one home per flavour, each compiled once:
// - path globs of the policy (`files.include`/`exclude`/`thirdParty`, `overrides[].paths`): picomatch;
// - `*`-wildcards over names (SPDX ids in the policy's license lists, AI tool names);
// - REUSE.toml `path` globs and `.reuse/dep5` `Files:` globs, each exactly as its spec defines it.

import picomatch from 'picomatch';

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

const pathMatchers = new Map<string, (path: string) => boolean>();

/** Whether a `/`-separated relative path matches any of the globs: picomatch, dotfiles included. */
export function pathGlob(globs: readonly string[]): (path: string) => boolean {
  return cached(pathMatchers, JSON.stringify(globs), () => picomatch([...globs], { dot: true }));
}

const wildcards = new Map<string, RegExp>();

/**
 * A name matcher where `*` stands for any run of characters and everything else is literal, the
 * case ignored when asked: `GPL-*` over SPDX ids, `*Copilot*` over tool names. Not a path glob:
 * ids hold `+` and `(`, tool names `/`, and none of them is special here.
 */
export function wildcard(pattern: string, options: { ignoreCase?: boolean } = {}): (name: string) => boolean {
  const flags = options.ignoreCase ? 'i' : '';
  const re = cached(
    wildcards,
    flags + '\0' + pattern,
    () =>
      new RegExp(
        '^' +
          pattern
            .split('*')
            .map((s) => s.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
            .join('.*') +
          '$',
        flags,
      ),
  );
  return (name) => re.test(name);
}

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}

// REUSE.toml `path` globbing, exactly as REUSE 3.3 defines it (spec: "REUSE.toml", key `path`):
//   `*`          anything except `/`;
//   `**`, `**/`  anything, `/` included (so `**/` may also match nothing, and `a/**/b` matches `a/b`);
//   `\*`         a literal asterisk, `\\` a literal backslash, `\x` the character x.
// The escapes are on the parsed TOML string, so in a TOML basic string they are written `"\\*"` and
// `"\\\\"`. The pattern matches the whole path relative to the REUSE.toml's folder, `/`-separated.
// There is nothing else: no `?`, no braces, no classes, no special dotfiles; `.hidden` is matched by `*`.
// picomatch has other semantics, hence this small translator.

/** The RegExp source (anchored) for one REUSE.toml path glob. */
export function reuseGlobSource(pattern: string): string {
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
  return `^(?:${out})$`;
}

/** A matcher for one REUSE.toml path glob; `relPath` is relative to the REUSE.toml's folder. */
export function reuseGlob(pattern: string): (relPath: string) => boolean {
  const re = new RegExp(reuseGlobSource(pattern), 's');
  // No separator rewriting: on POSIX a backslash is a legal file-name character, which `\\` matches.
  return (relPath: string) => re.test(relPath);
}

// `.reuse/dep5` `Files:` globs (Debian copyright format 1.0): `*` anything, `/` included, `?` one
// character; `\*`, `\?` and `\\` the literal characters, and no other escape.

/** The RegExp source for one dep5 glob, or an error for a bad escape. */
export function dep5GlobSource(glob: string): { source: string; error?: string } {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else if (ch === '\\') {
      const next = glob[i + 1];
      if (next === undefined) return { source: '^(?!)', error: 'a dep5 path cannot end with a single backslash' };
      if (next !== '*' && next !== '?' && next !== '\\')
        return { source: '^(?!)', error: `"\\${next}" is not a valid escape in a dep5 path (only \\*, \\? and \\\\ are)` };
      out += escapeRegExp(next);
      i++;
    } else out += escapeRegExp(ch);
  }
  return { source: `^(?:${out})$` };
}

export function dep5Glob(glob: string): (rel: string) => boolean {
  const re = new RegExp(dep5GlobSource(glob).source, 's');
  return (rel) => re.test(rel);
}
