// OSI approval of SPDX expressions, for the "OSI share" of `ospo report` and `ospo dashboard`. A module of
// its own so that the scan worker, which never asks, does not load spdx-license-list; the CLI bundle
// loads it from node_modules (scripts/build.mjs).

import licenseList = require('spdx-license-list');
import { licenseTier } from '../license-tiers';
import type { Policy } from '../policy/model';

/** The OSI-approved licenses as a policy's allow list: the tiers' reading of an expression applies to them alike. */
const osiLicenses: Policy['licenses'] = {
  allow: Object.entries(licenseList)
    .filter(([, facts]) => facts.osiApproved)
    .map(([id]) => id),
  review: [],
  deny: [],
};

/** Whether the expression can be met with OSI-approved licenses alone (`MIT OR LicenseRef-x` can, `MIT AND LicenseRef-x` cannot). */
export function osiApproved(expression: string): boolean {
  return licenseTier(expression, osiLicenses).tier === 'allowed';
}
