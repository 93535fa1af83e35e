// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// Second UI check in real VS Code (code-server + Chromium), on the same throw-away workspace as
// ui-problems.js, after it:
// 1. SPDX completion pops up by itself while typing a license line in a comment (trigger characters;
//    quick suggestions are off in comments).
// 2. The baseline: with .ospo/suppressions.json accepting the file's finding, our red squiggle turns
//    into a hint whose hover says why (TypeScript's own errors stay). Screenshot vscode-baseline.png.
// 3. Japanese: with "ospo.locale": "ja" in the workspace settings (.vscode/settings.json; code-server
//    does not notice a user settings.json changed on disk), the licensing status bar item, the CodeLens
//    and the hover of a licensed file are Japanese. Screenshot vscode-japanese.png.
// Screenshots go to OSPO_E2E_ARTIFACTS, and next to OSPO_E2E_SCREENSHOT when that is set.
//
// Environment: as ui-problems.js, plus OSPO_E2E_LICENSED_FILE (a file of the workspace with an SPDX header).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { env, launch, openWorkbench, collectBrowserErrors, failedWhile, exitWith, openFromExplorer } = require('./lib/browser');

const t0 = Date.now();
const step = (what) => console.log(`[ui2 ${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}`);
let stage = 'starting the browser';
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

async function main() {
  const baseUrl = env('OSPO_E2E_URL');
  const workspace = path.resolve(env('OSPO_E2E_WORKSPACE'));
  const relFile = env('OSPO_E2E_UI_FILE');
  const licensedFile = env('OSPO_E2E_LICENSED_FILE');
  const artifacts = path.resolve(env('OSPO_E2E_ARTIFACTS'));
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  if (fs.existsSync(settingsFile)) throw new Error(`${settingsFile} exists; the check writes its own`);
  const baselineFile = path.join(workspace, '.ospo', 'suppressions.json');
  /** Saves a screenshot with the hover, if any, in the picture. */
  const shoot = async (name) => {
    const shot = path.join(artifacts, name);
    await page.screenshot({ path: shot });
    if (process.env.OSPO_E2E_SCREENSHOT) fs.copyFileSync(shot, path.join(path.dirname(path.resolve(process.env.OSPO_E2E_SCREENSHOT)), name));
    step(`screenshot ${name}`);
  };
  /**
   * Hovers the mouse over the editor's line holding `text`, `at` of the way along it, until the hover shows
   * `expect` (a hover keeps what it showed when it opened: move away and back to see a change), and returns it.
   */
  const hoverLine = async (text, at, expect) => {
    const deadline = Date.now() + 30000;
    for (;;) {
      const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: text }).first();
      const box = await line.locator('span > span').first().boundingBox();
      await page.mouse.move(box.x + Math.min(box.width * at, box.width - 2), box.y + box.height / 2);
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: expect }).first();
      const shown = await hover.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      );
      if (shown) {
        // The hover's quick-fix line fills in a moment later: in the picture, the fixes rather than "Checking…".
        await page
          .locator('.monaco-hover:not(.hidden)', { hasText: /Checking for quick fixes/ })
          .waitFor({ state: 'detached', timeout: 5000 })
          .catch(() => undefined);
        return (await hover.innerText()).replace(/\s+/g, ' ').trim();
      }
      if (Date.now() > deadline) throw new Error(`no hover with ${expect} on the line holding ${JSON.stringify(text)}`);
      await page.mouse.move(0, 0);
      await page.waitForTimeout(500);
    }
  };

  const browser = await launch();
  const { page } = browser;
  const errors = collectBrowserErrors(page);
  try {
    stage = 'the workbench to load';
    await openWorkbench(page, baseUrl, workspace);
    stage = `${relFile} to open from the Explorer`;
    await openFromExplorer(page, relFile);
    const editorLines = page.locator('.editor-instance .monaco-editor .view-lines').first();
    stage = 'an error squiggle in the editor';
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
    step(`opened ${relFile}, error squiggle visible`);

    // 1. Completion while typing, in a comment, with no Ctrl+Space.
    stage = 'SPDX completion to pop up while typing a license line';
    await editorLines.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('// SPDX-License-Identifier: MIT AND ', { delay: 30 });
    const suggestion = page.locator('.suggest-widget.visible .monaco-list-row').first();
    await suggestion.waitFor({ timeout: 15000 });
    const labels = (await page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts()).slice(0, 5);
    step(`completion after "AND ": ${JSON.stringify(labels)}`);
    if (!labels.some((l) => /^[A-Za-z0-9.+-]+$/.test(l.trim()))) throw new Error(`no SPDX ids among ${JSON.stringify(labels)}`);
    await page.keyboard.press('Escape');
    // The typed line out again: the text is as on disk.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Delete');
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'SPDX-License-Identifier' }).waitFor({ state: 'detached', timeout: 15000 });

    // 2. The baseline accepts the file's finding: a hint that says why, no error.
    stage = 'the accepted finding to turn into a hint';
    // The folder first, as a user's editor would have it: the server also reads the baseline on the folder's
    // own event (a file written at once into a new folder can come with none), but here each gets its event.
    fs.mkdirSync(path.dirname(baselineFile), { recursive: true });
    await page.waitForTimeout(1000);
    fs.writeFileSync(baselineFile, JSON.stringify({ [relFile.split(path.sep).join('/')]: { 'header-missing': { count: 1 } } }, null, 2) + '\n');
    // No waiting for a hint squiggle: TypeScript draws its own. The hover below asks until it says so.
    const firstLine = (await page.locator('.editor-instance .monaco-editor .view-line').first().innerText()).trim().split(/\s+/)[0];
    stage = 'the hover of the accepted finding';
    const hint = await hoverLine(firstLine, 0.02, 'accepted in the baseline');
    step(`baseline hover: ${JSON.stringify(hint.slice(0, 160))}`);
    await shoot('vscode-baseline.png');
    fs.rmSync(baselineFile);

    // 3. Japanese: the workspace settings say so; the client restarts the server in that language.
    stage = 'ospo.locale ja to take effect';
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    fs.writeFileSync(settingsFile, JSON.stringify({ 'ospo.locale': 'ja' }, null, 2) + '\n');
    stage = `${licensedFile} to open`;
    await openFromExplorer(page, licensedFile);
    stage = 'a Japanese CodeLens';
    const lens = page.locator('.editor-instance .monaco-editor .codelens-decoration', { hasText: japanese }).first();
    await lens.waitFor({ timeout: 60000 });
    step(`CodeLens: ${JSON.stringify((await lens.innerText()).trim())}`);
    stage = 'a Japanese licensing status bar item';
    const status = page.locator('.statusbar-item', { hasText: /Apache-2\.0/ }).first();
    await status.waitFor({ timeout: 30000 });
    step(`status bar: ${JSON.stringify((await status.innerText()).trim())}`);
    stage = 'a Japanese hover on the license line';
    const hover = await hoverLine('SPDX-License-Identifier', 0.9, japanese);
    step(`hover: ${JSON.stringify(hover.slice(0, 160))}`);
    await shoot('vscode-japanese.png');
  } catch (e) {
    throw await failedWhile(page, path.join(artifacts, 'ui2-failure.png'), errors, stage, e);
  } finally {
    fs.rmSync(path.dirname(settingsFile), { recursive: true, force: true });
    fs.rmSync(baselineFile, { force: true });
    await browser.close();
  }
}

exitWith(main, 'UI check 2', 'ui2-failure.png', step);
