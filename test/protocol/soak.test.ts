// Soak, load and resilience of the bundled server over stdio: thousands of open/edit/check/close
// cycles must not leak memory, a burst of edits must not queue a check per edit or make the
// server unresponsive, and a check that throws on one file must cost that file one
// `internal-error` diagnostic, not the server. The figures are printed so a run can be compared.

import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TestClient } from './lsp-client';
import { tempTree } from '../temp-tree';

const workspace = (files: Record<string, string>) => tempTree(files, 'ospo-soak-');

const policy = 'licenses:\n  project: MIT\nheaders:\n  copyright:\n    holder: "Example Corp"\n';
const good = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n';

/** The server's resident memory in MB, from /proc (Linux only; undefined elsewhere). */
function rssMb(client: TestClient): number | undefined {
  const pid = (client as unknown as { child: ChildProcess }).child.pid;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

describe('server soak, load and resilience', function () {
  this.timeout(120_000);
  let client: TestClient | undefined;
  const roots: string[] = [];
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });
  after(() => {
    for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  });

  it('10,000 cycles of didOpen / didChange / diagnostic / didClose: memory stays flat', async () => {
    const root = workspace({ '.ospo/policy.yaml': policy });
    roots.push(root);
    client = new TestClient();
    await client.initialize(root, { pull: true });
    const c = client;
    // A handful of names reused, as an editor reopens files; and a fresh name every 10th cycle, so
    // per-document state that is never dropped would show as growth.
    const cycle = async (i: number) => {
      const uri = `file://${root}/src/f${i % 10 === 0 ? i : i % 7}.ts`;
      const text = i % 2 ? good + `export const v${i} = ${i};\n` : `export const v${i} = ${i};\n// AI-generated\n`;
      await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }],
      });
      const report: DocumentDiagnosticReport = await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return report;
    };
    // Warm up: the first checks load the policy, the engine's tables and JIT-compiled code, and the
    // heap grows to its working size.
    for (let i = 0; i < 6000; i++) await cycle(i);
    const before = rssMb(c);
    const samples: number[] = [];
    const started = Date.now();
    const cycles = 10_000;
    for (let i = 0; i < cycles; i++) {
      const report = await cycle(i);
      if (i === 0 && report.kind === 'full') assert.ok(report.items.length >= 1, 'diagnostics are computed');
      if (i % 250 === 249) samples.push(rssMb(c) ?? 0);
    }
    const ms = Date.now() - started;
    // Still answering, and with the right findings.
    const last = await cycle(1);
    assert.ok(last.kind === 'full' && last.items.every((d) => d.code !== 'internal-error'));
    const after = rssMb(c);
    // RSS moves up and down with garbage collection: a leak shows as a floor that keeps rising, so
    // the lowest of the last samples is compared with the start.
    const floor = Math.min(...samples.slice(-8));
    console.log(
      `      soak: ${cycles} cycles in ${(ms / 1000).toFixed(1)} s (${(ms / cycles).toFixed(2)} ms/cycle); server RSS ${before?.toFixed(1)} MB before, ${after?.toFixed(1)} MB after (range ${Math.min(...samples).toFixed(1)}–${Math.max(...samples).toFixed(1)}, floor of the last 2,000 cycles ${floor.toFixed(1)} MB)`,
    );
    if (before !== undefined && after !== undefined) assert.ok(floor - before < 50, `RSS grew by ${(floor - before).toFixed(1)} MB`);
    assert.deepEqual(c.loggedErrors, []);
  });

  it('a burst of 1,000 edits in a second on a 5,000-line document: few checks, only the newest published, hover answers at once', async () => {
    const root = workspace({ '.ospo/policy.yaml': policy });
    roots.push(root);
    client = new TestClient();
    await client.initialize(root, { pull: false });
    const c = client;
    const uri = `file://${root}/src/big.ts`;
    const lines = Array.from({ length: 5000 }, (_, i) => `export const value${i} = ${i}; // line ${i} of a long file`);
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: lines.join('\n') + '\n' } });
    await c.until(() => c.diagnosticsFor(uri, 1), 'first diagnostics');
    const publishedBefore = c.publishedUris.filter((u) => u === uri).length;
    const versions: number[] = [];
    // One handler per method: this one does what TestClient's does, and records the versions.
    c.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri && p.version) versions.push(p.version);
      c.pushed.set(p.uri, p);
      c.publishedUris.push(p.uri);
      (c as unknown as { notify(): void }).notify();
    });

    const edits = 1000;
    const started = Date.now();
    for (let v = 2; v < edits + 2; v++) {
      // Typing on line 2500, and now and then a line break that shifts the rest of the file.
      const text = v % 50 === 0 ? '\n' : 'x';
      void c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: 2500, character: 0 }, end: { line: 2500, character: 0 } }, text }],
      });
      // Spread over about a second, as fast typing and a paste storm would.
      if (v % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 90));
    }
    const sent = Date.now() - started;
    // Right after the burst: a hover (which checks the document itself) must answer promptly.
    const hoverStarted = Date.now();
    await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const hoverMs = Date.now() - hoverStarted;
    const lastVersion = edits + 1;
    const final = await c.until(() => c.diagnosticsFor(uri, lastVersion), 'diagnostics for the last version', 10_000);
    const settled = Date.now() - started;
    assert.deepEqual(
      final.map((d) => d.code),
      ['header-missing'],
    );
    const publishes = c.publishedUris.filter((u) => u === uri).length - publishedBefore;
    console.log(
      `      burst: ${edits} edits sent in ${sent} ms; hover answered in ${hoverMs} ms; ${publishes} publishes (versions ${versions.slice(0, 5).join(', ')}${versions.length > 5 ? ', …' : ''}); newest version published ${settled} ms after the burst began`,
    );
    assert.ok(hoverMs < 2000, `hover took ${hoverMs} ms`);
    // Stale checks are dropped, not queued one per edit.
    assert.ok(publishes < edits / 5, `${publishes} publishes for ${edits} edits`);
    // Never an older version after a newer one.
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
    );
    assert.equal(versions[versions.length - 1], lastVersion);
    assert.deepEqual(c.loggedErrors, []);
  });

  describe('a check that throws (OSPO_TEST_CRASH_ON, a test-only hook)', () => {
    let saved: string | undefined;
    before(() => {
      saved = process.env.OSPO_TEST_CRASH_ON;
      process.env.OSPO_TEST_CRASH_ON = 'boom.ts';
    });
    after(() => {
      if (saved === undefined) delete process.env.OSPO_TEST_CRASH_ON;
      else process.env.OSPO_TEST_CRASH_ON = saved;
    });

    for (const pull of [false, true]) {
      it(`${pull ? 'pull' : 'push'} mode: the file gets one internal-error diagnostic, the error is logged with its name, other files are still checked`, async () => {
        const root = workspace({ '.ospo/policy.yaml': policy, 'src/boom.ts': 'export const a = 1;\n', 'src/ok.ts': 'export const b = 1;\n' });
        roots.push(root);
        client = new TestClient(); // inherits OSPO_TEST_CRASH_ON from this process
        await client.initialize(root, { pull });
        const c = client;
        const diagnosticsOf = async (name: string) => {
          const uri = `file://${root}/src/${name}`;
          await c.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'typescript', version: 1, text: fs.readFileSync(path.join(root, 'src', name), 'utf8') },
          });
          if (!pull) return c.until(() => c.diagnosticsFor(uri, 1), `diagnostics for ${name}`);
          const report: DocumentDiagnosticReport = await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
          return report.kind === 'full' ? report.items : [];
        };
        const boom = await diagnosticsOf('boom.ts');
        assert.equal(boom.length, 1);
        assert.equal(boom[0].code, 'internal-error');
        assert.equal(boom[0].source, 'ospo');
        assert.equal(boom[0].codeDescription, undefined, 'no rule page for it');
        assert.match(String(boom[0].message), /internal error: test crash on boom\.ts/);
        const ok = await diagnosticsOf('ok.ts');
        assert.deepEqual(
          ok.map((d) => d.code),
          ['header-missing'],
          'the next file is still checked',
        );
        assert.ok(
          c.loggedErrors.some((m) => m.includes(path.join(root, 'src/boom.ts')) && m.includes('failed')),
          c.loggedErrors.join('\n'),
        );
        // Requests that check the document (hover, code lens, code actions) do not fail either.
        const uri = `file://${root}/src/boom.ts`;
        await c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
        await c.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
        await c.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: boom[0].range, context: { diagnostics: boom } });
        // Logged once for the version, not once per request.
        assert.equal(c.loggedErrors.filter((m) => m.includes('boom.ts')).length, 1);
      });
    }
  });

  it('an open document larger than 10 MB is not checked as you type, and the server says why in its log', async () => {
    const root = workspace({ '.ospo/policy.yaml': policy });
    roots.push(root);
    client = new TestClient();
    await client.initialize(root, { pull: true });
    const c = client;
    const logged: string[] = [];
    // One handler per method: this one keeps every message, not only errors.
    c.connection.onNotification('window/logMessage', (p: { message: string }) => {
      logged.push(p.message);
    });
    const uri = `file://${root}/one-line.js`;
    const text = 'var a=' + 'x'.repeat(50 * 1024 * 1024) + ';';
    await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
    const started = Date.now();
    const report: DocumentDiagnosticReport = await c.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const ms = Date.now() - started;
    assert.ok(report.kind === 'full' && report.items.length === 0);
    assert.ok(ms < 5000, `took ${ms} ms`);
    await c.until(() => logged.some((m) => /Skipped .*one-line\.js: larger than 10 MB/.test(m)) || undefined, 'the skip in the log');
    console.log(`      50 MB one-line document: diagnostic answered in ${ms} ms (skipped by size)`);
  });
});
