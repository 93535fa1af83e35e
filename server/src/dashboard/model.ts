// The organisation's view from many results (docs/design/dashboard.md): one row per repository from its
// newest result, its trend over its older ones, org totals, the trend of the organisation, licenses that
// appeared, and the recorded exceptions. Pure: results in, DashboardData out. The HTML page, `--json` and
// `--csv` all render this one object.

import { isIsoDate } from '../engine/dates';
import { exceptionStatus, type ExceptionStatus } from '../engine/exceptions';
import type { Severity } from '../engine/findings';
import type { Tier } from '../engine/license-tiers';
import { percentOf } from '../report/data';
import { isLicense, severities, type Result, type ResultException } from './results';
import { scoreOf, type Band, type ScoreCheck } from './score';

/** New-license alerts look back this many days from the dashboard's date, unless told otherwise. */
export const defaultSinceDays = 30;
/** A repository row keeps its most frequent rules and licenses, this many of each. */
const topEntries = 20;

export type Trend = 'up' | 'down' | 'same';

export interface SnapshotRow {
  date: string;
  commit?: string;
  score?: number;
  compliantPercent: number;
  coverage?: number;
  findings: number;
  found: number;
  resolved: number;
  policy?: string;
  /** The policy's digest differs from the snapshot before. */
  policyChanged: boolean;
}

export interface RepoRow {
  repo: string;
  repository?: string;
  kind: Result['kind'];
  source: string;
  report?: string;
  date: string;
  commit?: string;
  policy?: { source: string; digest: string };
  files: number;
  compliant: number;
  compliantPercent: number;
  listed?: number;
  declared?: number;
  /** CHAOSS License Coverage: declared of listed, in percent. */
  coverage?: number;
  tiers?: Record<Tier, number>;
  /** Declared files under allowed licenses, in percent. */
  approved?: number;
  /** Declared files OSI-approved licenses meet, in percent. */
  osi?: number;
  ai?: { files: number; disclosed: number; percent?: number };
  exempt?: number;
  skipped?: number;
  severities: Record<Severity, number>;
  findings: number;
  /** Since the repository's previous result; all of the first result's findings count as found. */
  found: number;
  resolved: number;
  score?: number;
  band?: Band;
  checks: ScoreCheck[];
  /** Score (or compliance, when there is no score) against the previous result. */
  trend?: Trend;
  rules: { rule: string; count: number }[];
  licenses: { id: string; files: number; tier?: Tier; osi?: boolean }[];
  exceptions: ExceptionRow[];
  snapshots: SnapshotRow[];
}

export interface ExceptionRow extends ResultException {
  repo: string;
  status: ExceptionStatus;
}

export interface TrendPoint {
  /** A day, YYYY-MM-DD: each repository counts with its newest result of that day or before. */
  date: string;
  repos: number;
  files: number;
  compliantPercent: number;
  coverage?: number;
  findings: number;
  found: number;
  resolved: number;
  /** Repositories whose policy changed on the day. */
  policyChanges: string[];
}

export interface LicenseAlert {
  license: string;
  tier?: Tier;
  osi?: boolean;
  /** No repository had it in any result before it appeared. */
  newToOrg: boolean;
  firstSeen: string;
  repos: { repo: string; date: string; files: number; sample: string[] }[];
}

export interface DashboardData {
  version: 1;
  generatedAt: string;
  /** The day the dashboard is about: the newest result's, unless given. */
  asOf: string;
  /** Alerts are for licenses that appeared on this day or later. */
  since: string;
  totals: {
    repos: number;
    results: number;
    files: number;
    compliant: number;
    compliantPercent: number;
    listed: number;
    declared: number;
    coverage?: number;
    approved?: number;
    osi?: number;
    ai: { files: number; disclosed: number; percent?: number };
    severities: Record<Severity, number>;
    findings: number;
    found: number;
    resolved: number;
    bands: Record<Band, number>;
    exceptions: Record<ExceptionStatus, number>;
  };
  repos: RepoRow[];
  trend: TrendPoint[];
  alerts: LicenseAlert[];
  exceptions: ExceptionRow[];
  /** Inputs that were not results, with the reason. */
  unread: { source: string; reason: string }[];
}

export interface DashboardOptions {
  generatedAt: string;
  /** The dashboard's day (ISO date or time); default the newest result's. */
  asOf?: string;
  sinceDays?: number;
  unread?: { source: string; reason: string }[];
}

