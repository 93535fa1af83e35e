import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { defaultPolicy } from '../../server/src/engine/policy/model';
import {
  adoptBatch,
  packBatch,
  packedCount,
  packedDigest,
  packFindings,
  packResults,
  StringTable,
  suppressedCount,
  unpackFindings,
  withoutSuppressed,
} from '../../server/src/scan/compact';
import { ScanCache } from '../../server/src/scan/cache';
import type { FileResult } from '../../server/src/scan/check-file';

// Findings with a fix, alternatives and more than one rule: what a scan keeps packed.
const text = '// SPDX-License-Identifier: GPL-2.0 AND gpl-2.0+\nexport {};\n';
const findings = checkText({ path: 'a.ts', text, currentYear: 2026 }, defaultPolicy()).findings;

describe('packed findings', () => {
  it('unpack to the findings that were packed', () => {
    assert.ok(findings.some((f) => f.fix) && new Set(findings.map((f) => f.rule)).size > 1, 'the sample has fixes and several rules');
    const table = new StringTable();
    const packed = packFindings(findings, table);
    assert.equal(packedCount(packed), findings.length);
    assert.deepEqual(unpackFindings(packed, table.strings), findings);
  });

  it('tell which are suppressed without unpacking them, and drop those', () => {
    const marked = findings.map((f, i) => (i === 1 ? { ...f, suppressed: { kind: 'inSource' as const } } : f));
    const table = new StringTable();
    const packed = packFindings(marked, table);
    assert.equal(suppressedCount(packed), 1);
    assert.deepEqual(unpackFindings(withoutSuppressed(packed), table.strings), [marked[0], ...marked.slice(2)]);
    const none = packFindings(findings, table);
    assert.equal(suppressedCount(none), 0);
    assert.equal(withoutSuppressed(none), none, 'nothing to drop: the same array');
  });

  it('share one frozen empty array for every file with none, and the cache one list per distinct set of license ids', () => {
    const table = new StringTable();
    const a = packFindings([], table);
    assert.equal(a, packFindings([], table));
    assert.equal(a, packResults([{ rel: 'a.c', size: 1, mtimeMs: 1, findings: [] }], table)[0].packed);
    assert.ok(Object.isFrozen(a));
    const cache = new ScanCache();
    for (const rel of ['a.c', 'b.c']) cache.keep({ rel, size: 1, mtimeMs: 1, licenseIds: ['GPL-2.0-only'], packed: a });
    assert.equal(cache.get('a.c')!.licenseIds, cache.get('b.c')!.licenseIds);
    assert.deepEqual(cache.get('b.c')!.licenseIds, ['GPL-2.0-only']);
  });

  it('keep each repeated string once', () => {
    const table = new StringTable();
    for (let i = 0; i < 100; i++) packFindings(findings, table);
    const once = new StringTable();
    packFindings(findings, once);
    assert.equal(table.strings.length, once.strings.length);
  });

  it('cross from a worker as a batch of columns, each result whole, its ids moved into the pool table', () => {
    const pool = new StringTable();
    // The pool's table already holds other strings: the batch's ids must be moved, not reused.
    pool.id('something else');
    pool.id(findings[findings.length - 1].message);
    const results: FileResult[] = [
      { rel: 'a.ts', size: 10, mtimeMs: 1700000000123.5, findings },
      { rel: 'b.c', size: 0, mtimeMs: 0, findings: [], skipped: { id: 'binary' } },
      { rel: 'c.c', size: 7, mtimeMs: 3, sidecarMtimeMs: 4.25, generated: true, licenseIds: ['MIT', 'GPL-2.0-only'], findings: findings.slice(1) },
      { rel: 'd.c', size: 5, mtimeMs: 6, findings: [], unchanged: true },
      { rel: 'gone.c', size: 0, mtimeMs: 0, findings: [], ignored: true },
      { rel: 'e.c', size: 8, mtimeMs: 9, licenseIds: ['MIT', 'GPL-2.0-only'], findings: [] },
    ];
    const batch = packBatch(results);
    // What a worker posts: the typed arrays are structured-cloned as the real message is.
    const sent = structuredClone(batch);
    const jobs = results.map((r) => ({ rel: r.rel }));
    const adopted = adoptBatch(sent, pool, jobs);
    assert.equal(adopted.length, results.length);
    adopted.forEach((r, i) => {
      const { findings: want, ...rest } = results[i];
      const { packed, ...got } = r;
      assert.deepEqual(got, rest, `result ${i}`);
      assert.equal(got.rel, jobs[i].rel, "the path is the job's own string");
      assert.deepEqual(unpackFindings(packed, pool.strings), want, `findings of result ${i}`);
    });
    // A worker that saw the scan cancelled answers the first jobs of its batch only.
    assert.deepEqual(
      adoptBatch(packBatch(results.slice(0, 2)), pool, jobs).map((r) => r.rel),
      ['a.ts', 'b.c'],
    );
  });

  it('digest the same whatever table they were packed against, and differently when anything in them changes', () => {
    const one = new StringTable();
    const other = new StringTable();
    other.id('a string the first table does not hold');
    const digest = (fs: typeof findings, table: StringTable, context = '') => packedDigest(packFindings(fs, table), table.strings, context);
    const base = digest(findings, one);
    assert.equal(digest(findings, other), base);
    const last = findings[findings.length - 1];
    const changed = [
      [...findings.slice(0, -1), { ...last, message: last.message + '.' }],
      [...findings.slice(0, -1), { ...last, severity: last.severity === 'error' ? ('warning' as const) : ('error' as const) }],
      [...findings.slice(0, -1), { ...last, range: { ...last.range, end: { ...last.range.end, character: last.range.end.character + 1 } } }],
      [...findings.slice(0, -1), { ...last, fix: undefined }],
      findings.slice(0, -1),
    ];
    for (const c of changed) assert.notEqual(digest(c, one), base);
    assert.notEqual(digest(findings, one, 'ospo.rules changed'), base);
  });
});
