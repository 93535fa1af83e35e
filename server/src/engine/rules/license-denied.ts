// license-denied: an expression that cannot be satisfied with allowed (or review-tier) licenses.

import type { Finding } from '../findings';
import { licenseTier, listsLicenses, tierIds } from '../license-tiers';
import { policyName, type Policy } from '../policy/model';
import { currentExpression, currentIdIn } from '../spdx/check';
import type { SourceFile } from '../source-file';
import { range, type Range } from '../text';
import { validLicenseTags } from './valid-licenses';
import { finding, type Rule, type RuleMeta, type Translations } from './rule';

const en = {
  'license-denied': "License '{expression}' is denied by the policy{detail}: use an allowed license or ask the OSPO ({policy})",
  'license-denied.not-allowed': "License '{expression}' is not on the policy's allow list: use an allowed license or ask the OSPO ({policy})",
  'license-denied.external':
    "License '{expression}', which {source} gives {file}, is denied by the policy{detail}: use an allowed license or ask the OSPO ({policy})",
  'license-denied.not-allowed.external':
    "License '{expression}', which {source} gives {file}, is not on the policy's allow list: use an allowed license or ask the OSPO ({policy})",
};

const ja: Translations<typeof en> = {
  'license-denied': "ライセンス '{expression}' はポリシーで禁止されています{detail}。許可されたライセンスを使用するか、OSPO に相談してください ({policy})",
  'license-denied.not-allowed':
    "ライセンス '{expression}' はポリシーの許可リストにありません。許可されたライセンスを使用するか、OSPO に相談してください ({policy})",
  'license-denied.external':
    "{source} が {file} に与えているライセンス '{expression}' はポリシーで禁止されています{detail}。許可されたライセンスを使用するか、OSPO に相談してください ({policy})",
  'license-denied.not-allowed.external':
    "{source} が {file} に与えているライセンス '{expression}' はポリシーの許可リストにありません。許可されたライセンスを使用するか、OSPO に相談してください ({policy})",
};

export const meta = {
  id: 'license-denied',
  scope: 'file',
  defaultSeverity: 'error',
  fixable: false,
  headerOnly: true,
  ownTag: true,
  options: ['licenses.allow', 'licenses.deny', 'licenses.review'],
  messages: { en, ja },
} as const satisfies RuleMeta;

export function licenseDenied(file: SourceFile, policy: Policy): Finding[] {
  return validLicenseTags(file).flatMap((tag) => denialOf(tag.value, range(tag.line, tag.valueStart, tag.valueEnd), policy));
}

/**
 * The finding for a license value the policy denies, or none: of a file's own tag, or (with `from`) of the licensing
 * REUSE.toml, dep5 or a `.license` file gives a file (engine/check.ts withReuseLicensing), at the file's first line.
 */
export function denialOf(value: string, at: Range, policy: Policy, from?: { source: string; file: string }): Finding[] {
  const l = policy.licenses;
  if (!listsLicenses(l)) return [];
  const result = licenseTier(value, l);
  if (result.tier !== 'denied') return [];
  const where = policyName(policy);
  const expression = currentExpression(value);
  const denied = result.denied.map((id) => currentIdIn(value, id));
  // What the finding is about, for a policy exception's `licenses:`: the denied ids, else those not allowed.
  // Each as the current id it stands for (`GPL-2.0+` → `GPL-2.0-or-later`), as exceptions name them (engine/exceptions.ts).
  const licenses = result.denied.length
    ? denied
    : tierIds(value)
        .filter((id) => licenseTier(id, l).tier !== 'allowed')
        .map((id) => currentIdIn(value, id));
  const external = from ? ('.external' as const) : ('' as const);
  return [
    denied.length
      ? finding(meta, at, `license-denied${external}`, { expression, detail: ` (${denied.join(', ')})`, policy: where, ...from }, { licenses })
      : finding(meta, at, `license-denied.not-allowed${external}`, { expression, policy: where, ...from }, { licenses }),
  ];
}

export default { meta, check: licenseDenied } satisfies Rule;
