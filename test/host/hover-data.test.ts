// Issue 14 items 3, 5, 8 and 10 in the real extension host: the hover speaks only over data (not a
// tensor's shape, not a version) and in the languages asked for, its links come first and the
// too-large one links the command; two rows switch between a pair and a batch and the choice is
// remembered; plain code keeps its selection; the menus' context keys follow the selection and file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TestFiles } from './lib/files';

const EXTENSION_ID = 'entropy-lens.entropy-lens';

/** The test hooks' API (src/extension/test-hooks.ts). */
interface Api {
  contextKey(key: string): boolean | undefined;
}

let api: Api;
const files = new TestFiles('hover-data');
const open = (content: string, language: string) => files.open(content, language);

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('entropyLens').update(key, value, vscode.ConfigurationTarget.Global);
}

/** The hovers' Markdown at `offsetInText` into the first occurrence of `text`. */
async function hoverText(editor: vscode.TextEditor, text: string, offsetInText = 1): Promise<string> {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0, `${text} is not in the document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(start + offsetInText));
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function select(editor: vscode.TextEditor, text: string): void {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0, `${text} is not in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
}

async function waitUntil(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The `(command:id?args)` link's arguments in a hover, decoded. */
function linkArguments(markdown: string, command: string, label: string): unknown[] {
  const match = new RegExp(`\\[${label}\\]\\(command:${command.replace(/\./g, '\\.')}\\?([^ )]+)`).exec(markdown);
  assert.ok(match, `no "${label}" link to ${command} in:\n${markdown}`);
  return JSON.parse(decodeURIComponent(match[1])) as unknown[];
}

describe('issue 14: a hover only over data, rows as a pair or a batch, menus where there are numbers', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  afterEach(async () => {
    await setting('hover.languages', undefined);
    await setting('hover.maxLiteralLength', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('no hover over torch.zeros((3, 224, 224)); the probabilities below it still get one', async () => {
    const editor = await open('import torch\nx = torch.zeros((3, 224, 224))\np = torch.tensor([0.1, 0.9])\n', 'python');
    assert.doesNotMatch(await hoverText(editor, '224, 224'), /Entropy Lens/);
    assert.doesNotMatch(await hoverText(editor, 'zeros'), /Entropy Lens/);
    assert.match(await hoverText(editor, '0.1, 0.9'), /Entropy Lens/);
  });

  it('no hover over a version tuple: sys.version_info >= (3, 11), __version__', async () => {
    const editor = await open('import sys\nif sys.version_info >= (3, 11):\n    pass\n__version__ = (1, 2, 3)\ncounts = (3, 11)\n', 'python');
    assert.doesNotMatch(await hoverText(editor, '(3, 11):', 2), /Entropy Lens/);
    assert.doesNotMatch(await hoverText(editor, '(1, 2, 3)', 2), /Entropy Lens/);
    // The same numbers as counts, with nothing around them saying version: data.
    assert.match(await hoverText(editor, 'counts = (3, 11)', 11), /Entropy Lens/);
  });

  it('a shape that is selected is a question: the hover answers it', async () => {
    const editor = await open('x = torch.zeros((3, 224, 224))\n', 'python');
    select(editor, '(3, 224, 224)');
    assert.match(await hoverText(editor, '224, 224'), /Entropy Lens/);
  });

  it('entropyLens.hover.languages: the hover speaks only in the languages named', async () => {
    await setting('hover.languages', ['json']);
    const python = await open('p = [0.1, 0.9]\n', 'python');
    assert.doesNotMatch(await hoverText(python, '0.1'), /Entropy Lens/);
    const json = await open('{"p": [0.1, 0.9]}', 'json');
    assert.match(await hoverText(json, '0.1'), /Entropy Lens/);
    await setting('hover.languages', ['*']);
    const again = await open('p = [0.1, 0.9]\n', 'python');
    assert.match(await hoverText(again, '0.1'), /Entropy Lens/);
  });

  it('links come first, log n is named plainly, and the too-large hover links the command', async () => {
    const editor = await open('pair = {"p": [0.5, 0.5], "q": [0.9, 0.1]}\n', 'python');
    const text = await hoverText(editor, '0.9');
    // Above the table of figures: a pair's hover is tall, and the links must not scroll away.
    const links = text.indexOf('[Open Visualizer]');
    assert.ok(links >= 0 && text.indexOf('[Copy]') > links && links < text.indexOf('| | |'), text);
    const vector = await open('p = [0.25, 0.25, 0.5]\n', 'python');
    assert.match(await hoverText(vector, '0.25'), /max entropy \(log n\)/);
    await setting('hover.maxLiteralLength', 64);
    const long = await open(`x = [${Array.from({ length: 100 }, (_, i) => i + 1).join(', ')}]\n`, 'python');
    const tooLarge = await hoverText(long, '50, 51');
    assert.match(tooLarge, /\[Evaluate Selection\]\(command:entropyLens\.evaluateSelection/);
    assert.doesNotMatch(tooLarge, /`entropyLens\.evaluateSelection`/);
  });

  it('two rows: the hover offers the batch reading; the choice is remembered and the hover then names each row’s entropy', async () => {
    const editor = await open('import torch\npreds = torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])\n', 'python');
    const asPair = await hoverText(editor, '0.2');
    assert.match(asPair, /D\\?_KL\(P‖Q\)/);
    const [literal, mode] = linkArguments(asPair, 'entropyLens.readRowsAs', 'Read rows as a batch');
    assert.equal(mode, 'batch');
    const result = await vscode.commands.executeCommand<{ kind: string; rows: { entropy: number }[] }>('entropyLens.readRowsAs', literal, mode);
    assert.equal(result.kind, 'batch');
    // scipy.stats.entropy([0.7, 0.2, 0.1]), scipy.stats.entropy([0.1, 0.1, 0.8])
    assert.ok(Math.abs(result.rows[0].entropy - 0.8018185525433373) < 1e-12);
    assert.ok(Math.abs(result.rows[1].entropy - 0.639031859650177) < 1e-12);
    const asBatch = await hoverText(editor, '0.2');
    assert.match(asBatch, /H\(row 0\) \| 0\.801819 nats/);
    assert.match(asBatch, /H\(row 1\) \| 0\.639032 nats/);
    // The other commands read it the same way: the choice is the literal's, not the hover's.
    select(editor, '[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]');
    const evaluated = await vscode.commands.executeCommand<{ kind: string }>('entropyLens.evaluateSelection');
    assert.equal(evaluated.kind, 'batch');
    // And back.
    const [back, pair] = linkArguments(asBatch, 'entropyLens.readRowsAs', 'Read rows as a pair');
    const again = await vscode.commands.executeCommand<{ kind: string }>('entropyLens.readRowsAs', back, pair);
    assert.equal(again.kind, 'pair');
  });

  it('plain code: Evaluate Selection returns nothing and leaves the selection as it was', async () => {
    const editor = await open('loss = criterion(model(x), y)\n', 'python');
    select(editor, 'loss = criterion(model(x), y)');
    const before = editor.selection;
    const result = await vscode.commands.executeCommand('entropyLens.evaluateSelection');
    assert.equal(result, undefined);
    assert.ok(editor.selection.isEqual(before), `the selection moved to "${editor.document.getText(editor.selection)}"`);
  });

  it('the context submenu’s key follows the selection: numbers yes, code and words no', async () => {
    const editor = await open('p = [0.1, 0.9]\nloss = criterion(model(x), y)\n', 'python');
    const key = 'entropyLens.selectionLooksLikeData';
    select(editor, '[0.1, 0.9]');
    await waitUntil('the key is true for [0.1, 0.9]', () => api.contextKey(key) === true);
    select(editor, 'loss = criterion(model(x), y)');
    await waitUntil('the key is false for plain code', () => api.contextKey(key) === false);
    select(editor, '[0.1, 0.9]');
    await waitUntil('the key is true again', () => api.contextKey(key) === true);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await waitUntil('the key is false for an empty selection', () => api.contextKey(key) === false);
  });

  it('the editor title button’s key: a file with a literal yes, prose no', async () => {
    const key = 'entropyLens.editorHasLiteral';
    await open('p = np.array([0.1, 0.2, 0.7])\n', 'python');
    await waitUntil('the key is true for a file with a literal', () => api.contextKey(key) === true);
    await open('# Notes\n\nNothing numeric here, (only words).\n', 'markdown');
    await waitUntil('the key is false for prose', () => api.contextKey(key) === false);
  });
});
