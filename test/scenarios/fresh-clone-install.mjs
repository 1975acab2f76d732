// What a newcomer gets: the committed project cloned afresh, `npm ci`, `npm run package`, and that
// .vsix installed (the runner does those steps for a scenario exporting `vsix = 'fresh-clone'`).
// The extension works, and its page in the Extensions view shows the icon and the README. (That
// page shows https pictures only, so the README's screenshots appear there once package.json names
// a repository for vsce to point them at; here the page must at least hold each of them.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from '../../scripts/lib/pins.mjs';
import { entropy, equal, includes, ok, sig, waitUntil } from './lib/expect.mjs';

export const title = 'Fresh clone: npm ci, npm run package, install: Evaluate Selection works, the Extensions view shows the icon and the README';
export const vsix = 'fresh-clone';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function freshCloneInstall(ui) {
  const { page } = ui;
  await ui.openFile('distributions.json');
  await ui.selectText('[0.5, 0.5]');
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  await ui.waitForNotification(`H(P) = ${sig(entropy([0.5, 0.5]))} nats`);
  await ui.runCommand('Notifications: Clear All Notifications');

  await ui.runCommand('Extensions: Show Installed Extensions');
  const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Entropy Lens' }).first();
  await row.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  const icon = row.locator('img.icon').first();
  await waitUntil(() => icon.evaluate((img) => img.complete && img.naturalWidth >= 128).catch(() => false), 'the installed extension\'s icon (≥ 128 px) has loaded');
  await row.click();

  // The details page: its header icon, and the README in a webview with the store pictures.
  const editor = page.locator('.extension-editor').first();
  await editor.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  includes(await editor.locator('.header .name').first().innerText(), 'Entropy Lens', 'the extension page header');
  // The README the clone packaged; the page renders it in a webview frame of its own.
  const readmeText = readFileSync(join(CACHE, 'fresh-clone', 'README.md'), 'utf8');
  const pictures = [...readmeText.matchAll(/\]\((media\/screenshots\/[^)]+\.(?:png|gif))\)/g)].map((m) => m[1]);
  ok(pictures.length >= 3, `the README shows ${pictures.length} pictures from media/screenshots`);
  const readme = await waitUntil(async () => {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => ({ h1: document.querySelector('h1')?.textContent ?? '', images: document.images.length })).catch(() => undefined);
      if (found?.h1.includes('Entropy Lens')) return found;
    }
    return undefined;
  }, 'the README rendered in the extension page');
  equal(readme.images, pictures.length, 'pictures in the rendered README');
  await ui.screenshot('extension-page');
}
