// A user selects a P/Q pair and opens the visualizer: both KL directions are read inside the
// webview, the KaTeX formulas render, and the panel is looked at in a dark and a light theme.
import { equal, kl, ok, sig } from './lib/expect.mjs';
import { shootPanel } from './lib/panel.mjs';

export const title = 'Open Visualizer on a P/Q pair: both KL directions, KaTeX without errors, dark and light themes';

const P = [0.4, 0.6];
const Q = [0.5, 0.5];
const LITERAL = '{ "name": "close", "p": [0.4, 0.6], "q": [0.5, 0.5] }';

/** @param {import('playwright-core').FrameLocator} frame @param {string} key */
async function figure(frame, key) {
  const item = frame.locator(`.figure[data-key="${key}"]`);
  const value = (await item.locator('.value').innerText()).trim();
  const unit = (await item.locator('.unit').count()) > 0 ? (await item.locator('.unit').innerText()).trim() : '';
  return `${value} ${unit}`.trim();
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function visualizerKl(ui) {
  await ui.openFile('distributions.json');
  await ui.setColorTheme('Dark Modern');
  await ui.selectText(LITERAL);
  await ui.runCommand('Entropy Lens: Open Visualizer');
  const frame = await ui.waitForVisualizer('.figure[data-key="klQP"] .value');

  // KL is not symmetric: for this pair the two directions differ in the third digit.
  equal(await figure(frame, 'klPQ'), `${sig(kl(P, Q))} nats`, 'D_KL(P‖Q) in the visualizer');
  equal(await figure(frame, 'klQP'), `${sig(kl(Q, P))} nats`, 'D_KL(Q‖P) in the visualizer');
  // ...and again under each formula, where the sums are written out.
  equal((await frame.locator('[data-formula="klPQ"] .formula-value').innerText()).trim(), `D_KL(P‖Q) = ${sig(kl(P, Q))} nats`, 'the D_KL(P‖Q) formula card');
  equal((await frame.locator('[data-formula="klQP"] .formula-value').innerText()).trim(), `D_KL(Q‖P) = ${sig(kl(Q, P))} nats`, 'the D_KL(Q‖P) formula card');

  const katex = await frame.locator('.katex').count();
  ok(katex >= 6, `expected KaTeX to render the figures and formulas, found ${katex} .katex nodes`);
  const errors = await frame.locator('.katex-error').allInnerTexts();
  equal(errors.length, 0, `KaTeX errors (${errors.join(' | ')})`);

  await shootPanel(ui, frame, 'dark');
  await ui.setColorTheme('Light Modern');
  await shootPanel(ui, frame, 'light');
  // A theme change must not break the formulas either.
  equal(await frame.locator('.katex-error').count(), 0, 'KaTeX errors after the theme change');
}
