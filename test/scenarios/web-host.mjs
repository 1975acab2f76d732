// The web extension (package.json's `browser` entry) in the browser's web-worker extension host,
// as vscode.dev would run it: the user setting `remote.extensionKind` puts the installed .vsix in
// the worker (the recipe: /work/shared/docs/web-extension-host.md). Evaluate Selection, the hover
// with its formula image and the visualizer must all work there, and the worker's own records show
// it was the worker that ran them: what it fetched, when, and how large.
import { entropy, equal, includes, kl, ok, sig, waitUntil } from './lib/expect.mjs';
import { checkHover } from './lib/hover.mjs';

export const title = 'Web worker host: activation evaluates ≤ 200 KB, the features and the renderer are fetched on first use, Evaluate Selection, the hover and the visualizer work';

const ID = 'entropy-lens.entropy-lens';
export const settings = { 'remote.extensionKind': { [ID]: ['web'] } };

/** The budget for what the browser host evaluates at activation. */
const ACTIVATION_BUDGET = 200 * 1024;

/**
 * The extension host worker's record: the activation marks for our id, and the files of ours it fetched.
 * @param {import('playwright-core').Page} page
 */
async function workerRecord(page) {
  for (const worker of page.workers()) {
    const record = await worker.evaluate((id) => ({
      name: self.name,
      now: performance.now(),
      activated: performance.getEntriesByName(`code/extHost/didActivateExtension/${id}`).length > 0,
      fetched: performance.getEntriesByType('resource')
        .map((r) => ({ file: decodeURIComponent(r.name).match(/entropy-lens[^/]*\/(dist\/.*?\.js)/)?.[1], start: r.startTime, bytes: r.decodedBodySize }))
        .filter((r) => r.file),
    }), ID).catch(() => undefined);
    if (record?.name === 'ExtensionHostWorker') return record;
  }
  throw new Error(`no ExtensionHostWorker among the page's ${page.workers().length} workers`);
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function webHost(ui) {
  const { page } = ui;
  await ui.openFile('distributions.json');
  const activated = await waitUntil(async () => {
    const record = await workerRecord(page);
    return record.activated ? record : undefined;
  }, `${ID} activated in the web worker extension host`);
  const entry = activated.fetched.find((f) => f.file === 'dist/web/extension.js');
  ok(entry, `the worker did not fetch dist/web/extension.js; it fetched ${JSON.stringify(activated.fetched)}`);
  ok(entry.bytes > 0 && entry.bytes <= ACTIVATION_BUDGET, `the worker evaluated ${(entry.bytes / 1024).toFixed(1)} KB at activation (budget ${ACTIVATION_BUDGET / 1024} KB)`);
  equal(activated.fetched.filter((f) => f.file === 'dist/formula-image.js').length, 0, 'formula renderer fetches before any hover');

  await ui.selectText('[0.5, 0.5]');
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  await ui.waitForNotification(`H(P) = ${sig(entropy([0.5, 0.5]))} nats`);
  await ui.runCommand('Notifications: Clear All Notifications');
  // The features came in a file of their own, once, after the entry.
  const features = (await workerRecord(page)).fetched.filter((f) => f.file === 'dist/web/features.js');
  equal(features.length, 1, 'fetches of dist/web/features.js');
  ok(features[0].start > entry.start, 'the features were fetched after the entry, on first use');

  // The first hover fetches the formula renderer: the image must still arrive, and only now.
  const beforeHover = (await workerRecord(page)).now;
  await ui.openFile('arrays.py');
  const P = [0.1, 0.2, 0.7];
  await checkHover(ui, await ui.hover('[0.1, 0.2, 0.7]', 'Entropy Lens'), P, 'worker');
  const renderer = (await workerRecord(page)).fetched.filter((f) => f.file === 'dist/formula-image.js');
  equal(renderer.length, 1, 'fetches of dist/formula-image.js');
  ok(renderer[0].start >= beforeHover, `the renderer was fetched at ${renderer[0].start.toFixed(0)} ms, before the hover began (${beforeHover.toFixed(0)} ms)`);
  await page.keyboard.press('Escape');

  const pair = { p: [0.4, 0.6], q: [0.5, 0.5] };
  await ui.openFile('distributions.json');
  await ui.selectText('{ "name": "close", "p": [0.4, 0.6], "q": [0.5, 0.5] }');
  await ui.runCommand('Entropy Lens: Open Visualizer');
  const frame = await ui.waitForVisualizer('.figure[data-key="klQP"] .value');
  equal((await frame.locator('.figure[data-key="klPQ"] .value').innerText()).trim(), sig(kl(pair.p, pair.q)), 'D_KL(P‖Q) in the visualizer');
  equal((await frame.locator('.figure[data-key="klQP"] .value').innerText()).trim(), sig(kl(pair.q, pair.p)), 'D_KL(Q‖P) in the visualizer');
  equal(await frame.locator('.katex-error').count(), 0, 'KaTeX errors in the visualizer');
  await ui.screenshot('visualizer');

  // What a user sees: Running Extensions labels the extension "web worker" (a Node host would
  // show its address). The list is virtualised: a tall window keeps every row rendered.
  await page.setViewportSize({ width: 1400, height: 2000 });
  await ui.runCommand('Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Entropy Lens' }).first();
  await row.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  includes((await row.innerText()).replace(/\s+/g, ' '), 'web worker', 'the Running Extensions row of Entropy Lens');
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.screenshot('running-extensions');
}
