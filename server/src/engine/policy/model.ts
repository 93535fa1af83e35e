// The org policy (docs/design/policy.md) resolved to plain values the rules read.
// `RawPolicy` is the YAML as written (every key optional); `Policy` has every default filled in.

import type { CommentStyle } from '../comments';
import { fileMarkerForMode, type DisclosureAction, type DisclosureFormId } from '../ai/disclosure-forms';
import type { SeverityOrOff } from '../findings';
import { message, type MessageArg } from '../messages';

export type YearRule = 'any' | 'current' | 'range-to-current' | 'none';
export type AiMode = 'allow' | 'disclose' | 'review' | 'forbid';
export type DisclosureSettings = Partial<Record<DisclosureFormId, DisclosureAction>>;

export interface RawSections {
  files?: { include?: string[]; exclude?: string[]; respectGitignore?: boolean; thirdParty?: string[]; generated?: 'exempt' | 'check' };
  licenses?: { project?: string; allow?: string[]; review?: string[]; deny?: string[]; reviewEvidence?: string };
  headers?: {
    required?: boolean;
    maxLine?: number;
    copyright?: { required?: boolean; holder?: string; year?: YearRule };
    template?: string;
    languages?: Record<string, CommentStyle>;
  };
  ai?: {
    mode?: AiMode;
    requiredFields?: string[];
    reviewer?: { pattern?: string; forbidBots?: boolean };
    approvalPattern?: string;
    tools?: { allow?: string[]; deny?: string[] };
    commitTrailers?: string[];
    disclosure?: DisclosureSettings;
  };
  severity?: Record<string, SeverityOrOff>;
}

export interface RawOverride extends RawSections {
  paths: string[];
}

export interface RawPolicy extends RawSections {
  version?: 1;
  policy?: { id?: string; title?: string; url?: string; contact?: string };
  allowOverride?: boolean;
  extends?: (string | { source: string; sha256?: string })[];
  overrides?: RawOverride[];
  suppressions?: { requireReason?: boolean; forbid?: string[] };
  exceptions?: RawException[];
}

/**
 * An entry of `exceptions:` as written (docs/design/policy.md, "exceptions"): the exception itself, with its
 * name left out or one rule given as `rule`.
 */
export type RawException = Omit<PolicyException, 'id' | 'rules'> & {
  id?: string;
  rules?: string[];
  /** One rule, for `rule: X`; `rules` when both are given is an error. */
  rule?: string;
};

/**
 * A recorded decision that silences some findings (engine/exceptions.ts): the OpenChain (ISO/IEC 5230)
 * record of who approved what, when, and until when.
 */
export interface PolicyException {
  /** Its short name; the ref when the policy gives none. */
  id: string;
  rules: string[];
  /** Policy globs; undefined: any path. */
  paths?: string[];
  /** SPDX ids and `*` wildcards, as `licenses.deny` takes them; undefined: any license. */
  licenses?: string[];
  approver: string;
  /** The approval date, YYYY-MM-DD. */
  date: string;
  ref: string;
  /** The last day it is in force, YYYY-MM-DD. */
  expires?: string;
  reason?: string;
}

export interface Policy {
  /** Where the policy came from, for hovers, the status item and the log. */
  source: string;
  meta: { id?: string; title?: string; url?: string; contact?: string };
  files: { include: string[]; exclude: string[]; respectGitignore: boolean; thirdParty: string[]; generated: 'exempt' | 'check' };
  licenses: { project?: string; allow: string[]; review: string[]; deny: string[]; reviewEvidence?: string };
  headers: {
    required: boolean;
    /** When set, the header must end within this many lines below the prologue; by default it is the whole leading comment block. */
    maxLine?: number;
    /** Tags count anywhere in the file, as in REUSE 3.3 (set by `ospo check --reuse`, not by policy files). */
    anywhere?: boolean;
    copyright: { required: boolean; holder?: string; year: YearRule };
    template: string;
    languages: Record<string, CommentStyle>;
  };
  ai: {
    mode: AiMode;
    requiredFields: string[];
    reviewer: { pattern?: string; forbidBots: boolean };
    approvalPattern?: string;
    tools: { allow: string[]; deny: string[] };
    commitTrailers: string[];
    /** What the policy says of each disclosure form; read through `disclosureRules` (engine/ai/disclosure-forms.ts). */
    disclosure?: DisclosureSettings;
  };
  severity: Record<string, SeverityOrOff>;
  /** Per-path changes, first match wins; read through `policyForPath`. */
  overrides: RawOverride[];
  /** What suppression comments may do (engine/suppressions.ts). */
  suppressions: { requireReason: boolean; forbid: string[] };
  /** Recorded decisions that silence findings (engine/exceptions.ts); the top level's, also under an override. */
  exceptions: PolicyException[];
}

/**
 * The one entry of a merged `licenses.allow` that allows no license: what remains when a policy and its
 * base allow none in common. An empty list would mean "no limit"; no SPDX id is empty, and a policy file
 * cannot write it (the schema wants at least one character).
 */
export const allowsNoLicense = '';

export const defaultTemplate = 'SPDX-FileCopyrightText: {year} {holder}\nSPDX-License-Identifier: {license}';

/** The `source` of the built-in default policy: a name, not a file. */
export const builtInSource = 'built-in default';

