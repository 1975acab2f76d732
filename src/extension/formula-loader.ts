/**
 * Loads the formula renderer (MathJax, about 1.6 MB) on the first hover, never at activation.
 * It is dist/formula-image.js, which needs nothing from either host. The Node host requires it. A
 * web extension host evaluates the entry file only and its `require` knows nothing but `vscode`, so
 * the web extension fetches the file and runs it (web-module.ts). The build defines
 * FORMULA_FETCHED accordingly.
 */
import type * as FormulaImage from './formula-image';
import { loadWebModule } from './web-module';

/** Defined by the build: true in the web extension, false in the Node host's features. */
declare const FORMULA_FETCHED: boolean;

type Renderer = typeof FormulaImage;

let loading: Promise<Renderer> | undefined;

export function loadFormulaRenderer(): Promise<Renderer> {
  // A failed load is not cached: the next hover tries again.
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Renderer> {
  return FORMULA_FETCHED
    ? loadWebModule<Renderer>('dist', 'formula-image.js')
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./formula-image.js') as Renderer);
}
