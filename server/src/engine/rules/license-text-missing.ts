// license-text-missing: a license the file uses has no text in LICENSES/ (REUSE 3.3). Only in
// projects that follow REUSE (the caller passes their LICENSES/ file names).

import type { Finding } from '../findings';
import { expressionSyntaxError } from '../spdx/expression';
import { licenseIdsIn, licenseTextFix, missingLicenseTexts } from '../reuse/license-texts';
import type { RuleContext } from '.';
import { licenseTags, SourceFile } from '../source-file';
import { range } from '../text';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'license-text-missing.external': "No license text for '{id}' ({source}): add LICENSES/{id}.txt (REUSE)",
  'license-text-missing': "No license text for '{id}': add LICENSES/{id}.txt (REUSE)",
};

const ja: Translations<typeof en> = {
  'license-text-missing.external': "'{id}' のライセンステキストがありません ({source})。LICENSES/{id}.txt を追加してください (REUSE)",
  'license-text-missing': "'{id}' のライセンステキストがありません。LICENSES/{id}.txt を追加してください (REUSE)",
};

export const meta = {
  id: 'license-text-missing',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  headerOnly: true,
  ownTag: true,
  reuse: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function licenseTextMissing(file: SourceFile, _policy: unknown, ctx: RuleContext): Finding[] {
  const licenseFiles = ctx.reuse?.licenseFiles;
  if (!licenseFiles) return [];
  const findings: Finding[] = [];
  // Snippet licenses need their texts too (REUSE 3.3 counts them as the file's).
  const snippetLicenses = file.text.includes('SPDX-SnippetBegin') ? file.markers.snippets.flatMap((s) => s.tags.filter((t) => t.kind === 'license')) : [];
  // Under REUSE's reading (tags anywhere) a snippet's license is also among the file's tags: each line once.
  const seen = new Set<string>();
  for (const tag of [...licenseTags(file), ...snippetLicenses]) {
    const inSidecar = file.sidecarTags.includes(tag);
    const key = `${inSidecar ? 's' : 'f'}${tag.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // An expression that does not parse names no license (spdx-invalid says so), as reuse-tool reads it.
    if (expressionSyntaxError(tag.value)) continue;
    // Sidecar tags have no place in this file: the finding goes on line 1.
    const at = inSidecar ? range(0, 0, 0) : range(tag.line, tag.valueStart, tag.valueEnd);
    for (const id of missingLicenseTexts(new Set(licenseIdsIn(tag.value)), licenseFiles)) {
      findings.push(finding(meta, at, 'license-text-missing', { id }, { fix: licenseTextFix(id) }));
    }
  }
  return findings;
}

export default { meta, check: licenseTextMissing } satisfies Rule;
