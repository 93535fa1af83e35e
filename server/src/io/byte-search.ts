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
  const short = needles.filter((n) => Buffer.byteLength(n) < sharedMinLength);
  const long = needles.filter((n) => Buffer.byteLength(n) >= sharedMinLength).map((n) => Buffer.from(n));
  const shared = long.length ? wuManber(long) : undefined;
  return (bytes, from) => short.some((n) => bytes.indexOf(n, from) >= 0) || (shared?.(bytes, from) ?? false);
}

function wuManber(patterns: Buffer[]): ByteSearch {
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
        if (k === p.length) return true;
      }
      i++;
    }
    return false;
  };
}
