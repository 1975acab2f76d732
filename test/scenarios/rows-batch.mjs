// Issue 14 item 3: `torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])` is two predictions, not P and
// Q. The user hovers it (read as a pair, both KL directions), clicks "Read rows as a batch" in the
// hover, and reads each row's entropy in the notification and in the hover that follows; then
// switches back, leaving the literal as it was found.
import { entropy, includes, sig } from './lib/expect.mjs';

export const title = 'Hover a 2-row tensor in arrays.py, click "Read rows as a batch", read H(row 0) and H(row 1); back to a pair';

const ROW0 = [0.7, 0.2, 0.1];
const ROW1 = [0.1, 0.1, 0.8];
const LITERAL = '[0.1, 0.1, 0.8]';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function rowsBatch(ui) {
  await ui.openFile('arrays.py');
  const asPair = await ui.hover(LITERAL, 'Read rows as a batch');
  includes(asPair, 'D_KL(P‖Q)', 'the hover over the two rows, read as a pair');
  includes(asPair, 'D_KL(Q‖P)', 'the hover over the two rows, read as a pair');
  await ui.screenshot('pair-hover', ui.page.locator('.monaco-hover:not(.hidden)').first());

  await clickLink(ui, 'Read rows as a batch');
  const toast = await ui.waitForNotification('rows read as a batch');
  includes(toast, `H(row 0) = ${sig(entropy(ROW0))} nats`, 'the notification');
  includes(toast, `H(row 1) = ${sig(entropy(ROW1))} nats`, 'the notification');
  await ui.screenshot('batch-notification');

  // The choice is the literal's: the next hover reads the rows as a batch too.
  await ui.page.keyboard.press('Escape');
  await ui.page.mouse.move(5, 5);
  const asBatch = await ui.hover(LITERAL, 'H(row 1)');
  includes(asBatch, 'H(row 0)', 'the hover over the two rows, read as a batch');
  includes(asBatch, `${sig(entropy(ROW0))} nats`, 'the hover (H(row 0))');
  includes(asBatch, `${sig(entropy(ROW1))} nats`, 'the hover (H(row 1))');
  includes(asBatch, 'Read rows as a pair', 'the hover over the batch');
  await ui.screenshot('batch-hover', ui.page.locator('.monaco-hover:not(.hidden)').first());

  // Back to a pair: the workspace keeps choices, and the sample is shared with other scenarios.
  await clickLink(ui, 'Read rows as a pair');
  await ui.waitForNotification('rows read as a pair');
}

/** Clicks the hover's link labelled `label`. @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui @param {string} label */
async function clickLink(ui, label) {
  const link = ui.hoverWidget().locator('a', { hasText: label }).first();
  await link.waitFor({ state: 'visible', timeout: ui.UI_TIMEOUT_MS });
  await link.click({ timeout: ui.UI_TIMEOUT_MS });
}
