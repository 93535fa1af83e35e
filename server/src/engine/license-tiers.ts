// License tiers on whole expressions (docs/design/policy.md, `licenses`): an expression is allowed when it can
// be satisfied with allowed licenses alone, "review" when it needs a review-tier license, and denied
// otherwise. spdx-satisfies gives the semantics ("MIT OR GPL-3.0-only" passes an MIT allow list,
// "GPL-2.0-or-later" is satisfied by an allowed GPL-3.0-only).

import satisfies = require('spdx-satisfies');
import { wildcard } from './glob';
import type { Policy } from './policy/model';
import { expressionTokens, operatorOf } from './spdx/expression';
import { canonicalLicenseId, currentLicenseIds, knownLicenseIds } from './spdx/ids';
import { detached } from './text';

export type Tier = 'allowed' | 'review' | 'denied';

export interface TierResult {
  tier: Tier;
  /** Ids in the expression that the policy denies outright. */
  denied: string[];
  /** Ids in the expression from the review tier. */
  review: string[];
}

interface Tiers {
  allowed: Set<string> | 'all';
  review: Set<string>;
  denied: Set<string>;
  results: Map<string, TierResult>;
}
const compiled = new WeakMap<Policy['licenses'], Tiers>();

/** The ids a policy list names: globs expanded over the SPDX list, other entries (LicenseRef-…) as written. */
export function expand(list: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const entry of list) {
    if (!entry.includes('*')) {
      out.add(entry);
      continue;
    }
    const matches = wildcard(entry);
    for (const id of knownLicenseIds) if (matches(id)) out.add(id);
  }
  return out;
}

const family = (id: string) => id.replace(/[-.]?\d.*$/, '');

/** `GPL-2.0-or-later`: a range of licenses, which spdx-satisfies lets stand for every license in it. */
const isRange = (id: string) => id.endsWith('-or-later') || id.endsWith('+');

/** Whether a range takes in one of these licenses: spdx-satisfies would let it stand for them. */
function coversAny(range: string, ids: Iterable<string>): boolean {
  for (const id of ids) if (family(id) === family(range) && inRange(id, range)) return true;
  return false;
}

/**
 * A list as the licenses it admits, less the denied ones. spdx-satisfies reads an allowed
 * `GPL-2.0-or-later` as admitting `GPL-3.0-only`: kept as a range, it would let a denied
 * `GPL-3.0-only` pass (deny must win), so a range that takes in a denied license becomes the
 * licenses in it. Any other range stays, also one spdx-satisfies does not read as a range
 * (`GFDL-1.1-no-invariants-or-later`).
 */
function admitted(ids: Iterable<string>, denied: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    if (!isRange(id) || !coversAny(id, denied)) out.add(id);
    if (isRange(id)) for (const one of currentLicenseIds) if (!isRange(one) && family(one) === family(id) && inRange(one, id)) out.add(one);
  }
  for (const id of denied) out.delete(id);
  return out;
}

function inRange(id: string, range: string): boolean {
  try {
    return satisfies(id, [range]);
  } catch {
    return false;
  }
}

function tiersOf(licenses: Policy['licenses']): Tiers {
  let t = compiled.get(licenses);
  if (!t) {
    const denied = expand(licenses.deny);
    const review = admitted(expand(licenses.review), denied);
    const allowed = licenses.allow.length ? admitted(expand(licenses.allow), denied) : ('all' as const);
    t = { allowed, review, denied, results: new Map() };
    compiled.set(licenses, t);
  }
  return t;
}

/**
 * The policy's lists as sets of ids, globs expanded over the SPDX list, deny winning over allow and
 * review; `allowed` is 'all' when the policy has no allow list. For callers that rank single ids
 * (SPDX completion) by the same reading of the policy as the tiers.
 */
export function policyLicenseSets(licenses: Policy['licenses']): {
  allowed: ReadonlySet<string> | 'all';
  review: ReadonlySet<string>;
  denied: ReadonlySet<string>;
} {
  return tiersOf(licenses);
}

function idsIn(expression: string): string[] {
  const words = expression.match(/[A-Za-z0-9.+:-]+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'WITH') {
      i++;
      continue;
    }
    if (words[i] !== 'AND' && words[i] !== 'OR') out.push(words[i].replace(/\+$/, ''));
  }
  return out;
}

