// The policy of `ospo check --reuse`: REUSE 3.3 and nothing of an organisation's own policy. Every
// covered file needs a license and a copyright (from its header, a sidecar, REUSE.toml or dep5),
// every license a valid SPDX expression with its text in LICENSES/; nothing else is reported.

import type { SeverityOrOff } from '../findings';
import { defaultPolicy, Policy } from '../policy/model';
import { reuseRules, ruleIds } from '../rules';

export function reusePolicy(): Policy {
  const policy = defaultPolicy();
  policy.source = 'REUSE 3.3';
  // REUSE covers generated files like any other; only git-ignored files are left out.
  policy.files = { include: ['**/*'], exclude: [], respectGitignore: true, thirdParty: [], generated: 'check' };
  policy.headers.required = true;
  // REUSE 3.3 reads licensing information anywhere in a file, in comments or not.
  policy.headers.anywhere = true;
  policy.headers.copyright = { required: true, year: 'any' };
  // Only the rules REUSE asks for (`meta.reuse`; snippet-unbalanced too, since the spec requires Begin/End pairs).
  policy.severity = Object.fromEntries(ruleIds.filter((id) => !reuseRules.has(id)).map((id): [string, SeverityOrOff] => [id, 'off']));
  return policy;
}