const day = (iso: string) => iso.slice(0, 10);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const addDays = (date: string, days: number) => new Date(Date.parse(day(date) + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);

/** What changed between two results of a repository, by file and rule. */
function diff(before: Map<number, number> | undefined, after: Map<number, number>): { found: number; resolved: number } {
  let found = 0;
  let resolved = 0;
  for (const [key, n] of after) found += Math.max(0, n - (before?.get(key) ?? 0));
  if (before) for (const [key, n] of before) resolved += Math.max(0, n - (after.get(key) ?? 0));
  return { found, resolved };
}

/**
 * One result per repository and snapshot: a report and a check of the same commit (or time) are one
 * snapshot, and the report, which says more, is kept.
 */
function snapshotsOf(results: Result[]): Result[] {
  const byKey = new Map<string, Result>();
  for (const r of results) {
    const key = r.commit ? `${r.commit}\0${day(r.date)}` : r.date;
    const had = byKey.get(key);
    if (!had || (had.kind === 'check' && r.kind === 'report') || (had.kind === r.kind && r.date > had.date)) byKey.set(key, r);
  }
  return [...byKey.values()].sort((a, b) => byText(a.date, b.date) || byText(a.source, b.source));
}

const sumOf = <T>(items: readonly T[], pick: (x: T) => number | undefined) => items.reduce((n, x) => n + (pick(x) ?? 0), 0);
const percentOr = (part: number | undefined, whole: number | undefined) => (part === undefined || !whole ? undefined : percentOf(part, whole));

export function buildDashboard(results: Result[], options: DashboardOptions): DashboardData {
  const byRepo = new Map<string, Result[]>();
  for (const r of results) {
    let list = byRepo.get(r.repo);
    if (!list) byRepo.set(r.repo, (list = []));
    list.push(r);
  }
  const newest = results.reduce((m, r) => (r.date > m ? r.date : m), '');
  const asOf = day(options.asOf ?? (newest || options.generatedAt));
  const since = addDays(asOf, -(options.sinceDays ?? defaultSinceDays));

  // Per repository: its snapshots in time, what each found and resolved, and where the policy changed.
  const histories = [...byRepo.entries()].map(([repo, list]) => {
    const snaps = snapshotsOf(list);
    const rows: SnapshotRow[] = snaps.map((s, i) => {
      const prev = snaps[i - 1];
      const changes = diff(prev?.findingKeys, s.findingKeys);
      const score = scoreOf(s).score;
      return {
        date: s.date,
        ...(s.commit ? { commit: s.commit } : {}),
        ...(score !== undefined ? { score } : {}),
        compliantPercent: percentOf(s.compliant, s.files),
        ...(s.listed !== undefined ? { coverage: percentOf(s.declared ?? 0, s.listed) } : {}),
        findings: sumOf(severities, (x) => s.severities[x]),
        ...changes,
        ...(s.policy ? { policy: s.policy.digest } : {}),
        policyChanged: !!(prev?.policy && s.policy && prev.policy.digest !== s.policy.digest),
      };
    });
    return { repo, snaps, rows };
  });

  const repos = histories.map(({ repo, snaps, rows }) => repoRow(repo, snaps, rows, asOf)).sort((a, b) => byText(a.repo, b.repo));
  const latest = histories.map((h) => h.snaps[h.snaps.length - 1]);
  const reports = latest.filter((r) => r.listed !== undefined);
  const listed = sumOf(reports, (r) => r.listed);
  const declared = sumOf(reports, (r) => r.declared);
  const withTiers = latest.filter((r) => r.tiers);
  const aiFiles = sumOf(latest, (r) => r.ai?.files);
  const aiDisclosed = sumOf(latest, (r) => r.ai?.disclosed);
  const exceptions = repos.flatMap((r) => r.exceptions).sort((a, b) => byText(a.expires ?? '9999', b.expires ?? '9999') || byText(a.repo, b.repo));
  const files = sumOf(latest, (r) => r.files);
  const compliant = sumOf(latest, (r) => r.compliant);
  const bands: Record<Band, number> = { a: 0, b: 0, c: 0, d: 0 };
  for (const r of repos) if (r.band) bands[r.band]++;
  const totalSeverities = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of latest) for (const s of severities) totalSeverities[s] += r.severities[s];

  return {
    version: 1,
    generatedAt: options.generatedAt,
    asOf,
    since,
    totals: {
      repos: repos.length,
      results: results.length,
      files,
      compliant,
      compliantPercent: percentOf(compliant, files),
      listed,
      declared,
      coverage: percentOr(declared, listed),
      approved: percentOr(
        sumOf(withTiers, (r) => r.tiers?.allowed),
        sumOf(withTiers, (r) => r.declared),
      ),
      osi: percentOr(
        sumOf(reports, (r) => r.osi),
        sumOf(reports, (r) => (r.osi === undefined ? 0 : r.declared)),
      ),
      ai: { files: aiFiles, disclosed: aiDisclosed, percent: percentOr(aiDisclosed, aiFiles) },
      severities: totalSeverities,
      findings: sumOf(severities, (s) => totalSeverities[s]),
      found: sumOf(histories, (h) => sumOf(h.rows, (x) => x.found)),
      resolved: sumOf(histories, (h) => sumOf(h.rows, (x) => x.resolved)),
      bands,
      exceptions: {
        'in-force': exceptions.filter((e) => e.status === 'in-force').length,
        expiring: exceptions.filter((e) => e.status === 'expiring').length,
        expired: exceptions.filter((e) => e.status === 'expired').length,
      },
    },
    repos,
    trend: orgTrend(histories),
    alerts: licenseAlerts(histories, since),
    exceptions,
    unread: options.unread ?? [],
  };
}

