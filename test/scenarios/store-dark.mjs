// The store page's pictures in the dark theme: see lib/store-pictures.mjs.
import { animationFrames, storePictures } from './lib/store-pictures.mjs';

export const title = 'Store pictures, dark theme: the hover with its formula, the visualizer on a pair, a loss derivation; the frames of select → hover → visualizer';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function storeDark(ui) {
  await storePictures(ui, 'dark');
  await animationFrames(ui);
}
