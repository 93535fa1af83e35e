// The numbers of `ospo report`, as plain data: the HTML page renders from exactly this object, and
// `--json` writes it, so the two can never disagree. Pure: per-file results in, ReportData out.
//
// Definitions (the page states them too):
// - A file is *compliant* when `ospo check` would not fail on it: no finding at or above error
//   (failsAt, the --fail-on default; warnings and infos do not count against it). Its findings are
//   check's: the same REUSE.toml, dep5 and sidecar licensing apply. Files the engine exempts (license
//   texts, REUSE sidecars and metadata, empty or generated files) and files that were skipped
//   (binary, too large, unreadable) are not counted at all.
// - The *license mix* counts files per SPDX id, from the file's effective licensing as `check` sees
//   it (engine/check.ts licensingOf): its header, or its `.license` sidecar, plus REUSE.toml and
//   dep5. Files not read as text (images and other binaries) count too, with the licensing of their
//   sidecar and REUSE.toml. An expression is split into its ids (`MIT OR Apache-2.0` counts for
//   both, `X WITH Y` stays one entry). Values that are not SPDX expressions are counted as
//   `(not SPDX)`, files without any as `(none)`.
// - *AI regions* are the AI-disclosure markers of a file (header AI-* tags for the whole file, or
//   an SPDX snippet with AI-* tags); *AI lines* are the lines covered by at least one of them.
// - *Declared* files (CHAOSS License Coverage) have at least one SPDX expression in their licensing.
//   Each declared file has a *tier* under its policy's `licenses` lists (engine/license-tiers.ts: the
//   worst of its expressions), and counts as *OSI* when every expression can be met with
//   OSI-approved licenses alone.
// - *AI-assisted* files hold an AI-disclosure marker or have a finding that says AI help went
//   undisclosed (aiEvidenceRules); of those, *disclosed as asked* are the ones with markers and no
//   finding of an `ai-*` rule.

import { skipText, type SkipId, type SkipReason } from '../engine/coverage';
import type { ListedException } from '../engine/exceptions';
import { failsAt, Finding, Severity } from '../engine/findings';
import { licenseTier, type Tier } from '../engine/license-tiers';
import { osiApproved } from '../engine/spdx/osi';
import type { Policy } from '../engine/policy/model';
import { checkExpression } from '../engine/spdx/check';
import type { Snapshot } from '../io/snapshot';

export const noLicense = '(none)';
export const notSpdx = '(not SPDX)';

/** One file's results, as collect.ts (or a test) gathers them. */
export interface FileResult {
  /** Relative to the report's root, `/`-separated. */
  file: string;
  findings: Finding[];
  /** SPDX-License-Identifier values as written (header and sidecar). */
  licenses: string[];
  /** AI-disclosed regions, 0-based inclusive lines. */
  aiRegions: { scope: 'file' | 'region'; startLine: number; endLine: number }[];
  /** Set when the engine does not check the file at all (license text, sidecar, empty, generated). */
  exempt?: SkipReason;
  /** Set when the file is not read as text (binary, too large): it counts in the license mix only. */
  unread?: SkipReason;
  /** The tier of its licensing under its policy, and whether OSI-approved licenses meet it (licensingFacts); unset when it declares none. */
  tier?: Tier;
  osi?: boolean;
}

/** Rules whose finding says a file had AI help that it does not disclose. */
export const aiEvidenceRules: ReadonlySet<string> = new Set(['ai-marker-missing', 'ai-chatbot-artifact']);

/** How many files a license entry lists by name at most: enough to act on a new license, bounded for a 5,000-file repository. */
export const licenseSampleSize = 100;

export interface HistoryPoint {
  /** A short commit hash, or the tag's name. */
  ref: string;
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  subject: string;
  percent: number;
  files: number;
  compliant: number;
  /** True when the commit had more files than the cap and only the first ones (by path) were checked. */
  truncated?: boolean;
}

export interface ReportData {
  version: 1;
  generatedAt: string;
  /** The commit, time and policy of the run (io/snapshot.ts), for `ospo dashboard`'s trends. */
  snapshot?: Snapshot;
  /** The folder the report is about (absolute); every `file` below is relative to it. */
  root: string;
  totals: {
    files: number;
    compliant: number;
    percent: number;
    exempt: number;
    skipped: number;
    findings: number;
    /** Findings a suppression comment or a policy exception covers: left out of `findings`, as `ospo check` leaves them out. */
    suppressed: number;
    /** Files in the license mix (checked, and unread with licensing), and those of them that declare an SPDX license. */
    listed: number;
    declared: number;
    /** Declared files by tier, and those OSI-approved licenses meet. */
    tiers: Record<Tier, number>;
    osi: number;
    /** Findings by severity. */
    severities: Record<Severity, number>;
    /** AI-assisted files, and those disclosed as the policy asks. */
    ai: { files: number; disclosed: number };
  };
  folders: { name: string; files: number; compliant: number; percent: number; aiRegions: number; aiLines: number }[];
  /** Per SPDX id: its files, up to licenseSampleSize of them by name, its tier under the (first) policy, and OSI approval. */
  licenses: { id: string; files: number; sample: string[]; tier?: Tier; osi?: boolean }[];
  rules: { rule: string; count: number; severity: Severity }[];
  findings: { file: string; line: number; column: number; rule: string; severity: Severity; message: string }[];
  /** `reason` in the report's language, as `message` above; `reasonId` the same in every language (engine/coverage.ts). */
  skipped: { file: string; reason: string; reasonId: SkipId }[];
  history?: HistoryPoint[];
  /** How `history` was taken, e.g. "last 10 commits" or "tags". */
  historyOf?: string;
  /** Files checked per commit at most, when history was taken. */
  historyCap?: number;
  /**
   * The policies' exceptions (engine/exceptions.ts), with their status on the report's date and how many
   * findings each silenced in it; absent when no policy has any.
   */
  exceptions?: ReportException[];
}

