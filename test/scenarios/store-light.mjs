// The store page's pictures in the light theme: see lib/store-pictures.mjs.
import { storePictures } from './lib/store-pictures.mjs';

export const title = 'Store pictures, light theme: the hover with its formula, the visualizer on a pair, a loss derivation';

/** @param {ReturnType<typeof import('../../scripts/lib/workbench.mjs').createWorkbench>} ui */
export default async function storeLight(ui) {
  await storePictures(ui, 'light');
}
