// The loss options and the four conventions against PyTorch itself, Keras' clipping and
// scikit-learn 1.5's log_loss (test/fixtures/generate_losses.py), to 1e-9 relative / 1e-12 absolute.

import * as assert from 'node:assert/strict';
import { binaryPerSample, categoricalPerSample, meanDenominator, reduce, type CategoricalProblem } from '../../src/core/conventions';
import { evaluateText, type LossEvaluation } from '../../src/core/evaluate';
import { figuresOf } from '../../src/core/figures';
import { toJson } from '../../src/core/format';
import { smoothLabels } from '../../src/core/label-smoothing';
import { CONVENTIONS, type Convention } from '../../src/core/loss-options';
import { rowContexts } from './helpers';
import { close, num, type Num } from './kinds-reference';
import { literalOf, lossFixtures as fixtures, type LossCase as Case, type LossFigures as Figures } from './loss-fixtures';


const vec = (xs: readonly Num[]) => Float64Array.from(xs, num);

function closeAll(actual: Float64Array, expected: readonly Num[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: length`);
  actual.forEach((x, i) => close(x, expected[i], `${what}[${i}]`));
}

/** A reduced figure: a list for reduction 'none', else one number. */
function closeFigure(actual: number | Float64Array, expected: Num | Num[], what: string): void {
  if (Array.isArray(expected)) closeAll(actual as Float64Array, expected, what);
  else close(actual as number, expected, what);
}

/** The case's per-sample losses under a convention, from the core's own functions. */
function perSample(c: Case, convention: Convention, predictions = vec(c.predictions), fromLogits = c.fromLogits): { per: Float64Array; denominator: number } {
  const epsilon = c.options.labelSmoothing ?? 0;
  if (c.loss === 'bce') {
    const y = vec(c.targets as number[]);
    const targets = epsilon > 0 ? smoothLabels(y, epsilon, 2) : y;
    return { per: binaryPerSample({ targets, predictions, fromLogits, posWeight: Float64Array.from(c.posWeightColumns), columns: c.columns }, convention), denominator: y.length };
  }
  const t = c.targets as Exclude<Case['targets'], number[]>;
  const problem: CategoricalProblem = {
    targets: t.kind === 'indices' ? { kind: 'indices', indices: Int32Array.from(t.indices) } : { kind: 'rows', rows: vec(t.rows) },
    predictions,
    classes: c.classes,
    fromLogits,
    weight: c.options.weight ? Float64Array.from(c.options.weight) : undefined,
    smoothing: epsilon,
    ignoreIndex: c.ignoreIndex,
    rowContext: rowContexts,
  };
  return { per: categoricalPerSample(problem, convention), denominator: meanDenominator(problem) };
}

function reduced(per: Float64Array, denominator: number, c: Case): number | Float64Array {
  const r = reduce(per, denominator);
  return c.options.reduction === 'none' ? r.perSample : c.options.reduction === 'sum' ? r.sum : r.mean;
}


describe('loss options and conventions (PyTorch, Keras, scikit-learn 1.5)', () => {
  it('the references come from torch and scikit-learn themselves', () => {
    assert.ok(fixtures.lossOptions.length >= 20);
    for (const c of fixtures.lossOptions) assert.match(c.source, /^torch \d.*scikit-learn \d/, c.name);
    assert.ok(fixtures.lossOptions.filter((c) => c.sklearnLogLoss !== undefined).length >= 4, 'scikit-learn checks some cases itself');
  });

  for (const c of fixtures.lossOptions) {
    it(`${c.name} (torch: ${c.torchFrom})`, () => {
      for (const convention of CONVENTIONS) {
        const { per, denominator } = perSample(c, convention);
        closeAll(per, c[convention].perSample, `${convention} per sample`);
        closeFigure(reduced(per, denominator, c), c[convention].value, `${convention} value`);
      }
      const uniform = new Float64Array(c.predictions.length).fill(c.loss === 'bce' ? 0.5 : 1 / c.classes);
      const { per, denominator } = perSample(c, 'exact', uniform, false);
      closeFigure(reduced(per, denominator, c), c.baseline.value, 'baseline (a uniform guess)');
      if (c.sklearnLogLoss !== undefined) closeFigure(reduced(perSample(c, 'sklearn').per, perSample(c, 'sklearn').denominator, c), c.sklearnLogLoss, 'sklearn.metrics.log_loss');
    });

    it(`${c.name}: the CLI's JSON gives the same figures`, () => {
      for (const convention of CONVENTIONS) {
        const evaluation = evaluateText(literalOf(c), { unit: 'nats', as: 'auto', loss: c.loss, lossOptions: { ...c.options, convention } }) as LossEvaluation;
        const loss = toJson(evaluation).loss as Record<string, unknown>;
        const json = (x: unknown): Num | Num[] => x as Num | Num[];
        const reducedFixture = (f: Figures) => f.value;
        for (const other of CONVENTIONS) closeFigure(jsonNumbers(loss.conventions as Record<string, unknown>, other), reducedFixture(c[other]), `conventions.${other}`);
        closeFigure(jsonNumbers(loss, 'value'), c[convention].value, `value (--convention ${convention})`);
        closeAll(vec(loss.perSample as Num[]), c[convention].perSample, `perSample (--convention ${convention})`);
        closeFigure(jsonNumbers(loss, 'baseline'), json(c.baseline.value), 'baseline');
        close(Math.exp(num(c[convention].mean)), loss.perplexity as Num, 'perplexity = e^(mean in nats)');
        assert.equal(loss.convention, convention);
        assert.equal(loss.reduction, c.options.reduction ?? 'mean');
      }
    });
  }
});

