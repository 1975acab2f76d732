// The loss view model's options and conventions (src/shared/model/loss-options-view.ts), against
// PyTorch's, Keras' and scikit-learn's figures (test/fixtures/generate_losses.py, `lossOptions`).

import * as assert from 'node:assert/strict';
import { evaluateText, type LossEvaluation } from '../../src/core/evaluate';
import type { LossOptions } from '../../src/core/loss-options';
import { formatNumber } from '../../src/core/number-format';
import { buildViewModel } from '../../src/shared/model/build';
import { conventionsView, lossOptionsView } from '../../src/shared/model/loss-options-view';
import type { Num } from './kinds-reference';
import { literalOf, lossCase as fixture, type LossCase as Case } from './loss-fixtures';

const fmt = (x: number) => formatNumber(x, 6);
const shown = (x: Num | Num[]) => (x === 'Infinity' ? '∞ nats' : `${fmt(x as number)} nats`);


function lossOf(c: Case, options: LossOptions = c.options): LossEvaluation {
  return evaluateText(literalOf(c), { unit: 'nats', as: 'auto', loss: c.loss, lossOptions: options }) as LossEvaluation;
}

describe('loss view model: options and conventions', () => {
  it('lists each option in effect with what it did, none at PyTorch’s defaults', () => {
    const c = fixture('cce indices logits, ignore_index -100 (default), weights, smoothing 0.1');
    const options = lossOptionsView(lossOf(c), fmt);
    assert.deepEqual(options.map((o) => o.key), ['weight', 'labelSmoothing']);
    assert.equal(options[0].value, '[1, 2, 0.5]');
    assert.match(options[0].effect, /divides by Σ w of the targets/);
    // ε = 0.1 over 3 classes: a 1 becomes 1 − 0.1 + 0.1/3, a 0 becomes 0.1/3.
    assert.match(options[1].effect, new RegExp(`a 1 becomes ${fmt(0.9 + 0.1 / 3)}, a 0 becomes ${fmt(0.1 / 3)}`));
    assert.deepEqual(lossOptionsView(lossOf(c, { reduction: 'mean', convention: 'exact' }), fmt), []);
  });

  it('target rows divide by the samples, and pos_weight and ignore_index say so', () => {
    const rows = lossOptionsView(lossOf(fixture('cce soft rows logits, weights, smoothing 0.2 (mean over samples)')), fmt);
    assert.match(rows.find((o) => o.key === 'weight')!.effect, /number of samples/);
    const bce = lossOptionsView(lossOf(fixture('bce multi-label logits 4x3, pos_weight per column, smoothing 0.1, sum')), fmt);
    assert.deepEqual(bce.map((o) => o.key), ['reduction', 'posWeight', 'labelSmoothing']);
    assert.equal(bce[1].value, '[2, 0.5, 1]');
    assert.match(bce[2].effect, /Keras/);
    const ignored = lossOptionsView(lossOf(fixture('cce indices logits, ignore_index 7, smoothing 0.25, sum')), fmt);
    assert.equal(ignored.find((o) => o.key === 'ignoreIndex')!.value, '7');
  });

  for (const name of ['bce probs with 0 and 1: exact +inf, torch clamps at -100', 'cce indices probs, smoothing 0.1 meets a zero: exact +inf, keras and sklearn finite', 'cce indices probs, a zero at the target class: exact and torch +inf']) {
    it(`conventions side by side, as the frameworks compute them: ${name}`, () => {
      const c = fixture(name);
      for (const follows of ['exact', 'torch', 'keras', 'sklearn'] as const) {
        const view = conventionsView(lossOf(c, { ...c.options, convention: follows }), fmt)!;
        assert.equal(view.differ, true);
        assert.deepEqual(view.rows.map((r) => r.display), [shown(c.exact.value), shown(c.torch.value), shown(c.keras.value), shown(c.sklearn.value)]);
        assert.deepEqual(view.rows.filter((r) => r.follows).map((r) => r.convention), [follows]);
        assert.equal(view.follows, follows);
      }
    });
  }

  it('conventions that agree at the shown precision do not differ; MSE has none', () => {
    const c = fixture('cce indices logits, class weights, reduction=sum');
    const view = conventionsView(lossOf(c), fmt)!;
    assert.equal(view.differ, false);
    assert.equal(view.column, 'sum');
    assert.equal(view.rows[0].display, shown(c.torch.value));
    const mse = evaluateText('{"y": [1.5, 2.5], "y_pred": [1, 3]}') as LossEvaluation;
    assert.equal(conventionsView(mse, fmt), undefined);
  });

  it('the built view model carries them, and the per-sample caption says how the batch loss is made', () => {
    const c = fixture('cce indices logits, class weights, reduction=mean');
    const model = buildViewModel(lossOf(c), { source: { fileName: 'a.py', line: 1, endLine: 1 }, precision: 6, view: 'loss' });
    assert.deepEqual(model.loss!.options.map((o) => o.key), ['weight']);
    assert.match(model.loss!.perSample.caption, new RegExp(`sum divided by Σ w of the targets \\(${fmt(1 + 2 + 0.5 + 1)}\\), ${fmt(c.torch.value as number)}`));
    const sum = buildViewModel(lossOf(fixture('cce indices logits, class weights, reduction=sum')), { source: { fileName: 'a.py', line: 1, endLine: 1 }, precision: 6, view: 'loss' });
    assert.match(sum.loss!.perSample.caption, /their sum/);
  });

  // Under reduction 'none' the bars are PyTorch's per-sample tensor; the figure shown beside them is what
  // 'mean' would give, which is their plain mean only when 'mean' divides by the number of samples.
  const built = (c: Case, options: LossOptions = c.options) => buildViewModel(lossOf(c, options), { source: { fileName: 'a.py', line: 1, endLine: 1 }, precision: 6, view: 'loss' }).loss!;
  const plainMean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const [name, divisor] of [
    ['cce indices logits, class weights [1, 3], reduction=none', `Σ w of the targets \\(${fmt(1 + 3)}\\)`],
    ['cce indices logits, ignore_index -100, reduction=none', 'the 2 targets not ignored'],
  ] as const) {
    it(`reduction none says what its figure divides by when that is not the samples: ${name}`, () => {
      const c = fixture(name);
      const view = built(c);
      assert.deepEqual(view.perSample.rows.map((r) => r.displays[0]), (c.torch.value as number[]).map((v) => fmt(v + 0)));
      // The number shown is PyTorch's reduction='mean' value, not the bars' plain mean.
      assert.notEqual(fmt(c.torch.mean as number), fmt(plainMean(c.torch.value as number[])));
      const phrase = `sum divided by ${divisor}`;
      assert.match(view.perSample.caption, new RegExp(`their ${phrase} is ${fmt(c.torch.mean as number)}, the value reduction='mean' gives`));
      assert.doesNotMatch(view.perSample.caption, /their mean/);
      assert.match(view.options.find((o) => o.key === 'reduction')!.effect, new RegExp(`the figures show their ${phrase}`));
      assert.match(conventionsView(lossOf(c), fmt)!.column, new RegExp(`^per-sample ${phrase}$`));
    });
  }

  it('reduction none over plain samples still says mean, and sum says nothing about a divisor', () => {
    const c = fixture('cce indices logits, class weights [1, 3], reduction=none');
    const plain = built(c, { reduction: 'none' });
    assert.match(plain.perSample.caption, new RegExp(`their mean is ${fmt(plainMean((c.torch.value as number[]).map((v, i) => v / [1, 3][i])))}`));
    assert.equal(conventionsView(lossOf(c, { reduction: 'none' }), fmt)!.column, 'mean of per-sample');
    const sum = lossOptionsView(lossOf(c, { ...c.options, reduction: 'sum' }), fmt);
    assert.doesNotMatch(sum.find((o) => o.key === 'weight')!.effect, /divide|mean/);
    const ignored = lossOptionsView(lossOf(fixture('cce indices logits, ignore_index 7, smoothing 0.25, sum')), fmt);
    assert.doesNotMatch(ignored.find((o) => o.key === 'ignoreIndex')!.effect, /mean/);
  });
});
