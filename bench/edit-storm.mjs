// The language server under an edit storm (issue 7/7, H): a 9.5 MB document gets 2,000 one-character
// edits, one every PACE ms (0: as fast as the client sends them), while hovers are asked every 25 ms. Reports the hovers'
// latency (p50, p99, max), how many diagnostics the server published, and how long after the last
// edit the diagnostics of the last version came. Push mode (publishDiagnostics) and pull mode
// (textDocument/diagnostic, VS Code's) in turn. The baseline, measured in the same run, is the same
// hovers on the same document with no edits.
// Usage: npm run build && npx tsc -b && node bench/edit-storm.mjs [edits] [pace ms] [file]

import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { TestClient } = require('../out/test/protocol/lsp-client.js');

const edits = Number(process.argv[2] ?? 2000);
const pace = Number(process.argv[3] ?? 2);
const source = process.argv[4] ?? new URL('../node_modules/typescript/lib/typescript.js', import.meta.url).pathname;
const body = fs.readFileSync(source, 'utf8');
// About 9.5 MB, with a header so the check has something to read at the top.
const text = '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: MIT\n' + body + body.slice(0, Math.max(0, 9.5e6 - body.length));

const pick = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pick(s, 0.5), p99: pick(s, 0.99), max: s[s.length - 1] ?? NaN };
};

async function until(test, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function run(pull, storm) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-storm-'));
  const file = path.join(root, 'big.js');
  fs.writeFileSync(file, text);
  const uri = 'file://' + file;
  const client = new TestClient();
  let pulls = 0;
  try {
    await client.initialize(root, { pull });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'javascript', version: 1, text } });
    // The first check of the opened document, before the clock starts.
    if (pull) await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    else await until(() => client.pushed.get(uri)?.version === 1, 120_000);
    const published = client.publishedUris.length;
    const latencies = [];
    let stop = false;
    const hovers = (async () => {
      while (!stop) {
        const t0 = performance.now();
        await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    let version = 1;
    const line = 5000;
    const t0 = performance.now();
    if (storm) {
      for (let i = 0; i < edits; i++) {
        version++;
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
        });
        // As VS Code does, a pull after each change; an older pull in flight is cancelled by the client.
        if (pull) {
          pulls++;
          void client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);
        }
        if (pace > 0) await new Promise((r) => setTimeout(r, pace));
        else if (i % 20 === 0) await new Promise((r) => setImmediate(r));
      }
    } else await new Promise((r) => setTimeout(r, 3000));
    const sent = performance.now();
    // The diagnostics of the last version.
    let settled;
    if (pull) {
      await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      settled = performance.now();
    } else {
      await until(() => client.pushed.get(uri)?.version === version, 300_000);
      settled = performance.now();
    }
    stop = true;
    await hovers;
    return {
      hover: summary(latencies),
      published: client.publishedUris.length - published,
      pulls,
      stormMs: sent - t0,
      lastDiagnosticsMs: settled - sent,
    };
  } finally {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(
  `document: ${(text.length / 1e6).toFixed(1)} MB; ${edits} one-character edits, ${pace ? `one every ${pace} ms` : 'as fast as they go'}; a hover every 25 ms`,
);
for (const pull of [false, true]) {
  const base = await run(pull, false);
  const storm = await run(pull, true);
  console.log(`\n${pull ? 'pull' : 'push'} mode`);
  console.log(`  no edits (baseline): hover p50 ${ms(base.hover.p50)}, p99 ${ms(base.hover.p99)}, max ${ms(base.hover.max)} (${base.hover.n} hovers)`);
  console.log(
    `  edit storm:          hover p50 ${ms(storm.hover.p50)}, p99 ${ms(storm.hover.p99)}, max ${ms(storm.hover.max)} (${storm.hover.n} hovers); ` +
      `storm sent in ${ms(storm.stormMs)}; ${pull ? `${storm.pulls} pulls` : `${storm.published} publications`}; last version's diagnostics ${ms(storm.lastDiagnosticsMs)} after the last edit`,
  );
  console.log(`  hover p99 ratio, storm / baseline: ${(storm.hover.p99 / base.hover.p99).toFixed(1)}×`);
}
process.exit(0);