/** Exact-match evaluation, used when spdx-satisfies cannot read an id it does not know yet. */
function satisfiedExactly(expression: string, approved: Set<string>): boolean {
  // Disjunctive normal form over the ids: any OR-branch whose ids are all approved.
  return expression.split(/\s+OR\s+/).some((branch) => idsIn(branch.replace(/[()]/g, ' ')).every((id) => approved.has(id)));
}

function satisfiable(expression: string, ids: string[], approved: Set<string> | 'all', denied: Set<string>): boolean {
  // Only ids of the same families matter, and a short list keeps spdx-satisfies fast per keystroke.
  const families = new Set(ids.map(family));
  // With no allow list, every current license that is not denied, and no range that takes one in (see
  // admitted). Not the deprecated ids: `GPL-3.0` stands for `GPL-3.0-only` and would let a denied one back in.
  const candidates = (approved === 'all' ? currentLicenseIds : [...approved]).filter(
    (id) => families.has(family(id)) && (approved !== 'all' || (!denied.has(id) && !(isRange(id) && coversAny(id, denied)))),
  );
  // LicenseRef ids are nobody's family: allowed when listed, or when there is no allow list and they are not denied.
  for (const id of ids) if (id.includes('LicenseRef-') && (approved === 'all' ? !denied.has(id) : approved.has(id))) candidates.push(id);
  if (!candidates.length) return false;
  try {
    return satisfies(expression, candidates);
  } catch {
    return satisfiedExactly(expression, new Set(candidates));
  }
}

/**
 * The expression as the tiers read it: operators in upper case and ids as SPDX spells them (`GPL-2.0 or mit`, as
 * REUSE reads it: the case is other rules' finding), and no `WITH` exception, which only grants more
 * (`GPL-2.0-only WITH Linux-syscall-note` has the tier of `GPL-2.0-only`; spdx-satisfies would match it against no
 * plain license).
 */
function tierForm(expression: string): string {
  const out: string[] = [];
  const tokens = expressionTokens(expression);
  for (let i = 0; i < tokens.length; i++) {
    const op = operatorOf(tokens[i].text);
    if (op === 'WITH') i++;
    else out.push(op ?? canonicalLicenseId(tokens[i].text) ?? tokens[i].text);
  }
  return out.join(' ');
}

/**
 * The license ids of an expression as the tiers judge them: spelt as SPDX spells them, without `WITH`
 * exceptions and a trailing `+` (`GPL-2.0+ WITH Classpath-exception-2.0 OR mit` → `GPL-2.0`, `MIT`); what
 * a policy exception's `licenses:` is matched against (engine/exceptions.ts).
 */
export function tierIds(expression: string): string[] {
  return idsIn(tierForm(expression));
}

/** Whether the policy names any license to allow, review or deny: without, no license is judged by tier. */
export function listsLicenses(licenses: Policy['licenses']): boolean {
  return licenses.allow.length > 0 || licenses.review.length > 0 || licenses.deny.length > 0;
}

/** The tier of a valid SPDX expression under the policy. */
export function licenseTier(expression: string, licenses: Policy['licenses']): TierResult {
  const t = tiersOf(licenses);
  let key = expression.trim();
  let result = t.results.get(key);
  if (result) return result;
  // Kept as a copy: the expression is cut from a file's text (detached).
  key = detached(key);
  const plain = tierForm(key);
  const ids = idsIn(plain);
  const denied = ids.filter((id) => t.denied.has(id));
  const review = ids.filter((id) => t.review.has(id));
  let tier: Tier;
  if (satisfiable(plain, ids, t.allowed === 'all' ? 'all' : t.allowed, new Set([...t.denied, ...t.review]))) tier = 'allowed';
  else if (t.review.size && satisfiable(plain, ids, t.allowed === 'all' ? 'all' : new Set([...t.allowed, ...t.review]), t.denied)) tier = 'review';
  else tier = 'denied';
  result = { tier, denied, review };
  if (t.results.size > 5000) t.results.clear();
  t.results.set(key, result);
  return result;
}
