// Findings about the project's REUSE metadata rather than about one file: broken REUSE.toml or
// dep5, license texts in LICENSES/ that nothing uses (or that are deprecated, or not SPDX ids),
// licenses that a REUSE.toml or dep5 entry gives some file with no text, and entries that apply to
// no file at all. `ospo check --reuse` and the workspace scan report them on the metadata files
// themselves, with lines.
//
// "Used" follows reuse-tool 6.2 (report.py, `unused_licenses`): a license is used when the
// licensing of some Covered File has it, as REUSE 3.3's order of precedence makes it: the file's own
// tags (anywhere in it, snippets included, or its sidecar's) and the REUSE.toml tables and dep5
// paragraph that reach it. A table whose files all carry their own license (`closest`), or whose
// path matches nothing, licenses no file: its licenses need no text.

import type { Finding } from '../findings';
import { meta as licenseTextMissing } from '../rules/license-text-missing';
import { meta as licenseTextUnused } from '../rules/license-text-unused';
import { meta as reuseInvalid } from '../rules/reuse-invalid';
import { finding } from '../rules/rule';
import { range } from '../text';
import type { Dep5, Dep5Paragraph } from './dep5';
import { dep5ParagraphFor } from './dep5';
import { licenseFileProblems, licenseIdsIn, licenseTextFix, missingLicenseTexts } from './license-texts';
import { applicableTables, effectiveLicensing, LicensingValue } from './licensing';
import type { Annotation, ReuseToml, TomlProblem } from './reuse-toml';

export interface ReuseProject {
  tomls: ReuseToml[];
  dep5?: Dep5;
  licenseFiles: readonly string[];
  problems: { file: string; problem: TomlProblem }[];
}

export interface ProjectFinding {
  file: string;
  finding: Finding;
}

/** A Covered File and the license ids of its own licensing (tags anywhere in it, snippets, or its sidecar). */
export interface FileLicenses {
  rel: string;
  ids: readonly string[];
}

/** What the Covered Files use of the project's licenses and metadata. */
export interface ReuseUse {
  /** License ids in the effective licensing of some file (`+` kept). */
  ids: Set<string>;
  /** `file:line` of each REUSE.toml or dep5 license value that some file's licensing takes. */
  applied: Set<string>;
  /** The REUSE.toml tables and dep5 paragraphs that apply to some file (its path matches, and no later table takes it). */
  matched: Set<Annotation | Dep5Paragraph>;
}

const at = (file: string, line: number) => `${file}:${line}`;

/** Each file's licensing under REUSE 3.3 precedence, gathered: see ReuseUse. */
export function reuseUse(project: ReuseProject, files: Iterable<FileLicenses>): ReuseUse {
  const use: ReuseUse = { ids: new Set(), applied: new Set(), matched: new Set() };
  const metadata = project.tomls.length > 0 || !!project.dep5;
  for (const { rel, ids } of files) {
    if (!metadata) {
      for (const id of ids) use.ids.add(id);
      continue;
    }
    for (const hit of applicableTables(rel, project.tomls)) use.matched.add(hit.annotation);
    const paragraph = project.dep5 && dep5ParagraphFor(project.dep5, rel);
    if (paragraph) use.matched.add(paragraph);
    const own: LicensingValue[] = ids.map((value) => ({ value, source: { kind: 'header', file: rel, line: 0 } }));
    for (const l of effectiveLicensing(rel, { licenses: own, copyrights: [] }, project).licenses) {
      if (l.source.kind === 'reuse-toml' || l.source.kind === 'dep5') use.applied.add(at(l.source.file, l.source.line));
      for (const id of licenseIdsIn(l.value)) use.ids.add(id);
    }
  }
  return use;
}

/**
 * `use`: what the Covered Files use (reuseUse). `whole`: whether they are all of them, so that a
 * license text or a table nothing uses can be told (a partial scan leaves those out).
 */
/**
 * `ignored`: whether git ignores a path. An entry for files git ignores (build output such as
 * `*.egg-info/**`, generated docs) matches nothing in a checkout, and is right to be there.
 */
export function projectFindings(project: ReuseProject, use: ReuseUse, whole = true, ignored?: (rel: string) => boolean): ProjectFinding[] {
  const out: ProjectFinding[] = [];
  for (const { file, problem } of project.problems) {
    const at = range(problem.line, problem.character, problem.character);
    out.push({
      file,
      finding: finding(reuseInvalid, at, 'reuse-invalid', { detail: problem.message }, problem.severity ? { severity: problem.severity } : undefined),
    });
  }
  const missingAt = (file: string, line: number, expression: string) => {
    if (!use.applied.has(at(file, line))) return;
    for (const id of missingLicenseTexts(new Set(licenseIdsIn(expression)), project.licenseFiles)) {
      const fix = licenseTextFix(id);
      out.push({ file, finding: finding(licenseTextMissing, range(line, 0, 0), 'license-text-missing', { id }, { fix }) });
    }
  };
  const unmatched = (file: string, line: number, entry: Annotation | Dep5Paragraph, globs: readonly string[], dir: string) => {
    if (!whole || use.matched.has(entry)) return;
    if (ignored && globs.some((g) => ignored(sampleOf(dir, g)))) return;
    out.push({ file, finding: finding(reuseInvalid, range(line, 0, 0), 'reuse-annotation-unmatched', undefined, { severity: 'info' }) });
  };
  for (const toml of project.tomls) {
    for (const a of toml.annotations) {
      unmatched(toml.file, a.keyLines.path ?? a.line, a, a.paths, toml.dir);
      for (const l of a.licenses) missingAt(toml.file, a.keyLines.licenses ?? a.line, l);
    }
  }
  for (const p of project.dep5?.paragraphs ?? []) {
    unmatched(project.dep5!.file, p.line, p, p.files, '');
    if (p.license) missingAt(project.dep5!.file, p.license.line, p.license.value);
  }
  if (!whole) return out;
  for (const problem of licenseFileProblems(project.licenseFiles, use.ids)) {
    out.push({ file: `LICENSES/${problem.file}`, finding: finding(licenseTextUnused, range(0, 0, 0), 'license-text-unused', { detail: problem.message }) });
  }
  return out;
}

/** A path a glob matches, to ask git about: its wildcards filled in (`src/x.egg-info/**` → `src/x.egg-info/x`). */
function sampleOf(dir: string, glob: string): string {
  const path = glob
    .replace(/\\(.)/g, '$1')
    .replace(/\*\*\/?/g, 'x/')
    .replace(/[*?]/g, 'x')
    .replace(/\/+$/, '/x')
    .replace(/^\.?\//, '');
  return dir ? `${dir}/${path}` : path;
}
