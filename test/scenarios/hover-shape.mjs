// Issue 14 item 5: a user rests the pointer on a tensor's shape, `torch.zeros((3, 224, 224))`, and
// Entropy Lens says nothing: a shape is not a distribution. The probabilities a few lines up still
// get their hover in the same window, so the silence is the extension declining, not a hover that
// never came.
import { ok, waitUntil } from './lib/expect.mjs';

export const title = 'Hover over torch.zeros((3, 224, 224)) in arrays.py: no Entropy Lens hover, while np.array([0.1, 0.2, 0.7]) still gets one';

/** How long a hover is given to appear where none should: longer than a first hover takes. */
const QUIET_MS = 4_000;

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function hoverShape(ui) {
  await ui.openFile('arrays.py');
  // Hovers work in this window, the formula renderer loaded: the literal above answers.
  await ui.hover('[0.1, 0.2, 0.7]', 'Entropy Lens');
  await dismiss(ui);

  const point = await waitUntil(() => ui.middleOf('224, 224'), 'the shape "224, 224" laid out in the editor');
  // By mouse: rest on the shape.
  await ui.page.mouse.move(point.x - 60, point.y);
  await ui.page.mouse.move(point.x, point.y, { steps: 4 });
  const byMouse = await hoverAfter(ui, QUIET_MS);
  ok(!byMouse.includes('Entropy Lens'), `the pointer on torch.zeros((3, 224, 224)) shows an Entropy Lens hover: ${JSON.stringify(byMouse)}`);
  await ui.screenshot('shape-pointer');
  await dismiss(ui);
  // By keyboard: the cursor on the shape, Show or Focus Hover (Ctrl+K Ctrl+I).
  await ui.page.mouse.click(point.x, point.y);
  await ui.page.keyboard.press('Control+K');
  await ui.page.keyboard.press('Control+I');
  const byKeyboard = await hoverAfter(ui, QUIET_MS);
  ok(!byKeyboard.includes('Entropy Lens'), `Show Hover on torch.zeros((3, 224, 224)) shows an Entropy Lens hover: ${JSON.stringify(byKeyboard)}`);
  await dismiss(ui);
}

/** Closes any hover and moves the pointer out of the editor. @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
async function dismiss(ui) {
  await ui.page.keyboard.press('Escape');
  await ui.page.mouse.move(5, 5);
  await ui.page.waitForTimeout(300);
}

/**
 * The text of the hover on screen after `ms`, or '' when none shows; polled, so a hover that comes
 * and goes within the wait is seen too.
 * @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui @param {number} ms
 */
async function hoverAfter(ui, ms) {
  const hover = ui.hoverWidget();
  let seen = '';
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await hover.isVisible()) seen += `${(await hover.innerText().catch(() => '')).replace(/\u00a0/g, ' ')}\n`;
    await ui.page.waitForTimeout(250);
  }
  return seen;
}

