// A user rests the pointer on a literal in TypeScript: the hover shows the figures and the
// formula as an SVG image that has loaded.
import { checkHover } from './lib/hover.mjs';

export const title = 'Hover over [0.5, 0.3, 0.2] in model.ts shows H(P), log n and a loaded SVG formula image, light and dark';

const PRIOR = [0.5, 0.3, 0.2];

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function hoverFormula(ui) {
  await ui.openFile('model.ts');
  // In the default theme, then in a dark one: the image's colour is fixed when it is drawn.
  await checkHover(ui, await ui.hover('[0.5, 0.3, 0.2]', 'Entropy Lens'), PRIOR, 'default-theme');
  await ui.page.keyboard.press('Escape');
  await ui.setColorTheme('Dark Modern');
  await ui.page.mouse.move(5, 5);
  await checkHover(ui, await ui.hover('[0.5, 0.3, 0.2]', 'Entropy Lens'), PRIOR, 'dark-modern');
}
