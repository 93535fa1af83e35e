// Whole-workspace benchmark on the Linux 6.1 kernel tree (about 78,000 files): `ospo check` against
// ripgrep (the read-everything floor) and, where installed, `reuse lint`, timed in the same run
// and reported as ratios, since absolute times on this machine vary from run to run. Also: peak
// memory of the CLI and of the language server after a scan, the time to re-check one changed
// file, and per-keystroke diagnostics on a 10,000-line file. A benchmark, not a test: it fails
// on nothing but a broken run.
// Usage: npm run bench [-- corpus-folder]   (fetches the kernel into ~/.cache/ospo-bench if missing)

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultCorpus, ensureKernelCorpus } from './lib/corpus.mjs';

const require = createRequire(import.meta.url);
const repo = path.resolve(new URL('..', import.meta.url).pathname);
const corpus = ensureKernelCorpus(path.resolve(process.argv[2] ?? defaultCorpus));
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!fs.existsSync(path.join(repo, 'dist/cli.js')) || !fs.existsSync(path.join(repo, 'out/server/src/scan/walk.js'))) {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'inherit' });
  execFileSync('npx', ['tsc', '-b'], { cwd: repo, stdio: 'inherit' });
}

/** Runs a command twice (the first also warms the page cache) and keeps the faster run. */
function best(label, cmd, args, opts = {}) {
  let keep;
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: corpus, maxBuffer: 1 << 30, encoding: 'utf8', ...opts });
    const ms = performance.now() - t;
    if (r.error) throw r.error;
    const rss = /OSPO_PEAK_RSS_KB=(\d+)/.exec(r.stderr ?? '')?.[1];
    if (!keep || ms < keep.ms) keep = { label, ms, rssMb: rss ? Number(rss) / 1024 : undefined, stdout: r.stdout, status: r.status };
  }
  return keep;
}

const ospo = (...args) => [['--require', path.join(repo, 'bench/lib/peak-rss.cjs'), path.join(repo, 'bin/ospo.js'), 'check', '.', '--format', 'json', ...args]];
process.stderr.write(`corpus: ${corpus}\n`);
const rows = [];
const rg = has('rg')
  ? best('rg -l --max-count 1 SPDX-License-Identifier', 'rg', ['--no-require-git', '-l', '--max-count', '1', 'SPDX-License-Identifier', '.'])
  : undefined;
if (rg) rows.push(rg);
const all = best('ospo check (all rules)', process.execPath, ...ospo());
const header = best('ospo check --rules header', process.execPath, ...ospo('--rules', 'header'));
rows.push(all, header);
const reuse = has('reuse') ? best('reuse lint', 'reuse', ['lint', '--quiet']) : undefined;
if (reuse) rows.push(reuse);

const report = JSON.parse(all.stdout);
const byRule = {};
for (const f of report.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;

console.log(
  `\n## Kernel tree: ${report.files.toLocaleString('en')} files checked, ${report.skipped.length} skipped, ${report.findings.length.toLocaleString('en')} findings`,
);
console.log(`findings by rule: ${JSON.stringify(byRule)}\n`);
console.log('| run | wall time | vs rg | peak RSS |');
console.log('|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${(r.ms / 1000).toFixed(2)} s | ${rg ? (r.ms / rg.ms).toFixed(2) + ' ×' : '–'} | ${r.rssMb ? r.rssMb.toFixed(0) + ' MB' : '–'} |`,
  );
}
if (reuse) console.log(`\nreuse lint / ospo check (all rules): ${(reuse.ms / all.ms).toFixed(1)} × faster`);
if (!reuse) console.log('\n(reuse is not installed: `apt-get install -y reuse` to compare with it)');