function repoRow(repo: string, snaps: Result[], rows: SnapshotRow[], asOf: string): RepoRow {
  const r = snaps[snaps.length - 1];
  const now = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  const { score, band, checks } = scoreOf(r);
  let trend: Trend | undefined;
  if (before) {
    const delta = score !== undefined && before.score !== undefined ? score - before.score : now.compliantPercent - before.compliantPercent;
    trend = delta >= 1 ? 'up' : delta <= -1 ? 'down' : 'same';
  }
  const row: RepoRow = {
    repo,
    ...(r.repository ? { repository: r.repository } : {}),
    kind: r.kind,
    source: r.source,
    ...(r.report ? { report: r.report } : {}),
    date: r.date,
    ...(r.commit ? { commit: r.commit } : {}),
    ...(r.policy ? { policy: r.policy } : {}),
    files: r.files,
    compliant: r.compliant,
    compliantPercent: now.compliantPercent,
    severities: r.severities,
    findings: now.findings,
    found: now.found,
    resolved: now.resolved,
    ...(score !== undefined ? { score, band } : {}),
    checks,
    ...(trend ? { trend } : {}),
    rules: Object.entries(r.rules)
      .map(([rule, count]) => ({ rule, count }))
      .sort((a, b) => b.count - a.count || byText(a.rule, b.rule))
      .slice(0, topEntries),
    licenses: (r.licenses ?? [])
      .slice(0, topEntries)
      .map(({ id, files, tier, osi }) => ({ id, files, ...(tier ? { tier } : {}), ...(osi !== undefined ? { osi } : {}) })),
    // Taken anew on the dashboard's date: a report's own status is of the day it was made.
    exceptions: (exceptionsOf(snaps) ?? []).map((e) => ({
      ...e,
      repo,
      status: exceptionStatus({ expires: e.expires && isIsoDate(e.expires) ? e.expires : undefined }, asOf),
    })),
    snapshots: rows,
  };
  if (r.listed !== undefined) Object.assign(row, { listed: r.listed, declared: r.declared, coverage: now.coverage });
  if (r.tiers) Object.assign(row, { tiers: r.tiers, approved: percentOr(r.tiers.allowed, r.declared) });
  if (r.osi !== undefined) row.osi = percentOr(r.osi, r.declared);
  if (r.ai) row.ai = { ...r.ai, percent: percentOr(r.ai.disclosed, r.ai.files) };
  if (r.exempt !== undefined) row.exempt = r.exempt;
  if (r.skipped !== undefined) row.skipped = r.skipped;
  return row;
}

/**
 * The exceptions of a repository's newest report: a check result lists only those that silenced something, so a newer
 * check does not hide the report's full list.
 */
function exceptionsOf(snaps: Result[]): Result['exceptions'] {
  for (let i = snaps.length - 1; i >= 0; i--) if (snaps[i].kind === 'report' && snaps[i].exceptions) return snaps[i].exceptions;
  return snaps[snaps.length - 1].exceptions;
}

