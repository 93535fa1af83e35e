// A report's data from targets its caller has resolved: the CLI from its arguments and the policy
// on disk (cli/report.ts), the language server from its own state (the folder's policy as the editor
// has it, with the ospo.policyFile setting, unsaved edits and workspace trust, and the text of open
// documents). Nothing here finds or reads a policy.

import * as path from 'node:path';
import { todayIso } from '../engine/dates';
import { listExceptions } from '../engine/exceptions';
import { countOf, message } from '../engine/messages';
import { collect, CollectTarget, TextOf } from './collect';
import { buildReportData, ReportData } from './data';
import { collectHistory, defaultMaxFilesPerCommit } from './history';
import { snapshotOf } from '../io/snapshot';

export interface ReportTarget extends CollectTarget {
  /** The folder or file asked about, absolute: the trend counts only files under it. */
  scope: string;
  /** The folder of `scope`: paths in the report are relative to the folder these share. */
  scopeFolder: string;
}

export interface ReportOptions {
  /** Adds the compliance trend over the last N commits, or over the tagged ones. */
  history?: number | 'tags';
  today?: string;
  currentYear?: number;
  /** The text of a file as the caller has it (an editor's unsaved document), instead of the disk's. */
  textOf?: TextOf;
}

/** The deepest folder that holds every one of `dirs` (absolute). */
export function commonFolder(dirs: string[]): string {
  let base = dirs[0];
  for (const d of dirs.slice(1)) {
    while (base !== path.dirname(base) && d !== base && !d.startsWith(base.endsWith(path.sep) ? base : base + path.sep)) base = path.dirname(base);
  }
  return base;
}

export async function reportFor(targets: ReportTarget[], opts: ReportOptions = {}): Promise<ReportData> {
  const base = commonFolder(targets.map((t) => t.scopeFolder));
  const dates = { today: opts.today, currentYear: opts.currentYear };
  const collected = await collect(targets, base, { ...dates, textOf: opts.textOf });
  const history =
    opts.history === undefined
      ? undefined
      : await collectHistory({
          targets: targets.map((t) => ({ root: t.root, scope: t.scope, policy: t.policy, git: t.git })),
          which: opts.history,
          ...dates,
        });
  const snapshot = await snapshotOf(
    commonFolder(targets.map((t) => t.root)),
    targets.map((t) => t.policy),
    process.env,
    base,
  );
  // A report of files named one by one is not the state of the folder (docs/design/dashboard.md#snapshots).
  if (targets.some((t) => t.file)) snapshot.partial = 'a file named';
  return buildReportData({
    root: base,
    generatedAt: snapshot.date,
    snapshot,
    licensePolicy: targets[0]?.policy.licenses,
    files: collected.files,
    skipped: collected.skipped,
    history,
    historyOf: opts.history === undefined ? undefined : opts.history === 'tags' ? message('report.history-tags') : countOf('report.history-last', opts.history),
    historyCap: opts.history === undefined ? undefined : defaultMaxFilesPerCommit,
    exceptions: exceptionsOf(targets, opts.today ?? todayIso()),
  });
}

/** The exceptions of the targets' policies, each policy's once (targets under one root share it), on `today`. */
function exceptionsOf(targets: ReportTarget[], today: string) {
  const policies = [...new Set(targets.map((t) => t.policy))];
  const seen = new Set<string>();
  return policies.flatMap((p) => listExceptions(p, today)).filter((e) => !seen.has(e.id) && !!seen.add(e.id));
}
