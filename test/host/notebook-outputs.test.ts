// Notebook outputs (issue 10, item 5) in a real extension host: samples/outputs.ipynb is a saved
// Jupyter notebook with outputs and no kernel, opened through code-server's own ipynb serializer.
// Evaluate Cell Output reads a torch repr, a numpy pair, printed JSON and an array printed after
// other text, and opens the visualizer on it. References are computed here from the printed numbers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'entropy-lens.entropy-lens';
const STATE = 'entropyLens.internal.visualizerState';
const COMMAND = 'entropyLens.evaluateCellOutput';

interface Result {
  kind: string;
  entropy?: number;
  klPQ?: number;
  loss?: { name: string; value: number };
}

interface Snapshot {
  content?: { kind: string; model?: { source: { fileName: string } } };
  state: { output?: { uri: string; cell: number; output: number } };
}

const entropy = (p: number[]) => {
  const total = p.reduce((a, b) => a + b, 0);
  return -p.reduce((h, v) => h + (v / total) * Math.log(v / total), 0);
};

function close(actual: number | undefined, expected: number, what: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
}

describe('notebook outputs (saved .ipynb, no kernel)', function () {
  this.timeout(60_000);
  let notebook: vscode.NotebookDocument;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the host runner opens samples/ as the workspace');
    notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'outputs.ipynb'));
    assert.equal(notebook.notebookType, 'jupyter-notebook');
    await vscode.window.showNotebookDocument(notebook);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reads a torch repr under a cell and opens the visualizer on it', async () => {
    const result = await vscode.commands.executeCommand<Result>(COMMAND, { uri: notebook.uri.toString(), cell: 1 });
    assert.equal(result.kind, 'distribution');
    close(result.entropy, entropy([0.09, 0.2447, 0.6652]), 'H of the printed tensor');
    for (let i = 0; i < 100; i++) {
      const shown = await vscode.commands.executeCommand<Snapshot>(STATE);
      if (shown.content?.model?.source.fileName === 'outputs.ipynb, cell 2') {
        assert.deepEqual(shown.state.output, { uri: notebook.uri.toString(), cell: 1, output: 0 });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail('the visualizer did not show the output of cell 2');
  });

  it('from the palette, reads the selected cell’s output: a numpy pair is P and Q', async () => {
    const editor = await vscode.window.showNotebookDocument(notebook);
    editor.selections = [new vscode.NotebookRange(2, 3)];
    const result = await vscode.commands.executeCommand<Result>(COMMAND);
    assert.equal(result.kind, 'pair');
    const [p, q] = [[0.1, 0.2, 0.7], [0.2, 0.2, 0.6]];
    close(result.klPQ, p.reduce((d, v, i) => d + v * Math.log(v / q[i]), 0), 'D_KL(P‖Q)');
  });

  it('reads printed JSON targets and predictions as a loss, and an array printed after other text', async () => {
    const loss = await vscode.commands.executeCommand<Result>(COMMAND, { uri: notebook.uri.toString(), cell: 3 });
    assert.equal(loss.loss?.name, 'bce');
    const [y, f] = [[1, 0, 1, 1], [0.9, 0.2, 0.7, 0.6]];
    close(loss.loss?.value, -y.reduce((s, t, i) => s + t * Math.log(f[i]) + (1 - t) * Math.log(1 - f[i]), 0) / y.length, 'BCE');
    const printed = await vscode.commands.executeCommand<Result>(COMMAND, { uri: notebook.uri.toString(), cell: 4 });
    close(printed.entropy, entropy([0.1, 0.2, 0.7]), 'H of the printed numpy array');
  });

  it('a cell whose output holds no array gives a message, not a result', async () => {
    assert.equal(await vscode.commands.executeCommand(COMMAND, { uri: notebook.uri.toString(), cell: 5 }), undefined);
  });
});
