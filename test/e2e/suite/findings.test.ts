// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// What the findings say and offer in the real editor (issue 16): one finding per problem with the
// rest as related information, ranges on the token, no one-click relicensing of someone else's code,
// an OR that includes the project license accepted, SPDX completion on a trigger character.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { POLICY_HEADER, codeOf, diagnosticsOf, hoverText, open, ospoDiagnostics, quickFixTitles, withFiles } from './helpers';

const POLICY = `${POLICY_HEADER}licenses:\n  project: Apache-2.0\n  deny: ["GPL-*"]\nheaders:\n  copyright:\n    holder: Example Corp\n`;
const header = (holder: string, license: string) => `# SPDX-FileCopyrightText: 2019 ${holder}\n# SPDX-License-Identifier: ${license}\n`;
const CHATBOT = '# As an AI language model, I cannot test this.\nprint(1)\n';

describe('Findings in the editor', function () {
  this.timeout(90_000);

  it('shows one finding on GPL-2.0+ under its current name, on the id, with the deprecation as related information and its fix', async function () {
    await withFiles({ '.ospo/policy.yaml': POLICY, [`ospo_e2e_gpl2_${process.pid}.py`]: header('Other Corp', 'GPL-2.0+') + 'print(1)\n' }, async ([, file]) => {
      await open(file);
      const [denied] = await diagnosticsOf(file, 'license-denied');
      assert.deepEqual(
        ospoDiagnostics(file)
          .filter((d) => d.range.start.line === 1)
          .map((d) => codeOf(d)),
        ['license-denied'],
        'one finding on the license line, the others folded into it',
      );
      assert.match(denied.message, /'GPL-2\.0-or-later' is denied/);
      assert.doesNotMatch(denied.message, /(^|[\s(])(\/|[A-Za-z]:\\)[^\s)]*policy\.yaml/, 'no absolute policy path');
      const line = '# SPDX-License-Identifier: GPL-2.0+';
      assert.deepEqual(
        [denied.range.start.line, denied.range.start.character, denied.range.end.character],
        [1, line.indexOf('GPL'), line.length],
        'the range is the license id',
      );
      const related = (denied.relatedInformation ?? []).map((r) => r.message);
      assert.ok(
        related.some((m) => m.startsWith('spdx-deprecated:')),
        `related information: ${JSON.stringify(related)}`,
      );
      const target = typeof denied.code === 'object' ? denied.code.target.toString() : '';
      assert.match(target, /license-denied/, 'the code links to the rule page');
      const titles = await quickFixTitles(file, denied.range);
      assert.ok(titles.includes("Replace with 'GPL-2.0-or-later'"), `quick fixes: ${JSON.stringify(titles)}`);
    });
  });

  it('underlines the first token of a file without a header, not the whole line', async function () {
    await withFiles({ [`ospo_e2e_range_${process.pid}.py`]: 'result = compute(42)\n' }, async ([file]) => {
      await open(file);
      const [missing] = await diagnosticsOf(file, 'header-missing');
      assert.deepEqual([missing.range.start.line, missing.range.start.character, missing.range.end.character], [0, 0, 'result'.length]);
    });
  });

  it("never offers to relicense another holder's file, offers it on our own, and accepts an OR that includes the project license", async function () {
    const files = {
      '.ospo/policy.yaml': POLICY,
      [`ospo_e2e_theirs_${process.pid}.py`]: header('Other Corp', 'BSD-3-Clause') + 'print(1)\n',
      [`ospo_e2e_ours_${process.pid}.py`]: header('Example Corp', 'BSD-3-Clause') + 'print(1)\n',
      [`ospo_e2e_either_${process.pid}.py`]: header('Example Corp', 'MIT OR Apache-2.0') + CHATBOT,
    };
    await withFiles(files, async ([, theirs, ours, either]) => {
      const useProject = "Use the project license 'Apache-2.0'";
      await open(theirs);
      const [mismatch] = await diagnosticsOf(theirs, 'license-mismatch');
      const theirTitles = await quickFixTitles(theirs, mismatch.range);
      assert.ok(!theirTitles.includes(useProject), `offered on Other Corp's file: ${JSON.stringify(theirTitles)}`);

      await open(ours);
      const [own] = await diagnosticsOf(ours, 'license-mismatch');
      const ourTitles = await quickFixTitles(ours, own.range);
      assert.ok(ourTitles.includes(useProject), `not offered on our own file: ${JSON.stringify(ourTitles)}`);

      // The chatbot line proves the file was checked; the OR satisfies the project license.
      await open(either);
      await diagnosticsOf(either, 'ai-chatbot-artifact');
      assert.deepEqual(ospoDiagnostics(either, 'license-mismatch'), []);
    });
  });

  it('completes SPDX ids on the trigger character after AND, and offers none for a space elsewhere', async function () {
    await withFiles(
      { [`ospo_e2e_trigger_${process.pid}.py`]: '# SPDX-FileCopyrightText: 2026 Example Corp\n# SPDX-License-Identifier: MIT AND \nx = 1\n' },
      async ([file]) => {
        const doc = await open(file);
        const labelsAt = async (at: vscode.Position) => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file, at, ' ');
          return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        };
        const afterAnd = new vscode.Position(1, doc.lineAt(1).text.length);
        const ids = await labelsAt(afterAnd);
        assert.ok(ids.includes('Apache-2.0'), `after AND: ${JSON.stringify(ids.slice(0, 20))}`);
        const inCode = await labelsAt(new vscode.Position(2, 2));
        assert.ok(!inCode.includes('Apache-2.0'), `a space in code got SPDX ids: ${JSON.stringify(inCode.slice(0, 20))}`);
      },
    );
  });

  it('shows the licensing hover on line 1 with no empty rows', async function () {
    await withFiles({ [`ospo_e2e_hover_${process.pid}.py`]: header('Example Corp', 'Apache-2.0') + 'print(1)\n' }, async ([file]) => {
      await open(file);
      const text = await hoverText(file, new vscode.Position(0, 3));
      assert.match(text, /Apache-2\.0/, text);
      assert.doesNotMatch(text, /none/i, text);
      assert.doesNotMatch(text, /\|\s*\|\s*\n\s*\|\s*-/, `an empty table header in:\n${text}`);
    });
  });
});
