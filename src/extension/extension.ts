import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { EntropyHoverProvider } from './hover';
import { EntropyStatusBar } from './status-bar';
import { registerVisualizer } from './visualizer';

/** What tests (and only tests) read back from the running extension. */
export interface EntropyLensApi {
  readonly statusBarText: () => string | undefined;
  readonly refreshStatusBar: () => void;
  /**
   * What activation costs us, in milliseconds: evaluating the bundle, and running activate(). The
   * host's own work between the two (creating the extension context) is not ours and not counted.
   */
  readonly activationMs: { readonly load: number; readonly activate: number } | undefined;
}

/** Set by the bundle's banner (esbuild.config.mjs). */
declare const ENTROPY_LENS_LOAD_START: number | undefined;

/**
 * Activation registers cheap objects only: the core is small, and the formula renderer (MathJax)
 * and the visualizer's webview load on first use.
 */
/** When the entry module finished evaluating: everything the bundle loads is loaded by then. */
const loadedAt = performance.now();

export function activate(context: vscode.ExtensionContext): EntropyLensApi {
  const activateStart = performance.now();
  const visualizer = registerVisualizer(context);
  registerCommands(context, () => visualizer);
  // Every language, notebook cells included: a literal of numbers can stand anywhere.
  context.subscriptions.push(vscode.languages.registerHoverProvider('*', new EntropyHoverProvider()));
  const statusBar = new EntropyStatusBar();
  context.subscriptions.push(statusBar);
  const activationMs =
    typeof ENTROPY_LENS_LOAD_START === 'number' ? { load: loadedAt - ENTROPY_LENS_LOAD_START, activate: performance.now() - activateStart } : undefined;
  return { statusBarText: () => statusBar.text, refreshStatusBar: () => statusBar.update(), activationMs };
}

export function deactivate(): void {}
