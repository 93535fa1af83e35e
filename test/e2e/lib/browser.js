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

module.exports = { env, launch, workbenchUrl, remoteUri, collectBrowserErrors };
