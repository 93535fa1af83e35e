// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// The editor's settings and the baseline in the real editor (issue 16): ospo.rules, ospo.exclude,
// ospo.codeLens.enable, ospo.hover.licensing, .ospo/suppressions.json at ospo.suppressedSeverity,
// and the hover and CodeLens in Japanese.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, hoverText, open, ospoDiagnostics, until, withFiles, withSettings } from './helpers';

const LICENSED = '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: Apache-2.0\nprint(1)\n';

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.map((l) => l.command?.title ?? '');
}

describe('Settings and the baseline in the editor', function () {
  this.timeout(90_000);

  it('ospo.rules shows a rule at another severity, or not at all', async function () {
    await withFiles({ [`ospo_e2e_rules_${process.pid}.py`]: 'x = 1\n' }, async ([file]) => {
      await open(file);
      const [error] = await diagnosticsOf(file, 'header-missing');
      assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
      await withSettings({ rules: { 'header-missing': 'warning' } }, async () => {
        await until('header-missing at warning', () => ospoDiagnostics(file, 'header-missing')[0]?.severity === vscode.DiagnosticSeverity.Warning);
      });
      await until('header-missing back at error', () => ospoDiagnostics(file, 'header-missing')[0]?.severity === vscode.DiagnosticSeverity.Error);
      await withSettings({ rules: { 'header-missing': 'off' } }, async () => {
        await until('header-missing hidden', () => ospoDiagnostics(file, 'header-missing').length === 0);
      });
      await diagnosticsOf(file, 'header-missing');
    });
  });

  it('ospo.exclude leaves matching files unchecked', async function () {
    const files = { [`ospo_e2e_excluded_${process.pid}/a.py`]: 'x = 1\n', [`ospo_e2e_included_${process.pid}.py`]: 'x = 1\n' };
    await withSettings({ exclude: { [`ospo_e2e_excluded_${process.pid}/**`]: true } }, () =>
      withFiles(files, async ([excluded, included]) => {
        await open(excluded);
        await open(included);
        // The included file is checked, so the server has seen both.
        await diagnosticsOf(included, 'header-missing');
        await new Promise((resolve) => setTimeout(resolve, 500));
        assert.deepEqual(ospoDiagnostics(excluded), []);
      }),
    );
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `ospo_e2e_excluded_${process.pid}`), { recursive: true });
  });

  it('ospo.codeLens.enable and ospo.hover.licensing switch the licensing lens and hover off', async function () {
    await withFiles({ [`ospo_e2e_lens_${process.pid}.py`]: LICENSED }, async ([file]) => {
      await open(file);
      const lens = await until('the licensing CodeLens', async () => (await lensTitles(file)).find((t) => t.includes('Apache-2.0')));
      assert.match(lens, /Apache-2\.0/);
      assert.match(await hoverText(file, new vscode.Position(1, 5)), /Apache-2\.0/);
      await withSettings({ 'codeLens.enable': false, 'hover.licensing': false }, async () => {
        await until('no licensing CodeLens', async () => !(await lensTitles(file)).some((t) => t.includes('Apache-2.0')));
        await until('no licensing hover', async () => !/Apache-2\.0/.test(await hoverText(file, new vscode.Position(1, 5))));
      });
    });
  });

  it('shows a finding the baseline accepts as a hint that says so, and a new one at its severity', async function () {
    const accepted = `ospo_e2e_accepted_${process.pid}.py`;
    const baseline = JSON.stringify({ [accepted]: { 'header-missing': { count: 1 } } }, null, 2) + '\n';
    const files = { '.ospo/suppressions.json': baseline, [accepted]: 'x = 1\n', [`ospo_e2e_new_${process.pid}.py`]: 'y = 2\n' };
    await withFiles(files, async ([, old, fresh]) => {
      // One at a time: the second would replace the first in the preview tab, and VS Code re-pulls the
      // diagnostics of documents in tabs only when the server's baseline arrives.
      await open(old);
      const [hint] = await until('a hint on the accepted file', () => {
        const found = ospoDiagnostics(old, 'header-missing').filter((d) => d.severity === vscode.DiagnosticSeverity.Hint);
        return found.length ? found : undefined;
      });
      assert.match(hint.message, /accepted in the baseline/);
      await withSettings({ suppressedSeverity: 'warning' }, () =>
        until('the accepted finding at warning', () => ospoDiagnostics(old, 'header-missing')[0]?.severity === vscode.DiagnosticSeverity.Warning),
      );
      await open(fresh);
      const [error] = await diagnosticsOf(fresh, 'header-missing');
      assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    });
  });

  it('speaks Japanese in the hover and the CodeLens when ospo.locale is ja', async function () {
    await withFiles({ [`ospo_e2e_ja_lens_${process.pid}.py`]: LICENSED }, async ([file]) => {
      await withSettings({ locale: 'ja' }, async () => {
        await open(file);
        // The client restarts the server in the new language; ask until it answers in it.
        const lens = await until('a Japanese CodeLens', async () => (await lensTitles(file)).find((t) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t)), 60_000);
        assert.match(lens, /Apache-2\.0/);
        const hover = await until('a Japanese hover', async () => {
          const text = await hoverText(file, new vscode.Position(1, 5));
          return /[\u3040-\u30ff\u4e00-\u9fff]/.test(text) ? text : undefined;
        });
        assert.match(hover, /Apache-2\.0/);
      });
    });
  });
});
