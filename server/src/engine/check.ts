// The engine's entry point: text in, findings out. Pure: no file system, no editor.

import { exemptReason, type SkipReason, type Undecodable } from './coverage';
import { isGeneratedText } from './generated';
import { severityRank, type Finding, type RuleId } from './findings';
import { isCovered, isThirdParty } from './paths';
import type { Policy } from './policy/model';
import { policyForPath } from './policy/overrides';
import { fileRules, headerRules, ownTagRules } from './rules';
import { finding, type RuleContext } from './rules/rule';
import { meta as copyrightMissing } from './rules/copyright-missing';
import { meta as licenseTextMissing } from './rules/license-text-missing';
import { denialOf } from './rules/license-denied';
import { checkExpression } from './spdx/check';
import { parseExpression } from './spdx/expression';
import { licenseTier, listsLicenses } from './license-tiers';
import { aiGeneratedSemantics } from './rules/ai-generated-semantics';
import { copyrightTags, licenseTags, parseSourceFile, sidecarHeader, SourceFile } from './source-file';
import type { AiHistory } from './ai/history';
import { range } from './text';
import type { ReuseInput } from './reuse/input';
import { effectiveLicensing, EffectiveLicensing, LicensingValue, licensingFromTags, noLicensing, ownLicensingIgnored, ReuseContext } from './reuse/licensing';
import { licenseIdsIn, licenseTextFix, missingLicenseTexts } from './reuse/license-texts';
import { directiveNeedle, withSuppressions } from './suppressions';
import { todayIso } from './dates';
import { withExceptions } from './exceptions';
import { fenceFirst } from './rules/ai-chatbot-artifact';
import { anyCaseLicenseKey } from './header';
import { isCandidateLine, needles } from './ai/markers';
import { ignoreEnd } from './reuse/ignore-blocks';

export interface CheckInput {
  /** Path relative to the workspace folder, with `/` separators; rules and overrides match on it. */
  path: string;
  text: string;
  /** Contents of `<path>.license`, when that file exists. */
  sidecarText?: string;
  /** Marked generated outside the file (`linguist-generated` in .gitattributes). */
  generated?: boolean;
  /** The year copyright rules compare with; defaults to this year. */
  currentYear?: number;
  /** Today as YYYY-MM-DD, for AI review dates; defaults to today. */
  today?: string;
  /** AI commits that touched the file (io/git-history.ts). */
  aiHistory?: AiHistory;
  /** `header` runs the header rules only (a fast workspace scan reads just the top of each file). */
  scope?: CheckScope;
  /** The project's REUSE metadata: REUSE.toml and dep5 licensing, and the texts in LICENSES/. */
  reuse?: ReuseInput;
  /** No encoding reads the file: `text` is UTF-8 with the bad bytes replaced (io/encoding.ts lossyText). */
  undecodable?: Undecodable;
}

export type CheckScope = 'all' | 'header';

export interface CheckResult {
  findings: Finding[];
  /** Set when the file is not checked at all, with the reason. */
  exempt?: SkipReason;
  file?: SourceFile;
  /** The policy in force for this path, after overrides. */
  policy?: Policy;
}

export { isGeneratedText } from './generated';

/**
 * REUSE.toml and dep5 (REUSE 3.3): a file they license needs no header of its own (its
 * header-missing and copyright-missing go); under an `override` table its own tags are not read at
 * all; and a license they give the file needs its text in LICENSES/ like any other. Also applied by
 * the workspace scan to results from workers. Works from the findings alone: header-missing means
 * the file has no license of its own, so `closest` tables apply.
 */
/**
 * The policy's severity table (`severity:`), applied once to findings from every source (the rules,
 * REUSE.toml licensing, the project's REUSE metadata): `off` drops a finding. The table of the
 * path's own policy, overrides included.
 */
export function withPolicySeverity(findings: Finding[], policy: Policy, path?: string): Finding[] {
  const table = (path === undefined ? policy : policyForPath(policy, path)).severity;
  let out: Finding[] | undefined;
  findings.forEach((f, i) => {
    const severity = table[f.rule] ?? f.severity;
    if (severity === f.severity) return void out?.push(f);
    out ??= findings.slice(0, i);
    if (severity !== 'off') out.push({ ...f, severity });
  });
  return out ?? findings;
}

