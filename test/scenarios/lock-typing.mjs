// Issue 14 items 1 and 2 in the real workbench: the user locks the visualizer on
// `logits = np.array([2.0, -1.0, 0.5])`, types `1` before `2.0` and reads the figure of
// [12.0, -1.0, 0.5] (before, the locked range stayed put and the panel said "unbalanced brackets");
// types a letter that makes the literal unreadable and sees the last figure kept, dimmed, under a
// quiet line with the reason; deletes it; unlocks, selects a word and sees the last result kept with
// a hint, no error box. The sample is reverted at the end: other scenarios open it too.
import { equal, includes, ok, sig, waitUntil } from './lib/expect.mjs';

export const title = 'Lock the visualizer on logits, type inside the literal and read the new figure; an unreadable moment keeps the last figure dimmed; a word selected keeps the last result';

const LITERAL = 'np.array([2.0, -1.0, 0.5])';

/** H(softmax(z)) in nats, computed here, independently of the extension. @param {number[]} z */
function softmaxEntropy(z) {
  const max = Math.max(...z);
  const e = z.map((x) => Math.exp(x - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return -e.reduce((h, x) => h + (x / sum) * Math.log(x / sum), 0);
}

/** @param {import('playwright-core').FrameLocator} frame */
async function entropyShown(frame) {
  return (await frame.locator('.figure[data-key="entropy"] .value').first().innerText()).trim();
}

/** Waits until the panel's H(P) reads `expected` (to the panel's six digits). @param {import('playwright-core').FrameLocator} frame @param {number} expected @param {string} what */
async function waitForEntropy(frame, expected, what) {
  await waitUntil(async () => (await entropyShown(frame)) === sig(expected), `${what}: H(P) = ${sig(expected)} nats in the panel`);
}

/**
 * Back to the editor after a click in the panel: the panel's group is the active one then, and the
 * editor helpers work in the active group. A click on the file's tab makes its group active again.
 * @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui
 */
async function backToEditor(ui) {
  await ui.page.locator('.tabs-container .tab[aria-label^="arrays.py"]').first().click();
  await ui.page.locator('.editor-group-container.active .tab.active[aria-label^="arrays.py"]').waitFor({ timeout: ui.UI_TIMEOUT_MS });
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
async function revert(ui) {
  await backToEditor(ui);
  await ui.runCommand('File: Revert File');
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function lockTyping(ui) {
  const { page } = ui;
  await ui.openFile('arrays.py');
  try {
    await ui.selectText(LITERAL);
    await ui.runCommand('Entropy Lens: Open Visualizer');
    const frame = await ui.waitForVisualizer('.figure[data-key="entropy"] .value');
    equal(await entropyShown(frame), sig(softmaxEntropy([2.0, -1.0, 0.5])), 'H(P) of softmax([2, −1, 0.5])');

    // Lock: the button's name stays, aria-pressed says it is pressed.
    await frame.locator('button[data-focus="lock"]').click();
    await frame.locator('button[data-focus="lock"][aria-pressed="true"]').waitFor({ timeout: ui.UI_TIMEOUT_MS });

    // The keystroke: `1` before `2.0`.
    await backToEditor(ui);
    await ui.selectText('[2.0');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('1');
    await waitForEntropy(frame, softmaxEntropy([12.0, -1.0, 0.5]), 'after typing 1 before 2.0');
    equal(await frame.locator('section.error').count(), 0, 'no error in the panel');
    equal(await frame.locator('.status-line:not([hidden])').count(), 0, 'nothing stale');
    await ui.screenshot('typed', page.locator('iframe.webview').first());

    // A letter before -1.0: the literal cannot be read for a moment. The last figure stays, dimmed, under the reason.
    await ui.selectText('-1.0, 0.5])');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('x');
    const stale = frame.locator('.status-line[data-status="stale"]');
    await stale.waitFor({ timeout: ui.UI_TIMEOUT_MS });
    includes(await stale.innerText(), "'x' is not a number", 'the stale line');
    includes(await stale.innerText(), 'Go to line', 'the stale line');
    equal(await entropyShown(frame), sig(softmaxEntropy([12.0, -1.0, 0.5])), 'the last figure, kept');
    ok((await frame.locator('.status-line.dim').count()) === 1, 'the kept figures are dimmed');
    equal(await frame.locator('[role="alert"]').count(), 0, 'no alert');
    await ui.screenshot('stale', page.locator('iframe.webview').first());
    await page.keyboard.press('Backspace');
    await frame.locator('.status-line[hidden]').waitFor({ state: 'attached', timeout: ui.UI_TIMEOUT_MS });
    await waitForEntropy(frame, softmaxEntropy([12.0, -1.0, 0.5]), 'readable again');

    // Unlock, then select a word: the panel keeps the last result, with a hint, and no error.
    await frame.locator('button[data-focus="lock"]').click();
    await frame.locator('button[data-focus="lock"][aria-pressed="false"]').waitFor({ timeout: ui.UI_TIMEOUT_MS });
    await backToEditor(ui);
    await ui.selectText('numpy');
    const hint = frame.locator('.status-line[data-status="hint"]');
    await hint.waitFor({ timeout: ui.UI_TIMEOUT_MS });
    includes(await hint.innerText(), 'holds no literal', 'the hint');
    equal(await entropyShown(frame), sig(softmaxEntropy([12.0, -1.0, 0.5])), 'the last result, kept');
    equal(await frame.locator('section.error').count(), 0, 'no error for a word');
    equal(await frame.locator('[role="alert"]').count(), 0, 'no alert for a word');
    await ui.screenshot('word', page.locator('iframe.webview').first());
  } catch (error) {
    await revert(ui).catch(() => undefined);
    throw error;
  }
  // The sample as it was on disk, with no unsaved change left for a later scenario's workbench.
  await revert(ui);
}
