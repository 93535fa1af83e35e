// What SPDX names in place of a deprecated license id: the spdx-deprecated rule's fixes and the hover text.

/**
 * From the `obsoletedBy` elements and notes of the SPDX License List XML (github.com/spdx/license-list-XML,
 * src/<id>.xml). `exact`: SPDX names this one expression as the same license, so fix-all may write it
 * (`orLater` for the id written with `+`). `candidates`: SPDX names no single equivalent; the quick fixes
 * offer these, and which one the file means is its author's call: a license claim is never rewritten unasked.
 * GPL, LGPL, AGPL and GFDL `X.Y` are in `successorOf` (obsoletedBy `X.Y-only`, and `X.Y-or-later` for `X.Y+`).
 * Net-SNMP has none: it stood for a stack of licenses, each to be named in an expression (notes).
 */
type Successors = { exact: string; orLater?: string } | { candidates: readonly string[] };
const successors: Record<string, Successors> = {
  // Notes: deprecated "because BSD-2-Clause-Views has been added, as a more generalized version; and
  // because FreeBSD project community members have indicated that the final sentence is not part of
  // that project's code license". No obsoletedBy: the text with its "views" sentence is
  // BSD-2-Clause-Views, without it BSD-2-Clause.
  'BSD-2-Clause-FreeBSD': { candidates: ['BSD-2-Clause-Views', 'BSD-2-Clause'] },
  // obsoletedBy BSD-2-Clause; notes: "it is a match to BSD-2-Clause".
  'BSD-2-Clause-NetBSD': { exact: 'BSD-2-Clause' },
  // obsoletedBy "GPL-2.0 WITH <exception>" (GPL-2.0 is GPL-2.0-only) and, for `<id>+`,
  // "GPL-2.0-or-later WITH <exception>"; likewise for GPL-3.0.
  'GPL-2.0-with-GCC-exception': { exact: 'GPL-2.0-only WITH GCC-exception-2.0', orLater: 'GPL-2.0-or-later WITH GCC-exception-2.0' },
  'GPL-2.0-with-autoconf-exception': { exact: 'GPL-2.0-only WITH Autoconf-exception-2.0', orLater: 'GPL-2.0-or-later WITH Autoconf-exception-2.0' },
  'GPL-2.0-with-bison-exception': { exact: 'GPL-2.0-only WITH Bison-exception-2.2', orLater: 'GPL-2.0-or-later WITH Bison-exception-2.2' },
  'GPL-2.0-with-classpath-exception': { exact: 'GPL-2.0-only WITH Classpath-exception-2.0', orLater: 'GPL-2.0-or-later WITH Classpath-exception-2.0' },
  // SPDX writes the `+` form as "GPL-2.0-or-later+ WITH Font-exception-2.0", a slip for -or-later.
  'GPL-2.0-with-font-exception': { exact: 'GPL-2.0-only WITH Font-exception-2.0', orLater: 'GPL-2.0-or-later WITH Font-exception-2.0' },
  'GPL-3.0-with-GCC-exception': { exact: 'GPL-3.0-only WITH GCC-exception-3.1', orLater: 'GPL-3.0-or-later WITH GCC-exception-3.1' },
  'GPL-3.0-with-autoconf-exception': { exact: 'GPL-3.0-only WITH Autoconf-exception-3.0', orLater: 'GPL-3.0-or-later WITH Autoconf-exception-3.0' },
  // obsoletedBy SMLNJ; notes: "Duplicate license".
  'StandardML-NJ': { exact: 'SMLNJ' },
  // No obsoletedBy; notes: deprecated "in favor of bzip2-1.0.6, which is now equivalent".
  'bzip2-1.0.5': { exact: 'bzip2-1.0.6' },
  // obsoletedBy; the eCos-2.0 text itself says GPL "version 2 or (at your option) any later version".
  'eCos-2.0': { exact: 'GPL-2.0-or-later WITH eCos-exception-2.0' },
  // obsoletedBy "GPL-2.0-or-later WITH WxWindows-exception-3.1", but the deprecated id's text is the
  // exception notice alone, and SPDX's own note on the exception says "Typically used with
  // GPL-2.0-only or GPL-2.0-or-later": the base license is not known from the id.
  wxWindows: { candidates: ['GPL-2.0-or-later WITH WxWindows-exception-3.1'] },
  // obsoletedBy zlib-acknowledgement.
  Nunit: { exact: 'zlib-acknowledgement' },
};

const gnuVersioned = /^(A|L)?GPL-\d\.\d$|^GFDL-\d\.\d$/;
const simpleId = /^[A-Za-z0-9.-]+$/;

function entryOf(id: string): Successors | undefined {
  return Object.prototype.hasOwnProperty.call(successors, id) ? successors[id] : undefined;
}

/**
 * The one expression SPDX names as the same license as a deprecated id as written (a trailing `+`
 * for "or later"), safe to put in its place; undefined when SPDX names none or several.
 */
export function successorOf(written: string): string | undefined {
  const plus = written.endsWith('+');
  const id = plus ? written.slice(0, -1) : written;
  if (gnuVersioned.test(id)) return `${id}-${plus ? 'or-later' : 'only'}`;
  const entry = entryOf(id);
  if (!entry || !('exact' in entry)) return undefined;
  if (!plus) return entry.exact;
  // "X+" of a plain id is "successor+"; of an id that becomes an expression, only what SPDX names.
  return entry.orLater ?? (simpleId.test(entry.exact) ? `${entry.exact}+` : undefined);
}

/** What SPDX names for a deprecated id when there is no one exact successor: for a person to choose from. */
export function successorCandidates(written: string): readonly string[] {
  const plus = written.endsWith('+');
  const id = plus ? written.slice(0, -1) : written;
  const entry = entryOf(id);
  if (!entry || !('candidates' in entry)) return [];
  return plus ? entry.candidates.filter((c) => simpleId.test(c)).map((c) => `${c}+`) : entry.candidates;
}
