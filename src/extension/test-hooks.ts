import * as vscode from 'vscode';
import { isFromWebview, VIEW_TYPE } from '../shared/protocol';
import { contextKeyValue } from './context-keys';
import type { Features } from './features';

/**
 * Test hooks: registered only when the extension host runs tests (ExtensionMode.Test), and compiled
 * out of the production bundles (ENTROPY_LENS_TEST_HOOKS is false there), so no .vsix carries them.
 * The host suites (test/host) read the panel and the status bar through them; the scenarios, which
 * install the .vsix, read the workbench's own DOM instead.
 */

/** What activate() returns to the host suites. */
export interface TestApi {
  readonly statusBarText: () => string | undefined;
  readonly refreshStatusBar: () => void;
  /** Evaluations the target service has run: cached answers are not counted. */
  readonly evaluationCount: () => number;
  /** The value the extension last gave a context key of its own (context-keys.ts). */
  readonly contextKey: (key: string) => boolean | undefined;
  /**
   * What activation costs us, in milliseconds: evaluating the bundle, and running activate(). The
   * host's own work between the two (creating the extension context) is not ours and not counted.
   */
  readonly activationMs: { readonly load: number; readonly activate: number } | undefined;
}

/** Commands for the host suites, not in package.json. */
export const INTERNAL_COMMANDS = {
  /** What the visualizer last told its panel. */
  visualizerState: 'entropyLens.internal.visualizerState',
  /** The serializer's restore path, with a state the test chooses. */
  visualizerRestore: 'entropyLens.internal.visualizerRestore',
  /** A message as if the webview had posted it; settles when the visualizer has handled it. */
  visualizerMessage: 'entropyLens.internal.visualizerMessage',
} as const;

export function registerTestHooks(
  context: vscode.ExtensionContext,
  features: () => Features,
  activationMs: TestApi['activationMs'],
): TestApi {
  context.subscriptions.push(
    vscode.commands.registerCommand(INTERNAL_COMMANDS.visualizerState, () => features().visualizer.snapshot()),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.visualizerRestore, async (state: unknown) => {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Entropy Lens', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
      await features().visualizer.restore(panel, state);
    }),
    vscode.commands.registerCommand(INTERNAL_COMMANDS.visualizerMessage, async (message: unknown) => {
      if (!isFromWebview(message)) return false;
      await features().visualizer.handle(message);
      return true;
    }),
  );
  return {
    statusBarText: () => features().statusBar.text,
    refreshStatusBar: () => features().statusBar.update(),
    evaluationCount: () => features().targets.evaluations,
    // The activation bundle sets the editor's key, the features bundle the selection's: each keeps its own.
    contextKey: (key) => contextKeyValue(key) ?? features().contextKey(key),
    activationMs,
  };
}
