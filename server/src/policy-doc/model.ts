// The written policy as data: sections of statements, each with the line of the policy it comes from
// (docs/design/policy-render.md). Built from the effective policy (bases merged, defaults filled) and
// the texts it was read from; render.ts writes it as Markdown or HTML. Every value from the policy
// stays a separate part, so each format escapes it its own way.

import { disclosureFormIds, disclosureRules, formById, type DisclosureAction, type DisclosureFormId } from '../engine/ai/disclosure-forms';
import { listExceptions } from '../engine/exceptions';
import type { Locale } from '../engine/l10n';
import { template, type MessageKey } from '../engine/messages';
import { allowsNoLicense, type Policy, type RawOverride } from '../engine/policy/model';
import type { Path } from '../engine/policy/parse';
import { ruleMeta } from '../engine/rules';
import './messages';
import { Origins, type Origin, type SourceText } from './origins';

/** Text as is, or a value from the policy shown as code (an id, a glob, a pattern). */
export type Part = { text: string } | { code: string };

/** Where a statement comes from: a line of a policy text, a built-in preset (named by an `extends` entry), or the built-in default. */
export type From =
  { kind: 'line'; source: string; line: number } | { kind: 'preset'; name: string; via?: { source: string; line: number } } | { kind: 'default' };

export interface Statement {
  parts: Part[];
  from: From;
  children?: Statement[];
}

/**
 * The sections, in the order of the TODO Group's guidance on an open source usage policy
 * (docs/design/policy-render.md, "Section order").
 */
export const sectionIds = ['scope', 'roles', 'licenses', 'third-party', 'headers', 'ai', 'paths', 'compliance', 'exceptions'] as const;
export type SectionId = (typeof sectionIds)[number];

export interface Section {
  id: SectionId;
  title: string;
  statements: Statement[];
}

export interface PolicyDocument {
  lang: Locale;
  title: string;
  /** What the document is and where it comes from; the file is linked by the renderer. */
  intro: Part[];
  /** The policy file, or undefined for the built-in default. */
  file?: string;
  sections: Section[];
}

export interface DocumentOptions {
  lang: Locale;
  /** YYYY-MM-DD: the day the exceptions' status is judged on. */
  today: string;
}

const separator: Record<Locale, string> = { en: ', ', ja: '、' };

/** A message of engine/messages.ts in `lang`, its `{name}` placeholders replaced by parts. */
function say(lang: Locale, key: MessageKey, args: Record<string, Part[] | string> = {}): Part[] {
  const out: Part[] = [];
  template(lang, key)
    .split(/\{(\w+)\}/)
    .forEach((piece, i) => {
      if (i % 2 === 0) {
        if (piece) out.push({ text: piece });
        return;
      }
      const arg = args[piece];
      if (arg === undefined) out.push({ text: `{${piece}}` });
      else if (typeof arg === 'string') out.push({ text: arg });
      else out.push(...arg);
    });
  return out;
}

/** Values as code, joined as the language lists things. */
function codes(lang: Locale, values: readonly string[]): Part[] {
  return values.flatMap((v, i) => (i ? [{ text: separator[lang] }, { code: v }] : [{ code: v }]));
}

class Builder {
  private readonly origins: Origins;
  private readonly presets: Map<string, SourceText>;

  constructor(
    readonly policy: Policy,
    sources: readonly SourceText[],
    readonly lang: Locale,
  ) {
    this.origins = new Origins(sources);
    this.presets = new Map(sources.filter((s) => s.source.startsWith('ospo:')).map((s) => [s.source, s]));
  }

  from(origin: Origin): From {
    if (!origin) return { kind: 'default' };
    const preset = this.presets.get(origin.source);
    if (preset) return { kind: 'preset', name: preset.source, via: preset.via };
    return { kind: 'line', source: origin.source, line: origin.line };
  }

  say(key: MessageKey, args: Record<string, Part[] | string> = {}, origin?: Origin, children?: Statement[]): Statement {
    return { parts: say(this.lang, key, args), from: this.from(origin), ...(children?.length ? { children } : {}) };
  }

  /** A statement about a scalar setting: from the text that states its value, or the default. */
  setting(path: Path, value: unknown, key: MessageKey, args: Record<string, Part[] | string> = {}): Statement {
    return this.say(key, args, this.origins.of(path, value));
  }