/** The organisation day by day: each repository with its newest result of that day or before. */
function orgTrend(histories: { repo: string; snaps: Result[]; rows: SnapshotRow[] }[]): TrendPoint[] {
  const days = [...new Set(histories.flatMap((h) => h.snaps.map((s) => day(s.date))))].sort();
  const at = histories.map(() => -1);
  return days.map((d) => {
    const point: TrendPoint = { date: d, repos: 0, files: 0, compliantPercent: 100, findings: 0, found: 0, resolved: 0, policyChanges: [] };
    let compliant = 0;
    let listed = 0;
    let declared = 0;
    histories.forEach((h, i) => {
      while (at[i] + 1 < h.snaps.length && day(h.snaps[at[i] + 1].date) <= d) {
        at[i]++;
        const row = h.rows[at[i]];
        point.found += row.found;
        point.resolved += row.resolved;
        if (row.policyChanged && !point.policyChanges.includes(h.repo)) point.policyChanges.push(h.repo);
      }
      if (at[i] < 0) return;
      const s = h.snaps[at[i]];
      point.repos++;
      point.files += s.files;
      compliant += s.compliant;
      point.findings += h.rows[at[i]].findings;
      if (s.listed !== undefined) {
        listed += s.listed;
        declared += s.declared ?? 0;
      }
    });
    point.compliantPercent = percentOf(compliant, point.files);
    if (listed) point.coverage = percentOf(declared, listed);
    return point;
  });
}

/**
 * Licenses that appeared in a repository since `since`: in a result, and not in the repository's result
 * before. A repository's first result raises only licenses no repository had before it (else every license
 * of a repository added to the dashboard would be "new"), and only when the organisation has older results.
 */
function licenseAlerts(histories: { repo: string; snaps: Result[] }[], since: string): LicenseAlert[] {
  const firstSeen = new Map<string, string>();
  let orgStart = '';
  for (const h of histories) {
    for (const s of h.snaps) {
      if (!s.licenses) continue;
      const d = day(s.date);
      if (!orgStart || d < orgStart) orgStart = d;
      for (const l of s.licenses) if (isLicense(l.id) && (!firstSeen.has(l.id) || d < firstSeen.get(l.id)!)) firstSeen.set(l.id, d);
    }
  }
  const alerts = new Map<string, LicenseAlert>();
  for (const h of histories) {
    const withLicenses = h.snaps.filter((s) => s.licenses);
    withLicenses.forEach((s, i) => {
      const d = day(s.date);
      if (d < since) return;
      const prev = withLicenses[i - 1];
      const had = new Set(prev?.licenses?.map((l) => l.id));
      for (const l of s.licenses!) {
        if (!isLicense(l.id) || had.has(l.id)) continue;
        const newToOrg = firstSeen.get(l.id) === d;
        if (!prev && (!newToOrg || orgStart >= d)) continue;
        let alert = alerts.get(l.id);
        if (!alert) alerts.set(l.id, (alert = { license: l.id, newToOrg: false, firstSeen: d, repos: [] }));
        if (l.tier) alert.tier = l.tier;
        if (l.osi !== undefined) alert.osi = l.osi;
        alert.newToOrg ||= newToOrg;
        if (d < alert.firstSeen) alert.firstSeen = d;
        alert.repos.push({ repo: h.repo, date: s.date, files: l.files, sample: l.sample });
      }
    });
  }
  // A license's tier and OSI approval as the newest results say: a policy that came to deny it since it appeared counts.
  const now = new Map<string, { tier?: Tier; osi?: boolean; date: string }>();
  for (const h of histories) {
    const last = h.snaps[h.snaps.length - 1];
    for (const l of last?.licenses ?? []) {
      const had = now.get(l.id);
      if (!had || last.date > had.date) now.set(l.id, { tier: l.tier, osi: l.osi, date: last.date });
    }
  }
  for (const a of alerts.values()) {
    const latest = now.get(a.license);
    if (latest?.tier) a.tier = latest.tier;
    if (latest?.osi !== undefined) a.osi = latest.osi;
  }
  const tierRank = (t?: Tier) => (t === 'denied' ? 0 : t === 'review' ? 1 : 2);
  return [...alerts.values()]
    .map((a) => ({ ...a, repos: a.repos.sort((x, y) => byText(x.repo, y.repo)) }))
    .sort(
      (a, b) =>
        Number(b.newToOrg) - Number(a.newToOrg) || tierRank(a.tier) - tierRank(b.tier) || byText(b.firstSeen, a.firstSeen) || byText(a.license, b.license),
    );
}
