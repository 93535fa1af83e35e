// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// UI check in real VS Code (code-server + Chromium): open the workspace, open a
// file without a license header from the Explorer, wait for the error squiggle,
// open the quick-fix menu (Ctrl+.) and find "Disable header-missing for this line",
// open the Problems panel (Ctrl+Shift+M) and find the `header-missing` row. Then
// open the compliance report and click a file link in its webview: the file opens.
// Saves vscode-problems.png (or ui-failure.png on failure) in OSPO_E2E_ARTIFACTS
// and, when OSPO_E2E_SCREENSHOT names a file, copies the success screenshot there
// (that is how docs/images/vscode-problems.png is made).
//
// Environment:
//   OSPO_E2E_URL        code-server base URL
//   OSPO_E2E_WORKSPACE  folder to open (a throw-away copy)
//   OSPO_E2E_UI_FILE    path of the header-less file, relative to the workspace
//   OSPO_E2E_ARTIFACTS  folder for screenshots
//   OSPO_E2E_SCREENSHOT optional extra destination for the success screenshot
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { env, launch, openWorkbench, collectBrowserErrors, failedWhile, exitWith, openFromExplorer, runCommand } = require('./lib/browser');

const MESSAGE = 'No license header in line 1: add SPDX-FileCopyrightText and SPDX-License-Identifier';
const t0 = Date.now();
const step = (what) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}`);
let stage = 'starting the browser'; // what the driver waits for, named in failure messages

async function main() {
  const baseUrl = env('OSPO_E2E_URL');
  const workspace = path.resolve(env('OSPO_E2E_WORKSPACE'));
  const relFile = env('OSPO_E2E_UI_FILE');
  const artifacts = path.resolve(env('OSPO_E2E_ARTIFACTS'));
  if (!fs.existsSync(path.join(workspace, relFile))) throw new Error(`no such file: ${path.join(workspace, relFile)}`);
  fs.mkdirSync(artifacts, { recursive: true });

  const browser = await launch();
  const { page } = browser;
  const errors = collectBrowserErrors(page);
  try {
    stage = 'the workbench to load';
    await openWorkbench(page, baseUrl, workspace);
    step('workbench loaded');

    stage = `${relFile} to open from the Explorer`;
    const segments = relFile.split(/[\\/]/).filter(Boolean);
    await openFromExplorer(page, relFile);
    step(`opened ${relFile} from the Explorer`);

    // The extension's diagnostic makes the editor draw an error squiggle.
    stage = 'an error squiggle in the editor';
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
    step('error squiggle visible');

    // The quick-fix menu on the finding (Ctrl+.) offers the fix and the suppression comments. VS Code
    // shows the menu once every provider has answered, or says "No code actions available". Each try
    // waits for one of the two and logs which it was. In a TypeScript file the first tries, while
    // tsserver loads the project, say "No code actions available": the LSP trace (OSPO_E2E_TRACE=1)
    // shows our server answering each of them with the fixes in 6-60 ms, and TypeScript's new markers
    // cancelling VS Code's request. In a file no other extension serves (OSPO_E2E_UI_FILE=Dockerfile)
    // the first try shows the menu.
    stage = 'the quick-fix menu with "Disable header-missing for this line"';
    const disable = page.locator('.action-widget .monaco-list-row', { hasText: 'Disable header-missing for this line' }).first();
    const none = page.locator('.monaco-editor-overlaymessage', { hasText: /No code actions/ }).first();
    const outcomes = [];
    while (!(await disable.isVisible())) {
      if (outcomes.length >= 8) throw new Error(`no quick-fix menu after 8 tries: ${outcomes.join(', ')}`);
      await page.keyboard.press('Escape');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('ArrowRight');
      const asked = Date.now();
      await page.keyboard.press('Control+.');
      const seen = await Promise.race([
        disable.waitFor({ timeout: 15000 }).then(() => 'menu'),
        none.waitFor({ timeout: 15000 }).then(() => '"No code actions available"'),
      ]).catch(() => 'nothing');
      outcomes.push(`${seen} after ${Date.now() - asked} ms`);
    }
    const menu = (await page.locator('.action-widget').first().innerText()).replace(/\s+/g, ' ').trim();
    step(`quick-fix menu; tries: ${outcomes.join(', ')}: ${JSON.stringify(menu)}`);
    if (!menu.includes('Add license header')) throw new Error('the quick-fix menu lacks "Add license header"');
    const fixShot = path.join(artifacts, 'vscode-quick-fix.png');
    await page.screenshot({ path: fixShot });
    if (process.env.OSPO_E2E_SCREENSHOT)
      fs.copyFileSync(fixShot, path.join(path.dirname(path.resolve(process.env.OSPO_E2E_SCREENSHOT)), 'vscode-quick-fix.png'));
    await page.keyboard.press('Escape');

    // View: Focus Problems (Ctrl+Shift+M), with focus in the editor first.
    stage = 'a Problems row containing "No license header"';
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'No license header' }).first();
    await problem.waitFor({ timeout: 30000 });
    const text = (await problem.innerText()).replace(/\s+/g, ' ').trim();
    step(`Problems row: ${JSON.stringify(text)}`);
    if (!text.includes(MESSAGE)) throw new Error(`the Problems row lacks the message ${JSON.stringify(MESSAGE)}`);
    if (!text.includes('header-missing')) throw new Error('the Problems row does not show the code header-missing');

    stage = 'the screenshot';
    await page.mouse.move(0, 0); // no hover widgets in the picture
    const shot = path.join(artifacts, 'vscode-problems.png');
    await page.screenshot({ path: shot });
    step(`screenshot ${shot}`);
    if (process.env.OSPO_E2E_SCREENSHOT) {
      fs.mkdirSync(path.dirname(path.resolve(process.env.OSPO_E2E_SCREENSHOT)), { recursive: true });
      fs.copyFileSync(shot, process.env.OSPO_E2E_SCREENSHOT);
      step(`copied to ${process.env.OSPO_E2E_SCREENSHOT}`);
    }

    // The compliance report in its webview: a click on a file link opens that file in the editor
    // (links cannot leave a webview; the page posts a message the extension acts on).
    stage = 'the compliance report webview';
    await runCommand(page, 'OSPO: Open compliance report');
    const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const link = report
      .locator('#findings a.path')
      .filter({ hasNotText: segments.at(-1) })
      .first();
    await link.waitFor({ timeout: 60000 });
    const target = (await link.innerText()).replace(/\s+/g, '');
    step(`report shown; clicking ${target}`);
    stage = `${target} to open in an editor from the report link`;
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: target.split('/').at(-1) }).waitFor({ timeout: 30000 });
    step(`report link opened ${target}`);
  } catch (e) {
    throw await failedWhile(page, path.join(artifacts, 'ui-failure.png'), errors, stage, e);
  } finally {
    await browser.close();
  }
}

exitWith(main, 'UI check', 'ui-failure.png', step);
