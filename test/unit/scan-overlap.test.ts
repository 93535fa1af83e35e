// The work after a scan's checks, and the publishing of its diagnostics, let the language server's event loop
// turn (scan/slices.ts). In those turns another scan of the same folder may start, or its result replace what is
// shown. Neither may mix with the older one: each case here failed before the older scan stopped on seeing it.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../server/src/engine/findings';
import { defaultPolicy, type Policy } from '../../server/src/engine/policy/model';
import { WorkspaceScan, type ScanHost } from '../../server/src/lsp/workspace-scan';
import type { FolderState } from '../../server/src/lsp/folders';
import { GitHistory } from '../../server/src/io/git-history';
import { GitRules } from '../../server/src/io/git-rules';
import { defaultSettings } from '../../shared/contributes';
import { ScanCache } from '../../server/src/scan/cache';
import { packFindings, StringTable } from '../../server/src/scan/compact';
import { findingsOf, scanFolder, type ScanReport } from '../../server/src/scan/scanner';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('a scan and a newer one of the same folder', function () {
  this.timeout(60_000);

  it('publishing: the older folder’s showing stops, so the newer findings stay shown and the fixed files cleared', async () => {
    const root = '/tmp/ospo-overlap-root';
    const onScreen = new Map<string, string>();
    const host = {
      connection: {
        // Resolved at once, as VS Code's IPC writer and the stdio writer (lsp/stdio.ts) do.
        sendDiagnostics: ({ uri, diagnostics }: { uri: string; diagnostics: { message: string }[] }) => {
          if (diagnostics.length) onScreen.set(uri, diagnostics[0].message);
          else onScreen.delete(uri);
          return Promise.resolve();
        },
        window: { showInformationMessage: () => undefined },
      },
      isOpen: () => false,
      log: () => undefined,
    } as unknown as ScanHost;
    const finding = (message: string): Finding => ({
      rule: 'header-missing',
      severity: 'warning',
      message,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    const folder = (prefix: string, message: string) => {
      const strings = new StringTable();
      const findings = new Map(Array.from({ length: 3000 }, (_, i) => [`${prefix}${i}.ts`, packFindings([finding(message)], strings)] as const));
      return { state: { root, baseline: {}, git: { isIgnored: () => false } }, display: undefined, findings, strings, listed: new Set(findings.keys()) };
    };
    const scan = new WorkspaceScan(host) as unknown as {
      folders: Map<string, unknown>;
      showFolder(root: string): Promise<void>;
      reshow(root: string): Promise<void>;
    };
    const older = folder('a', 'old');
    scan.folders.set(root, older);
    await scan.showFolder(root);
    // The older folder is shown again (its baseline changed, say), and a turn later a newer scan's result, in which
    // the a* files are fixed and the b* files have findings, replaces it.
    for (const rel of older.findings.keys()) older.findings.set(rel, packFindings([finding('old, shown again')], older.strings));
    const reshown = scan.reshow(root);
    await nextTurn();
    scan.folders.set(root, folder('b', 'new'));
    await Promise.all([reshown, scan.showFolder(root)]);
    const shown = [...onScreen.entries()];
    assert.equal(shown.filter(([uri]) => uri.includes('/a')).length, 0, 'the fixed files are cleared');
    assert.equal(shown.filter(([uri, message]) => uri.includes('/b') && message === 'new').length, 3000, 'the newer findings are all shown');
  });

  it('scans of the workspace run one after the other, and what the last one found is what is shown', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-queue-'));
    const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-queue-cache-'));
    const savedCacheHome = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cacheHome;
    try {
      for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(root, `f${i}.ts`), 'export const x = 1;\n');
      const onScreen = new Map<string, string>();
      const host = {
        connection: {
          sendDiagnostics: ({ uri, diagnostics }: { uri: string; diagnostics: { code?: string }[] }) => {
            if (diagnostics.length) onScreen.set(uri, diagnostics.map((d) => d.code).join());
            else onScreen.delete(uri);
            return Promise.resolve();
          },
          window: { showInformationMessage: () => undefined },
        },
        isOpen: () => false,
        log: () => undefined,
        settings: async () => defaultSettings,
        editorEncoding: async () => undefined,
        fileEncodings: () => new Map<string, string>(),
      } as unknown as ScanHost;
      const state = (policy: Policy, version: number): FolderState => ({
        root,
        policy,
        problems: [],
        dependencies: [],
        version,
        git: new GitRules(root),
        history: new GitHistory(root),
        applySeq: 0,
        baseline: {},
      });
      // The second scan's policy does not ask for a header: its files have no findings.
      const relaxed = defaultPolicy();
      relaxed.headers.required = false;
      relaxed.headers.copyright.required = false;
      const scan = new WorkspaceScan(host);
      const events: string[] = [];
      const token = { isCancellationRequested: false };
      const first = scan.scan([state(defaultPolicy(), 1)], token, () => events.push('first reports')).then((s) => (events.push('first done'), s));
      const second = scan.scan([state(relaxed, 2)], token, () => events.push('second reports')).then((s) => (events.push('second done'), s));
      const [a, b] = await Promise.all([first, second]);
      assert.ok(a.findings >= 400, `the first scan: ${a.findings} findings`);
      assert.equal(b.findings, 0);
      assert.ok(events.includes('second reports'), events.join());
      assert.ok(
        events.indexOf('first done') < events.indexOf('second reports'),
        `the second scan started before the first ended: ${[...new Set(events)].join(' → ')}`,
      );
      assert.equal(onScreen.size, 0, 'the first scan’s diagnostics are cleared by the second');
    } finally {
      if (savedCacheHome === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = savedCacheHome;
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  it('the cache: an older scan superseded while it keeps its results leaves the newer scan’s cache alone, and says it was cancelled', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-overlap-'));
    try {
      for (let i = 0; i < 3000; i++)
        fs.writeFileSync(
          path.join(root, `f${i}.ts`),
          i % 2 ? 'export const x = 1;\n' : '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\nexport {};\n',
        );
      // Two policies, so two cache keys: the newer scan keys the shared cache anew.
      const policy = (holder: string): Policy => {
        const p = defaultPolicy();
        p.headers.copyright.holder = holder;
        p.licenses.deny = holder === 'Beta Corp' ? ['MIT'] : [];
        return p;
      };
      const dates = { currentYear: 2026, today: '2026-11-30' };
      const cache = new ScanCache();
      let newer: Promise<ScanReport> | undefined;
      const keep = cache.keep.bind(cache);
      // The newer scan starts as the older one's results loop starts; each keep costs 10 µs, as a loop over a
      // large tree costs in all, so that the loop lets the event loop turn while the newer scan runs.
      cache.keep = (r) => {
        newer ??= scanFolder({ root, policy: policy('Beta Corp'), cache, workers: 1, ...dates });
        const until = performance.now() + 0.01;
        while (performance.now() < until);
        return keep(r);
      };
      const older = await scanFolder({ root, policy: policy('Alpha Corp'), cache, workers: 1, ...dates });
      cache.keep = keep;
      assert.ok(newer, 'the newer scan started');
      const got = await newer;
      const fresh = await scanFolder({ root, policy: policy('Beta Corp'), cache: new ScanCache(), workers: 1, ...dates });
      const shape = (report: ScanReport) =>
        Object.fromEntries(
          report.files.map((f) => [
            f.rel,
            findingsOf(report, f)
              .map((x) => `${x.rule}: ${x.message}`)
              .sort()
              .join(' | '),
          ]),
        );
      assert.equal(got.cancelled, false);
      assert.deepEqual(shape(got), shape(fresh));
      assert.equal(older.cancelled, true, 'the older scan was superseded');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