/**
 * The rules that judge one license expression, the one a problem is reported by first: a denied
 * license outranks one that needs review, which outranks a license other than the project's, which
 * outranks how an id or operator is spelt (docs/design/rules.md, one finding per problem).
 */
const precedence: readonly RuleId[] = ['license-denied', 'license-review', 'license-mismatch', 'spdx-deprecated', 'spdx-operator-case'];

const overlaps = (a: Finding, b: Finding) =>
  a.range.start.line === b.range.start.line && a.range.start.character < b.range.end.character && b.range.start.character < a.range.end.character;

/**
 * One finding per problem: of the findings of `precedence` rules on the same stretch of a license
 * expression, the most severe stays (the first in `precedence` among equals, so a `severity:` table
 * never lets a folded error stop failing a check) and the others become its `related`. A suppressed
 * finding takes no part: it neither hides nor is hidden.
 */
export function withPrecedence(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => precedence.indexOf(f.rule);
  const ranked = findings.filter((f) => !f.suppressed && rank(f) >= 0);
  if (ranked.length < 2) return findings;
  ranked.sort((a, b) => severityRank[b.severity] - severityRank[a.severity] || rank(a) - rank(b));
  const mains: Finding[] = [];
  const folded = new Map<Finding, Finding>();
  for (const f of ranked) {
    const main = mains.find((m) => overlaps(m, f));
    if (main) folded.set(f, main);
    else mains.push(f);
  }
  if (!folded.size) return findings;
  const related = new Map<Finding, Finding[]>();
  for (const [f, main] of folded) related.set(main, [...(related.get(main) ?? []), f]);
  return findings.filter((f) => !folded.has(f)).map((f) => (related.has(f) ? { ...f, related: [...(f.related ?? []), ...related.get(f)!] } : f));
}

/**
 * What a scan adds to a file's findings after the file's own check, from its REUSE licensing (a sidecar, REUSE.toml,
 * dep5), judged by the policy's exceptions as `checkText` judges the rest: the one step every caller that checked
 * a file apart from its project takes (the scan, the editor's workspace scan, `ospo check <file>`).
 */
export function withProjectLicensing(findings: Finding[], path: string, reuse: ReuseInput | undefined, policy: Policy, today?: string): Finding[] {
  return withExceptions(withReuseLicensing(findings, path, reuse, policy), path, undefined, policy, today ?? todayIso());
}

export function withReuseLicensing(findings: Finding[], path: string, reuse: ReuseInput | undefined, policy?: Policy): Finding[] {
  const ctx = reuse?.context;
  if (!ctx || !(ctx.tomls.length || ctx.dep5)) return policy ? withPolicySeverity(findings, policy, path) : findings;
  let out = ownLicensingIgnored(path, ctx) ? findings.filter((f) => !ownTagRules.has(f.rule)) : findings;
  const mark: LicensingValue = { value: '', source: { kind: 'header', file: path, line: 0 } };
  const missing = out.find((f) => f.rule === 'header-missing');
  const own = {
    licenses: missing ? [] : [mark],
    copyrights: (missing ? missing.ownCopyright : !out.some((f) => f.rule === 'copyright-missing')) ? [mark] : [],
  };
  const effective = effectiveLicensing(path, own, ctx);
  const external = effective.licenses.filter((l) => l !== mark);
  if (external.length) out = out.filter((f) => f.rule !== 'header-missing');
  if (effective.copyrights.some((c) => c !== mark)) out = out.filter((f) => f.rule !== 'copyright-missing');
  // Licensed from outside with no copyright anywhere: header-missing asked for both, and it is gone.
  const copyrightRequired = policy ? policyForPath(policy, path).headers.copyright.required : true;
  if (missing && external.length && !effective.copyrights.length && copyrightRequired && !out.some((f) => f.rule === 'copyright-missing')) {
    const file = path.slice(path.lastIndexOf('/') + 1);
    out = [
      ...out,
      finding(copyrightMissing, range(0, 0, 0), 'copyright-missing.external', {
        file,
        source: `${external[0].source.file} line ${external[0].source.line + 1}`,
      }),
    ];
  }
  // A license from outside the file meets the policy's tiers as the file's own tags do (license-denied); the file's own
  // tags and its `.license` file were judged by the rule.
  if (policy)
    out = [
      ...out,
      ...denialsOf(
        external.filter((l) => l.source.kind !== 'header' && l.source.kind !== 'sidecar'),
        path,
        policy,
      ),
    ];
  if (reuse?.licenseFiles) {
    for (const l of external) {
      const source = `${l.source.file} line ${l.source.line + 1}`;
      for (const id of missingLicenseTexts(new Set(licenseIdsIn(l.value)), reuse.licenseFiles)) {
        out = [
          ...out,
          finding(
            licenseTextMissing,
            range(0, 0, 0),
            'license-text-missing.external',
            { id, source },
            {
              fix: licenseTextFix(id),
            },
          ),
        ];
      }
    }
  }
  return policy ? withPolicySeverity(out, policy, path) : out;
}

