// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// Extension-host tests with the real `vscode` API. They need an open workspace
// folder (a throw-away copy: they write a scratch file into it).
// Run by test/e2e/run.sh (code-server) or test/e2e/test-electron.ts (desktop VS Code).

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, ospoDiagnostics, until } from './helpers';

const EXTENSION_ID = 'ospo-compliance.ospo-compliance';
const CODE = 'header-missing';
const MESSAGE = 'No license header in line 1: add SPDX-FileCopyrightText and SPDX-License-Identifier';
const FIX_TITLE = 'Add license header';
const COMMANDS = ['ospo.restartServer', 'ospo.showLog', 'ospo.insertLicenseHeader', 'ospo.scanWorkspace', 'ospo.openReport'];
const ORIGINAL = 'def answer():\n    return 42\n';

const headerMissing = (uri: vscode.Uri) => ospoDiagnostics(uri, CODE);

describe('OSPO Compliance in VS Code', function () {
  this.timeout(90_000);
  let scratch: vscode.Uri;

  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need an open workspace folder');
    // A source file with code but no SPDX header. Python rather than TypeScript:
    // VS Code's built-in TypeScript features would answer code-action requests
    // too, and a cold tsserver makes them take seconds on a small CI machine.
    scratch = vscode.Uri.joinPath(folder.uri, `ospo_e2e_no_header_${process.pid}.py`);
    await vscode.workspace.fs.writeFile(scratch, Buffer.from(ORIGINAL));
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (scratch) await vscode.workspace.fs.delete(scratch).then(undefined, () => undefined);
  });

  it('activates', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    console.log(`    extension ${extension.packageJSON.version} from ${extension.extensionPath}`);
    const expectedPath = process.env.OSPO_E2E_EXPECT_EXTENSION_PATH;
    if (expectedPath) assert.equal(path.resolve(extension.extensionPath), path.resolve(expectedPath));
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers its commands', async function () {
    const all = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      COMMANDS.filter((c) => !all.has(c)),
      [],
      'commands missing',
    );
  });

  it(`reports ${CODE} on line 0 of a file without a header`, async function () {
    const doc = await vscode.workspace.openTextDocument(scratch);
    await vscode.window.showTextDocument(doc);
    const [diagnostic] = await until(
      () => `a ${CODE} diagnostic (have ${describeDiagnostics(scratch)})`,
      () => {
        const found = headerMissing(scratch);
        return found.length ? found : undefined;
      },
    );
    assert.equal(diagnostic.message, MESSAGE);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line, 0);
  });

  it(`offers "${FIX_TITLE}" as the preferred quick fix, and applying it clears the diagnostic`, async function () {
    const t0 = Date.now();
    const lap = (what: string) => console.log(`      ${what} after ${Date.now() - t0} ms`);
    const doc = await vscode.workspace.openTextDocument(scratch);
    await vscode.window.showTextDocument(doc);
    const [diagnostic] = await until(`a ${CODE} diagnostic`, () => {
      const found = headerMissing(scratch);
      return found.length ? found : undefined;
    });

    // The 4th argument resolves lazily computed edits of up to 10 actions.
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      scratch,
      diagnostic.range,
      undefined,
      10,
    );
    lap('code actions');
    const titles = (actions ?? []).map((a) => a.title);
    // A plain Command has a string `command`; a CodeAction does not.
    const fix = (actions ?? []).find((a): a is vscode.CodeAction => a.title === FIX_TITLE && typeof (a as vscode.Command).command !== 'string');
    assert.ok(fix, `no "${FIX_TITLE}" action; got ${JSON.stringify(titles)}`);
    assert.equal(fix.isPreferred, true, 'the fix is not preferred');
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind is ${fix.kind?.value}`);
    assert.ok(fix.edit || fix.command, 'the fix has neither an edit nor a command');

    if (fix.edit) assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'applyEdit failed');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    lap('fix applied');

    const top = doc.getText(new vscode.Range(0, 0, Math.min(3, doc.lineCount), 0));
    assert.match(top, /SPDX-License-Identifier:/, `no identifier at the top:\n${doc.getText()}`);
    assert.ok(doc.getText().endsWith(ORIGINAL), `the original code is not kept below the header:\n${doc.getText()}`);
    console.log(`      header inserted: ${JSON.stringify(top)}`);
    await until(
      () => `the ${CODE} diagnostic to go away (have ${describeDiagnostics(scratch)})`,
      () => headerMissing(scratch).length === 0,
    );
    lap('diagnostic gone');
    await doc.save();
  });

  it('shows license-denied for a license the policy denies, and fixing the policy clears it', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const policy = vscode.Uri.joinPath(folder, '.ospo', 'policy.yaml');
    const policyHeader = '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: CC0-1.0\n';
    const file = vscode.Uri.joinPath(folder, `ospo_e2e_gpl_${process.pid}.py`);
    await vscode.workspace.fs.writeFile(policy, Buffer.from(policyHeader + 'licenses:\n  deny: ["GPL-*"]\n'));
    await vscode.workspace.fs.writeFile(file, Buffer.from('# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: GPL-3.0-only\nprint(1)\n'));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      const denied = () => vscode.languages.getDiagnostics(file).filter((d) => d.source === 'ospo' && codeOf(d) === 'license-denied');
      const [diagnostic] = await until(
        () => `license-denied (have ${describeDiagnostics(file)})`,
        () => (denied().length ? denied() : undefined),
      );
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(diagnostic.range.start.line, 1);
      assert.match(diagnostic.message, /'GPL-3\.0-only' is denied by the policy/);
      // The policy changes on disk: the server reloads it and the finding goes, without a restart.
      await vscode.workspace.fs.writeFile(policy, Buffer.from(policyHeader + 'licenses:\n  deny: ["AGPL-*"]\n'));
      await until(
        () => `license-denied to go away (have ${describeDiagnostics(file)})`,
        () => denied().length === 0,
      );
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(policy).then(undefined, () => undefined);
    }
  });

  it('"Mark selection as AI-assisted" wraps the selected lines in the canonical block', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, `ospo_e2e_ai_${process.pid}.py`);
    const body = 'def backoff(attempt):\n    return min(30, 2 ** attempt)\n';
    await vscode.workspace.fs.writeFile(file, Buffer.from('# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: Apache-2.0\n\n' + body));
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(3, 0, 4, 30);
      // The user states a review: only then is one written.
      await vscode.commands.executeCommand('ospo.markSelectionAiAssisted', 'Claude Code:claude-opus-4-5', { role: 'assisted', reviewed: true });
      const text = await until(
        () => `the AI block (have ${JSON.stringify(doc.getText())})`,
        () => (doc.getText().includes('SPDX-SnippetEnd') ? doc.getText() : undefined),
      );
      assert.match(
        text,
        /\n# SPDX-SnippetBegin\n# SPDX-SnippetCopyrightText: \d{4} .+\n# SPDX-License-Identifier: \S+\n# SPDX-SnippetComment: .+\n# AI-Assisted-By: Claude Code:claude-opus-4-5\n# AI-Reviewed-By: .+\n# AI-Reviewed-On: \d{4}-\d{2}-\d{2}\ndef backoff\(attempt\):\n    return min\(30, 2 \*\* attempt\)\n# SPDX-SnippetEnd\n$/,
      );
      await doc.save();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });

  it('"Check all files in the workspace" fills the Problems view for files that are not open', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const closed = vscode.Uri.joinPath(folder, 'scripts', 'deploy.sh');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'scripts/deploy.sh must not be open');
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number; cancelled: boolean }>('ospo.scanWorkspace');
    assert.ok(summary && !summary.cancelled && summary.files >= 10 && summary.findings >= 5, JSON.stringify(summary));
    const [diagnostic] = await until(
      () => `header-missing on the closed scripts/deploy.sh (have ${describeDiagnostics(closed)})`,
      () => (headerMissing(closed).length ? headerMissing(closed) : undefined),
    );
    assert.equal(diagnostic.range.start.line, 0);
  });

  it('completes SPDX license ids after SPDX-License-Identifier:', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, `ospo_e2e_spdx_${process.pid}.py`);
    await vscode.workspace.fs.writeFile(file, Buffer.from('# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: Apa\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(doc);
      const at = new vscode.Position(1, doc.lineAt(1).text.length);
      const labels = await until('Apache-2.0 among the completions', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file, at);
        const names = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        return names.includes('Apache-2.0') ? names : undefined;
      });
      assert.ok(labels.includes('Apache-2.0'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });

  it('"Open compliance report" shows the report of the workspace in a webview', async function () {
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('ospo.openReport');
    assert.ok(panel, 'a webview panel');
    try {
      assert.equal(panel.title, 'OSPO compliance report');
      const html = panel.webview.html;
      assert.match(html, /Content-Security-Policy/);
      const data = JSON.parse(/<script type="application\/json" id="ospo-data">([\s\S]*?)<\/script>/.exec(html)![1].replace(/\\u003c/g, '<'));
      assert.ok(data.totals.files >= 10, JSON.stringify(data.totals));
      assert.ok(data.findings.some((f: { file: string; rule: string }) => f.rule === 'header-missing' && f.file.endsWith('deploy.sh')));
    } finally {
      panel.dispose();
    }
  });

  it('activates in less than 50 ms of extension-host time', async function () {
    const ext = vscode.extensions.getExtension<{ activationMs: number; loadMs: number; activateMs: number; libraryMs: Promise<number> }>(EXTENSION_ID)!;
    const api = await ext.activate();
    console.log(
      `      activation: ${api.activationMs.toFixed(1)} ms (module ${api.loadMs.toFixed(1)} ms, activate ${api.activateMs.toFixed(1)} ms); then the language client library loads in ${(await api.libraryMs).toFixed(1)} ms`,
    );
    assert.ok(api.activationMs < 50, `activation took ${api.activationMs.toFixed(1)} ms`);
  });

  it('opens its walkthrough', async function () {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#ospo.gettingStarted`, false);
    const tab = await until('the walkthrough tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /OSPO|Walkthrough|Welcome|はじめ/i.test(t.label)),
    );
    assert.ok(tab);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reports in Japanese when ospo.locale is ja (a Japanese-locale run)', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, `ospo_e2e_ja_${process.pid}.py`);
    await vscode.workspace.fs.writeFile(file, Buffer.from('x = 1\n'));
    const config = vscode.workspace.getConfiguration('ospo');
    try {
      await config.update('locale', 'ja', vscode.ConfigurationTarget.Global);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      const [d] = await until(
        () => `a Japanese header-missing (have ${describeDiagnostics(file)})`,
        () => {
          const found = headerMissing(file).filter((x) => /ライセンスヘッダー/.test(x.message));
          return found.length ? found : undefined;
        },
      );
      assert.equal(d.range.start.line, 0);
    } finally {
      await config.update('locale', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });
});
