// Reads a copyright notice's value: its years and its holder, with offsets into the value so
// fixes can rewrite exactly the year or the holder and leave the rest of the line alone.

import { compilePolicyRegex } from './policy/safe-regex';

export interface Notice {
  /** Every year written, in order (ranges give both ends). */
  years: number[];
  /** The span of the year part within the value, or undefined when there is none. */
  yearSpan?: [number, number];
  /** Years as a list ("2019, 2021") rather than one year or one range. */
  isList: boolean;
  holder: string;
  holderSpan: [number, number];
}

// A hyphen or an en dash (\u2013, escaped: a bundle stays one-byte text, test/cli/package.test.ts) between years.
const yearPart = /^(\d{4}(?:\s*[-\u2013]\s*(?:\d{4}|present))?(?:\s*,\s*\d{4}(?:\s*[-\u2013]\s*(?:\d{4}|present))?)*)/i;

export function parseNotice(value: string): Notice {
  let rest = value;
  let offset = 0;
  // "Copyright (c) 2020 X", "© 2020 X": a (c) or © may remain in the value.
  const lead = /^(?:\([cC]\)|©)\s*/.exec(rest);
  if (lead) {
    offset += lead[0].length;
    rest = rest.slice(lead[0].length);
  }
  const m = yearPart.exec(rest);
  let yearSpan: [number, number] | undefined;
  let years: number[] = [];
  let isList = false;
  if (m) {
    yearSpan = [offset, offset + m[1].length];
    years = (m[1].match(/\d{4}/g) ?? []).map(Number);
    isList = m[1].includes(',');
    const after = rest.slice(m[1].length);
    const gap = /^[\s,]*/.exec(after)![0].length;
    offset += m[1].length + gap;
    rest = after.slice(gap);
  }
  // The holder ends before an email address, "All rights reserved" or a final period.
  let end = rest.length;
  const cut = /\s*(<[^>]*>.*|\(?[Aa]ll [Rr]ights [Rr]eserved.*|\.\s*)$/.exec(rest);
  if (cut) end = cut.index;
  while (end > 0 && /[\s.,;]/.test(rest[end - 1])) end--;
  return { years, yearSpan, isList, holder: rest.slice(0, end), holderSpan: [offset, offset + end] };
}

/** Whether the holder matches the policy's regex in full (in linear time: see policy/safe-regex.ts). */
export function holderMatches(holder: string, pattern: string): boolean {
  return compilePolicyRegex(pattern, 'whole').test(holder);
}

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(inc|ltd|llc|gmbh|corp|corporation|co)\b/g, '')
    .trim();

/** A notice that names our organisation, but not in the policy's exact form ("example corp.", "Example Corp Inc"). */
export function looksLikeOurs(holder: string, literal: string | undefined): boolean {
  if (!literal) return false;
  const a = normal(holder);
  const b = normal(literal);
  return !!a && !!b && (a.includes(b) || b.includes(a));
}
