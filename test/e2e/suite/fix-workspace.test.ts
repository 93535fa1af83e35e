// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// "OSPO: Fix all in workspace" in the real editor, on the suite's throw-away copy of the demo: header insertions
// reach the disk with no preview, a license change waits for confirmation. Runs after extension.test.ts (file order),
// whose checks expect the demo's files still without headers.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

interface FixAllOutcome {
  files: number;
  headers: number;
  confirm: number;
  error?: string;
}

const onDisk = async (uri: vscode.Uri) => Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');

describe('Fix all in workspace', function () {
  this.timeout(90_000);

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes the headers to the files on disk at once, and leaves the license change for confirmation', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const at = (rel: string) => vscode.Uri.joinPath(folder, ...rel.split('/'));
    const headerless = ['src/server.ts', 'scripts/deploy.sh', 'Dockerfile'];
    for (const rel of headerless) assert.doesNotMatch(await onDisk(at(rel)), /SPDX-License-Identifier/, `${rel} starts without a header`);
    const legacy = await onDisk(at('src/legacy.c'));
    assert.match(legacy, /SPDX-License-Identifier: GPL-2\.0\+/);

    const outcome = await vscode.commands.executeCommand<FixAllOutcome>('ospo.fixAllWorkspace');
    console.log(`      outcome: ${JSON.stringify(outcome)}`);
    assert.ok(outcome && outcome.error === undefined, JSON.stringify(outcome));
    assert.ok(outcome.headers >= headerless.length, `headers added to ${outcome.headers} files`);
    for (const rel of headerless) {
      const text = await onDisk(at(rel));
      assert.match(text.split('\n').slice(0, 5).join('\n'), /SPDX-License-Identifier: \S+/, `${rel} on disk:\n${text}`);
    }
    assert.match(await onDisk(at('scripts/deploy.sh')), /^#!\/bin\/sh\n/, 'the shebang stays first');
    // The deprecated id is a license change: offered for confirmation, not written.
    assert.ok(outcome.confirm >= 1, 'src/legacy.c waits for confirmation');
    assert.equal(await onDisk(at('src/legacy.c')), legacy);

    // A second run has nothing left to write at once.
    const again = await vscode.commands.executeCommand<FixAllOutcome>('ospo.fixAllWorkspace');
    assert.deepEqual([again.files, again.headers], [0, 0], JSON.stringify(again));
  });
});
