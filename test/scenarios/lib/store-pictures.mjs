// The store page's pictures, taken from the real workbench with the packaged extension: the hover
// with its formula, the visualizer on a pair (figures and both KL directions) and a loss
// derivation, in one theme. Each picture is checked before it is taken. `npm run screenshots`
// (scripts/screenshots.mjs) runs store-light.mjs and store-dark.mjs and copies the results into
// media/screenshots/.
import { cce, entropy, equal, includes, kl, literalAfter, ok, sample, sig, waitUntil } from './expect.mjs';

const P = [0.1, 0.2, 0.7];
const PAIR = { literal: '{ "name": "close", "p": [0.4, 0.6], "q": [0.5, 0.5] }', p: [0.4, 0.6], q: [0.5, 0.5] };

/**
 * The rectangle around some elements, padded and kept inside the window.
 * @param {import('playwright-core').Page} page @param {import('playwright-core').Locator[]} locators @param {number} pad
 */
async function around(page, locators, pad) {
  const boxes = (await Promise.all(locators.map((l) => l.boundingBox()))).filter(Boolean);
  ok(boxes.length === locators.length, 'an element to frame has no box on screen');
  const view = page.viewportSize();
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const right = Math.min(view.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const bottom = Math.min(view.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Puts the pointer on the empty editor area below the text, where it shows no tooltip, and waits
 * for any tooltip it left to fade. @param {import('playwright-core').Page} page
 */
async function restPointer(page) {
  const view = page.viewportSize();
  await page.mouse.move(view.width * 0.25, view.height - 60);
  await page.locator('.monaco-hover:not(.hidden), .workbench-hover-container .workbench-hover').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/**
 * @param {ReturnType<typeof import('../../../scripts/lib/workbench.mjs').createWorkbench>} ui
 * @param {'light' | 'dark'} theme
 */
export async function storePictures(ui, theme) {
  const { page } = ui;
  await ui.setColorTheme(theme === 'dark' ? 'Dark Modern' : 'Light Modern');
  // The pictures are about the editor and the panel: no Explorer beside them.
  await ui.runCommand('View: Close Primary Side Bar');

  // 1. The hover over a numpy literal, with its formula image loaded.
  await ui.openFile('arrays.py');
  const text = await ui.hover('[0.1, 0.2, 0.7]', 'Entropy Lens');
  includes(text, `${sig(entropy(P))} nats`, 'the hover');
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  const image = hover.locator('img').first();
  await waitUntil(() => image.evaluate((img) => img.complete && img.naturalWidth > 0).catch(() => false), 'the hover formula image has loaded');
  const line = page.locator('.editor-group-container.active .view-line', { hasText: 'p = np.array([0.1, 0.2, 0.7])' }).first();
  const gutter = page.locator('.editor-group-container.active .margin').first();
  const frame = await around(page, [hover, line], 24);
  const gutterBox = await gutter.boundingBox();
  if (gutterBox) {
    frame.width += frame.x - gutterBox.x;
    frame.x = gutterBox.x;
  }
  await ui.screenshot(`hover-${theme}`, frame);
  await page.keyboard.press('Escape');

  // 2. The visualizer on a pair: the figures and both Kullback–Leibler directions.
  await ui.openFile('distributions.json');
  await ui.selectText(PAIR.literal);
  await ui.runCommand('Entropy Lens: Open Visualizer');
  const panel = await ui.waitForVisualizer('.figure[data-key="klQP"] .value');
  equal((await panel.locator('.figure[data-key="klPQ"] .value').innerText()).trim(), sig(kl(PAIR.p, PAIR.q)), 'D_KL(P‖Q)');
  equal((await panel.locator('.figure[data-key="klQP"] .value').innerText()).trim(), sig(kl(PAIR.q, PAIR.p)), 'D_KL(Q‖P)');
  equal(await panel.locator('.katex-error').count(), 0, 'KaTeX errors');
  await ui.scrollVisualizerTo('#root');
  await restPointer(page);
  await ui.screenshot(`visualizer-${theme}`);

  // 3. A loss and its derivation from cross-entropy (categorical cross-entropy of logits).
  await ui.runCommand('View: Focus First Editor Group');
  await ui.openFile('losses.json');
  const losses = JSON.parse(sample('losses.json'));
  await ui.selectText(literalAfter(sample('losses.json'), '"cce":'));
  await ui.runCommand('Entropy Lens: Preview Loss for Selection');
  await ui.waitForNotification(`CCE = ${sig(cce(losses.cce.labels, losses.cce.logits))} nats`);
  await ui.runCommand('Notifications: Clear All Notifications');
  const loss = await ui.waitForVisualizer('section.block.derivation');
  await waitUntil(async () => (await loss.locator('section.block.distribution h2').first().innerText()).includes('Multinoulli'), 'the loss view of the CCE case');
  await ui.waitForVisualizerComplete();
  equal(await loss.locator('.katex-error').count(), 0, 'KaTeX errors in the derivation');
  await ui.scrollVisualizerTo('section.block.derivation');
  await restPointer(page);
  await ui.screenshot(`loss-${theme}`);
}

/**
 * The frames of a short animation, as a person goes: select a literal, rest the pointer on it,
 * follow the hover's Open Visualizer link. Whole windows, `frame-1.png` to `frame-3.png`.
 * @param {ReturnType<typeof import('../../../scripts/lib/workbench.mjs').createWorkbench>} ui
 */
export async function animationFrames(ui) {
  const { page } = ui;
  await ui.runCommand('View: Close All Editors');
  await ui.openFile('arrays.py');
  await ui.selectText('[0.1, 0.2, 0.7]');
  await restPointer(page);
  await ui.screenshot('frame-1');
  await ui.hover('[0.1, 0.2, 0.7]', 'Open Visualizer');
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await waitUntil(() => hover.locator('img').first().evaluate((img) => img.complete && img.naturalWidth > 0).catch(() => false), 'the hover formula image has loaded');
  await ui.screenshot('frame-2');
  await hover.locator('a', { hasText: 'Open Visualizer' }).first().click();
  const panel = await ui.waitForVisualizer('.figure[data-key="entropy"] .value, .figure .value');
  includes(await panel.locator('#root').innerText(), sig(entropy(P)), 'the visualizer opened from the hover');
  await ui.scrollVisualizerTo('#root');
  await restPointer(page);
  await ui.screenshot('frame-3');
}
