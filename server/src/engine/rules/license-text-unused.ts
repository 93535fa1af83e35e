// license-text-unused: a text in LICENSES/ that no Covered File uses, or that is deprecated or not an
// SPDX id (REUSE 3.3). A finding about the project: engine/reuse/project.ts makes it, on the LICENSES/ file.

import type { Rule, RuleMeta, Translations } from './rule';

const en = {
  'license-text-unused': '{detail}',
};

const ja: Translations<typeof en> = {
  'license-text-unused': '{detail}',
};

export const meta = {
  id: 'license-text-unused',
  scope: 'project',
  defaultSeverity: 'warning',
  fixable: false,
  reuse: true,
  options: [],
  messages: { en, ja },
} as const satisfies RuleMeta;

export default { meta } satisfies Rule;
