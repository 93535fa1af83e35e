// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// Runs the extension-host mocha suite (suite/index.ts, real `vscode` API) inside
// code-server, driven by Chromium. This is how VS Code's own browser integration
// tests run: the workbench URL carries a `payload` with extensionDevelopmentPath
// and extensionTestsPath; the tests run in the Node extension host on the server;
// the workbench reports through window.codeAutomationLog (mocha's output) and
// window.codeAutomationExit (0 = all passed).
//
// code-server's own log says "exited with code 0" even when tests fail, so the
// verdict comes from codeAutomationExit AND the JSON results file the suite writes
// (OSPO_E2E_RESULTS, set on code-server so the extension host sees it too).
//
// Environment:
//   OSPO_E2E_URL        code-server base URL, e.g. http://127.0.0.1:18123
//   OSPO_E2E_WORKSPACE  folder to open (a throw-away copy)
//   OSPO_E2E_EXTENSION  extension folder (the unpacked .vsix `extension/`)
//   OSPO_E2E_SUITE      compiled suite entry (out/test/e2e/suite/index.js)
//   OSPO_E2E_RESULTS    JSON results file written by the suite (optional)
//   OSPO_E2E_ARTIFACTS  folder for a screenshot on failure (optional)
//   OSPO_E2E_SUITE_TIMEOUT_MS  overall deadline (default 180000)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { env, launch, workbenchUrl, remoteUri, collectBrowserErrors } = require('./lib/browser');

async function main() {
  const baseUrl = env('OSPO_E2E_URL');
  const workspace = path.resolve(env('OSPO_E2E_WORKSPACE'));
  const extension = path.resolve(env('OSPO_E2E_EXTENSION'));
  const suite = path.resolve(env('OSPO_E2E_SUITE'));
  const resultsFile = process.env.OSPO_E2E_RESULTS;
  const artifacts = process.env.OSPO_E2E_ARTIFACTS;
  const timeoutMs = Number(process.env.OSPO_E2E_SUITE_TIMEOUT_MS || 180000);

  for (const [what, p] of [
    ['workspace', workspace],
    ['extension', path.join(extension, 'package.json')],
    ['suite', suite],
  ]) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found: ${p}`);
  }
  if (resultsFile) fs.rmSync(resultsFile, { force: true }); // never read a stale file

  const browser = await launch();
  const errors = collectBrowserErrors(browser.page);
  let verdict;
  try {
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    // Everything the extension host prints in test mode (the mocha reporter) arrives here.
    await browser.page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      (console[type] || console.log)(line);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code) => settle({ code }));
    browser.page.on('crash', () => settle({ error: 'the browser page crashed' }));
    const timer = setTimeout(() => settle({ error: `no result within ${timeoutMs} ms` }), timeoutMs);

    await browser.page.goto(
      workbenchUrl(baseUrl, workspace, [
        ['extensionDevelopmentPath', remoteUri(baseUrl, extension)],
        ['extensionTestsPath', remoteUri(baseUrl, suite)],
        ['skipWelcome', 'true'],
      ]),
    );
    verdict = await exited;
    clearTimeout(timer);
    if (verdict.error && artifacts) {
      await browser.page.screenshot({ path: path.join(artifacts, 'ext-host-failure.png') }).catch(() => {});
    }
  } finally {
    await browser.close();
  }

  const problems = [];
  if (verdict.error) problems.push(verdict.error);
  else if (verdict.code !== 0) problems.push(`codeAutomationExit(${verdict.code})`);
  if (resultsFile) {
    if (!fs.existsSync(resultsFile)) {
      problems.push(`the suite wrote no results file (${resultsFile})`);
    } else {
      const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      console.log(`results file: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
      if (results.failed > 0) problems.push(`${results.failed} test(s) failed`);
      if (results.passed === 0) problems.push('no test passed (did the suite find its test files?)');
    }
  }
  if (problems.length) {
    if (errors.length) console.log(`browser errors (last 20):\n${errors.slice(-20).join('\n')}`);
    throw new Error(problems.join('; '));
  }
  console.log('extension-host suite: PASS');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`extension-host suite: FAIL: ${e.message}`);
    process.exit(1);
  },
);
