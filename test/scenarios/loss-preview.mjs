// A user previews the loss of three cases in losses.json: BCE (Bernoulli), CCE (Multinoulli) and
// MSE (Normal). Each case is checked on its own; a failing case does not hide the others.
import { bce, cce, equal, includes, literalAfter, mse, sample, sig, waitUntil } from './lib/expect.mjs';
import { shootPanel } from './lib/panel.mjs';

export const title = 'Preview Loss for Selection on BCE, CCE and MSE cases: the distribution and the loss value';

const text = sample('losses.json');
const data = JSON.parse(text);

const CASES = [
  { key: 'bce', name: 'BCE', distribution: 'Bernoulli', value: bce(data.bce.y, data.bce.y_pred), unit: 'nats' },
  { key: 'cce', name: 'CCE', distribution: 'Multinoulli (categorical)', value: cce(data.cce.labels, data.cce.logits), unit: 'nats' },
  // MSE has no unit: it is a squared distance, not an amount of information.
  { key: 'mse', name: 'MSE', distribution: 'Normal', value: mse(data.mse.y, data.mse.y_pred), unit: '' },
];

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
async function previewCase(ui, c) {
  const literal = literalAfter(text, `"${c.key}":`);
  await ui.selectText(literal);
  await ui.runCommand('Entropy Lens: Preview Loss for Selection');
  const figure = `${c.name} = ${sig(c.value)}${c.unit ? ` ${c.unit}` : ''}`;
  await ui.waitForNotification(figure);
  const frame = await ui.waitForVisualizer('section.block.distribution h2');
  // The panel follows the selection: wait for this case's heading, not the previous case's.
  const heading = await waitUntil(async () => {
    const h = (await frame.locator('section.block.distribution h2').first().innerText()).trim();
    return h.includes(c.distribution) ? h : undefined;
  }, `the loss view's heading names the ${c.distribution} distribution`);
  includes(heading, `Output distribution: ${c.distribution}`, 'the loss view heading');
  // This case's page was drawn at once; its equivalences and charts come after the first paint.
  await ui.waitForVisualizerComplete();
  const item = frame.locator('.figure[data-key="loss"]');
  // The previous case's screenshots left the panel scrolled to its last chart: a new literal must
  // start at the top, its figures on screen.
  equal(await frame.locator('html').evaluate(() => Math.round(window.scrollY)), 0, `the panel's scroll position on the ${c.name} case`);
  // The playground redraws the figures once per frame after the page settles: read until it holds.
  const value = await waitUntil(async () => {
    const shown = (await item.locator('.value').innerText()).trim();
    return shown === sig(c.value) ? shown : undefined;
  }, `the ${c.name} value ${sig(c.value)} in the loss view`).catch(async () => (await item.locator('.value').innerText()).trim());
  equal(value, sig(c.value), `the ${c.name} value in the loss view`);
  const lossUnit = (await item.locator('.unit').count()) > 0 ? (await item.locator('.unit').innerText()).trim() : '';
  equal(lossUnit, c.unit, `the ${c.name} unit in the loss view`);
  equal(await frame.locator('.katex-error').count(), 0, `KaTeX errors in the ${c.name} loss view`);
  // The toast would cover the bottom of the panel in every screenshot.
  await ui.runCommand('Notifications: Clear All Notifications');
  await shootPanel(ui, frame, c.key);
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function lossPreview(ui) {
  await ui.openFile('losses.json');
  const failures = [];
  for (const c of CASES) {
    try {
      await previewCase(ui, c);
    } catch (error) {
      failures.push(`${c.name}: ${error instanceof Error ? error.message : error}`);
      await ui.screenshot(`${c.key}-failure`).catch(() => {});
      // Leave nothing open (palette, Find) for the next case.
      await ui.page.keyboard.press('Escape');
    }
  }
  if (failures.length > 0) throw new Error(failures.join('\n      '));
}