// --- Agreement with a plain count: files with no SPDX-License-Identifier in their first lines.
const { listFiles } = require('../out/server/src/scan/walk.js');
const { GitRules } = require('../out/server/src/io/git-rules.js');
const { defaultPolicy } = require('../out/server/src/engine/policy/model.js');
const { exemptReason, skipText } = require('../out/server/src/engine/coverage.js');
/** Why the path is not a Covered File, in words, if it is not one. */
const exemptText = (rel) => {
  const reason = exemptReason(rel);
  return reason && skipText(reason, 'en');
};
const { isGeneratedText } = require('../out/server/src/engine/generated.js');
const listing = await listFiles(corpus, defaultPolicy(), new GitRules(corpus));
const missing = new Set(report.findings.filter((f) => f.rule === 'header-missing').map((f) => f.file));
const skipped = new Map(report.skipped.map((s) => [s.file, s.reason]));
const onlyPlain = {};
const onlyOspo = {};
let plain = 0;
const buf = Buffer.alloc(4096);
for (const rel of listing.files) {
  const fd = fs.openSync(path.join(corpus, rel), 'r');
  const n = fs.readSync(fd, buf, 0, 4096, 0);
  fs.closeSync(fd);
  const head = buf.toString('utf8', 0, n);
  const lacks = !head.split('\n').slice(0, 10).join('\n').includes('SPDX-License-Identifier');
  if (lacks) plain++;
  if (lacks && !missing.has(rel)) {
    const reason =
      skipped.get(rel) ??
      exemptText(rel) ??
      (n === 0
        ? 'empty file'
        : isGeneratedText(head)
          ? 'generated file'
          : fs.existsSync(path.join(corpus, rel + '.license'))
            ? 'licensed by a .license sidecar'
            : 'other');
    (onlyPlain[reason] ??= []).push(rel);
  } else if (!lacks && missing.has(rel)) {
    (onlyOspo['SPDX-License-Identifier in the first 10 lines, but not in a comment header ospo recognises'] ??= []).push(rel);
  }
}
console.log(
  `\nPlain count (no SPDX-License-Identifier in the first 10 lines): ${plain.toLocaleString('en')} files; ospo's header-missing: ${missing.size.toLocaleString('en')} files.`,
);
const explain = (title, groups) => {
  console.log(title);
  for (const [reason, files] of Object.entries(groups).sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${files.length.toLocaleString('en').padStart(6)}  ${reason}  (e.g. ${files.slice(0, 3).join(', ')})`);
  }
};
explain('In the plain count, not flagged by ospo:', onlyPlain);
explain('Flagged by ospo, not in the plain count:', onlyOspo);

// --- The language server: a full scan, a rescan from the cache, one changed file, keystrokes.
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const rootUri = 'file://' + corpus;
// The keystroke document's folder, a workspace folder of its own (empty at the scans): a file outside every
// workspace folder is not checked at all, so its round trip would time the protocol alone.
const docDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-bench-doc-'));
const cacheHomes = [];
/**
 * A language server over stdio with a scan cache of its own, initialized with the tree and the keystroke folder;
 * `env`: what to add to its environment.
 */
async function startServer(env = {}) {
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-bench-cache-'));
  cacheHomes.push(cacheHome);
  const server = spawn(process.execPath, [path.join(repo, 'dist/server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env, XDG_CACHE_HOME: cacheHome },
  });
  const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    waiting.get(p.uri)?.();
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ enable: true, policyFile: '' })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [
      { uri: rootUri, name: 'linux' },
      { uri: 'file://' + docDir, name: 'keystrokes' },
    ],
    capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
  });
  await conn.sendNotification('initialized', {});
  return { server, conn, waiting };
}
const { server, conn, waiting } = await startServer();
const procStatus = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const vmHwm = () => procStatus('VmHWM');

let t = performance.now();
const first = await conn.sendRequest('workspace/executeCommand', { command: 'ospo.server.scanWorkspace', arguments: [] });
const scanMs = performance.now() - t;
const serverRss = vmHwm();
// Idle: what the server keeps once the scan is over (the target), a few seconds after it, not its peak.
// The server collects the scan's garbage when the scan's cache is saved, and again 10 s later
// (server/src/lsp/memory.ts): the 30 s figure is after both.
await new Promise((resolve) => setTimeout(resolve, 5000));
const idleRss = procStatus('VmRSS');
await new Promise((resolve) => setTimeout(resolve, 25000));
const settledRss = procStatus('VmRSS');
t = performance.now();
const second = await conn.sendRequest('workspace/executeCommand', { command: 'ospo.server.scanWorkspace', arguments: [] });
const rescanMs = performance.now() - t;

// One changed file: give it a license tag, then take it away again (the server sends diagnostics only
// when they change), tell the server, time the new diagnostics. The file ends as it was.
const changedRel = report.findings.find((f) => f.rule === 'header-missing').file;
const changedPath = path.join(corpus, changedRel);
const changedUri = 'file://' + changedPath;
const original = fs.readFileSync(changedPath);
const tagged = Buffer.concat([Buffer.from('/* SPDX-License-Identifier: GPL-2.0-only */\n'), original]);
const recheck = [];
for (let i = 0; i < 20; i++) {
  fs.writeFileSync(changedPath, i % 2 ? original : tagged);
  const got = new Promise((resolve) => waiting.set(changedUri, resolve));
  t = performance.now();
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: changedUri, type: 2 }] });
  await got;
  recheck.push(performance.now() - t);
}

// Keystrokes on a 10,000-line file: change one line, pull diagnostics, measure the round trip.
// First a file with no header in the same folder, which must get header-missing: else nothing below is checked.
const probe = path.join(docDir, 'probe.ts');
fs.writeFileSync(probe, 'export const x = 1;\n');
await conn.sendNotification('textDocument/didOpen', {
  textDocument: { uri: 'file://' + probe, languageId: 'typescript', version: 1, text: 'export const x = 1;\n' },
});
const probed = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: 'file://' + probe } });
if (!probed.items?.some((d) => d.code === 'header-missing')) throw new Error(`the keystroke document's folder is not checked: ${JSON.stringify(probed)}`);
await conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file://' + probe } });
// A 10,000-line file with a header and code, whose first lines decide its findings (lsp/diagnostics.ts
// checkStart); the same file with an AI marker further down, which the whole-text passes must read
// on every keystroke; and a 20-line file, whose round trip is the protocol's alone: the floor.
const codeLines = ['// SPDX-FileCopyrightText: 2026 Example Corp', '// SPDX-License-Identifier: Apache-2.0', ''];
while (codeLines.length < 10_000) codeLines.push(`export const value${codeLines.length} = ${codeLines.length} * 2; // some code`);
const marked = [...codeLines];
marked.splice(3_000, 0, '// AI-Generated-By: GitHub Copilot', '// AI-Reviewed-By: Example Reviewer <reviewer@example.com>');
/** Opens a file of `lines` in the keystroke folder, with its first diagnostics: its URI. */
async function openDocument(connection, name, lines) {
  const file = path.join(docDir, name);
  const text = lines.join('\n') + '\n';
  fs.writeFileSync(file, text);
  const uri = 'file://' + file;
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
  await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  return uri;
}
/**
 * Types one character at a time into the lines from `typedAt` on, while `more(count)`, `pauseMs` apart, and
 * times each keystroke's round trip: didChange, then a pull of the diagnostics.
 */
async function typeInto(connection, uri, lineCount, typedAt, more, pauseMs = 0) {
  const times = [];
  for (let v = 2; more(times.length); v++) {
    const line = typedAt + (v % Math.min(100, lineCount - typedAt - 1));
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
    });
    const start = performance.now();
    await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    times.push(performance.now() - start);
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return times;
}
async function keystrokes(name, lines, typedAt) {
  const uri = await openDocument(conn, name, lines);
  const times = await typeInto(conn, uri, lines.length, typedAt, (n) => n < 400);
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return times;
}
const keys = await keystrokes('big.ts', codeLines, 5_000);
const keysMarked = await keystrokes('marked.ts', marked, 5_000);
const keysFloor = await keystrokes('small.ts', codeLines.slice(0, 20), 5);
// The same checks in this process, without the JSON-RPC round trip: the server's own time per keystroke.
const { LineDocument } = require('../out/server/src/lsp/line-document.js');
const { checkStart } = require('../out/server/src/lsp/diagnostics.js');
const { checkText } = require('../out/server/src/engine/check.js');
function inProcess(lines, fromStart) {
  const doc = new LineDocument('file:///bench/big.ts', 'typescript', 1, lines.join('\n') + '\n');
  const input = (text) => ({ path: 'big.ts', text });
  if (!checkStart(doc, input, defaultPolicy()) !== !fromStart) throw new Error(`the start of the file ${fromStart ? 'does not decide' : 'decides'} it`);
  const times = [];
  for (let v = 2; v < 402; v++) {
    const line = 5_000 + (v % 100);
    t = performance.now();
    doc.update([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }], v);
    if (!checkStart(doc, input, defaultPolicy())) checkText(input(doc.getText()), defaultPolicy());
    times.push(performance.now() - t);
  }
  return times;
}
const inProcessKeys = inProcess(codeLines, true);
const inProcessMarked = inProcess(marked, false);

