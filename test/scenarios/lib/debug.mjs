// Debugging as a user does it, for the live-value scenarios: start a launch configuration of
// samples/.vscode/launch.json from the palette, wait until the program is paused, continue.
// The program's values are computed here too (plain JavaScript, as samples/live/softmax.js does).

/**
 * Starts `configuration` ("Debug: Select and Start Debugging") and waits until it is paused.
 * @param {ReturnType<typeof import('../../../scripts/lib/workbench.mjs').createWorkbench>} ui @param {string} configuration
 */
export async function startDebugging(ui, configuration) {
  await ui.runCommand('Debug: Select and Start Debugging');
  // The command reopens the quick input in its debug mode, with the text "debug " typed: the
  // configuration's name goes after that prefix (typed alone, it would search files instead).
  const input = ui.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: ui.UI_TIMEOUT_MS });
  const prefix = await input.inputValue();
  await ui.pick(`${prefix}${configuration}`, configuration, `no launch configuration "${configuration}" after "${prefix}"`);
  await waitUntilPaused(ui);
}

/**
 * Selects the variable `name` where the code declares it (`const probs`), not its first mention
 * (the sample's comment names it first): Find the declaration, End of the match, then
 * Ctrl+Shift+Left selects the word before the cursor.
 * @param {ReturnType<typeof import('../../../scripts/lib/workbench.mjs').createWorkbench>} ui @param {string} name
 */
export async function selectDeclared(ui, name) {
  await ui.selectText(`const ${name}`);
  await ui.page.keyboard.press('ArrowRight');
  await ui.page.keyboard.press('Control+Shift+ArrowLeft');
  await ui.waitForStatusBar(`(${name.length} selected)`);
}

/**
 * Waits until the debug toolbar offers Continue: the program is paused, and VS Code has focused
 * the top frame.
 * @param {ReturnType<typeof import('../../../scripts/lib/workbench.mjs').createWorkbench>} ui
 */
export async function waitUntilPaused(ui) {
  await ui.page.locator('.debug-toolbar .action-label.codicon-debug-continue').first().waitFor({ timeout: 4 * ui.UI_TIMEOUT_MS });
  await ui.page.locator('.monaco-editor .debug-top-stack-frame-line').first().waitFor({ timeout: 2 * ui.UI_TIMEOUT_MS });
}

/**
 * Continue (the debug toolbar's button) to the next stop, and wait until the program has run one
 * more step of its loop (its console.log in the Debug Console) and is paused again.
 * @param {ReturnType<typeof import('../../../scripts/lib/workbench.mjs').createWorkbench>} ui
 */
export async function continueToNextStop(ui) {
  const steps = ui.page.locator('.repl .monaco-list-row', { hasText: /step \d+: p\(class 0\)/ });
  const before = await steps.count();
  await ui.page.locator('.debug-toolbar .action-label.codicon-debug-continue').first().click();
  await ui.page.waitForFunction(({ n }) => [...document.querySelectorAll('.repl .monaco-list-row')].filter((r) => /step \d+: p\(class 0\)/.test(r.textContent ?? '')).length > n, { n: before }, { timeout: ui.UI_TIMEOUT_MS });
  await waitUntilPaused(ui);
}

/** softmax, as the sample computes it. @param {number[]} logits */
export function softmax(logits) {
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** `probs` of samples/live/softmax.js at its stop number `stop` (1, 2, 3). @param {number} stop */
export function sampleProbs(stop) {
  let weights = [2.0, 1.0, 0.1, -1.2];
  const target = [1, 0, 0, 0];
  for (let step = 1; ; step++) {
    const probs = softmax(weights);
    if (step === stop) return { probs, weights };
    weights = weights.map((w, i) => w + 0.5 * (target[i] - probs[i]));
  }
}
