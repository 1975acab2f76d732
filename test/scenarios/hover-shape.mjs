// Issue 14 item 5: a user rests the pointer on a tensor's shape, `torch.zeros((3, 224, 224))`, and
// Entropy Lens says nothing: a shape is not a distribution. The probabilities a few lines up still
// get their hover in the same window, so the silence is the extension declining, not a hover that
// never came.
import { ok } from './lib/expect.mjs';

export const title = 'Hover over torch.zeros((3, 224, 224)) in arrays.py: no Entropy Lens hover, while np.array([0.1, 0.2, 0.7]) still gets one';

/** How long a hover is given to appear where none should: longer than a first hover takes. */
const QUIET_MS = 4_000;

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function hoverShape(ui) {
  await ui.openFile('arrays.py');
  // Hovers work in this window, the formula renderer loaded: the literal above answers.
  await ui.hover('[0.1, 0.2, 0.7]', 'Entropy Lens');
  await dismiss(ui);

  const point = await middleOf(ui, '224, 224');
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

/**
 * The middle of the first rendered occurrence of `text` in the active editor, on a character (not a
 * space or comma), as ui.hover finds it.
 * @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui @param {string} text
 */
async function middleOf(ui, text) {
  // Monaco renders spaces as non-breaking spaces: match either.
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]'));
  const line = ui.page.locator('.editor-group-container.active .view-lines .view-line', { hasText: pattern }).first();
  await line.waitFor({ timeout: ui.UI_TIMEOUT_MS });
  const point = await line.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let joined = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: joined.length });
      joined += node.data.replace(/\u00a0/g, ' ');
    }
    const column = joined.indexOf(wanted);
    if (column < 0) return null;
    let middle = column + Math.floor(wanted.length / 2);
    while (middle > column && /[\s,]/.test(joined[middle])) middle--;
    const at = (offset) => {
      const hit = nodes.filter((n) => n.start <= offset).pop();
      return [hit.node, offset - hit.start];
    };
    const range = document.createRange();
    range.setStart(...at(middle));
    range.setEnd(...at(middle + 1));
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, text);
  ok(point, `"${text}" is not visible in the editor`);
  return point;
}
