import * as vscode from 'vscode';
import { looksNumeric } from '../core/locate';
import { createCommands } from './commands';
import { contextKeyValue, SelectionDataKey } from './context-keys';
import { EntropyHoverProvider } from './hover';
import type { LanguageModelToolHandlers } from './language-model-tools';
import { createLanguageModelToolHandlers } from './language-model-tools-invoke';
import { useHostL10n } from './l10n';
import { logDisposable } from './log';
import { CellOutputStatus } from './notebook/cell-status';
import { SelectionWatcher } from './selection-watcher';
import { PreviewOptionsStore } from './preview-options';
import { RowsChoices } from './rows-choice';
import { EntropyStatusBar } from './status-bar';
import { DocumentSource } from './targets/document-source';
import { TargetService } from './targets/service';
import { VisualizerController } from './visualizer';

/**
 * Everything the extension does, loaded on first use (a command, a hover, a selection, a restored
 * panel) rather than at activation: see extension.ts. In the Node host this is dist/features.js.
 */
export interface Features {
  execute(id: string, args: unknown[]): unknown;
  readonly hover: vscode.HoverProvider;
  readonly statusBar: EntropyStatusBar;
  readonly visualizer: VisualizerController;
  /** Turns selections, hovers and links into evaluated targets; one cache for all of the above. */
  readonly targets: TargetService;
  /** The figures of notebook cells' outputs (the provider is registered at activation). */
  readonly cellStatus: CellOutputStatus;
  /** The value this bundle last gave one of its context keys (the selection's), for the test hooks. */
  contextKey(key: string): boolean | undefined;
  /** What the language-model tools (registered at activation) run when invoked. */
  readonly languageModelTools: LanguageModelToolHandlers;
  restorePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

export function createFeatures(context: vscode.ExtensionContext): Features {
  // Modules that also load without VS Code (in the unit tests) translate through ./l10n.
  useHostL10n(vscode.l10n);
  const rows = new RowsChoices(context.workspaceState);
  const previews = new PreviewOptionsStore();
  const targets = new TargetService(
    (source) => (source instanceof DocumentSource ? rows.get(source.document.uri, () => source.text()) : undefined),
    (source) => (source instanceof DocumentSource ? previews.get(source.document.uri.toString(), () => source.text()) : undefined),
  );
  const selections = new SelectionWatcher();
  const visualizer = new VisualizerController(context.extensionUri, targets, selections);
  const statusBar = new EntropyStatusBar(targets, selections);
  const selectionKey = new SelectionDataKey(selections.onDidSettle, (text) => looksNumeric(text, { start: 0, end: text.length }));
  context.subscriptions.push(statusBar, visualizer, selections, targets, selectionKey, logDisposable);
  // A new reading of a literal's rows shows at once where that literal is shown.
  const refresh = () => {
    statusBar.update();
    void visualizer.refresh();
  };
  const commands = new Map(createCommands(targets, () => visualizer, { choices: rows, refresh, previews }).map((command) => [command.id, command]));
  return {
    execute(id, args) {
      const command = commands.get(id);
      if (!command) throw new Error(`Entropy Lens has no handler for ${id}`);
      return command.execute(...args);
    },
    hover: new EntropyHoverProvider(targets),
    statusBar,
    visualizer,
    targets,
    cellStatus: new CellOutputStatus(targets),
    contextKey: contextKeyValue,
    languageModelTools: createLanguageModelToolHandlers(targets),
    restorePanel: (panel, state) => visualizer.restore(panel, state),
  };
}
