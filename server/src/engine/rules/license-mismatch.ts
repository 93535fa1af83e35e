// license-mismatch: a first-party file whose license is not the project's (licenses.project), nor a
// choice that includes it (`MIT OR Apache-2.0` in an Apache-2.0 project). The fix relicenses the file,
// so it is offered only on a file whose every notice names the policy's holder (docs/rules/license-mismatch.md).

import { holderMatches, parseNotice } from '../copyright';
import type { Finding } from '../findings';
import { tierIds } from '../license-tiers';
import type { Policy } from '../policy/model';
import { copyrightTags, type SourceFile } from '../source-file';
import { currentExpression, currentIdIn, satisfiedBy } from '../spdx/check';
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
  const ours = onlyOurs(file, policy);
  return validLicenseTags(file).flatMap((tag): Finding[] => {
    if (satisfiedBy(tag.value, project)) return [];
    const r = range(tag.line, tag.valueStart, tag.valueEnd);
    // Changing what a file claims is a decision: offered, never applied by fix-all.
    const fix = ours ? ({ kind: 'replace', range: r, text: project, safe: false } as const) : undefined;
    // The ids the project's license does not take in; when each alone does (`GPL-2.0-only WITH Classpath-exception-2.0`
    // under `GPL-2.0-only`: the exception makes the difference), all of them. Never none: an exception that names no
    // license of the finding must not cover it.
    const ids = tierIds(tag.value);
    const apart = ids.filter((id) => !satisfiedBy(id, project));
    const licenses = (apart.length ? apart : ids).map((id) => currentIdIn(tag.value, id));
    return [finding(meta, r, 'license-mismatch', { expression: currentExpression(tag.value), project }, { fix, licenses })];
  });
}

/**
 * Whether the file's notices all name the policy's holder (`headers.copyright.holder`), and there is one:
 * only then is the license ours to change. Without a holder in the policy nobody can tell ours from a third party's.
 */
function onlyOurs(file: SourceFile, policy: Policy): boolean {
  const holder = policy.headers.copyright.holder;
  const notices = copyrightTags(file);
  return !!holder && notices.length > 0 && notices.every((t) => holderMatches(parseNotice(t.value).holder, holder));
}

export default { meta, check: licenseMismatch } satisfies Rule;