  /**
   * A statement listing `items` of the list at `path`, one per line of the policy they come from: a
   * list merged from a file and its base links each entry to the text that states it.
   */
  list(path: Path, items: readonly string[], key: MessageKey, name: string, shown: (item: string) => string = (x) => x): Statement[] {
    const groups: { origin: Origin; items: string[] }[] = [];
    for (const item of items) {
      const origin = this.origins.item(path, item);
      const group = groups.find((g) => g.origin?.source === origin?.source && g.origin?.line === origin?.line);
      if (group) group.items.push(item);
      else groups.push({ origin, items: [item] });
    }
    return groups.map((g) => this.say(key, { [name]: codes(this.lang, g.items.map(shown)) }, g.origin));
  }

  /** A statement that the policy sets nothing at `path`: linked to the key when a text writes it empty, else the default. */
  none(path: Path, key: MessageKey, args: Record<string, Part[] | string> = {}): Statement {
    return this.say(key, args, this.origins.of(path));
  }

  codes(values: readonly string[]): Part[] {
    return codes(this.lang, values);
  }

  get originsOf(): Origins {
    return this.origins;
  }
}

function scope(b: Builder, bases: readonly SourceText[]): Statement[] {
  const { policy } = b;
  const out: Statement[] = [];
  // The bases, each linked to the extends entry that names it. This policy cannot loosen a base unless
  // the base itself says `allowOverride: true` (merge.ts: then the extending policy's values win).
  for (const base of bases) {
    const name = base.source.startsWith('ospo:') || /^https?:/i.test(base.source) ? base.source : base.source.split(/[\\/]/).pop()!;
    const loosens = b.originsOf.own(base.source, ['allowOverride'])?.value === true;
    out.push({
      parts: say(b.lang, loosens ? 'policy-doc.extends-override' : 'policy-doc.extends', { base: b.codes([name]) }),
      from: base.via ? { kind: 'line', ...base.via } : { kind: 'default' },
    });
  }
  if (policy.meta.id) out.push(b.setting(['policy', 'id'], policy.meta.id, 'policy-doc.policy-id', { id: b.codes([policy.meta.id]) }));
  if (policy.meta.url) out.push(b.setting(['policy', 'url'], policy.meta.url, 'policy-doc.policy-url', { url: b.codes([policy.meta.url]) }));
  const files = policy.files;
  const included = b.originsOf.of(['files', 'include']);
  out.push(
    ...(included
      ? b.list(['files', 'include'], files.include, 'policy-doc.include', 'globs')
      : [b.say('policy-doc.include-default', { globs: b.codes(files.include) })]),
  );
  out.push(
    ...(files.exclude.length
      ? b.list(['files', 'exclude'], files.exclude, 'policy-doc.exclude', 'globs')
      : [b.none(['files', 'exclude'], 'policy-doc.exclude-default')]),
  );
  out.push(b.setting(['files', 'respectGitignore'], files.respectGitignore, files.respectGitignore ? 'policy-doc.gitignore' : 'policy-doc.gitignore-off'));
  return out;
}

function roles(b: Builder): Statement[] {
  const { policy } = b;
  const out: Statement[] = [];
  out.push(
    policy.meta.contact
      ? b.setting(['policy', 'contact'], policy.meta.contact, 'policy-doc.contact', { contact: b.codes([policy.meta.contact]) })
      : b.say('policy-doc.contact-none'),
  );
  const evidence = policy.licenses.reviewEvidence;
  out.push(
    evidence
      ? b.setting(['licenses', 'reviewEvidence'], evidence, 'policy-doc.review-evidence', { pattern: b.codes([evidence]) })
      : b.say('policy-doc.review-evidence-default'),
  );
  const reviewer = policy.ai.reviewer;
  // Who reviews AI code matters only where ai-reviewer-invalid checks it: not under allow (nothing to
  // disclose) nor forbid (no AI code).
  if (policy.ai.mode === 'disclose' || policy.ai.mode === 'review') {
    out.push(
      reviewer.pattern
        ? b.setting(['ai', 'reviewer', 'pattern'], reviewer.pattern, 'policy-doc.ai-reviewer', { pattern: b.codes([reviewer.pattern]) })
        : b.say('policy-doc.ai-reviewer-default'),
    );
    out.push(b.setting(['ai', 'reviewer', 'forbidBots'], reviewer.forbidBots, reviewer.forbidBots ? 'policy-doc.ai-no-bots' : 'policy-doc.ai-bots-allowed'));
  }
  if (policy.ai.approvalPattern)
    out.push(b.setting(['ai', 'approvalPattern'], policy.ai.approvalPattern, 'policy-doc.ai-approval', { pattern: b.codes([policy.ai.approvalPattern]) }));
  else if (policy.ai.mode === 'review') out.push(b.say('policy-doc.ai-approval-default'));
  // Each approver of an exception on record, linked to where they first appear.
  const approvers = new Map<string, string[]>();
  for (const e of policy.exceptions) approvers.set(e.approver, [...(approvers.get(e.approver) ?? []), e.id]);
  for (const [approver, ids] of approvers) {
    const first = policy.exceptions.find((e) => e.approver === approver)!;
    out.push(b.say('policy-doc.approver', { approver: b.codes([approver]), ids: b.codes(ids) }, b.originsOf.exception(first)?.at('approver')));
  }
  return out;
}

