import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { EntropyHoverProvider } from './hover';
import { EntropyStatusBar } from './status-bar';
import { registerVisualizer } from './visualizer';

/** What tests (and only tests) read back from the running extension. */
export interface EntropyLensApi {
  readonly statusBarText: () => string | undefined;
  readonly refreshStatusBar: () => void;
}

/**
 * Activation registers cheap objects only: the core is small, and the formula renderer (MathJax)
 * and the visualizer's webview load on first use.
 */
export function activate(context: vscode.ExtensionContext): EntropyLensApi {
  const visualizer = registerVisualizer(context);
  registerCommands(context, () => visualizer);
  // Every language, notebook cells included: a literal of numbers can stand anywhere.
  context.subscriptions.push(vscode.languages.registerHoverProvider('*', new EntropyHoverProvider()));
  const statusBar = new EntropyStatusBar();
  context.subscriptions.push(statusBar);
  return { statusBarText: () => statusBar.text, refreshStatusBar: () => statusBar.update() };
}

export function deactivate(): void {}
