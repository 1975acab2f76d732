#!/usr/bin/env node
// `npm run package`: the production .vsix, in the project folder as `<name>-<version>.vsix`.
// Works right after `npm ci` on a fresh clone; nothing from `npm run provision` is needed.
import { packageVsix } from './lib/package.mjs';
import { ROOT } from './lib/pins.mjs';

try {
  const { path, bytes } = packageVsix(ROOT, { log: (message) => console.log(`[package] ${message}`) });
  console.log(`[package] ${path} (${(bytes / 1024).toFixed(1)} KB)`);
} catch (error) {
  console.error(`[package] FAILED: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
