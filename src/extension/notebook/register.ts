import * as vscode from 'vscode';

/** What the cell status bar needs from the features (loaded when a cell first has a text output). */
export interface CellStatusProvider {
  provide(cell: vscode.NotebookCell): vscode.NotebookCellStatusBarItem[];
}

const TEXT_MIMES = new Set(['text/plain', 'application/vnd.code.notebook.stdout', 'application/json']);

/**
 * Registered at activation (a provider cannot join later for notebooks already open), light: the
 * features load only for a cell with a text output, the only kind that can hold an array. The items
 * are asked for again when outputs or the settings change.
 */
export function registerCellStatus(provider: () => Promise<CellStatusProvider>): vscode.Disposable[] {
  const changed = new vscode.EventEmitter<void>();
  return [
    changed,
    vscode.notebooks.registerNotebookCellStatusBarItemProvider('jupyter-notebook', {
      onDidChangeCellStatusBarItems: changed.event,
      provideCellStatusBarItems: async (cell) => (cell.outputs.some((output) => output.items.some((item) => TEXT_MIMES.has(item.mime))) ? (await provider()).provide(cell) : []),
    }),
    vscode.workspace.onDidChangeNotebookDocument((event) => {
      if (event.cellChanges.some((change) => change.outputs !== undefined)) changed.fire();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('entropyLens')) changed.fire();
    }),
  ];
}
