// What an SBOM says of one source tree, whatever the format: its files, each with the licensing
// REUSE 3.3 gives it (header, `.license` sidecar, REUSE.toml, dep5, as engine/check.ts licensingOf
// finds it), and how the document was made. The CLI gathers it (cli/sbom.ts); the modules beside
// this one only write it out (docs/design/sbom.md). Pure: hashes and dates come in ready-made.

import type { LicensingValue } from '../engine/reuse/licensing';
import { isKnownId, licenseIdsIn } from '../engine/reuse/license-texts';
import { parseExpression } from '../engine/spdx/expression';

export interface SbomFile {
  /** Root-relative, `/`-separated. */
  path: string;
  sha1: string;
  sha256: string;
  /** The license expressions that apply, in REUSE's order of precedence, with where each is written. */
  licenses: LicensingValue[];
  /** The copyright notices that apply: their values, and for a notice read from a file, the notice as written. */
  copyrights: LicensingValue[];
}

export interface SbomTree {
  /** The tree's folder name: the document's and the root package's name. */
  name: string;
  tool: { name: string; version: string };
  /** When the document was made, `YYYY-MM-DDTHH:MM:SSZ` (SOURCE_DATE_EPOCH when set). */
  created: string;
  /** The commit checked out, when the tree is a git work tree. */
  commit?: string;
  /** Who supplies the tree, when the policy names a copyright holder. */
  supplier?: string;
  /** SHA-1 over the files' SHA-1s (SPDX 2.3 package verification code): the same tree gives the same value. */
  verificationCode: string;
  /** A hex digest of the tree's name, files, commit and creation time: names the document (SPDX namespace, CycloneDX serial number). */
  digest: string;
  files: SbomFile[];
  /** The texts of the LicenseRef-* licenses some file uses, from LICENSES/ (undefined: no text there). */
  licenseRefs: { id: string; text: string | undefined }[];
}

/** An expression a document may state as a license: it parses and every id in it is an SPDX id or a LicenseRef. */
export function isValidExpression(expression: string): boolean {
  const parsed = parseExpression(expression);
  // `GPL-2.0+` is the id `GPL-2.0` with SPDX's "or later" operator: the id is what must be known.
  return !parsed.error && parsed.ids.length > 0 && parsed.ids.every((id) => isKnownId(id.replace(/\+$/, '')));
}

/** A file's distinct valid license expressions, in order; the others are named in `invalid`. */
export function expressionsOf(file: SbomFile): { valid: string[]; invalid: string[] } {
  const all = [...new Set(file.licenses.map((l) => l.value))];
  return { valid: all.filter(isValidExpression), invalid: all.filter((e) => !isValidExpression(e)) };
}

/** The file's copyright notices, each once, one a line, written as REUSE writes them; undefined when there are none. */
export function copyrightText(file: SbomFile): string | undefined {
  // As the file writes it, as reuse-tool quotes it; a notice from REUSE.toml or dep5 is a bare value, given its tag.
  const notices = [...new Set(file.copyrights.map((c) => c.notice ?? `SPDX-FileCopyrightText: ${c.value}`))];
  return notices.length ? notices.join('\n') : undefined;
}

/** Every license expression of every file, and all LicenseRef-* ids among them, each once and sorted. */
export function treeLicenses(tree: SbomTree): { expressions: string[]; refs: string[] } {
  const expressions = [...new Set(tree.files.flatMap((f) => expressionsOf(f).valid))].sort();
  const refs = [...new Set(expressions.flatMap(licenseIdsIn).filter((id) => id.startsWith('LicenseRef-')))].sort();
  return { expressions, refs };
}

/** Expressions joined with AND (one expression for a whole package), each in parentheses when it has an operator of its own. */
export function conjunction(expressions: readonly string[]): string | undefined {
  if (expressions.length <= 1) return expressions[0];
  return expressions.map((e) => (/\s(AND|OR)\s/i.test(e) ? `(${e})` : e)).join(' AND ');
}

/** A UUID-shaped name from a hex digest, so that a document made twice from the same tree has the same one. */
export function uuidOf(hex: string): string {
  const h = hex.padEnd(32, '0');
  // Version 5 and the RFC 4122 variant, as a name-based UUID has them.
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The document's comment: what it covers and how, the same in every format. */
export function creationComment(tree: SbomTree): string {
  const at = tree.commit ? ` at git commit ${tree.commit}` : '';
  return `File-level licensing and copyright of ${tree.name}${at}, as REUSE 3.3 gives it (headers, .license files, REUSE.toml, .reuse/dep5).`;
}

/** Where a licensing value comes from, for a comment: `REUSE.toml line 4`, `src/a.c.license`. */
export function sourceOf(value: LicensingValue): string {
  const { kind, file, line } = value.source;
  return kind === 'header' || kind === 'sidecar' ? file : `${file} line ${line + 1}`;
}
