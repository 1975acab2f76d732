#!/usr/bin/env node
// Issue 14's before/after pictures of the visualizer's toolbar: builds the webview bundle and
// test/webview/ux-shots.ts, then saves test-results/ux-before-after/<before|after>-<literal>-<theme>-<width>.png.
// Usage: node scripts/ux-before-after.mjs before|after (take `before` on the commit before the change).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const label = process.argv[2];
if (label !== 'before' && label !== 'after') {
  console.error('usage: node scripts/ux-before-after.mjs before|after');
  process.exit(2);
}
const built = spawnSync(process.execPath, ['esbuild.config.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
await build({ entryPoints: ['test/webview/ux-shots.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: 'out/ux-shots.js', external: ['playwright-core', 'mocha'], logLevel: 'warning' });
const run = spawnSync(process.execPath, ['out/ux-shots.js', label], { stdio: 'inherit' });
process.exit(run.status ?? 1);
