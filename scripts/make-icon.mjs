#!/usr/bin/env node
// Renders images/icon.png (256×256) from the SVG below with Debian chromium (playwright-core),
// so the icon can be changed as text. Run: node scripts/make-icon.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" rx="44" fill="#1f2a44"/>
  <rect x="52" y="34" width="152" height="188" rx="14" fill="#f6f2e9"/>
  <rect x="74" y="60" width="108" height="12" rx="6" fill="#1f2a44"/>
  <rect x="74" y="88" width="92" height="8" rx="4" fill="#a3abbb"/>
  <rect x="74" y="106" width="100" height="8" rx="4" fill="#a3abbb"/>
  <text x="74" y="160" font-family="DejaVu Sans, Arial, sans-serif" font-weight="700" font-size="40" fill="#1f2a44">75%</text>
  <path d="M74 172 q6 -7 12 0 t12 0 t12 0 t12 0 t12 0" fill="none" stroke="#f0a020" stroke-width="5" stroke-linecap="round"/>
  <rect x="74" y="190" width="64" height="8" rx="4" fill="#a3abbb"/>
  <circle cx="190" cy="192" r="38" fill="#2ea043" stroke="#1f2a44" stroke-width="6"/>
  <path d="M172 193 l12 12 l22 -26" fill="none" stroke="#ffffff" stroke-width="10" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(root, 'images', 'icon.png'), omitBackground: true });
  console.log('images/icon.png written');
} finally {
  await browser.close();
}