/** A policy exception as the report lists it: the OpenChain record of a decision, and what it did in this run. */
export interface ReportException {
  id: string;
  ref: string;
  approver: string;
  date: string;
  expires?: string;
  rules: string[];
  paths?: string[];
  licenses?: string[];
  reason?: string;
  status: ListedException['status'];
  /** Days from the report's date to `expires` (negative once expired). */
  daysLeft?: number;
  /** Findings it silenced in this report. */
  silenced: number;
}

export interface ReportInput {
  root: string;
  generatedAt: string;
  snapshot?: Snapshot;
  /** The policy's license lists, for each license id's tier. */
  licensePolicy?: Policy['licenses'];
  files: FileResult[];
  skipped?: { file: string; reason: SkipReason }[];
  history?: HistoryPoint[];
  historyOf?: string;
  historyCap?: number;
  /** The exceptions of the policies in force, listed on the report's date (`listExceptions`). */
  exceptions?: ListedException[];
}

/** Compliant share in percent, one decimal; 100 when there is nothing to check (no file fails). */
export function percentOf(compliant: number, files: number): number {
  return files === 0 ? 100 : Math.round((compliant / files) * 1000) / 10;
}

/** The report's compliant file: one `ospo check` does not fail on (default --fail-on error). */
export const isCompliant = (findings: readonly Finding[]) => !failsAt(findings);

/** The top-level folder of a relative path, or '.' for a file directly in the root. */
export function topFolder(file: string): string {
  const at = file.indexOf('/');
  return at < 0 ? '.' : file.slice(0, at);
}

/** The SPDX ids of one SPDX-License-Identifier value (`X WITH Y` kept together), or undefined when it is not an SPDX expression. */
export function licenseIds(value: string): string[] | undefined {
  const trimmed = value.trim();
  if (trimmed === 'NONE' || trimmed === 'NOASSERTION') return [trimmed];
  const check = checkExpression(trimmed);
  if (check.problems.length || !check.tokens.length) return undefined;
  const ids: string[] = [];
  for (const t of check.tokens) {
    if (t.exception && ids.length) ids[ids.length - 1] += ` WITH ${t.id}`;
    else ids.push(t.id);
  }
  return ids;
}

/** How many lines at least one region covers. */
export function coveredLines(regions: readonly { startLine: number; endLine: number }[]): number {
  const sorted = [...regions].filter((r) => r.endLine >= r.startLine).sort((a, b) => a.startLine - b.startLine);
  let total = 0;
  let upTo = -1;
  for (const r of sorted) {
    const from = Math.max(r.startLine, upTo + 1);
    if (r.endLine >= from) total += r.endLine - from + 1;
    upTo = Math.max(upTo, r.endLine);
  }
  return total;
}

/** A file's tier (the worst of its SPDX expressions) and OSI approval, from its licensing as written; {} when it declares no SPDX license. */
export function licensingFacts(values: readonly string[], licenses: Policy['licenses']): { tier?: Tier; osi?: boolean } {
  let tier: Tier | undefined;
  let osi = true;
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed === 'NONE' || trimmed === 'NOASSERTION' || !licenseIds(trimmed)) continue;
    const t = licenseTier(trimmed, licenses).tier;
    if (!tier || tierRank[t] > tierRank[tier]) tier = t;
    osi &&= osiApproved(trimmed);
  }
  return tier ? { tier, osi } : {};
}

const tierRank: Record<Tier, number> = { allowed: 0, review: 1, denied: 2 };

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** A license mix entry; an SPDX id also gets its tier under the policy and its OSI approval. */
function licenseEntry(id: string, entry: { files: number; sample: string[] }, licenses: Policy['licenses'] | undefined): ReportData['licenses'][number] {
  const spdx = id !== noLicense && id !== notSpdx && id !== 'NONE' && id !== 'NOASSERTION';
  return {
    id,
    files: entry.files,
    sample: entry.sample,
    ...(spdx && licenses ? { tier: licenseTier(id, licenses).tier } : {}),
    ...(spdx ? { osi: osiApproved(id) } : {}),
  };
}

