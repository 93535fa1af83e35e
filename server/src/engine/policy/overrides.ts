// `overrides`: the first entry whose globs match a file changes the policy for that file.
// Within one policy file an override may set anything; the effective policies are cached per entry.

import { pathGlob } from '../glob';
import { withSections, type Policy, type RawOverride } from './model';

interface Compiled {
  match: (path: string) => boolean;
  policies: Map<Policy, Policy>;
}
const compiled = new WeakMap<RawOverride, Compiled>();

function compile(o: RawOverride): Compiled {
  let c = compiled.get(o);
  if (!c) {
    c = { match: pathGlob(o.paths), policies: new Map() };
    compiled.set(o, c);
  }
  return c;
}

export function applyOverride(base: Policy, o: RawOverride): Policy {
  return { ...withSections(base, o), overrides: [] };
}

/** The policy in force for a path relative to the workspace folder. */
export function policyForPath(policy: Policy, relPath: string): Policy {
  for (const o of policy.overrides) {
    const c = compile(o);
    if (!c.match(relPath)) continue;
    let effective = c.policies.get(policy);
    if (!effective) {
      effective = applyOverride(policy, o);
      c.policies.set(policy, effective);
    }
    return effective;
  }
  return policy;
}
