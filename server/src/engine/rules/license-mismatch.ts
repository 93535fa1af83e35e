// license-mismatch: a first-party file whose license is not the project's (licenses.project).

import type { Finding } from '../findings';
import type { Policy } from '../policy/model';
import type { SourceFile } from '../source-file';
import { sameExpression } from '../spdx/check';
import { range } from '../text';
import { validLicenseTags } from './valid-licenses';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'license-mismatch': "License '{expression}' differs from the project license '{project}'",
};

const ja: Translations<typeof en> = {
  'license-mismatch': "ライセンス '{expression}' がプロジェクトのライセンス '{project}' と異なります",
};

export const meta = {
  id: 'license-mismatch',
  scope: 'file',
  defaultSeverity: 'warning',
  fixable: 'suggestion',
  headerOnly: true,
  ownTag: true,
  options: ['licenses.project'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function licenseMismatch(file: SourceFile, policy: Policy): Finding[] {
  const project = policy.licenses.project;
  if (!project || file.thirdParty) return [];
  return validLicenseTags(file).flatMap((tag): Finding[] => {
    if (sameExpression(tag.value, project)) return [];
    const r = range(tag.line, tag.valueStart, tag.valueEnd);
    // Changing what a file claims is a decision: offered, never applied by fix-all.
    return [finding(meta, r, 'license-mismatch', { expression: tag.value, project }, { fix: { kind: 'replace', range: r, text: project, safe: false } })];
  });
}

export default { meta, check: licenseMismatch } satisfies Rule;