/**
 * license-denied for licensing from outside a file's own text (REUSE.toml, dep5, or the `.license` file of a file not
 * read as text), at the file's first line, saying where it comes from. A value that does not parse is reuse-invalid's.
 * One with an id SPDX does not list, or one in the wrong case, is judged by the ids the policy names: nothing checks its
 * spelling there, and `gpl-3.0-only` must not pass a deny list of `GPL-*`; an id the policy does not know is not
 * denied for that alone.
 */
export function denialsOf(values: readonly LicensingValue[], path: string, policy: Policy): Finding[] {
  const here = policyForPath(policy, path);
  const l = here.licenses;
  if (!listsLicenses(l)) return [];
  const file = path.slice(path.lastIndexOf('/') + 1);
  return values.flatMap((v) => {
    if (parseExpression(v.value).error) return [];
    if (checkExpression(v.value).problems.length && !licenseTier(v.value, l).denied.length) return [];
    return denialOf(v.value, range(0, 0, 0), here, { source: `${v.source.file} line ${v.source.line + 1}`, file });
  });
}

/**
 * A file not read as text (an image, a binary) in a REUSE project: its licensing is its `.license` file, REUSE.toml and
 * dep5, judged by the policy's tiers (denialsOf), its severity table and its exceptions, as a read file's would be.
 */
export function unreadFileFindings(path: string, sidecarText: string | undefined, context: ReuseContext, policy: Policy, today?: string): Finding[] {
  const licensing = licensingOf(path, undefined, context, sidecarText);
  const findings = withPolicySeverity(denialsOf(licensing.licenses, path, policy), policy, path);
  return withExceptions(findings, path, undefined, policy, today ?? todayIso());
}

/**
 * Where a file's licensing comes from, under REUSE 3.3 when the project follows it (`context`):
 * its header, or its `.license` sidecar, which replaces the header, then REUSE.toml and dep5.
 * `result` is the file's check; a file that cannot be read as text (binary) has none, and only its
 * sidecar (`sidecarText`) speaks for it.
 */
export function licensingOf(rel: string, result: CheckResult | undefined, context: ReuseContext | undefined, sidecarText?: string): EffectiveLicensing {
  const file = result?.file;
  let own = noLicensing;
  if (file) {
    own = licensingFromTags(
      { licenses: licenseTags(file), copyrights: copyrightTags(file) },
      file.hasSidecar ? rel + '.license' : rel,
      file.hasSidecar ? 'sidecar' : 'header',
    );
  } else if (sidecarText !== undefined) {
    const sidecar = sidecarHeader(rel, sidecarText);
    own = licensingFromTags({ licenses: sidecar.licenses, copyrights: sidecar.copyrights }, rel + '.license', 'sidecar');
  }
  return context ? effectiveLicensing(rel, own, context) : own;
}

/** Every line `restLineMatters` takes holds one of these: what a search looks for before it reads a line. */
export const restNeedles: readonly string[] = [...needles, directiveNeedle];

/**
 * Whether the passes over a whole text act on `line` (without its line break), below a file's first lines:
 * a marker's, a snippet's, a leftover's line, or a suppression comment. A line that only holds a needle
 * ("generated by the build", which the Linux sources say in a thousand files) is not one. The passes read
 * a line with its ignore blocks blanked (REUSE 3.3), and the text after a `REUSE-IgnoreEnd` may then
 * start a word (`…IgnoreEndAI-Generated-By:`): a line with one and a needle is taken whatever else it holds.
 */
