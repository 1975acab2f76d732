/**
 * Loads the formula renderer (MathJax, about 1.6 MB) on the first hover, never at activation.
 * It is dist/formula-image.js, which needs nothing from either host. The Node host requires it. A
 * web extension host evaluates the entry file only and its `require` knows nothing but `vscode`, so
 * the web extension fetches the file and evaluates it as the host evaluated the entry: CommonJS
 * source in a function. The build defines FORMULA_FETCHED accordingly.
 */
import * as vscode from 'vscode';
import type * as FormulaImage from './formula-image';

/** Defined by the build: true in the web extension, false in the Node host's features. */
declare const FORMULA_FETCHED: boolean;

type Renderer = typeof FormulaImage;

/** publisher.name from package.json: the web build finds its own files through it. */
const EXTENSION_ID = 'entropy-lens.entropy-lens';

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
    ? fetchRenderer()
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('./formula-image.js') as Renderer);
}

/** The web host: the worker's fetch resolves the extension's own URIs (vscode-remote:, https:). */
async function fetchRenderer(): Promise<Renderer> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} not found`);
  const uri = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'formula-image.js');
  const response = await fetch(uri.toString(true));
  if (!response.ok) throw new Error(`${uri.toString(true)} answered HTTP ${response.status}`);
  const source = `${await response.text()}\n//# sourceURL=${uri.toString(true)}`;
  // The host's own way to run an extension's CommonJS code in a worker; the file is ours.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function('module', 'exports', source) as (module: { exports: unknown }, exports: unknown) => void;
  const module = { exports: {} as unknown };
  run(module, module.exports);
  return module.exports as Renderer;
}
