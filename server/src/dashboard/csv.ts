// The dashboard's repository table as CSV, for spreadsheets: one row per repository, numbers as numbers,
// percentages without the sign. csv-stringify quotes (RFC 4180) and escapes a cell that a spreadsheet would
// run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first): a repository's name comes from files
// anyone could have written.

import { stringify } from 'csv-stringify/sync';
import type { DashboardData, RepoRow } from './model';

const columns: [string, (r: RepoRow) => string | number | undefined][] = [
  ['repository', (r) => r.repo],
  ['url', (r) => r.repository],
  ['date', (r) => r.date],
  ['commit', (r) => r.commit],
  ['score', (r) => r.score],
  ['band', (r) => r.band],
  ['files', (r) => r.files],
  ['compliant', (r) => r.compliant],
  ['compliant_percent', (r) => r.compliantPercent],
  ['listed', (r) => r.listed],
  ['declared', (r) => r.declared],
  ['coverage_percent', (r) => r.coverage],
  ['allowed', (r) => r.tiers?.allowed],
  ['review', (r) => r.tiers?.review],
  ['denied', (r) => r.tiers?.denied],
  ['approved_percent', (r) => r.approved],
  ['osi_percent', (r) => r.osi],
  ['ai_files', (r) => r.ai?.files],
  ['ai_disclosed', (r) => r.ai?.disclosed],
  ['ai_percent', (r) => r.ai?.percent],
  ['errors', (r) => r.severities.error],
  ['warnings', (r) => r.severities.warning],
  ['infos', (r) => r.severities.info],
  ['hints', (r) => r.severities.hint],
  ['found', (r) => r.found],
  ['resolved', (r) => r.resolved],
  ['trend', (r) => r.trend],
  ['exceptions', (r) => r.exceptions.length],
  ['result', (r) => r.source],
];

export function dashboardCsv(data: DashboardData): string {
  return stringify(
    data.repos.map((r) => columns.map(([, value]) => value(r) ?? '')),
    { header: true, columns: columns.map(([name]) => name), escape_formulas: true, record_delimiter: 'unix' },
  );
}
