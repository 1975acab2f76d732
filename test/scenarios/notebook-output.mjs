// In a notebook: samples/outputs.ipynb, saved with its outputs and opened with no kernel. The cell
// whose output is a torch tensor shows its entropy in the cell's status bar; clicking it opens the
// visualizer on that output.
import { entropy, equal, sig } from './lib/expect.mjs';

export const title = 'In a notebook: a cell output’s entropy in its status bar, and the visualizer on it';

/**
 * Opens a notebook by Quick Open and waits for its cells. (`ui.openFile` waits for a text editor
 * in the active group, which a notebook editor is not.)
 * @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui @param {string} name
 */
async function openNotebook(ui, name) {
  await ui.page.keyboard.press('Control+P');
  const input = ui.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: ui.UI_TIMEOUT_MS });
  await input.fill(name);
  await ui.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: ui.UI_TIMEOUT_MS });
  await ui.page.keyboard.press('Enter');
  await ui.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: ui.UI_TIMEOUT_MS });
  // The notebook editor is laid over its group from a container of its own, not inside the group.
  await ui.page.locator('.notebook-editor .cell-list-container .monaco-list-row:visible').first().waitFor({ timeout: ui.UI_TIMEOUT_MS });
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function notebookOutput(ui) {
  await openNotebook(ui, 'outputs.ipynb');
  // tensor([0.0900, 0.2447, 0.6652]) as printed: four digits, so it sums to 0.9999 and is normalised.
  const printed = [0.09, 0.2447, 0.6652];
  const total = printed.reduce((a, b) => a + b, 0);
  const expected = `H(P) = ${sig(entropy(printed.map((x) => x / total)))} nats`;
  const item = ui.page.locator('.cell-statusbar-container .cell-status-item', { hasText: expected }).first();
  await item.waitFor({ timeout: 2 * ui.UI_TIMEOUT_MS });
  await ui.screenshot('status-bar');
  await item.click();
  const frame = await ui.waitForVisualizer('.figure[data-key="entropy"] .value');
  equal((await frame.locator('.figure[data-key="entropy"] .value').innerText()).trim(), sig(entropy(printed.map((x) => x / total))), 'H(P) in the visualizer');
  equal((await frame.locator('.source .file-name').innerText()).trim(), 'outputs.ipynb, cell 2', 'the source the panel names');
  await ui.screenshot('notebook-output');
}