function licenses(b: Builder): Statement[] {
  const l = b.policy.licenses;
  const out: Statement[] = [];
  out.push(
    l.project ? b.setting(['licenses', 'project'], l.project, 'policy-doc.project', { license: b.codes([l.project]) }) : b.say('policy-doc.project-default'),
  );
  if (!l.allow.length) out.push(b.none(['licenses', 'allow'], 'policy-doc.allow-default'));
  else if (l.allow.length === 1 && l.allow[0] === allowsNoLicense) out.push(b.say('policy-doc.allow-none', {}, b.originsOf.of(['licenses', 'allow'])));
  else {
    out.push(...b.list(['licenses', 'allow'], l.allow, 'policy-doc.allow', 'licenses'));
    out.push(b.say('policy-doc.allow-rest', {}, b.originsOf.of(['licenses', 'allow'])));
  }
  out.push(
    ...(l.review.length
      ? b.list(['licenses', 'review'], l.review, 'policy-doc.review', 'licenses')
      : [b.none(['licenses', 'review'], 'policy-doc.review-default')]),
  );
  out.push(
    ...(l.deny.length ? b.list(['licenses', 'deny'], l.deny, 'policy-doc.deny', 'licenses') : [b.none(['licenses', 'deny'], 'policy-doc.deny-default')]),
  );
  return out;
}

function thirdParty(b: Builder): Statement[] {
  const f = b.policy.files;
  const holder = b.policy.headers.copyright.holder;
  return [
    ...(f.thirdParty.length
      ? b.list(['files', 'thirdParty'], f.thirdParty, 'policy-doc.third-party', 'globs')
      : [b.none(['files', 'thirdParty'], 'policy-doc.third-party-default')]),
    // third-party-header knows our notice by the holder: without one it reports nothing.
    ...(f.thirdParty.length && holder ? [b.setting(['headers', 'copyright', 'holder'], holder, 'policy-doc.third-party-holder')] : []),
    b.setting(['files', 'generated'], f.generated, f.generated === 'exempt' ? 'policy-doc.generated-exempt' : 'policy-doc.generated-check'),
  ];
}

function headers(b: Builder): Statement[] {
  const h = b.policy.headers;
  const out: Statement[] = [b.setting(['headers', 'required'], h.required, h.required ? 'policy-doc.header-required' : 'policy-doc.header-optional')];
  out.push(
    h.maxLine !== undefined
      ? b.setting(['headers', 'maxLine'], h.maxLine, 'policy-doc.max-line', { lines: String(h.maxLine) })
      : b.say('policy-doc.max-line-default'),
  );
  const c = h.copyright;
  out.push(b.setting(['headers', 'copyright', 'required'], c.required, c.required ? 'policy-doc.copyright-required' : 'policy-doc.copyright-optional'));
  out.push(
    c.holder
      ? b.setting(['headers', 'copyright', 'holder'], c.holder, 'policy-doc.holder', { pattern: b.codes([c.holder]) })
      : b.say('policy-doc.holder-default'),
  );
  out.push(b.setting(['headers', 'copyright', 'year'], c.year, `policy-doc.year.${c.year}`));
  // A template is several lines; shown as one, its line breaks marked.
  out.push(b.setting(['headers', 'template'], h.template, 'policy-doc.template', { template: b.codes([h.template.trimEnd().replace(/\r?\n/g, ' ⏎ ')]) }));
  const languages = Object.keys(h.languages);
  if (languages.length) out.push(b.setting(['headers', 'languages'], undefined, 'policy-doc.languages', { names: b.codes(languages) }));
  return out;
}

const actionKeys: Record<DisclosureAction, MessageKey> = {
  require: 'policy-doc.ai.form.require',
  convert: 'policy-doc.ai.form.convert',
  forbid: 'policy-doc.ai.form.forbid',
  allow: 'policy-doc.ai.form.allow',
};