export function restLineMatters(line: string): boolean {
  return line.includes(directiveNeedle) || isCandidateLine(line) || (line.includes(ignoreEnd) && needles.some((n) => line.includes(n)));
}

/**
 * Whether the check of a file's first lines (`result`) is the check of the whole file, when no line of
 * the rest is one the passes over the whole text act on (`isCandidateLine` in ai/markers.ts, and
 * suppression comments): a scan reads past the header only for those (scan/check-file.ts). The passes
 * (markers, snippets, chatbot leftovers, generated markers) find nothing there, so what may still
 * differ is what the header block and the line count decide:
 * - a header block or a prologue (front matter, an XML declaration) that runs to the end of the
 *   start may go on;
 * - with no license in the header, a license tag further down counts (header-misplaced), and so do
 *   copyright tags then: `restHoldsLicenseKey` says whether the rest holds `anyCaseLicenseKey` (header.ts);
 * - an AI marker or a snippet reaches to the last line, which only the whole file has;
 * - an empty-looking or generated start is exempt, and the whole file may not be.
 */
export function startSuffices(result: CheckResult, restHoldsLicenseKey: () => boolean): boolean {
  const file = result.file;
  if (!file) return false;
  const { header, markers } = file;
  if (header.open || header.anywhere || header.prologue.open || markers.markers.length || markers.snippets.length || markers.strayEnds.length) return false;
  // A Markdown fence opening the file may close on its last line (rules/ai-chatbot-artifact.ts).
  if (fenceFirst.test(file.text)) return false;
  return header.licenses.length > 0 || (!anyCaseLicenseKey.test(file.text) && !restHoldsLicenseKey());
}

export function checkText(input: CheckInput, basePolicy: Policy): CheckResult {
  const exempt = exemptReason(input.path);
  if (exempt) return { findings: [], exempt };
  const policy = policyForPath(basePolicy, input.path);
  if (!isCovered(input.path, policy)) return { findings: [], exempt: { id: 'excluded' }, policy };
  if (input.text.length === 0 || /^\uFEFF?\s*$/.test(input.text)) return { findings: [], exempt: { id: 'empty' }, policy };
  if (policy.files.generated === 'exempt' && (input.generated || isGeneratedText(input.text))) {
    // Exempt, except that AI-marked code also marked generated is a contradiction worth saying.
    const semantics = input.scope === 'header' ? [] : withPolicySeverity(aiGeneratedSemantics(input.path, input.text, policy), basePolicy, input.path);
    return { findings: semantics, exempt: semantics.length ? undefined : { id: 'generated' }, policy };
  }
  const file = parseSourceFile(input.path, input.text, policy, input.sidecarText, isThirdParty(input.path, policy));
  const ctx = new FileContext(input, file);
  const findings: Finding[] = [];
  for (const rule of input.scope === 'header' ? headerRules : fileRules) {
    findings.push(...rule(file, policy, ctx));
  }
  if (policy.files.generated === 'check' && input.scope !== 'header') findings.push(...aiGeneratedSemantics(input.path, input.text, policy, file));
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  // Suppression comments, then the policy's exceptions, over the findings of every source, so every surface
  // honours them alike; then precedence, among what is still reported.
  const suppressed = withSuppressions(withReuseLicensing(findings, input.path, input.reuse, basePolicy), file, policy);
  return { findings: withPrecedence(withExceptions(suppressed, input.path, file, basePolicy, input.today ?? todayIso())), file, policy };
}

/**
 * What the rules know of a check besides the file. A class, not a literal with a getter: see
 * ParsedFile in source-file.ts for what such literals cost the garbage collector.
 */
class FileContext implements RuleContext {
  readonly currentYear: number;
  readonly today?: string;
  readonly aiHistory?: AiHistory;
  readonly reuse?: ReuseInput;
  readonly undecodable?: Undecodable;

  constructor(
    input: CheckInput,
    private readonly file: SourceFile,
  ) {
    this.currentYear = input.currentYear ?? new Date().getFullYear();
    this.today = input.today;
    this.aiHistory = input.aiHistory;
    this.reuse = input.reuse;
    this.undecodable = input.undecodable;
  }

  // Asked by the AI rules only: a header-only check never looks for markers.
  get hasAiMarker(): boolean {
    return this.file.markers.markers.length > 0 || this.file.markers.legacy.length > 0;
  }
}
