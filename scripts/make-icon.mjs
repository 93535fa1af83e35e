// Renders the extension icon (images/icon.png, 256×256) from the SVG below in headless Chromium,
// so the icon's source stays a readable text file. Run by hand after editing the SVG:
//   node scripts/make-icon.mjs
import { chromium } from 'playwright-core';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" rx="44" fill="#1f3b57"/>
  <path d="M128 34 L206 64 V124 C206 172 172 208 128 224 C84 208 50 172 50 124 V64 Z" fill="#f4f7fa"/>
  <path d="M128 52 L190 76 V124 C190 162 164 192 128 206 Z" fill="#d7e3ee"/>
  <text x="128" y="112" font-family="DejaVu Sans Mono, monospace" font-size="30" font-weight="bold" text-anchor="middle" fill="#1f3b57">SPDX</text>
  <path d="M92 140 L118 166 L168 116" stroke="#2e8b57" stroke-width="18" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true });
await browser.close();
