// The editor features (issue #4) in the real extension host: every command on documents like the
// samples, multi-cursor P/Q, the hover provider's figures, image and links, the status bar, settings
// taking effect without a reload, a notebook cell, and the error path.
import * as assert from 'node:assert/strict';
import { mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { showActive, TestFiles } from './lib/files';

const EXTENSION_ID = 'entropy-lens.entropy-lens';

/** The test hooks' API (src/extension/test-hooks.ts): activate() returns it in test mode only. */
interface Api {
  statusBarText(): string | undefined;
  refreshStatusBar(): void;
  evaluationCount(): number;
}

let api: Api;

const files = new TestFiles('editor');
const open = (content: string, language: string) => files.open(content, language);

/** Opens a file of the samples/ folder, which the runner opens as the workspace. */
async function openSample(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the host runner opens samples/ as the workspace');
  return showActive(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name)));
}

/** The `{…}` object that follows `key` in a JSON document (no nested braces inside). */
function objectAfter(editor: vscode.TextEditor, key: string): string {
  const text = editor.document.getText();
  const start = text.indexOf('{', text.indexOf(key));
  return text.slice(start, text.indexOf('}', start) + 1);
}

/** Selects the first occurrence of `text` (or of each text, for multi-cursor) in the editor. */
function select(editor: vscode.TextEditor, ...texts: string[]): vscode.Selection[] {
  const source = editor.document.getText();
  const selections = texts.map((text) => {
    const start = source.indexOf(text);
    assert.ok(start >= 0, `${text} is not in the document`);
    return new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
  });
  editor.selections = selections;
  return selections;
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('entropyLens').update(key, value, vscode.ConfigurationTarget.Global);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

async function hoverAt(editor: vscode.TextEditor, text: string, offsetInText = 1): Promise<vscode.Hover[]> {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0, `${text} is not in the document`);
  const position = editor.document.positionAt(start + offsetInText);
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
}

/**
 * Takes the next item of the quick pick a command opened and returns the command's result. The pick
 * opens when the command's request reaches the workbench, which no fixed delay bounds on a busy
 * machine: select-next and accept are sent again until the command has answered (both do nothing
 * while no quick pick is open or its items have not arrived, and accept needs an active item).
 */
async function pickNext<T>(command: string): Promise<T> {
  let answered = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => (answered = true));
  for (let i = 0; i < 250 && !answered; i++) {
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  return result;
}

const ln2 = Math.log(2);

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Closes every tab without a save prompt: a document a test edited (a comment inserted, a notebook
 * cell) is brought forward and reverted; clean tabs (files, the visualizer panel) are closed as they are.
 */
