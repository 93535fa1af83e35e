// The effective licensing of one file under REUSE 3.3 ("Order of precedence", "REUSE.toml" →
// `precedence`), with the place each value comes from.
//
// The rules, as implemented:
// - A `.license` sidecar replaces the file's own comments: the caller passes the sidecar's
//   licensing as `own` when there is one (see licensingFromTags).
// - Within one REUSE.toml, only the LAST table whose `path` matches the file is used.
// - Every REUSE.toml in the file's folder or above is considered, from the root down:
//   - `override`: only the table's information (plus aggregate tables of REUSE.toml files above it);
//     the file's own information and every REUSE.toml below it are ignored. The one closest to the
//     root wins: below it nothing is read.
//   - `aggregate`: the table's information is always added; then the closest logic applies.
//   - `closest` (default): the file's own information if present, else the table's, decided separately
//     for copyright and for licensing; among several REUSE.toml files, the deepest one that has that
//     kind of information. An `override` anywhere in the chain switches `closest` off (the spec: "If a
//     table for the same File in a closer REUSE.toml file has the override precedence, then that
//     precedence is applied, and closest is ignored").
// - `.reuse/dep5` is aggregated with the file's information (REUSE 3.3 "Order of precedence"); it
//   is not allowed together with REUSE.toml (the loader reports that), and is simply aggregated if
//   both exist.

import { Tag } from '../header';
import { Dep5, dep5ParagraphFor } from './dep5';
import { lastMatchingAnnotation, Precedence, ReuseToml, Annotation } from './reuse-toml';

export interface LicensingSource {
  kind: 'header' | 'sidecar' | 'reuse-toml' | 'dep5';
  /** Path relative to the root of the file that holds it. */
  file: string;
  /** 0-based. */
  line: number;
  precedence?: Precedence;
}

export interface LicensingValue {
  value: string;
  source: LicensingSource;
  /** A copyright notice as the file writes it, prefix and all (`Copyright (c) 2020 Jane`): what an SBOM quotes. */
  notice?: string;
}

/** A copyright tag as written: its key (`SPDX-FileCopyrightText:`, `Copyright (c)`, `©`) and its value. */
export function noticeAsWritten(t: Pick<Tag, 'key' | 'value'>): string {
  const value = t.value.trim();
  if (t.key.startsWith('SPDX-')) return `${t.key}: ${value}`;
  return value.startsWith(':') ? t.key + value : `${t.key} ${value}`;
}

export interface EffectiveLicensing {
  licenses: LicensingValue[];
  copyrights: LicensingValue[];
}

export interface ReuseContext {
  tomls: ReuseToml[];
  dep5?: Dep5;
}

export const noLicensing: EffectiveLicensing = Object.freeze({ licenses: [], copyrights: [] }) as EffectiveLicensing;

/**
 * A file's own licensing from its header tags (or its sidecar's): `file` is the root-relative path
 * of the file holding the tags (the sidecar itself for kind `sidecar`). Copyright values are the
 * notices without their prefix (`SPDX-FileCopyrightText:`, `Copyright`, `©`).
 */
export function licensingFromTags(
  tags: { licenses: readonly Tag[]; copyrights: readonly Tag[] },
  file: string,
  kind: 'header' | 'sidecar',
): EffectiveLicensing {
  const at = (t: Tag): LicensingSource => ({ kind, file, line: t.line });
  return {
    licenses: tags.licenses.filter((t) => t.value.trim()).map((t) => ({ value: t.value.trim(), source: at(t) })),
    copyrights: tags.copyrights.filter((t) => t.value.trim()).map((t) => ({ value: t.value.trim(), source: at(t), notice: noticeAsWritten(t) })),
  };
}

/** The REUSE.toml files whose folder holds `rel`, from the root down. */
export function tomlsCovering(rel: string, tomls: readonly ReuseToml[]): ReuseToml[] {
  return tomls.filter((t) => t.dir === '' || rel.startsWith(t.dir + '/')).sort((a, b) => depth(a.dir) - depth(b.dir));
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}

