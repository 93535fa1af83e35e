// Merging an org base with a policy that extends it (docs/design/policy.md, "Merging: tighten, never loosen"). A policy may tighten
// its base but never loosen it, unless the base says `allowOverride: true`:
//   deny, review, required AI fields, denied tools, commit trailers, rules no comment may suppress: union
//   license allow: what both allow without review, so a license keeps the stricter of its two
//     tiers (deny > review > allow); an allow entry the base does not allow is warned about
//   allowed tools: intersection (an absent list means "no limit")
//   ai.mode and copyright.year: the stricter; each severity and each ai.disclosure form: the higher
//   required flags (suppressions.requireReason too): either; maxLine: the smaller
//   holder, reviewEvidence, approval and reviewer patterns, include globs: the base's when it sets them
//   project license, template, comment styles: the extending policy's (they describe the project, not the rules)
//   overrides: the extending policy's first (they are more specific), each tightened against the base
//   exceptions: both, the base's first: each is a decision on record, and none undoes another

import { disclosureFormIds, disclosureRules, formById, type DisclosureAction, type DisclosureFormId } from '../ai/disclosure-forms';
import type { SeverityOrOff } from '../findings';
import { expand as expandLicenses } from '../license-tiers';
import { allowsNoLicense, AiMode, DisclosureSettings, RawOverride, RawPolicy, RawSections, toPolicy, withImpliedFileMarker, YearRule } from './model';

/** Where in the extending policy a loosening entry is (a YAML path), and what to tell its author. */
export type LooseningWarning = (path: (string | number)[], message: string) => void;

const aiStrictness: AiMode[] = ['allow', 'disclose', 'review', 'forbid'];
const yearStrictness: YearRule[] = ['any', 'range-to-current', 'current'];
const severityStrictness: SeverityOrOff[] = ['off', 'hint', 'info', 'warning', 'error'];
// A form the base forbids stays forbidden; one it requires stays required (or becomes forbidden).
const disclosureStrictness: DisclosureAction[] = ['allow', 'convert', 'require', 'forbid'];

function union(a?: string[], b?: string[]): string[] | undefined {
  return a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined;
}

function intersection(a?: string[], b?: string[]): string[] | undefined {
  if (!a?.length) return b;
  if (!b?.length) return a;
  const keep = new Set(b);
  return a.filter((x) => keep.has(x));
}

type Licenses = NonNullable<RawSections['licenses']>;

/** Whether one policy allows an id without review: deny wins, then an allow list when there is one, else review. */
function allowsWithoutReview(l: Licenses | undefined): (id: string) => boolean {
  const deny = expandLicenses(l?.deny ?? []);
  const review = expandLicenses(l?.review ?? []);
  const allow = l?.allow?.length ? expandLicenses(l.allow) : undefined;
  return (id) => !deny.has(id) && (allow ? allow.has(id) : !review.has(id));
}

/** What the base does with an id it does not allow without review, for the warning. */
function baseTier(l: Licenses | undefined, id: string, named: string): string {
  if (expandLicenses(l?.deny ?? []).has(id)) return `denies ${named}`;
  if (expandLicenses(l?.review ?? []).has(id)) return `puts ${named} in its review tier`;
  return `does not allow ${named}`;
}

/**
 * The licenses both policies allow without review. Each allow list is narrowed to what the other
 * allows: a glob entry the other allows only in part is written out as the ids it allows. The list
 * never ends empty when either policy has one, as empty means "no limit".
 */
function allowedByBoth(base: Licenses | undefined, repo: Licenses | undefined, warn?: (index: number, message: string) => void): string[] | undefined {
  if (!base?.allow?.length && !repo?.allow?.length) return undefined;
  const [list, other, own] = repo?.allow?.length ? [repo.allow, base, true] : [base!.allow!, repo, false];
  const allows = allowsWithoutReview(other);
  const out = new Set<string>();
  list.forEach((entry, i) => {
    const ids = [...expandLicenses([entry])];
    const kept = ids.filter(allows);
    if (kept.length === ids.length) {
      out.add(entry);
      return;
    }
    kept.forEach((id) => out.add(id));
    // Narrowing the base's list by the extending policy is tightening; only the extending policy's own entries loosen.
    if (!own || !warn) return;
    const id = ids.find((x) => !allows(x))!;
    warn(
      i,
      `The base policy ${baseTier(other, id, id === entry ? `'${id}'` : `${id} (from '${entry}')`)}: a policy that extends another may tighten it but not loosen it, so the base's tier stays`,
    );
  });
  return out.size ? [...out] : [allowsNoLicense];
}

