// A user evaluates malformed literals: the error names the line and column of the offending element
// and the editor selects that element.
import { equal, includes, sample } from './lib/expect.mjs';

export const title = 'Evaluate Selection on malformed literals: the error names line and column, the element is selected';

/** Line (1-based) and column (1-based) of `element` inside the first line holding `literal`. */
function whereIs(literal, element) {
  const lines = sample('malformed.txt').split('\n');
  const index = lines.findIndex((line) => line.includes(literal));
  if (index < 0) throw new Error(`malformed.txt has no line with ${literal}`);
  const start = lines[index].indexOf(literal) + literal.indexOf(element, 1);
  return { line: index + 1, column: start + 1 };
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
async function expectErrorAt(ui, literal, element, message, shot) {
  const { line, column } = whereIs(literal, element);
  await ui.selectText(literal);
  await ui.runCommand('Entropy Lens: Evaluate Selection');
  const toast = await ui.waitForNotification(`(line ${line}, column ${column})`);
  includes(toast, message, 'the error notification');
  await ui.screenshot(shot);
  // The selection moved onto the element: the cursor at its end, its length selected...
  await ui.waitForStatusBar(`Ln ${line}, Col ${column + element.length} (${element.length} selected)`);
  // ...and it is that text: Find seeds its input from the selection, as it does for a person.
  await ui.page.keyboard.press('Control+F');
  // The widget selectText closed is still in the DOM (moved out of view, "visible" to Playwright):
  // wait for the `visible` class it gets once it has opened, after seeding its input.
  const find = ui.page.locator('.editor-group-container.active .find-widget.visible textarea, .editor-group-container.active .find-widget.visible input').first();
  await find.waitFor({ state: 'visible', timeout: ui.UI_TIMEOUT_MS });
  equal(await find.inputValue(), element, 'the text selected after the error');
  await ui.page.keyboard.press('Escape');
}

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function errorMalformed(ui) {
  await ui.openFile('malformed.txt');
  await expectErrorAt(ui, '[[0.5, 0.5], [1.0]]', '[1.0]', 'ragged rows', 'ragged');
  await expectErrorAt(ui, '[0.5, NaN, 0.5]', 'NaN', 'NaN', 'nan');
}
