// License texts and the LICENSES/ folder (REUSE 3.3, "License Files"):
// - every license and exception used by a Covered File needs `LICENSES/<id>.<ext>`;
// - the name is the SPDX id (or `LicenseRef-…`) followed by an extension;
// - no license text that nothing uses, and nothing else in LICENSES/.
// reuse-tool's reading, followed here: `<id>+` (or-later) is satisfied by `LICENSES/<id>.txt` and
// keeps it from being unused; a `.license` file in LICENSES/ is a sidecar, not a license; a name
// that is an id without an extension (`LICENSES/MIT`) still provides the text but is reported.

import { parseExpression } from '../spdx/expression';
import { isDeprecated, isDeprecatedException, isExceptionId, isLicenseId, isLicenseRef } from '../spdx/ids';

import type { FixData } from '../findings';
import licensesWithText = require('spdx-license-list/simple');

/**
 * Whether the extension ships the SPDX list's text of a license, so a fix can create its file. The
 * texts themselves are a few MB: io/license-texts.ts reads them from a data file when a fix writes one.
 * The id set comes from the package the texts come from, so the two always agree.
 */
export const hasLicenseText = (id: string): boolean => licensesWithText.has(id);

/** The fix of a missing license text: create `LICENSES/<id>.txt`, when the extension has the text. */
export function licenseTextFix(id: string): FixData | undefined {
  return hasLicenseText(id) ? { kind: 'create-license-text', id } : undefined;
}

/** The ids an SPDX expression uses, exceptions and LicenseRef-* included, each once, in order (`+` kept). */
export function licenseIdsIn(expression: string): string[] {
  return [...new Set(parseExpression(expression).ids)];
}

/** On the SPDX license list or the exception list (current or deprecated), or a LicenseRef. */
export function isKnownId(id: string): boolean {
  return isLicenseId(id) || isExceptionId(id) || isLicenseRef(id);
}

/** A deprecated license or exception id, as reuse-tool reports a license text named after one. */
export function isDeprecatedId(id: string): boolean {
  return (isLicenseId(id) && isDeprecated(id)) || isDeprecatedException(id);
}

export interface LicenseFileProblem {
  file: string;
  kind: 'unused' | 'deprecated' | 'not-spdx' | 'no-extension' | 'duplicate';
  message: string;
}

export interface LicenseFile {
  /** As given (relative to LICENSES/). */
  file: string;
  /** The id it provides. */
  id: string;
  hasExtension: boolean;
  known: boolean;
}

function baseName(file: string): string {
  const norm = file.replace(/\\/g, '/');
  return norm.slice(norm.lastIndexOf('/') + 1);
}

/**
 * The id a LICENSES/ file provides: its name without the last extension, when that is an SPDX id or
 * a LicenseRef; else the whole name when that is one (no extension; `GPL-3.0` has none either);
 * else the name without its extension (not an SPDX id). Undefined for `.license` sidecars.
 */
export function licenseFileId(file: string): LicenseFile | undefined {
  const name = baseName(file);
  if (name.endsWith('.license') || name === '') return undefined;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  if (dot > 0 && isKnownId(stem)) return { file, id: stem, hasExtension: true, known: true };
  if (isKnownId(name)) return { file, id: name, hasExtension: false, known: true };
  return { file, id: stem, hasExtension: dot > 0, known: false };
}

// Per LICENSES/ listing, computed once: a scan asks for every license tag of every file.
const providedBy = new WeakMap<readonly string[], Map<string, string>>();

function provided(licenseFiles: readonly string[]): Map<string, string> {
  const cached = providedBy.get(licenseFiles);
  if (cached) return cached;
  const byId = new Map<string, string>();
  providedBy.set(licenseFiles, byId);
  for (const f of licenseFiles) {
    const lf = licenseFileId(f);
    if (lf && !byId.has(lf.id)) byId.set(lf.id, f);
  }
  return byId;
}

/**
 * Problems with the files in LICENSES/ (names relative to LICENSES/), given the ids used by the
 * Covered Files (as licenseIdsIn gives them, `+` kept).
 */
export function licenseFileProblems(licenseFiles: readonly string[], used: ReadonlySet<string>): LicenseFileProblem[] {
  const problems: LicenseFileProblem[] = [];
  const seen = new Map<string, string>();
  const usedBare = new Set<string>();
  for (const u of used) usedBare.add(u.endsWith('+') ? u.slice(0, -1) : u);
  for (const file of licenseFiles) {
    const lf = licenseFileId(file);
    if (!lf) continue;
    const first = seen.get(lf.id);
    if (first !== undefined) {
      problems.push({ file, kind: 'duplicate', message: `${lf.id} already has a license text, ${first}: keep one` });
      continue;
    }
    seen.set(lf.id, file);
    if (!lf.known) {
      problems.push({
        file,
        kind: 'not-spdx',
        message: `"${lf.id}" is neither an SPDX license id nor LicenseRef-…: name the file after the license's SPDX id, with an extension`,
      });
    } else if (!lf.hasExtension) {
      problems.push({ file, kind: 'no-extension', message: `${lf.id} has no file extension: name it ${lf.id}.txt` });
    }
    if (lf.known && isDeprecatedId(lf.id)) {
      problems.push({ file, kind: 'deprecated', message: `${lf.id} is a deprecated SPDX license id` });
    }
    if (!usedBare.has(lf.id)) {
      problems.push({ file, kind: 'unused', message: `No file is licensed under ${lf.id}: remove the license text` });
    }
  }
  return problems;
}

/** Ids used (`+` kept) that have no text in LICENSES/; `X+` is satisfied by the text of `X`. */
export function missingLicenseTexts(used: ReadonlySet<string>, licenseFiles: readonly string[]): string[] {
  const have = provided(licenseFiles);
  const missing: string[] = [];
  for (const id of used) {
    if (have.has(id)) continue;
    if (id.endsWith('+') && have.has(id.slice(0, -1))) continue;
    missing.push(id);
  }
  return missing.sort();
}
