// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// Mocha entry point for the extension host (the `extensionTestsPath`), the way
// @vscode/test-electron expects it: `run()` resolves when every test passed and
// rejects otherwise. The same file serves code-server (test/e2e/run.sh) and
// desktop VS Code (test/e2e/test-electron.ts).
//
// When OSPO_E2E_RESULTS names a file, a JSON summary is written there, because
// code-server does not report the test outcome reliably on its own.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

function writeResults(file: string, results: TestResult[]): void {
  const count = (state: TestResult['state']) => results.filter((r) => r.state === state).length;
  const summary = { passed: count('passed'), failed: count('failed'), pending: count('pending'), tests: results };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000 });
  // Loaded with require() (Mocha#loadFiles), so `import * as vscode` in the tests
  // goes through the extension host's module interceptor.
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const results: TestResult[] = [];
  const resultsFile = process.env.OSPO_E2E_RESULTS;
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (resultsFile) writeResults(resultsFile, results);
        if (files.length === 0) reject(new Error(`no *.test.js files in ${__dirname}`));
        else if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
      // `fail` also fires for hooks; record those too, they fail the run.
      runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err?.stack ?? String(err) }));
    } catch (err) {
      if (resultsFile) {
        writeResults(resultsFile, [{ title: 'load test files', state: 'failed', error: String((err as Error)?.stack ?? err) }]);
      }
      reject(err);
    }
  });
}
