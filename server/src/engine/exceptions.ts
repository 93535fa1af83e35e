// Policy exceptions (`exceptions:` in the policy, docs/design/policy.md "exceptions"): recorded
// decisions, each naming the rules it silences, where (paths, licenses), who approved it, when, the
// ticket and an optional expiry. Applied once after the rules and the suppression comments
// (check.ts), so every surface honours them alike; how they relate to comments and the baseline is
// docs/design/suppressions.md. An expired exception silences nothing: its findings come back, saying so.

import { daysBetween } from './dates';
import { expiredMessage, type Finding } from './findings';
import { pathGlob, type Matcher } from './glob';
import { expand, tierIds } from './license-tiers';
import { message } from './messages';
import type { Policy, PolicyException } from './policy/model';
import { licenseTags, type SourceFile } from './source-file';
import { currentId, currentIdIn } from './spdx/check';

export type ExceptionStatus = 'in-force' | 'expiring' | 'expired';

/** An exception that ends within this many days is `expiring`: the dashboard and the policy file say so ahead of time. */
export const expiringWithinDays = 30;

/**
 * An exception's status on `today`: `expires` is the last day it is in force, so it is `expired` from
 * the day after; `expiring` when that day is at most `expiringWithinDays` away.
 */
export function exceptionStatus(e: Pick<PolicyException, 'expires'>, today: string): ExceptionStatus {
  if (!e.expires) return 'in-force';
  if (e.expires < today) return 'expired';
  return daysBetween(today, e.expires) <= expiringWithinDays ? 'expiring' : 'in-force';
}

export interface ListedException extends PolicyException {
  status: ExceptionStatus;
  /** Days from today to `expires` (negative once expired); undefined without an expiry. */
  daysLeft?: number;
}

/** The policy's exceptions with their status on `today`, in the policy's order: what a dashboard lists. */
export function listExceptions(policy: Pick<Policy, 'exceptions'>, today: string): ListedException[] {
  return policy.exceptions.map((e) => ({
    ...e,
    status: exceptionStatus(e, today),
    ...(e.expires ? { daysLeft: daysBetween(today, e.expires) } : {}),
  }));
}

interface Compiled {
  paths?: Matcher;
  licenses?: ReadonlySet<string>;
}

const compiled = new WeakMap<PolicyException, Compiled>();

function compile(e: PolicyException): Compiled {
  let c = compiled.get(e);
  if (!c) {
    // Both sides as current ids: an exception for `GPL-2.0` covers a file that writes `GPL-2.0-only`, and the other way.
    c = { paths: e.paths && pathGlob(e.paths), licenses: e.licenses && new Set([...expand(e.licenses)].map(currentId)) };
    compiled.set(e, c);
  }
  return c;
}

/**
 * The license ids a finding is about: those the license rules name (`Finding.licenses`), else the
 * file's declared licenses (its tags, or its `.license` sidecar's). Undefined when there are none.
 */
function licensesOf(f: Finding, file: SourceFile | undefined): string[] | undefined {
  if (f.licenses) return f.licenses;
  const ids = file ? licenseTags(file).flatMap((t) => tierIds(t.value).map((id) => currentIdIn(t.value, id))) : [];
  return ids.length ? ids : undefined;
}

/**
 * Whether `e` covers the finding of the file at `path` (relative to the policy root): its rule is named,
 * its path matches `paths` when given, and each of its licenses is in `licenses` when given.
 */
export function covers(e: PolicyException, f: Finding, path: string, file: SourceFile | undefined): boolean {
  if (!e.rules.includes(f.rule)) return false;
  const c = compile(e);
  if (c.paths && !c.paths(path)) return false;
  if (c.licenses) {
    const ids = licensesOf(f, file);
    if (!ids?.length || !ids.every((id) => c.licenses!.has(id))) return false;
  }
  return true;
}

/** What SARIF's `suppression.justification` says of an exception: its name, approver, date and ticket. */
export function justificationOf(e: PolicyException): string {
  return e.id === e.ref
    ? message('exception.justification-ref', { id: e.id, approver: e.approver, date: e.date })
    : message('exception.justification', { id: e.id, approver: e.approver, date: e.date, ref: e.ref });
}

/**
 * The findings with those an exception in force covers marked suppressed (kind `external`, its id and
 * justification); those only expired exceptions cover keep being reported, their message saying which
 * expired and when. A finding a comment already suppresses is left as it is. `today` is YYYY-MM-DD.
 */
export function withExceptions(findings: Finding[], path: string, file: SourceFile | undefined, policy: Policy, today: string): Finding[] {
  if (!policy.exceptions.length || !findings.length) return findings;
  return findings.map((f) => {
    // Applied again to a list that had it once (the scan adds REUSE findings after the workers): nothing twice.
    if (f.suppressed || f.expiredException) return f;
    const covering = policy.exceptions.filter((e) => covers(e, f, path, file));
    if (!covering.length) return f;
    const live = covering.find((e) => exceptionStatus(e, today) !== 'expired');
    if (live) return { ...f, suppressed: { kind: 'external', justification: justificationOf(live), exception: live.id } };
    // The one that lapsed last is the one to renew.
    const lapsed = covering.reduce((a, b) => (b.expires! > a.expires! ? b : a));
    const expired = { id: lapsed.id, expires: lapsed.expires! };
    return { ...f, expiredException: expired, message: expiredMessage(f.message, expired) };
  });
}
