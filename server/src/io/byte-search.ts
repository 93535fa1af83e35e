// Whether a file's bytes hold any of several strings: a scan asks this of nearly every file
// (scan/check-file.ts), and one Buffer.indexOf per string cost three times as much on the Linux
// sources. Short strings ('SPDX-', 'AI-') go to Buffer.indexOf, which jumps from one occurrence of
// their first byte to the next at memchr speed; the longer ones share one Wu-Manber pass, which looks
// at one pair of bytes per step and skips up to the shortest string's length less one when the pair
// is in none of them. Not a library: npm's multi-string searchers (ahocorasick, modern-ahocorasick,
// @monyone/aho-corasick) search JS strings, so the file would have to be decoded first, which is the
// cost this module exists to avoid, and Aho-Corasick looks at every byte where this skips.

/** Strings shorter than this are searched one by one with Buffer.indexOf: they would make the shared pass's skips short. */
const sharedMinLength = 6;

export type ByteSearch = (bytes: Buffer, from: number) => boolean;

export function byteSearch(needles: readonly string[]): ByteSearch {
  const { short, shared } = searchers(needles);
  return (bytes, from) => short.some((n) => bytes.indexOf(n, from) >= 0) || (shared ? shared(bytes, from) >= 0 : false);
}

/**
 * Whether bytes hold a line that holds one of `needles` and that `accept` takes. The byte search finds
 * the lines; only those are decoded (UTF-8, without their line break) and passed to `accept`. `from`
 * must be the start of a line.
 */
export function lineSearch(needles: readonly string[], accept: (line: string) => boolean): ByteSearch {
  const { short, shared } = searchers(needles);
  return (bytes, from) => {
    // Where each search next finds its strings (-1: nowhere further, -2: not sought yet): each is
    // sought once per file, not once per line it skips.
    const next = short.map(() => -2);
    let sharedNext = shared ? -2 : -1;
    while (from < bytes.length) {
      let at = -1;
      for (let k = 0; k < short.length; k++) {
        if (next[k] !== -1 && next[k] < from) next[k] = bytes.indexOf(short[k], from);
        if (next[k] >= 0 && (at < 0 || next[k] < at)) at = next[k];
      }
      if (sharedNext !== -1 && sharedNext < from) sharedNext = shared!(bytes, from);
      if (sharedNext >= 0 && (at < 0 || sharedNext < at)) at = sharedNext;
      if (at < 0) return false;
      const start = bytes.lastIndexOf(10, at) + 1;
      let end = bytes.indexOf(10, at);
      if (end < 0) end = bytes.length;
      if (accept(bytes.toString('utf8', start, end > start && bytes[end - 1] === 13 ? end - 1 : end))) return true;
      from = end + 1;
    }
    return false;
  };
}

/** The short strings, each for Buffer.indexOf, and one pass for the long ones: where the first of them starts, or -1. */
function searchers(needles: readonly string[]): { short: string[]; shared?: (bytes: Buffer, from: number) => number } {
  const short = needles.filter((n) => Buffer.byteLength(n) < sharedMinLength);
  const long = needles.filter((n) => Buffer.byteLength(n) >= sharedMinLength).map((n) => Buffer.from(n));
  return { short, shared: long.length ? wuManber(long) : undefined };
}

function wuManber(patterns: Buffer[]): (bytes: Buffer, from: number) => number {
  // Only the first m bytes of each pattern take part in the skips; a candidate is then checked whole.
  const m = Math.min(...patterns.map((p) => p.length));
  // How far the window may move when it ends in a pair: m - 1 when the pair is in no pattern's first m bytes.
  const shift = new Uint8Array(65536).fill(m - 1);
  const byLastPair = new Map<number, Buffer[]>();
  for (const p of patterns) {
    for (let q = 1; q < m; q++) {
      const pair = (p[q - 1] << 8) | p[q];
      shift[pair] = Math.min(shift[pair], m - 1 - q);
    }
    const last = (p[m - 2] << 8) | p[m - 1];
    byLastPair.set(last, [...(byLastPair.get(last) ?? []), p]);
  }
  return (bytes, from) => {
    const n = bytes.length;
    for (let i = from + m - 1; i < n;) {
      const pair = (bytes[i - 1] << 8) | bytes[i];
      const s = shift[pair];
      if (s !== 0) {
        i += s;
        continue;
      }
      const start = i - m + 1;
      for (const p of byLastPair.get(pair)!) {
        if (start + p.length > n) continue;
        let k = 0;
        while (k < p.length && bytes[start + k] === p[k]) k++;
        if (k === p.length) return start;
      }
      i++;
    }
    return -1;
  };
}
