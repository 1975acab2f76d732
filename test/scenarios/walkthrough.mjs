// A new user's first minute: "Welcome: Open Walkthrough…" lists "Get started with Entropy Lens";
// its first step's button opens the sample, which checks the step off (its completion event is the
// command), and the sample is ready to evaluate: Evaluate Selection with the cursor left in the
// first literal checks off the second step.
import { entropy, equal, includes, sig, waitUntil } from './lib/expect.mjs';

export const title = 'Walkthrough: opens from Welcome: Open Walkthrough…, its first step opens the sample and is checked off, the second follows';

const WALKTHROUGH = 'Get started with Entropy Lens';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function walkthrough(ui) {
  const { page } = ui;
  await ui.runCommand('Welcome: Open Walkthrough...');
  // Typed, then Enter on the focused row: a click there can land on the tooltip of the row's source.
  await page.locator('.quick-input-widget input').fill('Entropy Lens');
  await page.locator(`.quick-input-list .monaco-list-row.focused[aria-label^="${WALKTHROUGH},"]`).waitFor({ timeout: ui.UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  const step = (id) => page.locator(`button.getting-started-step[data-step-id$="#${id}"]`);
  await step('openSample').waitFor({ timeout: ui.UI_TIMEOUT_MS });
  const titles = await page.locator('button.getting-started-step .step-title').allInnerTexts();
  equal(JSON.stringify(titles.map((t) => t.trim())), JSON.stringify(['Open a sample', 'Evaluate a selection', 'Hover over a literal', 'Open the visualizer', 'Preview a loss', 'Change the unit']), 'the walkthrough steps');
  equal(await step('openSample').getAttribute('aria-checked'), 'false', 'the first step before its button is pressed');
  // Each step has a picture, and the first one shown has loaded.
  await waitUntil(() => page.locator('.getting-started-media img, .getting-started-media iframe, .getting-started-media svg').count(), 'the first step shows its picture');
  await ui.screenshot('opened');

  await step('openSample').locator('.button-container a.monaco-button', { hasText: 'Open a Sample' }).click();
  // An untitled file's tab is named after its first line.
  await page.locator('.tabs-container .tab.active', { hasText: 'Entropy Lens sample' }).waitFor({ timeout: ui.UI_TIMEOUT_MS });
  includes(await ui.editorText(), 'p = np.array([0.1, 0.2, 0.7])', 'the sample');

  // The cursor is in the first literal: Evaluate Selection reads the literal around it.
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  await ui.waitForNotification(`H(P) = ${sig(entropy([0.1, 0.2, 0.7]))} nats`);
  await ui.runCommand('Notifications: Clear All Notifications');

  await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).click();
  await waitUntil(async () => (await step('openSample').getAttribute('aria-checked')) === 'true', 'the first step checked off after its button opened the sample');
  await waitUntil(async () => (await step('evaluateSelection').getAttribute('aria-checked')) === 'true', 'the second step checked off after Evaluate Selection ran');
  equal(await step('hover').getAttribute('aria-checked'), 'false', 'the third step, not done yet');
  await ui.screenshot('two-steps-done');
}