export interface TomlHit {
  toml: ReuseToml;
  annotation: Annotation;
}

/**
 * The tables that apply to `rel`, from the root down: per REUSE.toml its last matching table; the
 * walk stops at the first `override` (the one closest to the root is authoritative).
 */
export function applicableTables(rel: string, tomls: readonly ReuseToml[]): TomlHit[] {
  const hits: TomlHit[] = [];
  for (const toml of tomlsCovering(rel, tomls)) {
    const local = toml.dir === '' ? rel : rel.slice(toml.dir.length + 1);
    const annotation = lastMatchingAnnotation(toml, local);
    if (!annotation) continue;
    hits.push({ toml, annotation });
    if (annotation.precedence === 'override') break;
  }
  return hits;
}

function fromTable(hit: TomlHit, what: 'licenses' | 'copyrights'): LicensingValue[] {
  const { toml, annotation } = hit;
  const line = (what === 'licenses' ? annotation.keyLines.licenses : annotation.keyLines.copyrights) ?? annotation.line;
  return annotation[what].map((value) => ({ value, source: { kind: 'reuse-toml', file: toml.file, line, precedence: annotation.precedence } }));
}

/**
 * The licensing of `rel` (root-relative, `/`-separated) under REUSE 3.3: `own` is what the file says
 * itself (its header, or its `.license` sidecar, which replaces the header), `ctx` the REUSE.toml
 * files and the dep5 file of the project.
 */
export function effectiveLicensing(rel: string, own: EffectiveLicensing, ctx: ReuseContext): EffectiveLicensing {
  const path = rel.replace(/\\/g, '/').replace(/^\.\//, '');
  const hits = applicableTables(path, ctx.tomls);
  const overridden = hits.some((h) => h.annotation.precedence === 'override');
  const licenses: LicensingValue[] = [];
  const copyrights: LicensingValue[] = [];

  // override and aggregate tables always contribute, from the root down.
  for (const hit of hits) {
    if (hit.annotation.precedence === 'closest') continue;
    licenses.push(...fromTable(hit, 'licenses'));
    copyrights.push(...fromTable(hit, 'copyrights'));
  }

  if (ctx.dep5) {
    const paragraph = dep5ParagraphFor(ctx.dep5, path);
    if (paragraph) {
      const source = (line: number): LicensingSource => ({ kind: 'dep5', file: ctx.dep5!.file, line, precedence: 'aggregate' });
      if (paragraph.license) licenses.push({ value: paragraph.license.value, source: source(paragraph.license.line) });
      for (const c of paragraph.copyrights) copyrights.push({ value: c.value, source: source(c.line) });
    }
  }

  if (!overridden) {
    licenses.push(...own.licenses);
    copyrights.push(...own.copyrights);
    // closest: a fallback, separately for copyright and for licensing, from the deepest REUSE.toml
    // whose (last matching) closest table has that kind of information.
    const closest = hits.filter((h) => h.annotation.precedence === 'closest').reverse();
    if (own.licenses.length === 0) {
      const hit = closest.find((h) => h.annotation.licenses.length > 0);
      if (hit) licenses.push(...fromTable(hit, 'licenses'));
    }
    if (own.copyrights.length === 0) {
      const hit = closest.find((h) => h.annotation.copyrights.length > 0);
      if (hit) copyrights.push(...fromTable(hit, 'copyrights'));
    }
  }
  return { licenses, copyrights };
}

/** Whether the file's own header (or sidecar) is read at all: not when an override table covers it. */
export function ownLicensingIgnored(rel: string, ctx: ReuseContext): boolean {
  return applicableTables(rel.replace(/\\/g, '/'), ctx.tomls).some((h) => h.annotation.precedence === 'override');
}
