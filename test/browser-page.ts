// A page of ours (`ospo report`, `ospo dashboard`) in headless Chromium, with every request recorded and every
// one but the page's own file aborted: the pages promise to make none.

import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

/** Opens a page that records every request and aborts any but the report's own file. */
export async function openReport(browser: Browser, file: string, viewport = { width: 1280, height: 900 }) {
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport });
  const requests: string[] = [];
  const blocked: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  await page.goto(url);
  return { page, url, requests, blocked, errors };
}
