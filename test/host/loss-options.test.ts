// The loss options' settings (entropyLens.lossOptions.*) and Preview Loss's options in the real
// extension host: a setting changes the figure every surface shows (Evaluate Selection, Preview
// Loss, the status bar, the visualizer) without a reload; a wrong one is an error naming it; Preview
// Loss's options are remembered for that literal only. Reference values are PyTorch's, from
// test/fixtures/reference.json (test/fixtures/generate_losses.py).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, MESSAGE, untilPanel } from './lib/panel';
import { TestFiles } from './lib/files';


interface Api {
  statusBarText(): string | undefined;
  refreshStatusBar(): void;
}

interface LossJson {
  kind: string;
  /** The core's JSON: an infinite value is the string "Infinity". */
  loss: { name: string; value: number | number[] | string; reduction?: string; convention?: string };
}

interface Snapshot {
  state?: { source?: { start?: { line: number; character: number } } };
  content?: { kind: string; model?: { figures: { key: string; display: string }[]; loss?: { options: { key: string }[]; conventions?: { follows: string; differ: boolean } } }; error?: { message: string } };
}

type Num = number | 'Infinity';
interface Case {
  name: string;
  torch: { value: Num };
  exact: { value: Num };
}
const fixtures = (JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as { lossOptions: Case[] }).lossOptions;
const fixture = (name: string): Case => fixtures.find((c) => c.name === name) ?? assert.fail(`no fixture "${name}"`);

/** PyTorch: CrossEntropyLoss(weight=[1, 2, 0.5], reduction='sum') on these logits and labels. */
const WEIGHTED_SUM = { literal: '{"labels": [2, 0, 1, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5], [0.3, 0.3, 0.2], [1.5, -0.5, 0.0]]}', fixture: 'cce indices logits, class weights, reduction=sum' };
/** PyTorch: BCELoss on probabilities of exactly 0 and 1 (each log clamped at −100). */
const CLAMPED = { literal: '{"y": [1, 0, 1, 0], "y_pred": [0.9, 1.0, 0.0, 0.0]}', fixture: 'bce probs with 0 and 1: exact +inf, torch clamps at -100' };

let api: Api;
const files = new TestFiles('loss-options');
const open = (content: string) => files.open(content, 'json');

function selectAll(editor: vscode.TextEditor, text: string): void {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('entropyLens').update(key, value, vscode.ConfigurationTarget.Global);
}

const SETTINGS = ['reduction', 'classWeights', 'posWeight', 'ignoreIndex', 'labelSmoothing', 'convention'].map((key) => `lossOptions.${key}`);

