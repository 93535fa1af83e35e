// `ospo dashboard`: the organisation's view from many repositories' results (docs/design/dashboard.md).
// Exit codes: 0 dashboard written, 2 usage error or no result to show.

import * as path from 'node:path';
import { isIsoDate } from '../engine/dates';
import { countOf, message } from '../engine/messages';
import { runDate } from '../io/snapshot';
import { dashboardCsv } from '../dashboard/csv';
import { renderDashboard } from '../dashboard/html';
import { safeLink } from '../report/page';
import { buildDashboard, defaultSinceDays } from '../dashboard/model';
import { InputError, readResults } from '../dashboard/read';
import { commandArgs } from './did-you-mean';
import { type ReportIo, writeOut } from './report';
import { printable } from './formats';

export const dashboardUsage = `Usage:
  ospo dashboard [results…] [--manifest FILE] [--out FILE] [--json FILE] [--csv FILE] [--since DAYS] [--as-of DATE]

Reads the results of many repositories (the JSON of \`ospo report --json\` or \`ospo check --format json\`,
several per repository for a trend) and writes one self-contained HTML page: a table of repositories
with a score, license coverage, license tiers, OSI share, AI disclosure and findings; organisation
totals; the trend by day, with policy changes marked; licenses that appeared; the recorded exceptions.

Results:
  FILE             a result
  FOLDER           every *.json under it; a result in a subfolder belongs to the repository named
                   by that subfolder (results/acme-api/report.json), unless it names its own
  GLOB             'results/**/*.json' (quote it)
  --manifest FILE  a YAML or JSON map under \`repositories:\` from each repository's name to its
                   result files (paths or globs relative to the manifest), or to { results, report }

Options:
  --out FILE       the HTML page (default ospo-dashboard.html; - for stdout)
  --json FILE      also write the dashboard's data as JSON (- for stdout)
  --csv FILE       also write the repository table as CSV (- for stdout)
  --since DAYS     new-license alerts look back DAYS days (default ${defaultSinceDays})
  --as-of DATE     the day the dashboard is about (YYYY-MM-DD; default the newest result's)
  --locale LANG    the page in LANG (en, ja); default: from LC_ALL, LC_MESSAGES or LANG

Exit codes: 0 dashboard written, 2 usage error or no results.
`;

class UsageError extends Error {}

export async function runDashboard(args: string[], io: ReportIo): Promise<number> {
  const parsed = commandArgs(
    'dashboard',
    args,
    {
      manifest: { type: 'string' },
      out: { type: 'string', default: 'ospo-dashboard.html' },
      json: { type: 'string' },
      csv: { type: 'string' },
      since: { type: 'string' },
      'as-of': { type: 'string' },
    },
    dashboardUsage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    const out = values.out!;
    if (!out) throw new UsageError('--out needs a file name');
    if ([out, values.json, values.csv].filter((f) => f === '-').length > 1) throw new UsageError('only one of --out, --json and --csv can write to stdout');
    const since =
      values.since === undefined
        ? undefined
        : /^\d{1,5}$/.test(values.since)
          ? Number(values.since)
          : fail(`--since takes a number of days, not '${values.since}'`);
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf)) fail(`--as-of takes a date as YYYY-MM-DD, not '${asOf}'`);
    if (!positionals.length && !values.manifest) fail(message('dashboard.no-results'));

    const { results, unread } = await readResults(positionals, values.manifest, io.cwd);
    for (const u of unread) io.stderr.write(`${printable(u.source)}: warning ${printable(u.reason)}\n`);
    if (!results.length) fail(message('dashboard.no-results'));

    // A repository's report is linked from where the page is written; an address that is not relative or http(s) is dropped.
    const outDir = out === '-' ? io.cwd : path.dirname(path.resolve(io.cwd, out));
    for (const r of results) {
      if (!r.report) continue;
      // A path as a URL path: `#`, `%` and `?` in a folder's name are not a fragment, an escape or a query.
      const link = path.isAbsolute(r.report) ? path.relative(outDir, r.report).split(path.sep).map(encodeURIComponent).join('/') : r.report;
      if (safeLink(link)) r.report = link;
      else delete r.report;
    }
    const data = buildDashboard(results, { generatedAt: runDate(), asOf, sinceDays: since, unread });
    if (values.json) await writeOut(values.json, JSON.stringify(data, null, 2) + '\n', io, true);
    if (values.csv) await writeOut(values.csv, dashboardCsv(data), io, true);
    await writeOut(
      out,
      renderDashboard(data),
      io,
      args.some((a) => a === '--out' || a.startsWith('--out=')),
    );
    io.stderr.write(
      message('dashboard.written', {
        repos: countOf('dashboard.repos-count', data.totals.repos),
        results: countOf('dashboard.results-count', data.totals.results),
        out: out === '-' ? 'stdout' : out,
      }) + '\n',
    );
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError) {
      io.stderr.write(`ospo dashboard: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function fail(text: string): never {
  throw new UsageError(text);
}
