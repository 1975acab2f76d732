// The language-model tools (issue #11) in the real extension host, without a model: they are listed
// in vscode.lm.tools, and vscode.lm.invokeTool answers with the figures, or with the error at its
// line and column, as text a model reads.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TestFiles } from './lib/files';

const EXTENSION_ID = 'entropy-lens.entropy-lens';
const EVALUATE = 'entropy-lens_evaluate';
const EVALUATE_SELECTION = 'entropy-lens_evaluateSelection';

/** A figure as the tools print it: ten significant digits, trailing zeros dropped. */
function tenDigits(value: number): string {
  return value.toPrecision(10).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token);
  return result.content
    .map((part) => {
      assert.ok(part instanceof vscode.LanguageModelTextPart, 'every part of the result is text');
      return part.value;
    })
    .join('');
}

const files = new TestFiles('lm');
const open = (content: string) => files.open(content, 'python');

function select(editor: vscode.TextEditor, ...texts: string[]): void {
  const source = editor.document.getText();
  editor.selections = texts.map((text) => {
    const start = source.indexOf(text);
    assert.ok(start >= 0, `${text} is not in the document`);
    return new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
  });
}

describe('language-model tools', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
    await extension.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('are listed in vscode.lm.tools with the manifest schemas and a description that says KL is asymmetric', () => {
    const tools = new Map(vscode.lm.tools.map((tool) => [tool.name, tool]));
    for (const name of [EVALUATE, EVALUATE_SELECTION]) {
      const tool = tools.get(name);
      assert.ok(tool, `${name} is not in vscode.lm.tools`);
      assert.match(tool.description, /asymmetric/);
      assert.ok(tool.tags.includes('kl-divergence'), name);
    }
    const schema = tools.get(EVALUATE)!.inputSchema as { required?: string[]; properties?: Record<string, unknown> };
    assert.deepEqual(schema.required, ['literal']);
    assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), ['as', 'base', 'convention', 'ignoreIndex', 'labelSmoothing', 'literal', 'loss', 'posWeight', 'reduction', 'rows', 'weight']);
  });

  it('evaluate: the entropy of a fair coin is 1 bit', async () => {
    const text = await invoke(EVALUATE, { literal: '[0.5, 0.5]', base: '2' });
    assert.match(text, /Unit: bits/);
    assert.match(text, /\n- H\(P\) = 1 bits \(entropy of P\)/);
    assert.match(text, /How the numbers were read:\n- .*probabilities/);
  });

  it('evaluate: both KL directions of a pair, named, in nats', async () => {
    const text = await invoke(EVALUATE, { literal: '{"p": [0.5, 0.5], "q": [0.9, 0.1]}', base: 'e' });
    const klPQ = 0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1);
    const klQP = 0.9 * Math.log(0.9 / 0.5) + 0.1 * Math.log(0.1 / 0.5);
    assert.ok(text.includes(`- D_KL(P‖Q) = ${tenDigits(klPQ)} nats (Kullback–Leibler divergence of P from Q`), text);
    assert.ok(text.includes(`- D_KL(Q‖P) = ${tenDigits(klQP)} nats (Kullback–Leibler divergence of Q from P`), text);
  });

  it('evaluate: a loss from labels and logits, as PyTorch computes it', async () => {
    const text = await invoke(EVALUATE, { literal: '{"labels": [1, 0], "logits": [[0, 1], [2, 0]]}', base: 'e' });
    // CrossEntropyLoss: −log softmax(z)[label], mean over samples.
    const nll = (z: number[], label: number) => Math.log(z.reduce((sum, v) => sum + Math.exp(v), 0)) - z[label];
    const expected = (nll([0, 1], 1) + nll([2, 0], 0)) / 2;
    assert.ok(text.includes(`- CCE = ${tenDigits(expected)} nats (categorical cross-entropy, mean over samples)`), text);
  });

  it('evaluate: the loss options (label smoothing, reduction sum) as PyTorch applies them', async () => {
    const text = await invoke(EVALUATE, { literal: '{"labels": [1, 0], "logits": [[0, 1], [2, 0]]}', base: 'e', labelSmoothing: 0.1, reduction: 'sum' });
    // CrossEntropyLoss(label_smoothing=ε, reduction='sum'): targets (1 − ε)·onehot + ε/C, summed over samples.
    const logSoftmax = (z: number[]) => z.map((v) => v - Math.log(z.reduce((sum, w) => sum + Math.exp(w), 0)));
    const smoothed = (z: number[], label: number) => -logSoftmax(z).reduce((sum, l, k) => sum + ((k === label ? 0.9 : 0) + 0.1 / z.length) * l, 0);
    const expected = smoothed([0, 1], 1) + smoothed([2, 0], 0);
    assert.ok(text.includes(`- CCE (sum) = ${tenDigits(expected)} nats (categorical cross-entropy, sum over samples)`), text);
  });

  it('evaluate: a bad loss option is a text answer naming it, and nothing is computed', async () => {
    const text = await invoke(EVALUATE, { literal: '{"labels": [1, 0], "logits": [[0, 1], [2, 0]]}', labelSmoothing: 2 });
    assert.match(text, /^Entropy Lens was called with bad arguments: --label-smoothing must lie in \[0, 1\]/);
    const typed = await invoke(EVALUATE, { literal: '[0.5, 0.5]', weight: 'heavy' });
    assert.match(typed, /"weight" must be a list of numbers/);
  });

  it('evaluate: rows "batch" and as "joint", as the CLI\'s --rows and --as joint; a value it does not take is named', async () => {
    const batch = await invoke(EVALUATE, { literal: '[[0.5, 0.5], [0.9, 0.1]]', base: '2', rows: 'batch' });
    assert.match(batch, /^Entropy Lens evaluated a batch of 2 /);
    assert.match(batch, /\n- mean H over 2 rows = 0\.734\d+ bits/);
    const joint = await invoke(EVALUATE, { literal: '[[0.25, 0.25], [0.25, 0.25]]', as: 'joint' });
    assert.match(joint, /^Entropy Lens evaluated a joint distribution of X/);
    assert.match(joint, /\n- I\(X;Y\) = 0 nats/);
    const bad = await invoke(EVALUATE, { literal: '[[0.5, 0.5], [0.9, 0.1]]', rows: 'two' });
    assert.equal(bad, 'Entropy Lens was called with bad arguments: "rows" must be one of auto, pair, batch, not "two".');
  });

  it('evaluate: bad numbers are a text answer with the line and column, not an exception', async () => {
    const text = await invoke(EVALUATE, { literal: '[0.1,\n 0.2,\n foo]' });
    assert.match(text, /^Entropy Lens could not evaluate the literal: .*foo.* \(line 3, column 2\)\. Nothing was computed\.$/);
  });

  it('evaluateSelection reads the literal with the options Preview Loss remembers for it, as the editor does', async () => {
    const literal = '{"y": [1, 0], "y_pred": [0.9, 0.2]}';
    const editor = await open(`case = ${literal}\n`);
    select(editor, literal);
    const sum = -Math.log(0.9) - Math.log(0.8);
    await vscode.commands.executeCommand('entropyLens.previewLoss', undefined, { reduction: 'sum' });
    try {
      const text = await invoke(EVALUATE_SELECTION, {});
      assert.ok(text.includes(String(Number(sum.toPrecision(6)))), `the sum ${sum} of the per-sample losses:\n${text}`);
    } finally {
      await vscode.commands.executeCommand('entropyLens.previewLoss', undefined, {});
    }
    const mean = await invoke(EVALUATE_SELECTION, {});
    assert.ok(mean.includes(String(Number((sum / 2).toPrecision(6)))), `the mean once the options are forgotten:\n${mean}`);
  });

  it('evaluateSelection: the selected literal, named by file and line', async () => {
    const editor = await open('import numpy as np\nprobs = np.array([0.25, 0.25, 0.25, 0.25])\n');
    select(editor, 'np.array([0.25, 0.25, 0.25, 0.25])');
    const text = await invoke(EVALUATE_SELECTION, { base: '2' });
    assert.match(text, /^The literal in test-\d+\.py, line 2 \(`np\.array\(\[0\.25, 0\.25, 0\.25, 0\.25\]\)`\):\n/);
    assert.match(text, /\n- H\(P\) = 2 bits/);
  });

  it('evaluateSelection: two selections are P and Q, in the order made', async () => {
    const editor = await open('p = [0.5, 0.5]\nq = [0.9, 0.1]\n');
    select(editor, '[0.9, 0.1]', '[0.5, 0.5]');
    const text = await invoke(EVALUATE_SELECTION, { base: 'e' });
    const klPQ = 0.9 * Math.log(0.9 / 0.5) + 0.1 * Math.log(0.1 / 0.5);
    assert.match(text, /^P \(test-\d+\.py, line 2 .*\) against Q \(test-\d+\.py, line 1 /);
    assert.ok(text.includes(`- D_KL(P‖Q) = ${tenDigits(klPQ)} nats`), text);
  });

  it('evaluateSelection: an error in P is placed in P, the first selection', async () => {
    const editor = await open('p = [0.5, -0.5]\nq = [0.9, 0.1]\n');
    select(editor, '[0.5, -0.5]', '[0.9, 0.1]');
    const text = await invoke(EVALUATE_SELECTION, { as: 'probs' });
    assert.match(text, /: element 1 of P is negative \(-0\.5\).* \(line 1, column 11\) in test-\d+\.py\. Nothing was computed\.$/);
  });

  it('evaluateSelection: an error names its line and column in the file', async () => {
    const editor = await open("x = 1\nprobs = [0.5, 'a']\n");
    select(editor, "[0.5, 'a']");
    const text = await invoke(EVALUATE_SELECTION, {});
    assert.match(text, /^Entropy Lens could not evaluate the literal in test-\d+\.py, line 2 .*: .*"a".* \(line 2, column 15\) in test-\d+\.py\. Nothing was computed\.$/);
  });
});