// Typing while a full scan runs, in a second server with an empty cache: a keystroke every 30 ms, each
// timed as above, from the scan's start to its summary. It is started with the environment the VS Code client
// gives the server (shared/protocol.ts), and its idle memory measured 30 s after the scan too.
const { serverEnvironment } = require('../out/shared/protocol.js');
const scanning = await startServer(serverEnvironment);
const typedUri = await openDocument(scanning.conn, 'typed.ts', codeLines);
let scanDone = false;
t = performance.now();
const typedScan = scanning.conn.sendRequest('workspace/executeCommand', { command: 'ospo.server.scanWorkspace', arguments: [] }).then(() => {
  scanDone = true;
  return performance.now() - t;
});
const keysScanning = await typeInto(scanning.conn, typedUri, codeLines.length, 5_000, () => !scanDone, 30);
const typedScanMs = await typedScan;
await new Promise((resolve) => setTimeout(resolve, 30000));
const clientEnvRss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${scanning.server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
await scanning.conn.sendRequest('shutdown');
await scanning.conn.sendNotification('exit');
scanning.server.kill();
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
server.kill();
for (const dir of cacheHomes) fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(docDir, { recursive: true, force: true });

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
console.log('\n## Language server on the same tree');
console.log(`| measure | value |\n|---|---|`);
console.log(
  `| full scan (command to summary) | ${(scanMs / 1000).toFixed(2)} s, ${first.files.toLocaleString('en')} files, ${first.findings.toLocaleString('en')} findings (${rg ? (scanMs / rg.ms).toFixed(2) + ' × rg' : ''}) |`,
);
console.log(`| second scan, unchanged tree (cache) | ${(rescanMs / 1000).toFixed(2)} s, ${second.checkedNow} files read again |`);
console.log(`| peak RSS of the server after the scan | ${serverRss.toFixed(0)} MB |`);
console.log(`| idle RSS of the server, 5 s after the scan | ${idleRss.toFixed(0)} MB |`);
console.log(`| idle RSS of the server, 30 s after the scan | ${settledRss.toFixed(0)} MB |`);
console.log(`| the same, started with the VS Code client's environment (${Object.keys(serverEnvironment).join(', ')}) | ${clientEnvRss.toFixed(0)} MB |`);
console.log(`| re-check one changed file (event to diagnostics) | p50 ${pct(recheck, 50).toFixed(1)} ms, max ${Math.max(...recheck).toFixed(1)} ms |`);
const keyRow = (label, xs) => `| ${label} | p50 ${pct(xs, 50).toFixed(2)} ms, p99 ${pct(xs, 99).toFixed(2)} ms |`;
console.log(keyRow('keystroke on a 10,000-line file (didChange + pull diagnostics round trip)', keys));
console.log(keyRow('the same, with an AI marker further down (the whole text is read each time)', keysMarked));
console.log(keyRow('the same on a 20-line file: the round trip alone, the floor', keysFloor));
console.log(
  `| the same, a keystroke every 30 ms during a full scan (${(typedScanMs / 1000).toFixed(2)} s) | p50 ${pct(keysScanning, 50).toFixed(2)} ms, p99 ${pct(keysScanning, 99).toFixed(2)} ms, max ${Math.max(...keysScanning).toFixed(0)} ms |`,
);
console.log(keyRow('the 10,000-line file in process (edit and check, no JSON-RPC)', inProcessKeys));
console.log(keyRow('the file with a marker in process', inProcessMarked));