export function buildReportData(input: ReportInput): ReportData {
  const listed = input.files.filter((f) => !f.exempt);
  const checked = listed.filter((f) => !f.unread);
  const folders = new Map<string, ReportData['folders'][number]>();
  const licenses = new Map<string, { files: number; sample: string[] }>();
  const severities: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const tiers: Record<Tier, number> = { allowed: 0, review: 0, denied: 0 };
  const ai = { files: 0, disclosed: 0 };
  let declared = 0;
  let suppressed = 0;
  let osi = 0;
  const rules = new Map<string, { count: number; severity: Severity }>();
  const findings: ReportData['findings'] = [];
  let compliant = 0;

  for (const f of checked) {
    const name = topFolder(f.file);
    let folder = folders.get(name);
    if (!folder) folders.set(name, (folder = { name, files: 0, compliant: 0, percent: 0, aiRegions: 0, aiLines: 0 }));
    folder.files++;
    const ok = isCompliant(f.findings);
    if (ok) {
      folder.compliant++;
      compliant++;
    }
    folder.aiRegions += f.aiRegions.length;
    folder.aiLines += coveredLines(f.aiRegions);
    if (f.aiRegions.length || f.findings.some((x) => !x.suppressed && aiEvidenceRules.has(x.rule))) {
      ai.files++;
      if (f.aiRegions.length && !f.findings.some((x) => !x.suppressed && x.rule.startsWith('ai-'))) ai.disclosed++;
    }

    for (const x of f.findings) {
      // As `ospo check` lists them: a finding a suppression comment or an exception covers is counted apart.
      if (x.suppressed) {
        suppressed++;
        continue;
      }
      severities[x.severity]++;
      const r = rules.get(x.rule);
      if (!r) rules.set(x.rule, { count: 1, severity: x.severity });
      else {
        r.count++;
        if (rank[x.severity] > rank[r.severity]) r.severity = x.severity;
      }
      findings.push({
        file: f.file,
        line: x.range.start.line + 1,
        column: x.range.start.character + 1,
        rule: x.rule,
        severity: x.severity,
        message: x.message,
      });
    }
  }
  for (const f of listed) {
    const ids = new Set<string>();
    for (const value of f.licenses) for (const id of licenseIds(value) ?? [notSpdx]) ids.add(id);
    if (!ids.size) ids.add(noLicense);
    for (const id of ids) {
      let entry = licenses.get(id);
      if (!entry) licenses.set(id, (entry = { files: 0, sample: [] }));
      entry.files++;
      if (entry.sample.length < licenseSampleSize) entry.sample.push(f.file);
    }
    if (f.tier) {
      declared++;
      tiers[f.tier]++;
      if (f.osi) osi++;
    }
  }
  for (const folder of folders.values()) folder.percent = percentOf(folder.compliant, folder.files);
  findings.sort((a, b) => byName(a.file, b.file) || a.line - b.line || a.column - b.column || byName(a.rule, b.rule));

  const data: ReportData = {
    version: 1,
    generatedAt: input.generatedAt,
    ...(input.snapshot ? { snapshot: input.snapshot } : {}),
    root: input.root,
    totals: {
      files: checked.length,
      compliant,
      percent: percentOf(compliant, checked.length),
      exempt: input.files.length - listed.length,
      skipped: input.skipped?.length ?? 0,
      findings: findings.length,
      suppressed,
      listed: listed.length,
      declared,
      tiers,
      osi,
      severities,
      ai,
    },
    folders: [...folders.values()].sort((a, b) => byName(a.name, b.name)),
    licenses: [...licenses].map(([id, entry]) => licenseEntry(id, entry, input.licensePolicy)).sort((a, b) => b.files - a.files || byName(a.id, b.id)),
    rules: [...rules].map(([rule, r]) => ({ rule, count: r.count, severity: r.severity })).sort((a, b) => b.count - a.count || byName(a.rule, b.rule)),
    findings,
    skipped: (input.skipped ?? []).map((s) => ({ file: s.file, reason: skipText(s.reason), reasonId: s.reason.id })).sort((a, b) => byName(a.file, b.file)),
  };
  if (input.exceptions?.length) data.exceptions = reportExceptions(input.exceptions, input.files);
  if (input.history) {
    data.history = input.history;
    if (input.historyOf) data.historyOf = input.historyOf;
    if (input.historyCap !== undefined) data.historyCap = input.historyCap;
  }
  return data;
}

/** The exceptions, each with how many of the files' findings it silenced (`Suppression.exception`). */
export function reportExceptions(listed: readonly ListedException[], files: readonly FileResult[]): ReportException[] {
  const silenced = new Map<string, number>();
  for (const f of files)
    for (const x of f.findings) if (x.suppressed?.exception) silenced.set(x.suppressed.exception, (silenced.get(x.suppressed.exception) ?? 0) + 1);
  return listed.map((e) => ({
    id: e.id,
    ref: e.ref,
    approver: e.approver,
    date: e.date,
    ...(e.expires ? { expires: e.expires } : {}),
    rules: e.rules,
    ...(e.paths ? { paths: e.paths } : {}),
    ...(e.licenses ? { licenses: e.licenses } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    status: e.status,
    ...(e.daysLeft !== undefined ? { daysLeft: e.daysLeft } : {}),
    silenced: silenced.get(e.id) ?? 0,
  }));
}
