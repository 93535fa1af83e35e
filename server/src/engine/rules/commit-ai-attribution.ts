// commit-ai-attribution: an AI trailer in a commit message that is not in the policy's form. Its
// findings, fixes and (for now English-only) texts are made by engine/commit-message.ts, which checks
// the message being written; this module is its entry in the registry.

import type { Rule, RuleMeta } from './rule';

export const meta = {
  id: 'commit-ai-attribution',
  scope: 'commit',
  defaultSeverity: 'error',
  fixable: 'auto',
  options: ['ai.mode', 'ai.tools', 'ai.commitTrailers'],
  messages: { en: {}, ja: {} },
} as const satisfies RuleMeta;

export default { meta } satisfies Rule;