/** Both lists of exceptions, the base's first; undefined when neither has one. */
function both<T>(a?: T[], b?: T[]): T[] | undefined {
  return a || b ? [...(a ?? []), ...(b ?? [])] : undefined;
}

function stricter<T>(order: readonly T[], a?: T, b?: T): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

/** What a side says of each form once its defaults and stated mode are filled in (disclosureRules). */
function effectiveDisclosure(ai: RawSections['ai']): Record<DisclosureFormId, DisclosureAction> {
  const rules = disclosureRules(toPolicy({ ai }, ''));
  return Object.fromEntries(disclosureFormIds.map((id) => [id, rules.action(id)])) as Record<DisclosureFormId, DisclosureAction>;
}

/**
 * The forms the extending side states (a stated ai.mode states file-marker), each at the stricter of
 * its action and what the base makes of that form, defaults included: `Signed-off-by` stays forbidden,
 * a base's `ai.commitTrailers` keeps converting. `require` means "one of the required trailer forms", so
 * two cases would loosen and are refused with a warning: requiring a form the base does not require
 * (it could stand in for the base's), and forbidding one the base requires. The base's own statements
 * come first, so its order (which names the form `convert` writes) holds; an override keeps only what it states.
 */
function mergeDisclosure(
  baseAi: RawSections['ai'],
  repoAi: RawSections['ai'],
  own: boolean,
  warn?: (form: string, message: string) => void,
): DisclosureSettings | undefined {
  const stated = withImpliedFileMarker(repoAi);
  const baseStated = withImpliedFileMarker(baseAi);
  if (!stated) return own ? baseStated : undefined;
  const base = effectiveDisclosure(baseAi);
  const requiredTrailer = (id: DisclosureFormId) => base[id] === 'require' && formById(id).where === 'trailer';
  const baseRequires = disclosureFormIds.some(requiredTrailer);
  const out: DisclosureSettings = own ? { ...baseStated } : {};
  for (const form of Object.keys(stated) as DisclosureFormId[]) {
    const action = stated[form]!;
    if (action === 'require' && baseRequires && !requiredTrailer(form) && formById(form).where === 'trailer') {
      warn?.(
        form,
        `The base policy requires AI disclosure in its own forms: '${form}: require' would let ${form} stand in for them, so the base's setting stays`,
      );
      out[form] = base[form];
    } else if (action === 'forbid' && requiredTrailer(form)) {
      warn?.(form, `The base policy requires '${form}': a policy that extends it cannot forbid it`);
      out[form] = 'require';
    } else out[form] = stricter(disclosureStrictness, base[form], action);
  }
  return out;
}

const either = (a?: boolean, b?: boolean) => (a === undefined && b === undefined ? undefined : !!a || !!b);
const smaller = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** Drops undefined values so that spreading the result never erases a default. */
function clean<T extends object>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

function replace(base: RawPolicy, repo: RawPolicy): RawPolicy {
  // allowOverride: the extending policy's values win, section by section.
  return {
    ...base,
    ...repo,
    files: clean({ ...base.files, ...repo.files }),
    licenses: clean({ ...base.licenses, ...repo.licenses }),
    headers: clean({
      ...base.headers,
      ...repo.headers,
      copyright: clean({ ...base.headers?.copyright, ...repo.headers?.copyright }),
      languages: clean({ ...base.headers?.languages, ...repo.headers?.languages }),
    }),
    ai: clean({
      ...base.ai,
      ...repo.ai,
      reviewer: clean({ ...base.ai?.reviewer, ...repo.ai?.reviewer }),
      tools: clean({ ...base.ai?.tools, ...repo.ai?.tools }),
      disclosure: clean({ ...base.ai?.disclosure, ...repo.ai?.disclosure }),
    }),
    severity: clean({ ...base.severity, ...repo.severity }),
    suppressions: clean({ ...base.suppressions, ...repo.suppressions }),
    overrides: [...(repo.overrides ?? []), ...(base.overrides ?? [])],
    exceptions: both(base.exceptions, repo.exceptions),
    allowOverride: repo.allowOverride,
  };
}

/** Keeps only the keys `shape` sets (two levels deep, as the sections are), with the values of `from`. */
function pick<T extends object>(from: T, shape: object): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(shape)) {
    const source = (from as Record<string, unknown>)[key];
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && source && typeof source === 'object' ? pick(source as object, value) : source;
  }
  return out as T;
}