function ai(b: Builder): Statement[] {
  const a = b.policy.ai;
  const origins = b.originsOf;
  const out: Statement[] = [b.setting(['ai', 'mode'], a.mode, `policy-doc.ai.${a.mode}`, { mode: b.codes([a.mode]) })];
  // Under forbid no AI code is accepted: what a disclosure holds and which tools are allowed say nothing.
  // Under allow nothing need be disclosed, so ai-marker-incomplete requires no field.
  if (a.mode === 'disclose' || a.mode === 'review') {
    out.push(...b.list(['ai', 'requiredFields'], a.requiredFields, 'policy-doc.ai.fields', 'fields'));
    // Review mode adds the approval to the fields required (ai-marker-incomplete).
    if (a.mode === 'review' && !a.requiredFields.includes('approval'))
      out.push(b.setting(['ai', 'mode'], a.mode, 'policy-doc.ai.fields-approval', { mode: b.codes([a.mode]), field: b.codes(['approval']) }));
  }
  if (a.mode !== 'forbid') {
    out.push(
      ...(a.tools.allow.length
        ? b.list(['ai', 'tools', 'allow'], a.tools.allow, 'policy-doc.ai.tools-allow', 'tools')
        : [b.none(['ai', 'tools', 'allow'], 'policy-doc.ai.tools-any')]),
    );
    if (a.tools.deny.length) out.push(...b.list(['ai', 'tools', 'deny'], a.tools.deny, 'policy-doc.ai.tools-deny', 'tools'));
  }
  if (a.commitTrailers.length) out.push(...b.list(['ai', 'commitTrailers'], a.commitTrailers, 'policy-doc.ai.trailers', 'trailers'));
  // Each disclosure form by what the policy makes of it (disclosureRules), from the key that says so:
  // the form's own entry, else ai.mode or ai.commitTrailers where they decide, else the default.
  const rules = disclosureRules(b.policy);
  const originOf = (id: DisclosureFormId, action: DisclosureAction): Origin => {
    const stated = origins.of(['ai', 'disclosure', id], action);
    if (stated && a.disclosure?.[id] === action) return stated;
    if (id === 'file-marker') return origins.of(['ai', 'mode'], a.mode);
    if (id === 'signed-off-by') return undefined;
    if (action === 'convert') return origins.of(['ai', 'commitTrailers']);
    return undefined;
  };
  const groups: { action: DisclosureAction; origin: Origin; forms: string[] }[] = [];
  for (const action of ['require', 'convert', 'forbid', 'allow'] as const) {
    for (const id of disclosureFormIds) {
      if (rules.action(id) !== action) continue;
      const origin = originOf(id, action);
      const group = groups.find((g) => g.action === action && g.origin?.source === origin?.source && g.origin?.line === origin?.line);
      const name = formById(id).write ? `${id} (${formById(id).write}:)` : id;
      if (group) group.forms.push(name);
      else groups.push({ action, origin, forms: [name] });
    }
  }
  for (const g of groups) out.push(b.say(actionKeys[g.action], { forms: b.codes(g.forms), target: b.codes([rules.target]) }, g.origin));
  return out;
}

/** An override's settings as `key: value` lines, each linked to its own line. */
function settingsOf(o: RawOverride, at: (path: Path) => Origin, b: Builder): Statement[] {
  const out: Statement[] = [];
  const walk = (value: unknown, path: Path) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
      return;
    }
    const shown = Array.isArray(value) ? value.map(String) : [String(value)];
    out.push(b.say('policy-doc.override-setting', { key: b.codes([path.join('.')]), value: b.codes(shown) }, at(path)));
  };
  for (const [key, value] of Object.entries(o)) if (key !== 'paths') walk(value, [key]);
  return out;
}

function paths(b: Builder): Statement[] {
  if (!b.policy.overrides.length) return [b.none(['overrides'], 'policy-doc.overrides-none')];
  return b.policy.overrides.map((o) => {
    const found = b.originsOf.override(o.paths);
    return b.say('policy-doc.override', { paths: b.codes(o.paths) }, found?.origin, settingsOf(o, found?.at ?? (() => found?.origin), b));
  });
}

