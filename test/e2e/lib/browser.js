// SPDX-FileCopyrightText: 2026 OSPO Compliance contributors
// SPDX-License-Identifier: Apache-2.0
//
// Shared helpers for the Playwright drivers: launch Debian's Chromium through
// playwright-core (which never downloads a browser) and build code-server URLs.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

/** Reads a required environment variable or throws with a clear message. */
function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is not set`);
  return value;
}

/**
 * Launches headless Chromium with a throw-away profile.
 * Returns { context, page, close }; close() also deletes the profile.
 */
async function launch({ viewport = { width: 1400, height: 900 } } = {}) {
  const executablePath = env('OSPO_E2E_CHROMIUM', '/usr/bin/chromium');
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (run test/e2e/setup.sh)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

/**
 * The workbench URL for `folder`, optionally with a test `payload`
 * (list of [key, value] pairs understood by VS Code's web workbench).
 */
function workbenchUrl(baseUrl, folder, payload) {
  const url = new URL('/', baseUrl);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A server-side path as a URI of code-server's remote authority (host:port). */
function remoteUri(baseUrl, absPath) {
  return `vscode-remote://${new URL(baseUrl).host}${path.resolve(absPath)}`;
}

/**
 * Collects browser-side errors (truncated) so a failing driver can print them;
 * a passing run stays quiet (the workbench logs harmless errors offline).
 */
function collectBrowserErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`[pageerror] ${String(e.message).slice(0, 300)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`[console.error] ${m.text().slice(0, 300)}`);
  });
  return errors;
}

/** A regular expression matching exactly `text`, give or take surrounding white space. */
const exact = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** Opens `relFile` (relative to the workspace) by clicking through the Explorer tree, as a user does, and waits for its editor. */
async function openFromExplorer(page, relFile) {
  const segments = relFile.split(/[\\/]/).filter(Boolean);
  for (const [i, name] of segments.entries()) {
    const row = page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: exact(name) }) })
      .first();
    await row.waitFor({ timeout: 30000 });
    const isFolder = i < segments.length - 1;
    if (!isFolder || (await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  }
  await page.locator('.tabs-container .tab.active', { hasText: segments.at(-1) }).waitFor({ timeout: 30000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 30000 });
}

/** Opens the workbench on `folder` and waits until it is drawn. */
async function openWorkbench(page, baseUrl, folder) {
  await page.goto(workbenchUrl(baseUrl, folder));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
}

/** Runs a command by its title from the command palette (F1). */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 30000 });
  await page.keyboard.press('Enter');
}

/** A UI check's failure made readable: a screenshot at `shot`, the browser's last errors, and what it waited for. */
async function failedWhile(page, shot, errors, stage, e) {
  await page.screenshot({ path: shot }).catch(() => {});
  if (errors.length) console.log(`browser errors (last 20):\n${errors.slice(-20).join('\n')}`);
  e.message = `while waiting for ${stage}: ${e.message}`;
  return e;
}

/** Runs a UI check's `main` and exits 0 when it passes, or 1 saying why as `label` when it fails. */
function exitWith(main, label, shotName, step) {
  main().then(
    () => {
      step('PASS');
      process.exit(0);
    },
    (e) => {
      console.error(`${label}: FAIL: ${e.message} (screenshot: ${shotName})`);
      process.exit(1);
    },
  );
}

module.exports = { env, launch, workbenchUrl, remoteUri, collectBrowserErrors, openWorkbench, openFromExplorer, runCommand, failedWhile, exitWith };
