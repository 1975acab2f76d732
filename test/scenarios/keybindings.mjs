// The two keyboard shortcuts: each is bound to our command alone in this VS Code (its defaults and
// built-in extensions), as the Keyboard Shortcuts editor lists them, and each does what it says.
import { entropy, equal, kl, sig, waitUntil } from './lib/expect.mjs';

export const title = 'Keybindings: Ctrl+Alt+E evaluates the selection, Ctrl+K Ctrl+V opens the visualizer, and nothing else in VS Code is bound to either';

const BINDINGS = [
  { keys: 'ctrl+alt+e', command: 'Entropy Lens: Evaluate Selection' },
  { keys: 'ctrl+k ctrl+v', command: 'Entropy Lens: Open Visualizer' },
];

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function keybindings(ui) {
  const { page } = ui;
  await ui.runCommand('Preferences: Open Keyboard Shortcuts');
  const search = page.locator('.keybindings-header input').first();
  await search.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  // The table's rows; each one's label ends with how to change its keybinding.
  const rows = page.locator('.monaco-list-row[aria-label*="change the keybinding"]');
  for (const { keys, command } of BINDINGS) {
    // A quoted keybinding searches bindings exactly.
    await search.fill(`"${keys}"`);
    // Until the filter applies, the table still lists every command: wait until every row listed
    // carries this binding in its accessible label (which names its keys as "Control+Alt+E").
    const wanted = keys.replace(/ctrl/g, 'control').replace(/[^a-z0-9]/g, '');
    const commands = await waitUntil(async () => {
      const labels = await rows.evaluateAll((els) => els.map((el) => ({
        command: (el.querySelector('.command-label')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        aria: (el.getAttribute('aria-label') ?? '').toLowerCase().replace(/[^a-z0-9]/g, ''),
      })));
      return labels.length > 0 && labels.every((row) => row.aria.includes(wanted)) ? labels.map((row) => row.command) : undefined;
    }, `the Keyboard Shortcuts editor's rows for "${keys}" alone`);
    equal(JSON.stringify(commands), JSON.stringify([command]), `the commands bound to ${keys}`);
    await ui.screenshot(`keyboard-shortcuts-${keys.replace(/\W+/g, '-')}`);
  }
  await page.keyboard.press('Escape');

  await ui.openFile('distributions.json');
  await ui.selectText('[0.5, 0.5]');
  await page.keyboard.press('Control+Alt+E');
  await ui.waitForNotification(`H(P) = ${sig(entropy([0.5, 0.5]))} nats`);
  await ui.runCommand('Notifications: Clear All Notifications');

  await ui.selectText('{ "name": "close", "p": [0.4, 0.6], "q": [0.5, 0.5] }');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+V');
  const frame = await ui.waitForVisualizer('.figure[data-key="klPQ"] .value');
  equal((await frame.locator('.figure[data-key="klPQ"] .value').innerText()).trim(), sig(kl([0.4, 0.6], [0.5, 0.5])), 'D_KL(P‖Q) in the visualizer Ctrl+K Ctrl+V opened');
}
