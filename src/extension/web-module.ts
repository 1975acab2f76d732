/**
 * Loads one of the extension's own CommonJS bundles in a web extension host. Such a host evaluates
 * the entry file only, and the `require` it gives knows nothing but `vscode`. So the file is
 * fetched (the worker's fetch resolves the extension's own URIs, vscode-remote: or https:) and run
 * as the host ran the entry: in a function given `module`, `exports` and a `require` for `vscode`.
 */
import * as vscode from 'vscode';

/** publisher.name from package.json: how the web build finds its own files. */
const EXTENSION_ID = 'entropy-lens.entropy-lens';

type Run = (module: { exports: unknown }, exports: unknown, require: (id: string) => unknown) => void;

/** The exports of the bundle at `path` (segments under the extension's folder). */
export async function loadWebModule<T>(...path: string[]): Promise<T> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} not found`);
  const uri = vscode.Uri.joinPath(extension.extensionUri, ...path).toString(true);
  const response = await fetch(uri);
  if (!response.ok) throw new Error(`${uri} answered HTTP ${response.status}`);
  const source = `${await response.text()}\n//# sourceURL=${uri}`;
  // The host's own way to run an extension's code in a worker; the file is ours.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function('module', 'exports', 'require', source) as Run;
  const module = { exports: {} as unknown };
  run(module, module.exports, (id) => {
    if (id === 'vscode') return vscode;
    throw new Error(`${uri} requires ${id}, which a web extension host cannot load`);
  });
  return module.exports as T;
}
