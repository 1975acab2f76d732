// A user puts the cursor inside a distribution in a JSON file, selects nothing, and evaluates:
// "the literal around the cursor" is the array the cursor is in, not the whole document.
import { entropy, sig } from './lib/expect.mjs';

export const title = 'Evaluate Selection with the cursor inside [0.9, 0.1] in distributions.json evaluates that array';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function evaluateCursorJson(ui) {
  await ui.openFile('distributions.json');
  await ui.selectText('0.9, 0.1');
  // Right collapses the selection to its end: the cursor stands between 0.1 and "]" on line 4.
  await ui.page.keyboard.press('ArrowRight');
  await ui.waitForStatusBar('Ln 4, Col 27');
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  try {
    await ui.waitForNotification(`H(P) = ${sig(entropy([0.9, 0.1]))} nats`);
  } finally {
    await ui.screenshot('notification');
  }
}