/** `warn` hears of each entry of `repo` that tries to loosen `base` and is overruled. */
export function mergePolicies(base: RawPolicy, repo: RawPolicy, warn?: LooseningWarning): RawPolicy {
  if (base.allowOverride) return replace(base, repo);
  // An override in the extending policy may not loosen the base either: tighten what it sets against the base.
  const baseTop: RawPolicy = { ...base, overrides: undefined, extends: undefined };
  // An override that states ai.mode states file-marker with it, so the merged file-marker is kept too.
  const shapeOf = (o: RawOverride): RawOverride => (o.ai?.mode ? { ...o, ai: { ...o.ai, disclosure: withImpliedFileMarker(o.ai) } } : o);
  const repoOverrides = (repo.overrides ?? []).map((o, i) => ({ ...pick(mergeTop(baseTop, o, warn, ['overrides', i]), shapeOf(o)), paths: o.paths }));
  return { ...mergeTop(base, repo, warn, []), overrides: [...repoOverrides, ...(base.overrides ?? [])] };
}

function mergeTop(base: RawPolicy, repo: RawPolicy, warn: LooseningWarning | undefined, at: (string | number)[]): RawPolicy {
  const severity: Record<string, SeverityOrOff> = { ...base.severity };
  for (const [rule, level] of Object.entries(repo.severity ?? {})) severity[rule] = stricter(severityStrictness, severity[rule], level)!;
  return {
    version: 1,
    policy: repo.policy ?? base.policy,
    allowOverride: repo.allowOverride,
    files: clean({
      include: base.files?.include ?? repo.files?.include,
      exclude: union(base.files?.exclude, repo.files?.exclude),
      respectGitignore: base.files?.respectGitignore ?? repo.files?.respectGitignore,
      thirdParty: union(base.files?.thirdParty, repo.files?.thirdParty),
      generated: base.files?.generated ?? repo.files?.generated,
    }),
    licenses: clean({
      project: repo.licenses?.project ?? base.licenses?.project,
      allow: allowedByBoth(base.licenses, repo.licenses, warn && ((i, message) => warn([...at, 'licenses', 'allow', i], message))),
      review: union(base.licenses?.review, repo.licenses?.review),
      deny: union(base.licenses?.deny, repo.licenses?.deny),
      reviewEvidence: base.licenses?.reviewEvidence ?? repo.licenses?.reviewEvidence,
    }),
    headers: clean({
      required: either(base.headers?.required, repo.headers?.required),
      maxLine: smaller(base.headers?.maxLine, repo.headers?.maxLine),
      copyright: clean({
        required: either(base.headers?.copyright?.required, repo.headers?.copyright?.required),
        holder: base.headers?.copyright?.holder ?? repo.headers?.copyright?.holder,
        year: base.headers?.copyright?.year === 'none' ? 'none' : stricter(yearStrictness, base.headers?.copyright?.year, repo.headers?.copyright?.year),
      }),
      template: repo.headers?.template ?? base.headers?.template,
      languages: clean({ ...base.headers?.languages, ...repo.headers?.languages }),
    }),
    ai: clean({
      mode: stricter(aiStrictness, base.ai?.mode, repo.ai?.mode),
      requiredFields: union(base.ai?.requiredFields, repo.ai?.requiredFields),
      reviewer: clean({
        pattern: base.ai?.reviewer?.pattern ?? repo.ai?.reviewer?.pattern,
        forbidBots: either(base.ai?.reviewer?.forbidBots, repo.ai?.reviewer?.forbidBots),
      }),
      approvalPattern: base.ai?.approvalPattern ?? repo.ai?.approvalPattern,
      tools: clean({ allow: intersection(base.ai?.tools?.allow, repo.ai?.tools?.allow), deny: union(base.ai?.tools?.deny, repo.ai?.tools?.deny) }),
      commitTrailers: union(base.ai?.commitTrailers, repo.ai?.commitTrailers),
      disclosure: mergeDisclosure(base.ai, repo.ai, at.length === 0, warn && ((form, message) => warn([...at, 'ai', 'disclosure', form], message))),
    }),
    severity: clean(severity),
    suppressions: clean({
      requireReason: either(base.suppressions?.requireReason, repo.suppressions?.requireReason),
      forbid: union(base.suppressions?.forbid, repo.suppressions?.forbid),
    }),
    exceptions: both(base.exceptions, repo.exceptions),
  };
}
