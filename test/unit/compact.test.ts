import * as assert from 'node:assert/strict';
import { checkText } from '../../server/src/engine/check';
import { defaultPolicy } from '../../server/src/engine/policy/model';
import {
  adoptResults,
  packedCount,
  packedDigest,
  packFindings,
  packResults,
  repack,
  StringTable,
  suppressedCount,
  unpackFindings,
  withoutSuppressed,
} from '../../server/src/scan/compact';
import { ScanCache } from '../../server/src/scan/cache';

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
    assert.equal(a, repack([], [], table));
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

  it('move from a worker batch table into the pool table unchanged', () => {
    const pool = new StringTable();
    // The pool's table already holds other strings: the batch's ids must be moved, not reused.
    pool.id('something else');
    pool.id(findings[findings.length - 1].message);
    const batch = new StringTable();
    const results = packResults([{ rel: 'a.ts', size: 1, mtimeMs: 2, findings }], batch);
    const [moved] = adoptResults({ results, strings: batch.strings }, pool);
    assert.equal(moved.rel, 'a.ts');
    assert.deepEqual(unpackFindings(moved.packed, pool.strings), findings);
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
