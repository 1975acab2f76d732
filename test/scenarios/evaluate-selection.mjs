// A user selects a fair coin's distribution in a JSON file and evaluates it from the palette.
import { entropy, sig } from './lib/expect.mjs';

export const title = 'Evaluate Selection on [0.5, 0.5] shows H(P) = ln 2 in nats';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function evaluateSelection(ui) {
  await ui.openFile('distributions.json');
  await ui.selectText('[0.5, 0.5]');
  await ui.screenshot('selected');
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  // ln 2, computed here; the extension's figure must agree to its 6 significant digits.
  await ui.waitForNotification(`H(P) = ${sig(entropy([0.5, 0.5]))} nats`);
  await ui.screenshot('notification');
}