function close(actual: number | number[] | string, expected: Num, what: string): void {
  if (expected === 'Infinity') return assert.equal(actual, 'Infinity', what);
  assert.equal(typeof actual, 'number', `${what}: a number`);
  const value = actual as number;
  assert.ok(Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${value} vs PyTorch's ${expected}`);
}

/** The figure as the panel and the status bar print it (6 significant digits). */
function shown(x: Num): string {
  return x === 'Infinity' ? '∞' : String(Number(x.toPrecision(6)));
}

/** Waits until the visualizer shows content that satisfies `ok` (it refreshes on its own schedule). */
const panelShows = (ok: (s: Snapshot) => boolean, what: string) => untilPanel<Snapshot>(what, ok);

describe('loss options: settings and Preview Loss', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
  });

  afterEach(async () => {
    for (const key of SETTINGS) await setting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a setting changes the figure of every surface, as PyTorch computes it', async () => {
    const editor = await open(WEIGHTED_SUM.literal);
    selectAll(editor, WEIGHTED_SUM.literal);
    await setting('lossOptions.reduction', 'sum');
    await setting('lossOptions.classWeights', [1, 2, 0.5]);
    await setting('lossOptions.posWeight', 3); // does not fit CCE: left out, no error
    const expected = fixture(WEIGHTED_SUM.fixture).torch.value;
    const evaluated = await vscode.commands.executeCommand<LossJson>('entropyLens.evaluateSelection');
    close(evaluated.loss.value, expected, 'Evaluate Selection');
    assert.equal(evaluated.loss.reduction, 'sum');
    const previewed = await vscode.commands.executeCommand<LossJson>('entropyLens.previewLoss');
    close(previewed.loss.value, expected, 'Preview Loss');
    api.refreshStatusBar();
    assert.match(api.statusBarText() ?? '', new RegExp(`= ${shown(expected).replace('.', '\\.')} nats`));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(3));
    const hover = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.ok(hover.includes(shown(expected)), `the hover gives PyTorch's ${shown(expected)}: ${hover.slice(0, 300)}`);
    const panel = await panelShows((s) => s.content?.model?.figures.some((f) => f.key === 'loss' && f.display === shown(expected)) === true, `the panel shows PyTorch's ${String(expected)}`);
    assert.deepEqual(panel.content?.model?.loss?.options.map((o) => o.key), ['reduction', 'weight']);
  });

  it('a setting changed while the literal is shown applies without a reload', async () => {
    const editor = await open(CLAMPED.literal);
    selectAll(editor, CLAMPED.literal);
    const before = await vscode.commands.executeCommand<LossJson>('entropyLens.evaluateSelection');
    close(before.loss.value, fixture(CLAMPED.fixture).exact.value, 'exact by default');
    await setting('lossOptions.convention', 'torch');
    const after = await vscode.commands.executeCommand<LossJson>('entropyLens.evaluateSelection');
    close(after.loss.value, fixture(CLAMPED.fixture).torch.value, 'torch after the setting');
    assert.equal(after.loss.convention, 'torch');
  });

  it('class weights of the wrong length are an error naming the setting, never a NaN', async () => {
    const editor = await open(WEIGHTED_SUM.literal);
    selectAll(editor, WEIGHTED_SUM.literal);
    await setting('lossOptions.classWeights', [1, 2]);
    const result = await vscode.commands.executeCommand<LossJson | undefined>('entropyLens.evaluateSelection');
    assert.equal(result, undefined, 'the command reports the error instead of a figure');
    api.refreshStatusBar();
    assert.doesNotMatch(api.statusBarText() ?? '', /NaN/);
    await vscode.commands.executeCommand('entropyLens.openVisualizer');
    // The figures view reads the predictions alone, which no loss option touches: the loss view errs.
    await vscode.commands.executeCommand(MESSAGE, { type: 'setView', view: 'loss' });
    const panel = await panelShows((s) => s.content?.kind === 'error', 'the panel shows the error');
    assert.match(panel.content?.error?.message ?? '', /entropyLens\.lossOptions\.classWeights has 2 weights but the predictions have 3 classes/);
    // The error selected its element (the logits); the panel still shows the literal evaluated, whole.
    assert.equal(JSON.stringify(panel.state?.source?.start), JSON.stringify({ line: 0, character: 0 }), 'the panel shows the whole literal, not the element the error selected');
  });

  it('Preview Loss remembers its options for that literal only, until they are cleared', async () => {
    const other = '{"y": [1, 0], "y_pred": [0.0, 0.2]}';
    const editor = await open(`${CLAMPED.literal}\n${other}\n`);
    selectAll(editor, CLAMPED.literal);
    const torch = await vscode.commands.executeCommand<LossJson>('entropyLens.previewLoss', undefined, { convention: 'torch' });
    close(torch.loss.value, fixture(CLAMPED.fixture).torch.value, 'Preview Loss with convention torch');
    // Remembered: Evaluate Selection and the status bar read that literal the same way.
    const again = await vscode.commands.executeCommand<LossJson>('entropyLens.evaluateSelection');
    close(again.loss.value, fixture(CLAMPED.fixture).torch.value, 'the literal keeps its options');
    api.refreshStatusBar();
    assert.match(api.statusBarText() ?? '', new RegExp(shown(fixture(CLAMPED.fixture).torch.value).replace('.', '\\.')));
    // Another literal keeps the settings (exact: +∞ for a prediction of 0 with label 1).
    selectAll(editor, other);
    const elsewhere = await vscode.commands.executeCommand<LossJson>('entropyLens.evaluateSelection');
    assert.equal(elsewhere.loss.value, 'Infinity');
    // Empty options forget the choice.
    selectAll(editor, CLAMPED.literal);
    const cleared = await vscode.commands.executeCommand<LossJson>('entropyLens.previewLoss', undefined, {});
    close(cleared.loss.value, fixture(CLAMPED.fixture).exact.value, 'the settings again');
  });

  it('a keybinding’s args may be the options alone, for the selection', async () => {
    const editor = await open(CLAMPED.literal);
    selectAll(editor, CLAMPED.literal);
    const result = await vscode.commands.executeCommand<LossJson>('entropyLens.previewLoss', { convention: 'torch' });
    close(result.loss.value, fixture(CLAMPED.fixture).torch.value, 'args {convention: torch}');
    await vscode.commands.executeCommand('entropyLens.previewLoss', undefined, {});
  });

  it('Preview Loss with Options… opens its pick; Escape changes nothing', async () => {
    const editor = await open(CLAMPED.literal);
    selectAll(editor, CLAMPED.literal);
    let answered = false;
    const result = Promise.resolve(vscode.commands.executeCommand<LossJson | undefined>('entropyLens.previewLossWithOptions')).finally(() => (answered = true));
    // Escape until the command answers: closing does nothing while the pick is not open yet.
    for (let i = 0; i < 250 && !answered; i++) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    assert.equal(await result, undefined, 'cancelled: no preview');
    const after = await vscode.commands.executeCommand<LossJson>('entropyLens.evaluateSelection');
    close(after.loss.value, fixture(CLAMPED.fixture).exact.value, 'nothing remembered: exact, as the settings say');
  });

  it('Preview Loss refuses options it does not take, saying which', async () => {
    const editor = await open(CLAMPED.literal);
    selectAll(editor, CLAMPED.literal);
    const result = await vscode.commands.executeCommand<LossJson | undefined>('entropyLens.previewLoss', undefined, { weight: [1, 2] });
    assert.equal(result, undefined);
  });
});
