#!/usr/bin/env node
// `npm run icon`: draws media/icon.png (256 × 256, transparent corners) from media/icon.svg in
// headless Chromium, the browser the tests already use, then shrinks it losslessly with optipng
// when that is installed. The Marketplace and Open VSX want a PNG of at least 128 × 128.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connectPage, createRun, removeRun, runGuarded, startChromium } from './lib/code-server.mjs';
import { ROOT } from './lib/pins.mjs';

const NAME = 'icon';
const SVG = join(ROOT, 'media', 'icon.svg');
const PNG = join(ROOT, 'media', 'icon.png');
const SIZE = 256;

/** Lossless recompression, if optipng is on PATH; the PNG is fine without it, only larger. @param {string} file */
export function optimisePng(file) {
  const result = spawnSync('optipng', ['-quiet', '-o5', '-strip', 'all', file], { encoding: 'utf8', timeout: 120_000 });
  if (result.error) console.log(`[${NAME}] optipng not found (apt-get install optipng): ${file} left as drawn`);
  else if (result.status !== 0) throw new Error(`optipng ${file} failed: ${result.stderr}`);
}

async function main() {
  const run = createRun('icon');
  const chromium = await startChromium(run);
  const { page } = await connectPage(chromium.wsUrl);
  await page.setViewportSize({ width: SIZE, height: SIZE });
  const svg = readFileSync(SVG, 'utf8').replace(/width="128" height="128"/, `width="${SIZE}" height="${SIZE}"`);
  await page.setContent(`<!doctype html><html><body style="margin:0;overflow:hidden;background:transparent"><style>svg{display:block}</style>${svg}</body></html>`);
  await page.screenshot({ path: PNG, clip: { x: 0, y: 0, width: SIZE, height: SIZE }, omitBackground: true });
  optimisePng(PNG);
  console.log(`[${NAME}] ${PNG}: ${SIZE} × ${SIZE}, ${(statSync(PNG).size / 1024).toFixed(1)} KB`);
  removeRun(run);
  return 0;
}

process.exit(await runGuarded(NAME, 120_000, main));
