// A user rests the pointer on a distribution in a JSON file, where every value sits inside the
// document's outer object: the hover must be about the array under the pointer.
import { checkHover } from './lib/hover.mjs';

export const title = 'Hover over [0.9, 0.1] in distributions.json shows its figures and formula image';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function hoverJson(ui) {
  await ui.openFile('distributions.json');
  const text = await ui.hover('[0.9, 0.1]', 'Entropy Lens');
  await checkHover(ui, text, [0.9, 0.1], 'json');
}
