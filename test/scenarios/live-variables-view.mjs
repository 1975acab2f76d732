// While debugging, from the Variables view: right-click a variable of the paused Node program →
// "Evaluate Variable"; then "Compare with…" and pick Q from the frame's other variables.
import { sampleProbs, softmax, startDebugging } from './lib/debug.mjs';
import { entropy, kl, sig } from './lib/expect.mjs';

export const title = 'While debugging: Evaluate Variable and Compare with… from the Variables view';

/**
 * Right-clicks the Variables view row of `name` and chooses `item` from its context menu.
 * @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui @param {string} name @param {string} item
 */
async function fromVariablesMenu(ui, name, item) {
  // The row reads "probs = (4) [0.64…]"; its name element holds "probs" and the separator.
  const row = ui.page.locator('.debug-variables .monaco-list-row').filter({ has: ui.page.locator('.name', { hasText: new RegExp(`^${name}\\s*[=:]?$`) }) }).first();
  await row.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  await row.click({ button: 'right' });
  const entry = ui.page.locator('.context-view .monaco-menu .action-item', { hasText: item }).first();
  await entry.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  // Pointing at the entry focuses it, Enter runs it: Playwright's click on the entry left this
  // workbench's context menu open with nothing run.
  await entry.hover();
  await ui.page.keyboard.press('Enter');
  await entry.waitFor({ state: 'detached', timeout: ui.UI_TIMEOUT_MS });
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function liveVariablesView(ui) {
  await ui.openFile('live/softmax.js');
  await startDebugging(ui, 'Debug softmax.js (Node)');
  await ui.runCommand('View: Show Run and Debug');
  // js-debug lists the scopes collapsed here: the loop body's block scope, the first "Block",
  // holds probs and masked. Expand it as a person would, with its twistie.
  const scope = ui.page.locator('.debug-variables .monaco-list-row', { hasText: /^\s*Block\s*$/ }).first();
  await scope.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  if ((await scope.getAttribute('aria-expanded')) === 'false') await scope.locator('.monaco-tl-twistie').click();
  const { probs, weights } = sampleProbs(1);

  await fromVariablesMenu(ui, 'probs', 'Evaluate Variable');
  await ui.waitForNotification(`probs @ softmax.js:16: H(P) = ${sig(entropy(probs))} nats`);
  await ui.screenshot('evaluate-variable');

  // `masked` holds a −Infinity: logits with a masked class. Q is `probs`, picked from the list.
  await fromVariablesMenu(ui, 'masked', 'Compare with…');
  await ui.pick('probs', 'probs', 'the pick list has no variable "probs"');
  const p = softmax([weights[0], -Infinity, weights[2], weights[3]]);
  await ui.waitForNotification(`D_KL(P‖Q) = ${sig(kl(p, probs))} nats`);
  await ui.screenshot('compare-with');
}