describe('what a loss figure is called, under the reductions (PyTorch)', () => {
  // Under 'none' the figure is 'mean''s value: the plain mean of the per-sample losses only when
  // PyTorch's mean equals it; with class weights or ignored targets it divides by something else.
  for (const c of fixtures.lossOptions.filter((x) => x.options.reduction === 'none')) {
    it(`${c.name}: the label says which mean`, () => {
      const evaluation = evaluateText(literalOf(c), { unit: 'nats', as: 'auto', loss: c.loss, lossOptions: c.options }) as LossEvaluation;
      const label = figuresOf(evaluation).find((f) => f.key === 'loss')!.label;
      const values = c.torch.perSample.map(num);
      const plain = values.reduce((a, b) => a + b, 0) / values.length;
      const mean = num(c.torch.mean);
      const isPlain = plain === mean || Math.abs(plain - mean) <= 1e-9 * Math.abs(plain);
      if (isPlain) assert.match(label, /\(mean of per-sample\)$/, label);
      else assert.match(label, /\((weighted mean of per-sample|mean of per-sample not ignored)\)$/, label);
    });
  }

  for (const c of fixtures.lossOptions.filter((x) => x.options.reduction === 'sum' && x.options.weight)) {
    it(`${c.name}: the class-weight note names no divisor, since a sum divides by nothing`, () => {
      const evaluation = evaluateText(literalOf(c), { unit: 'nats', as: 'auto', loss: c.loss, lossOptions: c.options }) as LossEvaluation;
      const note = evaluation.notes.find((n) => n.startsWith('Class weights'));
      assert.ok(note, 'a note on the class weights');
      assert.doesNotMatch(note, /divides/);
    });
  }
});

/** A JSON figure, or list of figures, as numbers. */
function jsonNumbers(object: Record<string, unknown>, key: string): number | Float64Array {
  const value = object[key];
  return Array.isArray(value) ? vec(value as Num[]) : num(value as Num);
}

describe('the issue\'s loss rows (PyTorch)', () => {
  it('come from torch itself', () => {
    assert.equal(fixtures.lossRows.length, 5);
    for (const row of fixtures.lossRows) assert.match(row.source, /^torch /);
  });

  for (const row of fixtures.lossRows) {
    it(row.name, () => {
      const evaluation = evaluateText(row.literal);
      assert.equal(evaluation.kind, 'loss');
      close((evaluation).value, row.value, row.literal);
    });
  }
});
