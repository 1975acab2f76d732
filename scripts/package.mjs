#!/usr/bin/env node
// `npm run package`: the production .vsix, in the project folder as `<name>-<version>.vsix`.
// Works right after `npm ci` on a fresh clone; nothing from `npm run provision` is needed.
// `npm run package -- --baseContentUrl URL --baseImagesUrl URL` gives vsce the web addresses the
// README's relative links and pictures are rewritten against (the publisher's; see the README).
import { baseUrlsFrom, packageVsix } from './lib/package.mjs';
import { ROOT } from './lib/pins.mjs';

try {
  const urls = baseUrlsFrom(process.argv.slice(2));
  const { path, bytes } = packageVsix(ROOT, { ...urls, log: (message) => console.log(`[package] ${message}`) });
  console.log(`[package] ${path} (${(bytes / 1024).toFixed(1)} KB)`);
} catch (error) {
  console.error(`[package] FAILED: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
