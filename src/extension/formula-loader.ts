/**
 * Loads the formula renderer on first use. In the Node host it is a separate bundle
 * (dist/formula-image.js) so activation stays small; the web extension cannot load a second file,
 * so there it is bundled in (the build defines FORMULA_BUNDLE_SEPARATE accordingly).
 */
import type * as FormulaImage from './formula-image';

declare const FORMULA_BUNDLE_SEPARATE: boolean;

type Renderer = typeof FormulaImage;

let renderer: Renderer | undefined;

export function formulaRenderer(): Renderer {
  if (!renderer) {
    renderer = FORMULA_BUNDLE_SEPARATE
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('./formula-image.js') as Renderer)
      : // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('./formula-image') as Renderer);
  }
  return renderer;
}
