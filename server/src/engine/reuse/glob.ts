// REUSE.toml `path` globbing, exactly as REUSE 3.3 defines it (spec: "REUSE.toml", key `path`):
//   `*`          anything except `/`;
//   `**`, `**/`  anything, `/` included (so `**/` may also match nothing, and `a/**/b` matches `a/b`);
//   `\*`         a literal asterisk, `\\` a literal backslash, `\x` the character x.
// The escapes are on the parsed TOML string, so in a TOML basic string they are written `"\\*"` and
// `"\\\\"`. The pattern matches the whole path relative to the REUSE.toml's folder, `/`-separated.
// There is nothing else: no `?`, no braces, no classes, no special dotfiles; `.hidden` is matched by `*`.
// picomatch and friends have other semantics, hence this small translator.

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? '\\' + ch : ch;
}

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
