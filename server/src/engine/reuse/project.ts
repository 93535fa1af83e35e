// Findings about the project's REUSE metadata rather than about one file: broken REUSE.toml or
// dep5, license texts in LICENSES/ that nothing uses (or that are deprecated, or not SPDX ids),
// and licenses that a REUSE.toml or dep5 entry uses with no text. `ospo check --reuse` and the
// workspace scan report them on the metadata files themselves, with lines.

import type { Finding } from '../findings';
import { message } from '../messages';
import { range } from '../text';
import type { Dep5 } from './dep5';
import { licenseFileProblems, licenseIdsIn, licenseTextFor, missingLicenseTexts } from './license-texts';
import type { ReuseToml, TomlProblem } from './reuse-toml';

export interface ReuseProject {
  tomls: ReuseToml[];
  dep5?: Dep5;
  licenseFiles: readonly string[];
  problems: { file: string; problem: TomlProblem }[];
}

export interface ProjectFinding { file: string; finding: Finding }

/** `used`: the license ids that files use in their own headers and sidecars. */
export function projectFindings(project: ReuseProject, used: ReadonlySet<string>): ProjectFinding[] {
  const out: ProjectFinding[] = [];
  for (const { file, problem } of project.problems) {
    out.push({ file, finding: { rule: 'reuse-invalid', severity: problem.severity ?? 'error', range: range(problem.line, problem.character, problem.character), message: message('reuse-invalid', { detail: problem.message }) } });
  }
  const all = new Set(used);
  const missingAt = (file: string, line: number, expression: string) => {
    const ids = licenseIdsIn(expression);
    for (const id of ids) all.add(id);
    for (const id of missingLicenseTexts(new Set(ids), project.licenseFiles)) {
      out.push({ file, finding: { rule: 'license-text-missing', severity: 'warning', range: range(line, 0, 0), message: message('license-text-missing', { id }), fix: licenseTextFor(id) ? { kind: 'create-license-text', id } : undefined } });
    }
  };
  for (const toml of project.tomls) {
    for (const a of toml.annotations) for (const l of a.licenses) missingAt(toml.file, a.keyLines.licenses ?? a.line, l);
  }
  for (const p of project.dep5?.paragraphs ?? []) if (p.license) missingAt(project.dep5!.file, p.license.line, p.license.value);
  for (const problem of licenseFileProblems(project.licenseFiles, all)) {
    out.push({ file: `LICENSES/${problem.file}`, finding: { rule: 'license-text-unused', severity: 'warning', range: range(0, 0, 0), message: message('license-text-unused', { detail: problem.message }) } });
  }
  return out;
}
