// `ospo report`: a self-contained HTML compliance report for an OSPO, its JSON twin, and with
// --history the compliance trend over past commits or tags (read from git, no checkout).
// Exit codes: 0 report written (findings do not fail it: a report is not a gate), 2 usage or policy error.

import { slashed } from '../io/fs-paths';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Policy } from '../engine/policy/model';
import { GitHistory } from '../io/git-history';
import { GitRules } from '../io/git-rules';
import { checkRoot, readPolicy } from '../io/policy-source';
import { loadReuseInput } from '../io/reuse-source';
import type { ReuseInput } from '../engine/reuse/input';
import type { ReportData } from '../report/data';
import { defaultMaxFilesPerCommit, HistoryError, maxTags } from '../report/history';
import { reportFor, ReportTarget } from '../report/report';
import { renderHtml } from '../report/html';
import { countOf, message } from '../engine/messages';
import { commandArgs } from './did-you-mean';
import { replaceFile } from '../io/write-file';

export const reportUsage = `Usage:
  ospo report [paths…] [--out FILE] [--json FILE] [--history N|tags] [--policy FILE] [--offline]

Writes one self-contained HTML page (no network requests: inline CSS, JS and SVG charts) with the
share of compliant files overall and per top-level folder, the license mix, findings per rule,
AI-disclosed regions and a filterable, sortable table of findings.

Options:
  --out FILE       the HTML report (default ospo-report.html; - for stdout)
  --json FILE      also write the report's data as JSON (- for stdout); the page shows the same data
  --history N      add the compliance trend over the last N commits (1-1000) that touched the paths,
  --history tags   or over the tagged commits (the newest ${maxTags}); read from git objects, no checkout,
                   with the current policy; at most ${defaultMaxFilesPerCommit} files per commit are checked
  --policy FILE    use this policy instead of the nearest .ospo/policy.yaml
  --offline        never fetch a remote base policy; use the cache only

A file is compliant when ospo check would not fail on it (no finding of severity error), with the
same licensing: header, .license sidecar, REUSE.toml and dep5. With no paths, the current folder is
reported; file paths in the report are relative to the folder named (or to the folder the paths share).
Exit codes: 0 report written, 2 usage or policy error.
`;

export interface ReportIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

export class UsageError extends Error {}

/** The command line's paths as report targets, each under the policy `ospo check` would use for it. */
export async function resolveTargets(paths: string[], cwd: string, policyFlag: string | undefined, offline: boolean, io: ReportIo): Promise<ReportTarget[]> {
  const targets: ReportTarget[] = [];
  const folders = new Map<string, { policy: Policy; reuse: ReuseInput | undefined }>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) throw new UsageError(`No such file or folder: ${p}`);
    const start = stat.isDirectory() ? abs : path.dirname(abs);
    // The same root `ospo check` uses, so the same rules and overrides apply to the same paths.
    const root = await checkRoot(start, cwd, !!policyFlag);
    let folder = folders.get(root);
    if (!folder) {
      const loaded = await readPolicy(root, policyFlag ? path.resolve(cwd, policyFlag) : undefined, { allowFetch: !offline });
      const where = slashed(path.relative(cwd, loaded.file ?? '')) || loaded.file;
      const errors = loaded.problems.filter((x) => x.severity === 'error');
      if (!loaded.policy || errors.length)
        throw new UsageError(errors.map((x) => `${where}:${x.line + 1}:${x.character + 1}: ${x.message}`).join('\n') || `${where}: cannot read the policy`);
      for (const w of loaded.problems) io.stderr.write(`${where}:${w.line + 1}:${w.character + 1}: warning ${w.message}\n`);
      // The same REUSE input as `ospo check`: REUSE.toml and dep5 licensing, texts in LICENSES/.
      folder = { policy: loaded.policy, reuse: await loadReuseInput(root) };
      folders.set(root, folder);
    }
    targets.push({
      root,
      under: slashed(path.relative(root, start)),
      file: stat.isDirectory() ? undefined : slashed(path.relative(root, abs)),
      ...folder,
      git: new GitRules(root),
      history: new GitHistory(root),
      scope: abs,
      scopeFolder: start,
    });
  }
  return targets;
}

/** Builds the report's data for `paths` (resolved against `cwd`). Exported for tests. */
export async function reportData(
  paths: string[],
  opts: { cwd: string; policy?: string; offline?: boolean; history?: number | 'tags'; io: ReportIo; today?: string; currentYear?: number },
): Promise<ReportData> {
  const targets = await resolveTargets(paths.length ? paths : ['.'], opts.cwd, opts.policy, !!opts.offline, opts.io);
  return reportFor(targets, { history: opts.history, today: opts.today, currentYear: opts.currentYear });
}

function parseHistory(value: string | undefined): number | 'tags' | undefined {
  if (value === undefined) return undefined;
  if (value === 'tags') return 'tags';
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000)
    throw new UsageError(`--history takes a number of commits (1-1000) or 'tags', not '${value}'`);
  return Number(value);
}

export async function writeOut(file: string, text: string, io: ReportIo, named: boolean): Promise<void> {
  if (file === '-') {
    io.stdout.write(text);
    return;
  }
  const abs = path.resolve(io.cwd, file);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  // A name the user gave is written as named, through a link if it is one (`--out /dev/stdout`, a FIFO). The
  // default name lies in the folder the command runs in, which a repository may fill: `ospo-report.html` committed
  // as a link elsewhere is replaced by the report, never written through.
  if (named) await fs.writeFile(abs, text, 'utf8');
  else await replaceFile(abs, text);
}

export async function runReport(args: string[], io: ReportIo): Promise<number> {
  const parsed = commandArgs(
    'report',
    args,
    {
      out: { type: 'string', default: 'ospo-report.html' },
      json: { type: 'string' },
      history: { type: 'string' },
      policy: { type: 'string' },
      offline: { type: 'boolean', default: false },
    },
    reportUsage,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    const history = parseHistory(values.history);
    const out = values.out!;
    if (out === '-' && values.json === '-') throw new UsageError('--out - and --json - cannot both write to stdout');
    if (!out) throw new UsageError('--out needs a file name');
    const data = await reportData(positionals, { cwd: io.cwd, policy: values.policy, offline: values.offline, history, io });
    const outDir = out === '-' ? io.cwd : path.dirname(path.resolve(io.cwd, out));
    const html = renderHtml(data, { linkBase: slashed(path.relative(outDir, data.root)) });
    if (values.json) await writeOut(values.json, JSON.stringify(data, null, 2) + '\n', io, true);
    await writeOut(
      out,
      html,
      io,
      args.some((a) => a === '--out' || a.startsWith('--out=')),
    );
    const t = data.totals;
    io.stderr.write(
      message(data.history ? 'cli.report.summary.history' : 'cli.report.summary', {
        percent: String(t.percent),
        compliant: String(t.compliant),
        files: countOf('count.files', t.files),
        findings: countOf('count.findings', t.findings),
        points: countOf('count.history-points', data.history?.length ?? 0),
      }) + `${out === '-' ? '' : ` → ${out}`}${values.json && values.json !== '-' ? ` (data: ${values.json})` : ''}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof HistoryError) {
      io.stderr.write(`ospo report: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
