// license-text-missing: a license the file uses has no text in LICENSES/ (REUSE 3.3). Only in
// projects that follow REUSE (the caller passes their LICENSES/ file names).

import type { Finding } from '../findings';
import { message } from '../messages';
import { licenseIdsIn, licenseTextFor, missingLicenseTexts } from '../reuse/license-texts';
import type { RuleContext } from '.';
import { licenseTags, SourceFile } from '../source-file';
import { range } from '../text';

export function licenseTextMissing(file: SourceFile, _policy: unknown, ctx: RuleContext): Finding[] {
  const licenseFiles = ctx.reuse?.licenseFiles;
  if (!licenseFiles) return [];
  const findings: Finding[] = [];
  // Snippet licenses need their texts too (REUSE 3.3 counts them as the file's).
  const snippetLicenses = file.text.includes('SPDX-SnippetBegin') ? file.markers.snippets.flatMap((s) => s.tags.filter((t) => t.kind === 'license')) : [];
  for (const tag of [...licenseTags(file), ...snippetLicenses]) {
    // Sidecar tags have no place in this file: the finding goes on line 1.
    const at = file.sidecarTags.includes(tag) ? range(0, 0, 0) : range(tag.line, tag.valueStart, tag.valueEnd);
    for (const id of missingLicenseTexts(new Set(licenseIdsIn(tag.value)), licenseFiles)) {
      findings.push({
        rule: 'license-text-missing', severity: 'warning', range: at, message: message('license-text-missing', { id }),
        fix: licenseTextFor(id) ? { kind: 'create-license-text', id } : undefined,
      });
    }
  }
  return findings;
}
