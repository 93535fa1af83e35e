// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// Runs the extension-host suite (suite/index.ts) in DESKTOP VS Code through
// @vscode/test-electron, for developers who have VS Code installed.
//
// NOT run in CI: @vscode/test-electron downloads VS Code from
// update.code.visualstudio.com, which the CI machines cannot reach, and neither
// Debian nor npm ships a VS Code binary. CI runs the same suite inside
// code-server instead (test/e2e/run.sh).
//
//   npx tsc -b && npm run build
//   VSCODE_EXECUTABLE=/usr/share/code/code node out/test/e2e/test-electron.js
//
// Environment:
//   VSCODE_EXECUTABLE    path to the VS Code (or Insiders) executable; required
//                        unless OSPO_E2E_ALLOW_DOWNLOAD=1 lets test-electron
//                        download the latest stable build (needs internet).
//   OSPO_E2E_EXTENSION   extension folder to test (default: the repository root;
//                        point it at an unpacked .vsix `extension/` folder to
//                        test the packaged artefact)
//   OSPO_E2E_RESULTS     optional JSON results file, written by the suite
//
// @vscode/test-electron 2.5.x is used because 3.x needs Node 22.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..'); // out/test/e2e -> repo

/** A throw-away copy of examples/demo (the suite writes into its workspace). */
function makeWorkspace(tmp: string): string {
  const workspace = path.join(tmp, 'workspace');
  const demo = path.join(repoRoot, 'examples', 'demo');
  if (fs.existsSync(demo) && fs.readdirSync(demo).length > 0) {
    fs.cpSync(demo, workspace, { recursive: true });
  } else {
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(
      path.join(workspace, 'licensed.ts'),
      '// SPDX-FileCopyrightText: 2026 Example Corp\n// SPDX-License-Identifier: Apache-2.0\n\nexport const ok = true;\n',
    );
  }
  return workspace;
}

async function main(): Promise<void> {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath && process.env.OSPO_E2E_ALLOW_DOWNLOAD !== '1') {
    throw new Error('set VSCODE_EXECUTABLE to a desktop VS Code binary (or OSPO_E2E_ALLOW_DOWNLOAD=1 to download one)');
  }
  const extensionDevelopmentPath = path.resolve(process.env.OSPO_E2E_EXTENSION ?? repoRoot);
  if (!fs.existsSync(path.join(extensionDevelopmentPath, 'dist', 'client.js'))) {
    throw new Error(`${extensionDevelopmentPath}/dist/client.js is missing; run "npm run build" first`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ospo-e2e-electron-'));
  try {
    const env: Record<string, string> = {};
    if (process.env.OSPO_E2E_RESULTS) env.OSPO_E2E_RESULTS = path.resolve(process.env.OSPO_E2E_RESULTS);
    const exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: env,
      launchArgs: [
        makeWorkspace(tmp),
        '--disable-extensions', // other installed extensions stay off; the one under test still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(tmp, 'user-data')}`,
        `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ],
    });
    if (exitCode !== 0) throw new Error(`VS Code exited with ${exitCode}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => console.log('test-electron: PASS'),
  (err: unknown) => {
    console.error(`test-electron: FAIL: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
