// A user rests the pointer on a numpy literal in Python: the hover shows the figures and the
// formula as an SVG image that has loaded. (In model.ts the first hover of a fresh workbench
// sometimes never appeared on a loaded CI machine while TypeScript's server started; the host
// suites cover the provider in every language.)
import { checkHover } from './lib/hover.mjs';

export const title = 'Hover over np.array([0.1, 0.2, 0.7]) in arrays.py shows H(P), log n and a loaded SVG formula image, light and dark';

const P = [0.1, 0.2, 0.7];

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function hoverFormula(ui) {
  await ui.openFile('arrays.py');
  // In the default theme, then in a dark one: the image's colour is fixed when it is drawn.
  await checkHover(ui, await ui.hover('[0.1, 0.2, 0.7]', 'Entropy Lens'), P, 'default-theme');
  await ui.page.keyboard.press('Escape');
  await ui.setColorTheme('Dark Modern');
  await ui.page.mouse.move(5, 5);
  await checkHover(ui, await ui.hover('[0.1, 0.2, 0.7]', 'Entropy Lens'), P, 'dark-modern');
}
