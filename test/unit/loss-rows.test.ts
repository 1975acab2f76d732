// Issue 9's table, the rows about losses and reading (1–5, 10, 11), each named after its row; the
// options (item 2), the conventions (item 3) and what a figure means (item 7). Row 6 is the CLI's
// (cli.test.ts); the PyTorch figures of rows 2–5 are also checked in loss-reference.test.ts.

import * as assert from 'node:assert/strict';
import type { EvaluateOptions } from '../../src/core/evaluate';
import { describe as describeEvaluation, figuresOf } from '../../src/core/figures';
import { toJson, toText } from '../../src/core/format';
import type { LossOptions } from '../../src/core/loss-options';
import { formulasOf } from '../../src/core/tex';
import { assertFails as fails, close, evaluate, loss } from './helpers';

const withOptions = (text: string, lossOptions: LossOptions, options: Partial<EvaluateOptions> = {}) => loss(text, { ...options, lossOptions });

const ln = Math.log;

describe('issue 9: losses read as PyTorch, Keras and scikit-learn read them', () => {
  it('issue 9 row 1: NaN and ±∞ among loss targets or predictions are an error naming the element, never a NaN loss', () => {
    fails('{"y":[1,0],"y_pred":[0.5,Infinity]}', 'non-finite', 'Infinity', /^prediction 1 is Infinity: a loss needs finite predictions$/);
    fails('{"y":[1.5,0.5],"y_pred":[nan,0.2]}', 'non-finite', 'nan', /^prediction 0 is NaN/);
    fails('{"y":[1,0],"logits":[1e400,1]}', 'non-finite', '1e400', /^prediction 0 is Infinity/);
    fails('{"labels":[0,1],"logits":[[nan,0],[0,1]]}', 'non-finite', 'nan', /^element 0 of row 0 of the predictions is NaN/);
    // MSE: ±1e400 was a silent Infinity.
    fails('{"y":[1e400,0.5],"y_pred":[0.3,0.2]}', 'non-finite', '1e400', /^target 0 is Infinity: a loss needs finite targets/);
    fails('{"y":[1.5,0.5],"y_pred":[0.3,-1e400]}', 'non-finite', '-1e400', /^prediction 1 is -Infinity/);
    fails('{"y":[[1,0,1],[0,1,0]],"logits":[[2,nan,0.5],[-2,1.5,-0.3]]}', 'non-finite', 'nan', /^prediction \[0, 1\] is NaN/);
  });

  it('issue 9 row 2: probability rows that sum to 1 as printed are probabilities, renormalised with a warning naming the row', () => {
    const printed = loss('{"labels":[0,2],"probs":[[0.7,0.2,0.1001],[0.1,0.1,0.8]]}');
    assert.equal(printed.interpretation, 'probs');
    close(printed.value, -(ln(0.7 / 1.0001) + ln(0.8)) / 2);
    assert.ok(Math.abs(printed.value - 0.29) < 5e-4);
    assert.deepEqual(printed.warnings, ['renormalised: row 0 of the predictions sums to 1.0001, not 1; each row was divided by its sum']);
    const torchPrint = loss('{"labels":[0,2],"y_pred":[[0.3333,0.3333,0.3333],[0.1,0.1,0.8]]}');
    close(torchPrint.value, (ln(3) - ln(0.8)) / 2);
    assert.match(torchPrint.warnings[0], /row 0 of the predictions sums to 0\.9999/);
    // --as probs no longer refuses rows that do not sum to 1: it normalises them, and says so.
    const forced = loss('{"labels":[0,1],"y_pred":[[2,1,1],[1,3,0]]}', { as: 'probs' });
    close(forced.value, -(ln(0.5) + ln(0.75)) / 2);
    assert.match(forced.warnings[0], /row 0 of the predictions sums to 4, row 1 of the predictions sums to 4, not 1/);
    // Non-negative rows far from 1 are logits, with a warning that says why and how to read them as probabilities.
    const logits = loss('{"labels":[0,1],"y_pred":[[2,1,1],[1,3,0]]}');
    assert.equal(logits.interpretation, 'logits');
    assert.match(logits.warnings[0], /^read as logits \(log-softmax per row\): row 0 of the predictions sums to 4, not 1.*--as probs/);
  });

  it('issue 9 row 3: Keras (N,1) targets are BCE', () => {
    const result = loss('{"y":[[1],[0]],"y_pred":[[0.8],[0.3]]}');
    assert.equal(result.loss, 'bce');
    close(result.value, -(ln(0.8) + ln(0.7)) / 2);
    assert.deepEqual(result.warnings, []);
  });

  it('issue 9 row 4: multi-label targets are BCE with logits over every element, and --loss bce takes 2-D', () => {
    const text = '{"y":[[1,0,1],[0,1,0]],"logits":[[2,-1,0.5],[-2,1.5,-0.3]]}';
    const result = loss(text);
    assert.equal(result.loss, 'bce');
    assert.equal(result.columns, 3);
    assert.equal(result.perSample.length, 6);
    const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    const y = [1, 0, 1, 0, 1, 0];
    const z = [2, -1, 0.5, -2, 1.5, -0.3];
    close(result.value, y.reduce((s, yi, i) => s + softplus(z[i]) - z[i] * yi, 0) / 6);
    assert.ok(Math.abs(result.value - 0.2995) < 5e-5);
    close(loss(text, { loss: 'bce' }).value, result.value);
    assert.match(describeEvaluation(result), /over 2 samples × 3 labels/);
  });

  it('issue 9 row 5: float noise within 1e-6 outside [0, 1] is clipped with a warning, not a reason to read logits', () => {
    const result = loss('{"y":[1,0],"y_pred":[1.0000001,0.2]}');
    assert.equal(result.interpretation, 'probs');
    close(result.value, -ln(0.8) / 2);
    assert.deepEqual(result.warnings, ['clipped to [0, 1]: prediction 0 (1.0000001) lies within 1e-6 outside it, float noise rather than a logit']);
    assert.equal(loss('{"y":[1,0],"y_pred":[-5e-7,0.2]}').interpretation, 'probs');
    assert.equal(loss('{"y":[1,0],"y_pred":[1.00001,0.2]}').interpretation, 'logits');
  });

  it('issue 9 rows 2 and 5 under --loss none: the predictions are read as the loss reads them', () => {
    const rows = evaluate('{"labels":[0,2],"probs":[[0.7,0.2,0.1001],[0.1,0.1,0.8]]}', { loss: 'none' });
    assert.ok(rows.kind === 'batch');
    assert.equal(rows.interpretation, 'probs');
    const binary = evaluate('{"y":[1,0],"y_pred":[1.0000001,0.2]}', { loss: 'none' });
    assert.ok(binary.kind === 'batch');
    assert.equal(binary.interpretation, 'probs');
    assert.match(binary.warnings[0], /^clipped to \[0, 1\]: prediction 0 \(1\.0000001\)/);
  });

  it('issue 9 row 10: −∞ logits and log-probabilities are masked classes (probability 0) everywhere', () => {
    const vector = evaluate("[float('-inf'), 0.5, 1.0]");
    assert.equal(vector.kind, 'distribution');
    if (vector.kind !== 'distribution') return;
    assert.equal(vector.interpretation, 'logits');
    assert.equal(vector.p.p[0], 0);
    const two = 1 / (1 + Math.exp(-0.5));
    close(vector.entropy, -(two * ln(two) + (1 - two) * ln(1 - two)));
    const logprobs = evaluate('[-np.inf, 0.0]', { as: 'logprobs' });
    assert.ok(logprobs.kind === 'distribution' && logprobs.entropy === 0);
    const masked = loss('{"labels":[0,2],"logits":[[0,-Infinity,0],[-Infinity,1,1]]}');
    close(masked.value, Math.LN2);
    // A BCE logit of −∞ is a prediction of probability 0: exact for label 0, +∞ for label 1.
    const bce = loss('{"y":[0,1],"logits":[-Infinity,2]}');
    close(bce.perSample[0], 0);
    assert.equal(loss('{"y":[1,1],"logits":[-Infinity,2]}').value, Infinity);
  });

  it('issue 9 row 11: a batch is read one way for every row, and −1e-17 is float noise', () => {
    const batch = evaluate('[[-1,0.5,2],[1,2,0.5],[0.5,-0.5,0]]');
    assert.ok(batch.kind === 'batch');
    if (batch.kind !== 'batch') return;
    assert.equal(batch.interpretation, 'logits');
    const softmaxEntropy = (z: number[]) => {
      const m = Math.max(...z);
      const e = z.map((x) => Math.exp(x - m));
      const s = e.reduce((a, b) => a + b, 0);
      return -e.reduce((h, x) => h + (x / s) * ln(x / s), 0);
    };
    close(batch.rows[1].entropy, softmaxEntropy([1, 2, 0.5]));
    assert.deepEqual(batch.notes, ['Element 0 of row 0 is negative (-1), so every row was read as logits (softmax), one reading for the whole batch.']);
    const noise = evaluate('[0.5,0.5,-1e-17]');
    assert.ok(noise.kind === 'distribution');
    close(noise.kind === 'distribution' ? noise.entropy : NaN, Math.LN2);
    assert.match(noise.warnings[0], /^read as 0: element 2 \(-1e-17\)/);
  });
});

