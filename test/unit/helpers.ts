// Shared by the unit tests: a fixed fix context so golden outputs do not depend on the clock or git.

import type { FixContext } from '../../server/src/engine/context';
import { defaultPolicy, Policy } from '../../server/src/engine/policy/model';

export const fixedContext: FixContext = { year: 2026, holder: 'Example Corp', license: 'Apache-2.0' };

export function policyWith(change: (p: Policy) => void = () => {}): Policy {
  const p = defaultPolicy();
  change(p);
  return p;
}
