import * as vscode from 'vscode';
import { registerCommands } from './commands';
import type { RegisterCommand } from './command-ids';
import { EntropyHoverProvider } from './hover';
import { EntropyStatusBar } from './status-bar';
import { registerVisualizer } from './visualizer';

/**
 * Everything the extension does, loaded on first use (a command, a hover, a selection, a restored
 * panel) rather than at activation: see extension.ts. In the Node host this is dist/features.js.
 */
export interface Features {
  execute(id: string, args: unknown[]): unknown;
  readonly hover: vscode.HoverProvider;
  readonly statusBar: EntropyStatusBar;
  restorePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

export function createFeatures(context: vscode.ExtensionContext): Features {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const register: RegisterCommand = (id, handler) => handlers.set(id, handler);
  const visualizer = registerVisualizer(context, register);
  registerCommands(register, () => visualizer);
  const statusBar = new EntropyStatusBar();
  context.subscriptions.push(statusBar);
  return {
    execute(id, args) {
      const handler = handlers.get(id);
      if (!handler) throw new Error(`Entropy Lens has no handler for ${id}`);
      return handler(...args);
    },
    hover: new EntropyHoverProvider(),
    statusBar,
    restorePanel: (panel, state) => visualizer.restore(panel, state),
  };
}