describe('issue 9 item 2: the frameworks\' options', () => {
  const cce = '{"labels":[2,0,1],"logits":[[0.1,0.2,3.0],[2.0,-1.0,0.5],[0.3,0.3,0.2]]}';

  it('reduction sum and none, as PyTorch', () => {
    const mean = loss(cce);
    const sum = withOptions(cce, { reduction: 'sum' });
    close(sum.value, mean.value * 3);
    const none = withOptions(cce, { reduction: 'none' });
    const json = toJson(none).loss as { value: number[]; perSample: number[]; conventions: Record<string, number[]>; baseline: number[] };
    assert.deepEqual(json.value, json.perSample);
    assert.equal(json.conventions.exact.length, 3);
    assert.equal(json.baseline.length, 3);
    assert.match(figuresOf(sum)[0].label, /^CCE \(sum\)$/);
  });

  it('class weights: the weighted mean divides by Σ w of the targets (indices), by N for target rows', () => {
    const plain = loss(cce);
    const weighted = withOptions(cce, { weight: [1, 2, 4] });
    // Targets 2, 0, 1 weigh 4, 1, 2.
    close(weighted.value, (4 * plain.perSample[0] + plain.perSample[1] + 2 * plain.perSample[2]) / 7);
    const rows = '{"y":[[0,0,1],[1,0,0],[0,1,0]],"logits":[[0.1,0.2,3.0],[2.0,-1.0,0.5],[0.3,0.3,0.2]]}';
    close(withOptions(rows, { weight: [1, 2, 4] }).value, (4 * plain.perSample[0] + plain.perSample[1] + 2 * plain.perSample[2]) / 3);
  });

  it('ignore-index: −100 by default, as PyTorch; the ignored sample is out of the mean', () => {
    const ignored = loss('{"labels":[2,-100,1],"logits":[[0.1,0.2,3.0],[2.0,-1.0,0.5],[0.3,0.3,0.2]]}');
    const plain = loss(cce);
    close(ignored.value, (plain.perSample[0] + plain.perSample[2]) / 2);
    assert.equal(ignored.perSample[1], 0);
    assert.ok(ignored.notes.some((n) => /1 target equal to the ignore index -100 was left out/.test(n)));
    close(withOptions('{"labels":[2,9,1],"logits":[[0.1,0.2,3.0],[2.0,-1.0,0.5],[0.3,0.3,0.2]]}', { ignoreIndex: 9 }).value, ignored.value);
    fails('{"labels":[-100],"logits":[[0.1,0.2]]}', 'option', '[-100]', /every target equals the ignore index -100, so the mean divides by 0/);
    assert.equal(withOptions('{"labels":[-100],"logits":[[0.1,0.2]]}', { reduction: 'sum' }).value, 0);
  });

  it('label smoothing: CCE (1 − ε)·y + ε/C as PyTorch, BCE (1 − ε)·y + ε/2 as Keras', () => {
    const smoothed = withOptions('{"labels":[0],"probs":[[0.5,0.25,0.25]]}', { labelSmoothing: 0.3 });
    close(smoothed.value, -((0.7 + 0.1) * ln(0.5) + 0.1 * ln(0.25) + 0.1 * ln(0.25)));
    const bce = withOptions('{"y":[1,0],"probs":[0.8,0.4]}', { labelSmoothing: 0.2 });
    close(bce.value, -(0.9 * ln(0.8) + 0.1 * ln(0.2) + 0.1 * ln(0.4) + 0.9 * ln(0.6)) / 2);
    assert.deepEqual([...bce.targets], [0.9, 0.1]);
  });

  it('pos-weight: one number, or one per label column', () => {
    const one = withOptions('{"y":[1,0],"probs":[0.8,0.4]}', { posWeight: 3 });
    close(one.value, -(3 * ln(0.8) + ln(0.6)) / 2);
    const columns = withOptions('{"y":[[1,1],[0,1]],"probs":[[0.8,0.5],[0.4,0.9]]}', { posWeight: [2, 0.5] });
    close(columns.value, -(2 * ln(0.8) + 0.5 * ln(0.5) + ln(0.6) + 0.5 * ln(0.9)) / 4);
    fails('{"y":[1,0],"probs":[0.8,0.4]}', 'option', '[0.8,0.4]', /--pos-weight has 2 weights but these targets have one label per sample/, { lossOptions: { posWeight: [1, 2] } });
  });

  it('an option that cannot apply to the loss is an error naming it; with no loss at all, a warning', () => {
    // The error is at the targets and predictions: the numbers the option does not fit.
    const inner = (text: string) => text.slice(text.indexOf(':') + 1, -1);
    const bce = '{"y":[1,0],"probs":[0.8,0.4]}';
    fails(bce, 'option', inner(bce), /^--weight gives class weights to categorical cross-entropy, but these numbers were read as binary cross-entropy \(weigh its positive label with --pos-weight\)$/, { lossOptions: { weight: [1, 2] } });
    fails(cce, 'option', inner(cce), /^--pos-weight weighs the positive label of binary cross-entropy/, { lossOptions: { posWeight: 2 } });
    const rows = '{"y":[[0,1],[1,0]],"probs":[[0.2,0.8],[0.6,0.4]]}';
    fails(rows, 'option', inner(rows), /^--ignore-index leaves out class-index targets, but these targets are rows/, { lossOptions: { ignoreIndex: 3 } });
    const mse = '{"y":[1.5,2.5],"pred":[1,2]}';
    fails(mse, 'option', inner(mse), /^--label-smoothing applies to binary and categorical cross-entropy, but these numbers were read as mean squared error/, { lossOptions: { labelSmoothing: 0.1 } });
    fails(mse, 'option', inner(mse), /^--convention applies/, { lossOptions: { convention: 'torch' } });
    close(withOptions(mse, { reduction: 'sum' }).value, 0.5);
    fails(cce, 'option', '[[0.1,0.2,3.0],[2.0,-1.0,0.5],[0.3,0.3,0.2]]', /^--weight has 2 weights but the predictions have 3 classes/, { lossOptions: { weight: [1, 2] } });
    fails(cce, 'option', inner(cce), /^--label-smoothing must lie in \[0, 1\]/, { lossOptions: { labelSmoothing: 1.5 } });
    const none = evaluate('[0.2, 0.8]', { lossOptions: { weight: [1, 2], reduction: 'sum' } });
    assert.deepEqual(none.warnings, ['--reduction, --weight apply to a loss, but no loss was computed: one distribution is not targets with predictions']);
    const off = evaluate(cce, { loss: 'none', lossOptions: { labelSmoothing: 0.1 } });
    assert.match(off.warnings.at(-1)!, /^--label-smoothing applies to a loss, but no loss was computed: the loss is off \(--loss none\)$/);
  });

  it('the formula shows the options', () => {
    const [formula] = formulasOf(withOptions(cce, { weight: [1, 2, 4], labelSmoothing: 0.1, convention: 'torch' }));
    assert.match(formula.tex, /w_k\\,\\tilde y_\{nk\}/);
    assert.match(formula.tex, /\\tfrac\{\\varepsilon\}\{3\}/);
    assert.match(formula.tex, /\\max\(\\ln p, -100\)/);
    assert.match(formula.substituted, /= \\frac\{1\}\{7\}\\left\[/);
  });
});

describe('issue 9 item 3: conventions side by side', () => {
  const sure = '{"y":[1,0],"probs":[0,0.2]}';

  it('gives exact, torch, keras and sklearn in loss.conventions; --convention picks loss.value', () => {
    const exact = loss(sure);
    const json = toJson(exact).loss as { value: unknown; conventions: Record<string, number | string>; convention: string };
    assert.equal(json.value, 'Infinity');
    assert.equal(json.convention, 'exact');
    close(json.conventions.torch as number, (100 - ln(0.8)) / 2);
    close(json.conventions.keras as number, (-ln(1e-7) - ln(0.8)) / 2, 1e-9);
    close(json.conventions.sklearn as number, (-ln(Number.EPSILON) - ln(0.8)) / 2);
    for (const convention of ['torch', 'keras', 'sklearn'] as const) {
      const picked = withOptions(sure, { convention });
      assert.equal(picked.value, json.conventions[convention]);
      assert.equal(picked.infiniteAt, -1);
      assert.match(describeEvaluation(picked), new RegExp(convention === 'torch' ? 'PyTorch' : convention === 'keras' ? 'Keras' : 'scikit-learn'));
      assert.match(figuresOf(picked)[0].label, new RegExp(`\\(${convention}\\)`));
    }
    assert.match(exact.warnings[0], /^sample 0: .* exact loss is \+∞; as a mean, PyTorch would report 50\.1116 nats .* Keras 8\.17062 nats .* scikit-learn 18\.1334 nats/);
    assert.match(toText(exact), /\n {2}conventions: exact \+∞ · torch 50\.1116 · keras 8\.17062 · sklearn 18\.1334 nats/);
  });

  it('sklearn does not renormalise, keras and exact do; torch takes log p as given', () => {
    const result = loss('{"labels":[0],"probs":[[0.7,0.2,0.1001]]}');
    const c = result.conventions!;
    close(c.exact.value, -ln(0.7 / 1.0001));
    close(c.keras.value, -ln(0.7 / 1.0001));
    close(c.torch.value, -ln(0.7));
    close(c.sklearn.value, -ln(0.7));
  });

  it('from logits, torch and keras are exact; sklearn clips the softmax', () => {
    const result = loss('{"labels":[0],"logits":[[-50,0]]}');
    const c = result.conventions!;
    close(c.torch.value, c.exact.value);
    close(c.keras.value, c.exact.value);
    close(c.exact.value, 50 + Math.log1p(Math.exp(-50)));
    close(c.sklearn.value, -ln(Number.EPSILON));
  });
});

describe('issue 9 item 7: what a figure means', () => {
  it('perplexity e^H for a distribution, in every unit', () => {
    const nats = evaluate('[0.25, 0.25, 0.25, 0.25]');
    const bits = evaluate('[0.25, 0.25, 0.25, 0.25]', { unit: 'bits' });
    assert.ok(nats.kind === 'distribution' && bits.kind === 'distribution');
    close(toJson(nats).perplexity as number, 4);
    close(toJson(bits).perplexity as number, 4);
  });

  it('loss.baseline is a uniform guess: ln 2 for BCE, ln C for CCE, in the unit; one sentence says how the loss compares', () => {
    const bce = loss('{"y":[[1],[0]],"y_pred":[[0.8],[0.3]]}');
    close(bce.baseline!, Math.LN2);
    close(bce.perplexity!, Math.exp(bce.value));
    assert.equal(bce.meaning, '0.29 nats: 2.4× better than a coin flip (0.693 nats).');
    assert.match(describeEvaluation(bce), / — 0\.29 nats: 2\.4× better than a coin flip \(0\.693 nats\)$/);
    const bits = loss('{"y":[[1],[0]],"y_pred":[[0.8],[0.3]]}', { unit: 'bits' });
    close(bits.baseline!, 1);
    close(bits.perplexity!, bce.perplexity!);
    const cce = loss('{"labels":[0,1],"probs":[[0.2,0.4,0.4],[0.5,0.1,0.4]]}');
    close(cce.baseline!, ln(3));
    assert.match(cce.meaning!, /^2 nats: 1\.8× worse than a uniform guess over 3 classes \(1\.1 nats\)\.$/);
    const keys = figuresOf(cce).map((f) => f.key);
    assert.deepEqual(keys, ['loss', 'baseline', 'perplexity']);
  });

  it('an infinite loss says which sample and why', () => {
    const result = loss('{"y":[1,1],"probs":[0.5,0]}');
    assert.equal(result.meaning, '+∞ nats: the model gives probability 0 to what sample 1 observed (a coin flip: 0.693 nats).');
    assert.equal(result.perplexity, Infinity);
    assert.ok(result.warnings.some((w) => /^sample 1: /.test(w)));
  });
});