async function closeEverything(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs)[0];
    if (!tab) return;
    const input = tab.input;
    if (tab.isDirty && input instanceof vscode.TabInputText) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri.toString());
      if (document) await vscode.window.showTextDocument(document, { viewColumn: tab.group.viewColumn });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } else if (tab.isDirty && input instanceof vscode.TabInputNotebook) {
      const notebook = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === input.uri.toString());
      if (notebook) await vscode.window.showNotebookDocument(notebook, { viewColumn: tab.group.viewColumn });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } else {
      await vscode.window.tabGroups.close(tab);
    }
  }
  // Reverts reach this host as events after the commands return; an untitled name is reused, so the
  // next test's new "Untitled-1" must not receive the previous one's revert. Wait for them to land.
  for (let i = 0; i < 50 && vscode.workspace.textDocuments.some((d) => d.isUntitled && d.isDirty); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('editor features', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  after(closeEverything);

  afterEach(async () => {
    for (const key of ['unit', 'interpretation', 'loss', 'precision', 'hover.enabled', 'statusBar.enabled']) await setting(key, undefined);
    await closeEverything();
  });

  it('Evaluate Selection returns the figures of the selected literal', async () => {
    const editor = await open('fair_coin = [0.5, 0.5]\nother = [0.1, 0.2, 0.7]\n', 'python');
    select(editor, '[0.5, 0.5]');
    const result = await vscode.commands.executeCommand<{ kind: string; entropy: number; unit: string }>('entropyLens.evaluateSelection');
    assert.equal(result.kind, 'distribution');
    assert.equal(result.unit, 'nats');
    assert.ok(Math.abs(result.entropy - ln2) < 1e-15);
  });

  it('with an empty selection, evaluates the literal around the cursor (wrappers included)', async () => {
    const editor = await open('import torch\nlogits = torch.tensor([[2.0, -1.0, 0.5]])\n', 'python');
    const at = editor.document.getText().indexOf('-1.0');
    const position = editor.document.positionAt(at);
    editor.selection = new vscode.Selection(position, position);
    const result = await vscode.commands.executeCommand<{ kind: string; interpretation: string }>('entropyLens.evaluateSelection');
    assert.equal(result.kind, 'distribution');
    assert.equal(result.interpretation, 'logits');
  });

  it('a literal of 100,000 numbers is evaluated with progress shown, and right', async () => {
    const editor = await open(`counts = [${Array(100_000).fill('1').join(', ')}]\n`, 'python');
    const text = editor.document.getText();
    select(editor, text.slice(text.indexOf('['), text.indexOf(']') + 1));
    const result = await vscode.commands.executeCommand<{ entropy: number; interpretation: string }>('entropyLens.evaluateSelection');
    assert.equal(result.interpretation, 'counts');
    assert.ok(Math.abs(result.entropy - Math.log(100_000)) < 1e-12 * Math.log(100_000));
  });

  it('two selections are P and Q, in the order made (multi-cursor)', async () => {
    const editor = await open('p = [0.5, 0.5]\nq = [0.9, 0.1]\n', 'python');
    select(editor, '[0.5, 0.5]', '[0.9, 0.1]');
    const result = await vscode.commands.executeCommand<{ kind: string; klPQ: number; klQP: number }>('entropyLens.compareSelections');
    assert.equal(result.kind, 'pair');
    // scipy.stats.entropy([1/2, 1/2], qk=[9/10, 1/10])
    assert.ok(Math.abs(result.klPQ - 0.5108256237659907) < 1e-15);
    assert.notEqual(result.klPQ, result.klQP);
    select(editor, '[0.9, 0.1]', '[0.5, 0.5]');
    const swapped = await vscode.commands.executeCommand<{ klPQ: number }>('entropyLens.compareSelections');
    assert.ok(Math.abs(swapped.klPQ - result.klQP) < 1e-15);
  });

  it('Compare Selections takes one pair-shaped literal too', async () => {
    const editor = await open('{"p": [0.5, 0.5], "q": [0.9, 0.1]}', 'json');
    select(editor, '{"p": [0.5, 0.5], "q": [0.9, 0.1]}');
    const result = await vscode.commands.executeCommand<{ kind: string; jsDivergence: number }>('entropyLens.compareSelections');
    assert.equal(result.kind, 'pair');
    assert.ok(result.jsDivergence > 0 && result.jsDivergence <= ln2);
  });

  it('Preview Loss picks the loss the data implies', async () => {
    const editor = await open('{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}', 'json');
    select(editor, editor.document.getText());
    const result = await vscode.commands.executeCommand<{ kind: string; loss: { name: string; value: number } }>('entropyLens.previewLoss');
    assert.equal(result.kind, 'loss');
    assert.equal(result.loss.name, 'cce');
    const lse = (row: number[]) => Math.log(row.reduce((s, x) => s + Math.exp(x), 0));
    assert.ok(Math.abs(result.loss.value - ((lse([0.1, 0.2, 3.0]) - 3.0) + (lse([2.0, -1.0, 0.5]) - 2.0)) / 2) < 1e-12);
  });

  it('Copy Result as Markdown and as LaTeX put the figures on the clipboard', async () => {
    const editor = await open('x = [0.25, 0.25, 0.5]', 'python');
    select(editor, '[0.25, 0.25, 0.5]');
    await vscode.commands.executeCommand('entropyLens.copyMarkdown');
    const markdown = await vscode.env.clipboard.readText();
    assert.match(markdown, /\| H\(P\) \| 1\.03972 \| nats \|/);
    await vscode.commands.executeCommand('entropyLens.copyLatex');
    const latex = await vscode.env.clipboard.readText();
    assert.match(latex, /^\\begin\{gather\*\}/);
    assert.match(latex, /H\(P\) = -\\left\[0\.25/);
  });

  it('Insert Result as Comment adds one comment line in the file’s syntax, undone in one step', async () => {
    const original = 'def f():\n    probs = [0.5, 0.5]\n    return probs\n';
    const editor = await open(original, 'python');
    select(editor, '[0.5, 0.5]');
    await vscode.commands.executeCommand('entropyLens.insertComment');
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[2], '    # Entropy Lens: H(P) = 0.693147 nats · perplexity e^H = 2');
    assert.equal(lines.length, original.split('\n').length + 1);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);

    const ts = await open('const q = [1, 3];\n', 'typescript');
    select(ts, '[1, 3]');
    await vscode.commands.executeCommand('entropyLens.insertComment');
    assert.match(ts.document.getText(), /^const q = \[1, 3\];\n\/\/ Entropy Lens: H\(P\) = 0\.562335 nats · perplexity e\^H = 1\.75477\n/);
  });

  it('Insert Result as Comment leaves JSON, which has no comments, untouched', async () => {
    const editor = await open('{"fair": [0.5, 0.5]}', 'json');
    select(editor, '[0.5, 0.5]');
    await vscode.commands.executeCommand('entropyLens.insertComment');
    assert.equal(editor.document.getText(), '{"fair": [0.5, 0.5]}');
  });

  it('settings take effect without a reload: unit, interpretation, precision', async () => {
    const editor = await open('[0.5, 0.5]', 'plaintext');
    select(editor, '[0.5, 0.5]');
    await setting('unit', 'bits');
    const bits = await vscode.commands.executeCommand<{ unit: string; entropy: number }>('entropyLens.evaluateSelection');
    assert.equal(bits.unit, 'bits');
    assert.equal(bits.entropy, 1);
    await setting('interpretation', 'logits');
    const logits = await vscode.commands.executeCommand<{ interpretation: string }>('entropyLens.evaluateSelection');
    assert.equal(logits.interpretation, 'logits');
  });

  it('Set Unit updates the setting from a quick pick', async () => {
    const label = await pickNext<string | undefined>('entropyLens.setUnit');
    assert.ok(label === 'nats' || label === 'bits' || label === 'hartleys', String(label));
    assert.equal(vscode.workspace.getConfiguration('entropyLens').get('unit'), label);
  });

  it('the hover shows the figures, the formula as an SVG image and trusted command links', async () => {
    const editor = await open('import numpy as np\np = np.array([0.1, 0.2, 0.7], dtype=np.float32)\n', 'python');
    const hovers = await hoverAt(editor, '0.2');
    const text = hoverText(hovers);
    assert.match(text, /H\\?\(P\\?\) \| 0\.801819 nats/);
    assert.match(text, /!\[formula\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    assert.match(text, /command:entropyLens\.openVisualizer\?/);
    assert.match(text, /command:entropyLens\.copyMarkdown\?/);
    const svg = Buffer.from(/base64,([A-Za-z0-9+/=]+)/.exec(text)![1], 'base64').toString('utf8');
    assert.match(svg, /^<svg /);
    assert.doesNotMatch(svg, /currentColor/);
  });

  it('in samples/distributions.json the hover is about the group under the pointer that evaluates', async () => {
    const editor = await openSample('distributions.json');
    // The document's outer object holds strings: the vector under the pointer is what is meant.
    assert.match(hoverText(await hoverAt(editor, '[0.9, 0.1]', 2)), /H\\?\(P\\?\) \| 0\.325083 nats/);
    // Inside a {"name", "p", "q"} object of the "pairs" list: the pair, with both KL directions.
    const pair = hoverText(await hoverAt(editor, '[0.4, 0.6]', 2));
    assert.match(pair, /D\\?_KL\(P‖Q\) \| 0\.0201355 nats/);
    assert.match(pair, /D\\?_KL\(Q‖P\) \| 0\.020411 nats/);
  });

  it('no hover over text that is not a literal, or over indexing', async () => {
    const editor = await open('total = items[0] + weights[i]\nname = "x"\n', 'python');
    assert.equal(hoverText(await hoverAt(editor, 'items[0]', 6)).includes('Entropy Lens'), false);
    assert.equal(hoverText(await hoverAt(editor, '"x"')).includes('Entropy Lens'), false);
  });

  it('a literal above the hover limit declines with a pointer to Evaluate Selection', async () => {
    await setting('hover.maxLiteralLength', 64);
    const long = `[${Array.from({ length: 100 }, (_, i) => i + 1).join(', ')}]`;
    const editor = await open(`x = ${long}\n`, 'python');
    const text = hoverText(await hoverAt(editor, '50, 51'));
    assert.match(text, /too large for a hover/);
    await setting('hover.maxLiteralLength', undefined);
  });

  it('the hover honours hover.enabled', async () => {
    await setting('hover.enabled', false);
    const editor = await open('[0.5, 0.5]', 'plaintext');
    assert.equal(hoverText(await hoverAt(editor, '0.5')).includes('Entropy Lens'), false);
  });

  it('the status bar shows the selection’s entropy, KL for a pair, and hides otherwise', async () => {
    const editor = await open('[0.5, 0.5]\n{"p": [0.5, 0.5], "q": [0.9, 0.1]}\nhello\n', 'plaintext');
    select(editor, '[0.5, 0.5]');
    api.refreshStatusBar();
    assert.equal(api.statusBarText(), '$(graph) H(P) = 0.693147 nats');
    select(editor, '{"p": [0.5, 0.5], "q": [0.9, 0.1]}');
    api.refreshStatusBar();
    assert.equal(api.statusBarText(), '$(graph) D_KL(P‖Q) = 0.510826 nats');
    await setting('unit', 'bits');
    api.refreshStatusBar();
    assert.match(api.statusBarText() ?? '', /bits$/);
    select(editor, 'hello');
    api.refreshStatusBar();
    assert.equal(api.statusBarText(), undefined);
    select(editor, '[0.5, 0.5]');
    await setting('statusBar.enabled', false);
    api.refreshStatusBar();
    assert.equal(api.statusBarText(), undefined);
  });

  it('works in a notebook cell', async () => {
    const data = new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'probs = [0.25, 0.75]\n', 'python')]);
    const notebook = await vscode.workspace.openNotebookDocument('jupyter-notebook', data);
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(0).document;
    const at = cell.getText().indexOf('0.75');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cell.uri, cell.positionAt(at));
    assert.match(hoverText(hovers), /H\\?\(P\\?\) \| 0\.562335 nats/);
  });

  it('on samples/distributions.json: two coins as P and Q by multi-cursor', async () => {
    const editor = await openSample('distributions.json');
    select(editor, '[0.5, 0.5]', '[0.9, 0.1]');
    const result = await vscode.commands.executeCommand<{ kind: string; klPQ: number; entropyQ: number }>('entropyLens.compareSelections');
    assert.equal(result.kind, 'pair');
    assert.ok(Math.abs(result.klPQ - 0.5108256237659907) < 1e-15);
    assert.ok(Math.abs(result.entropyQ - -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1))) < 1e-15);
  });

  it('on samples/losses.json: Preview Loss on each case picks BCE, CCE and MSE', async () => {
    const editor = await openSample('losses.json');
    const expected: Record<string, [string, number]> = {
      '"bce"': ['bce', -(Math.log(0.9) + Math.log(0.8) + Math.log(0.7) + Math.log(0.6)) / 4],
      '"mse"': ['mse', (0.25 + 0.25 + 0.01 + 0.64) / 4],
    };
    for (const [key, [name, value]] of Object.entries(expected)) {
      select(editor, objectAfter(editor, key));
      const result = await vscode.commands.executeCommand<{ loss: { name: string; value: number } }>('entropyLens.previewLoss');
      assert.equal(result.loss.name, name, key);
      assert.ok(Math.abs(result.loss.value - value) < 1e-12, `${key}: ${result.loss.value} ≠ ${value}`);
    }
    select(editor, objectAfter(editor, '"cce"'));
    const cce = await vscode.commands.executeCommand<{ loss: { name: string; perSample: number[] } }>('entropyLens.previewLoss');
    assert.equal(cce.loss.name, 'cce');
    assert.equal(cce.loss.perSample.length, 2);
  });

  it('on samples/train.py: the literal around the cursor, and a comment inserted then undone', async () => {
    const editor = await openSample('train.py');
    const original = editor.document.getText();
    const at = editor.document.positionAt(original.indexOf('0.7, 0.6'));
    editor.selection = new vscode.Selection(at, at);
    const result = await vscode.commands.executeCommand<{ kind: string; interpretation: string }>('entropyLens.evaluateSelection');
    assert.equal(result.kind, 'distribution');
    assert.equal(result.interpretation, 'counts'); // 0.9 + 0.2 + 0.7 + 0.6 = 2.4
    select(editor, '[0.9, 0.2, 0.7, 0.6]');
    await vscode.commands.executeCommand('entropyLens.insertComment');
    const lines = editor.document.getText().split('\n');
    const line = lines.findIndex((l) => l.startsWith('probs = torch.tensor'));
    assert.match(lines[line + 1], /^# Entropy Lens: H\(P\) = [\d.]+ nats · perplexity e\^H = [\d.]+$/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('Read Selection As… updates the setting from a quick pick', async () => {
    const label = await pickNext<string | undefined>('entropyLens.setInterpretation');
    assert.ok(['auto', 'probs', 'counts', 'logits', 'logprobs'].includes(String(label)), String(label));
    assert.equal(vscode.workspace.getConfiguration('entropyLens').get('interpretation'), label);
  });

  it('a malformed literal names the element, and the cursor moves to it', async () => {
    const editor = await open('x = [0.1,\n     0.2,\n     oops]\n', 'python');
    select(editor, '[0.1,\n     0.2,\n     oops]');
    const result = await vscode.commands.executeCommand('entropyLens.evaluateSelection');
    assert.equal(result, undefined);
    assert.equal(editor.document.getText(editor.selection), 'oops');
    assert.equal(editor.selection.start.line, 2);
    // The selected element is the error's, not a literal to evaluate: no figures beside the error.
    const ragged = await open('x = [[0.5, 0.5], [1.0]]\n', 'python');
    select(ragged, '[[0.5, 0.5], [1.0]]');
    await vscode.commands.executeCommand('entropyLens.evaluateSelection');
    assert.equal(ragged.document.getText(ragged.selection), '[1.0]');
    api.refreshStatusBar();
    assert.equal(api.statusBarText(), undefined);
  });
  it('the status bar, the visualizer and the commands share one evaluation per change', async () => {
    const editor = await open('probs = [0.2, 0.3, 0.5]\n', 'python');
    select(editor, '[0.2, 0.3, 0.5]');
    api.refreshStatusBar();
    assert.match(api.statusBarText() ?? '', /^\$\(graph\) H\(P\) = /);
    const once = api.evaluationCount();
    await vscode.commands.executeCommand('entropyLens.openVisualizer');
    await waitUntil('the visualizer shows the selection', async () => {
      const state = await vscode.commands.executeCommand<{ content?: { kind: string } }>('entropyLens.internal.visualizerState');
      return state.content?.kind === 'model';
    });
    const result = await vscode.commands.executeCommand<{ entropy: number }>('entropyLens.evaluateSelection');
    await vscode.commands.executeCommand('entropyLens.copyMarkdown');
    api.refreshStatusBar();
    // scipy.stats.entropy([0.2, 0.3, 0.5])
    assert.ok(Math.abs(result.entropy - 1.0296530140645737) < 1e-15);
    assert.equal(api.evaluationCount(), once, 'the panel and the commands reused the status bar\'s evaluation');
    // An edit is a change: one more evaluation, shared again.
    const at = editor.document.getText().indexOf('0.2');
    await editor.edit((builder) => builder.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 3)), '0.1'));
    select(editor, '[0.1, 0.3, 0.5]');
    api.refreshStatusBar();
    await vscode.commands.executeCommand('entropyLens.evaluateSelection');
    assert.equal(api.evaluationCount(), once + 1);
  });

  it('a hover link to a file deleted since, or with a malformed uri, says so and copies nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'entropy-lens-link-')), 'gone.py');
    writeFileSync(file, 'p = [0.5, 0.5]\n');
    const uri = vscode.Uri.file(file).toString();
    unlinkSync(file);
    const editor = await open('q = [0.9, 0.1]\n', 'python');
    select(editor, '[0.9, 0.1]');
    await vscode.env.clipboard.writeText('unchanged');
    // A link names its literal: neither falls back to the selection, and neither rejects.
    assert.equal(await vscode.commands.executeCommand('entropyLens.copyMarkdown', { uri, range: [0, 4, 0, 14] }), undefined);
    assert.equal(await vscode.commands.executeCommand('entropyLens.copyMarkdown', { uri: 'gone.py', range: [0, 4, 0, 14] }), undefined);
    assert.equal(await vscode.commands.executeCommand('entropyLens.copyMarkdown', { uri, range: [0, -4, 0, 14] }), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'unchanged');
    // Without an argument the selection is copied, as before.
    await vscode.commands.executeCommand('entropyLens.copyMarkdown');
    assert.match(await vscode.env.clipboard.readText(), /\| H\(P\) \| 0\.325083 \| nats \|/);
  });
});
