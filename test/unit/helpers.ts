// Shared by the unit tests: a fixed fix context so golden outputs do not depend on the clock or git.

import type { FixContext } from '../../server/src/engine/context';
import { defaultPolicy, Policy } from '../../server/src/engine/policy/model';
import { findingsOf, scanFolder, ScannedFile, ScanOptions, ScanReport } from '../../server/src/scan/scanner';
import type { PoolRun } from '../../server/src/scan/pool';
import type { FileResult } from '../../server/src/scan/check-file';
import { unpackFindings } from '../../server/src/scan/compact';

export const fixedContext: FixContext = { year: 2026, holder: 'Example Corp', license: 'Apache-2.0' };

export function policyWith(change: (p: Policy) => void = () => {}): Policy {
  const p = defaultPolicy();
  change(p);
  return p;
}

/**
 * A folder's scan with each file's findings as objects, as tests compare them: packed, their ids
 * depend on the order in which the strings were met (workers against this thread).
 */
export async function scanned(opts: ScanOptions): Promise<Omit<ScanReport, 'files' | 'strings'> & { files: ScannedFile[] }> {
  const report = await scanFolder(opts);
  const { strings, ...rest } = report;
  return { ...rest, files: report.files.map((f) => ({ rel: f.rel, findings: findingsOf({ strings }, f) })) };
}

/** A pool run's results with their findings as objects. */
export function resultsOf(run: PoolRun): FileResult[] {
  return run.results.map(({ packed, ...r }) => ({ ...r, findings: unpackFindings(packed, run.table.strings) }));
}