function compliance(b: Builder, file: string | undefined): Statement[] {
  const { policy } = b;
  const out: Statement[] = [];
  for (const [rule, level] of Object.entries(policy.severity)) {
    const standard = ruleMeta(rule)?.defaultSeverity;
    if (level === standard) continue;
    out.push(
      b.setting(['severity', rule], level, level === 'off' ? 'policy-doc.severity-off' : 'policy-doc.severity', {
        rule: b.codes([rule]),
        level: b.codes([level]),
        standard: b.codes([standard ?? '?']),
      }),
    );
  }
  if (!out.length) out.push(b.none(['severity'], 'policy-doc.severity-default'));
  const s = policy.suppressions;
  out.push(b.setting(['suppressions', 'requireReason'], s.requireReason, s.requireReason ? 'policy-doc.reason-required' : 'policy-doc.reason-optional'));
  if (s.forbid.length) out.push(...b.list(['suppressions', 'forbid'], s.forbid, 'policy-doc.no-suppress', 'rules'));
  // Only the file's own `allowOverride: true` lets the policies that extend it loosen it (merge.ts reads the base's own value).
  const own = file === undefined ? undefined : b.originsOf.own(file, ['allowOverride']);
  if (own?.value === true) out.push(b.say('policy-doc.allow-override', {}, own.origin));
  return out;
}

function exceptions(b: Builder, today: string): Statement[] {
  const listed = listExceptions(b.policy, today);
  if (!listed.length) return [b.none(['exceptions'], 'policy-doc.exceptions-none')];
  return listed.map((e, i) => {
    const found = b.originsOf.exception(b.policy.exceptions[i]);
    const at = (key: string) => found?.at(key);
    const children: Statement[] = [];
    if (e.paths) children.push(b.say('policy-doc.exception.paths', { paths: b.codes(e.paths) }, at('paths')));
    if (e.licenses) children.push(b.say('policy-doc.exception.licenses', { licenses: b.codes(e.licenses) }, at('licenses')));
    children.push(b.say('policy-doc.exception.approved', { approver: b.codes([e.approver]), date: e.date, ref: b.codes([e.ref]) }, at('approver')));
    if (!e.expires) children.push(b.say('policy-doc.exception.no-expiry', {}, found?.origin));
    else {
      const key =
        e.status === 'expired'
          ? 'policy-doc.exception.expired'
          : e.status !== 'expiring'
            ? 'policy-doc.exception.expires'
            : e.daysLeft === 0
              ? 'policy-doc.exception.expiring-today'
              : e.daysLeft === 1
                ? 'policy-doc.exception.expiring-tomorrow'
                : 'policy-doc.exception.expiring';
      children.push(b.say(key, { date: e.expires, days: String(e.daysLeft ?? 0) }, at('expires')));
    }
    if (e.reason) children.push(b.say('policy-doc.exception.reason', { reason: [{ text: e.reason }] }, at('reason')));
    return b.say('policy-doc.exception', { id: b.codes([e.id]), rules: b.codes(e.rules) }, found?.origin, children);
  });
}

const titleKeys: Record<SectionId, MessageKey> = {
  scope: 'policy-doc.section.scope',
  roles: 'policy-doc.section.roles',
  licenses: 'policy-doc.section.licenses',
  'third-party': 'policy-doc.section.third-party',
  headers: 'policy-doc.section.headers',
  ai: 'policy-doc.section.ai',
  paths: 'policy-doc.section.paths',
  compliance: 'policy-doc.section.compliance',
  exceptions: 'policy-doc.section.exceptions',
};

/**
 * The written policy of `policy`, built from `sources` (the file's text first, then its bases', as
 * io/policy-source.ts reads them; none for the built-in default).
 */
export function policyDocument(policy: Policy, sources: readonly SourceText[], opts: DocumentOptions): PolicyDocument {
  const b = new Builder(policy, sources, opts.lang);
  const file = sources[0]?.source;
  const bases = sources.filter((s) => s.via?.source === file);
  const statements: Record<SectionId, Statement[]> = {
    scope: scope(b, bases),
    roles: roles(b),
    licenses: licenses(b),
    'third-party': thirdParty(b),
    headers: headers(b),
    ai: ai(b),
    paths: paths(b),
    compliance: compliance(b, file),
    exceptions: exceptions(b, opts.today),
  };
  return {
    lang: opts.lang,
    title: policy.meta.title ?? template(opts.lang, 'policy-doc.title'),
    intro: say(opts.lang, file ? 'policy-doc.intro' : 'policy-doc.intro-built-in', { command: [{ code: 'ospo policy render' }] }),
    file,
    sections: sectionIds.map((id) => ({ id, title: template(opts.lang, titleKeys[id]), statements: statements[id] })),
  };
}