/** The built-in default: an SPDX header is required, any valid SPDX expression is allowed, AI markers are checked for form only (no file needs them). */
export function defaultPolicy(): Policy {
  return {
    source: builtInSource,
    meta: {},
    files: { include: ['**/*'], exclude: [], respectGitignore: true, thirdParty: [], generated: 'exempt' },
    licenses: { allow: [], review: [], deny: [] },
    headers: {
      required: true,
      copyright: { required: true, year: 'any' },
      template: defaultTemplate,
      languages: {},
    },
    ai: {
      mode: 'disclose',
      requiredFields: ['role'],
      reviewer: { forbidBots: true },
      tools: { allow: [], deny: [] },
      commitTrailers: [],
      // Markers are checked for their form only: a repository whose commits disclose AI help is not
      // told to tag its files too unless a policy asks (a stated ai.mode or file-marker; withSections).
      disclosure: { 'file-marker': 'allow' },
    },
    severity: {},
    overrides: [],
    suppressions: { requireReason: false, forbid: [] },
    exceptions: [],
  };
}

/**
 * How messages name the policy: its url or title when it states one, else its file from the policy
 * root on (`.ospo/policy.yaml`), or the file's name: never an absolute path, which says nothing
 * on another machine and shows the user's home folder in CI logs and SARIF.
 */
export function policyLabel(policy: Policy): string {
  const name = policyName(policy);
  return typeof name === 'string' ? name : message(name.key);
}

/** `policyLabel` as a message argument: the built-in policy's name is said in the language of the message. */
export function policyName(policy: Policy): MessageArg {
  const named = policy.meta.url ?? policy.meta.title;
  if (named) return named;
  if (policy.source === builtInSource) return { key: 'policy.built-in' };
  const source = policy.source.replace(/\\/g, '/');
  const root = source.lastIndexOf('/.ospo/');
  return root >= 0 ? source.slice(root + 1) : source.slice(source.lastIndexOf('/') + 1);
}

/** Fills the defaults under what a (merged) raw policy says. */
export function toPolicy(raw: RawPolicy, source: string): Policy {
  return {
    ...withSections(defaultPolicy(), raw),
    source,
    meta: { ...raw.policy },
    overrides: raw.overrides ?? [],
    suppressions: { requireReason: raw.suppressions?.requireReason ?? false, forbid: raw.suppressions?.forbid ?? [] },
    exceptions: (raw.exceptions ?? []).map(toException),
  };
}

/** An exception with its defaults: the ref names it when it has no id, and `rule: X` is `rules: [X]`. */
export function toException(raw: RawException): PolicyException {
  return {
    id: raw.id ?? raw.ref,
    rules: raw.rules ?? (raw.rule !== undefined ? [raw.rule] : []),
    ...(raw.paths ? { paths: raw.paths } : {}),
    ...(raw.licenses ? { licenses: raw.licenses } : {}),
    approver: raw.approver,
    date: raw.date,
    ref: raw.ref,
    ...(raw.expires !== undefined ? { expires: raw.expires } : {}),
    ...(raw.reason !== undefined ? { reason: raw.reason } : {}),
  };
}

/**
 * What `sections` set, laid over `base` key by key, nested tables too (a `headers.copyright.year`
 * alone keeps the base's holder): how defaults fill a policy, and how an override changes one.
 */
export function withSections(base: Policy, sections: RawSections): Policy {
  return {
    ...base,
    files: { ...base.files, ...sections.files },
    licenses: { ...base.licenses, ...sections.licenses },
    headers: {
      ...base.headers,
      ...sections.headers,
      copyright: { ...base.headers.copyright, ...sections.headers?.copyright },
      languages: { ...base.headers.languages, ...sections.headers?.languages },
    },
    ai: {
      ...base.ai,
      ...sections.ai,
      reviewer: { ...base.ai.reviewer, ...sections.ai?.reviewer },
      tools: { ...base.ai.tools, ...sections.ai?.tools },
      disclosure: { ...base.ai.disclosure, ...withImpliedFileMarker(sections.ai) },
    },
    severity: { ...base.severity, ...sections.severity },
  };
}

/**
 * A section's disclosure table with what its stated ai.mode implies for AI tags in files, unless it says
 * `file-marker` itself: a stated mode decides anew over what the base said (withSections), and takes
 * part in a merge (merge.ts).
 */
export function withImpliedFileMarker(ai: RawSections['ai']): DisclosureSettings | undefined {
  if (!ai?.mode || ai.disclosure?.['file-marker']) return ai?.disclosure;
  return { ...ai.disclosure, 'file-marker': fileMarkerForMode(ai.mode) };
}

/**
 * A literal holder name for fixes, taken from the policy's holder regex when it is a plain name
 * ("Example Corp( and contributors)?" gives "Example Corp"); otherwise undefined.
 */
export function literalHolder(pattern: string | undefined): string | undefined {
  if (!pattern) return undefined;
  let text = pattern.replace(/\((?:[^()\\]|\\.)*\)[?*]/g, '').replace(/^\^|\$$/g, '');
  if (/(^|[^\\])[[\](){}|*+?^$]/.test(text)) return undefined;
  text = text.replace(/\\(.)/g, '$1').trim();
  return text || undefined;
}
