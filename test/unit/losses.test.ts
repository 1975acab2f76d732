import * as assert from 'node:assert/strict';
import { isLiteralError } from '../../src/core/errors';
import {
  HALF_LOG_2PI,
  binaryCrossEntropy,
  categoricalCrossEntropy,
  frameworkClampedBce,
  frameworkClampedBcePerSample,
  kerasClippedBce,
  kerasClippedBcePerSample,
  kerasClippedCce,
  meanSquaredError,
  type CategoricalTargets,
} from '../../src/core/losses';
import { rowContexts, twoClassRows } from './helpers';

const f = (xs: number[]) => Float64Array.from(xs);
const indices = (xs: number[]): CategoricalTargets => ({ kind: 'indices', indices: Int32Array.from(xs) });
const rows = (xs: number[]): CategoricalTargets => ({ kind: 'rows', rows: f(xs) });

function near(actual: number, expected: number, tolerance = 1e-15): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} vs ${expected}`);
}

describe('binary cross-entropy', () => {
  it('from probabilities: −mean[y ln p + (1 − y) ln(1 − p)]', () => {
    const loss = binaryCrossEntropy(f([1, 0]), f([0.8, 0.3]), false);
    near(loss.perSample[0], -Math.log(0.8));
    near(loss.perSample[1], -Math.log(0.7));
    near(loss.value, (-Math.log(0.8) - Math.log(0.7)) / 2);
    assert.equal(loss.infiniteAt, -1);
  });

  it('is exactly +Infinity for p = 0 < y or y < 1 = p, naming the first sample', () => {
    const loss = binaryCrossEntropy(f([1, 0, 1, 0]), f([0.9, 1, 0, 0.1]), false);
    assert.equal(loss.value, Infinity);
    assert.equal(loss.infiniteAt, 1);
    assert.deepEqual([...loss.perSample].map(Number.isFinite), [true, false, false, true]);
    assert.equal(binaryCrossEntropy(f([0.3]), f([0]), false).infiniteAt, 0);
  });

  it('uses 0 · ln 0 = 0: a confident right prediction costs nothing', () => {
    const loss = binaryCrossEntropy(f([0, 1]), f([0, 1]), false);
    assert.deepEqual([...loss.perSample], [0, 0]);
    assert.ok(loss.perSample.every((x) => !Object.is(x, -0)));
    assert.equal(loss.value, 0);
    assert.ok(!Object.is(categoricalCrossEntropy(indices([0]), f([1, 0]), 2, false, rowContexts).value, -0));
  });

  it('keeps −ln(1 − p) ≈ p for tiny p (log1p)', () => {
    near(binaryCrossEntropy(f([0]), f([1e-20]), false).value, 1e-20, 1e-35);
  });

  it('from logits: max(z, 0) − z·y + log1p(e^−|z|), finite at ±1000', () => {
    const loss = binaryCrossEntropy(f([0, 1, 1, 0, 0.5]), f([1000, -1000, 1000, -1000, 0]), true);
    assert.deepEqual([...loss.perSample], [1000, 1000, 0, 0, Math.LN2]);
    assert.equal(loss.infiniteAt, -1);
    const z = 1.3;
    const sigmoid = 1 / (1 + Math.exp(-z));
    near(binaryCrossEntropy(f([0.25]), f([z]), true).value, binaryCrossEntropy(f([0.25]), f([sigmoid]), false).value, 1e-15);
  });

  it('throws a plain Error for different lengths', () => {
    assert.throws(() => binaryCrossEntropy(f([1]), f([0.5, 0.5]), false), (e: unknown) => e instanceof Error && !isLiteralError(e));
  });
});

describe('what the frameworks report for BCE', () => {
  it('PyTorch clamps each log at −100: 100 for a sure miss', () => {
    assert.deepEqual([...frameworkClampedBcePerSample(f([1, 0]), f([0, 1]))], [100, 100]);
    near(frameworkClampedBce(f([1, 0]), f([0, 0.5])), (100 + Math.LN2) / 2);
    // The clamp changes nothing away from the edges.
    near(frameworkClampedBce(f([1, 0]), f([0.8, 0.3])), binaryCrossEntropy(f([1, 0]), f([0.8, 0.3]), false).value, 1e-15);
  });

  it('Keras clips predictions to [1e-7, 1 − 1e-7]: −ln 1e-7 ≈ 16.118 for a sure miss', () => {
    near(kerasClippedBce(f([1]), f([0])), -Math.log(1e-7));
    near(kerasClippedBcePerSample(f([0]), f([1]))[0], -Math.log(1 - (1 - 1e-7)), 1e-12);
    // Clipping costs a confident right answer a little: −ln(1 − 1e-7) ≈ 1e-7, not 0.
    near(kerasClippedBce(f([1]), f([1])), 1.0000000494736474e-7, 1e-20);
  });
});

describe('categorical cross-entropy', () => {
  const probs = f([0.05, 0.95, 0.0, 0.1, 0.8, 0.1]);

  it('from probability rows with indices, one-hot or soft labels', () => {
    const expected = (-Math.log(0.95) - Math.log(0.1)) / 2;
    near(categoricalCrossEntropy(indices([1, 2]), probs, 3, false, rowContexts).value, expected);
    near(categoricalCrossEntropy(rows([0, 1, 0, 0, 0, 1]), probs, 3, false, rowContexts).value, expected);
    const soft = categoricalCrossEntropy(rows([0.5, 0.5, 0, 0.2, 0.3, 0.5]), probs, 3, false, rowContexts);
    near(soft.perSample[0], -0.5 * Math.log(0.05) - 0.5 * Math.log(0.95));
    near(soft.perSample[1], -0.2 * Math.log(0.1) - 0.3 * Math.log(0.8) - 0.5 * Math.log(0.1));
  });

  it('is +Infinity where the target class has p = 0; 0 · ln 0 = 0 elsewhere', () => {
    const loss = categoricalCrossEntropy(indices([1, 2]), probs, 3, false, rowContexts);
    assert.equal(loss.infiniteAt, -1); // sample 0 has p = 0 at class 2, which is not its target
    const bad = categoricalCrossEntropy(indices([1, 2, 0]), f([0.5, 0.5, 0, 0.3, 0.7, 0, 0.2, 0.2, 0.6]), 3, false, rowContexts);
    assert.equal(bad.value, Infinity);
    assert.equal(bad.infiniteAt, 1);
    assert.deepEqual([...bad.perSample].map(Number.isFinite), [true, false, true]);
    const zeroTarget = categoricalCrossEntropy(indices([2]), f([0.5, 0.5, 0]), 3, false, rowContexts);
    assert.deepEqual({ value: zeroTarget.value, infiniteAt: zeroTarget.infiniteAt }, { value: Infinity, infiniteAt: 0 });
  });

  it('renormalises probability rows, as the distribution path does (issue 9 row 2)', () => {
    near(categoricalCrossEntropy(indices([0]), f([0.5, 0.3]), 2, false, rowContexts).value, -Math.log(0.5 / 0.8));
  });

  it('from logits uses log-softmax per row: exact at ±1000', () => {
    const logits = f([1000, -1000, 0, 0, 0, 0]);
    const loss = categoricalCrossEntropy(indices([1, 2]), logits, 3, true, rowContexts);
    assert.equal(loss.perSample[0], 2000);
    near(loss.perSample[1], Math.log(3));
    assert.equal(categoricalCrossEntropy(indices([0]), f([1000, -1000, 0]), 3, true, rowContexts).value, 0);
    assert.equal(categoricalCrossEntropy(rows([0.5, 0.5, 0]), f([1000, -1000, 0]), 3, true, rowContexts).value, 1000);
  });

  it('with two classes equals BCE, from probabilities and from logits', () => {
    const y = f([1, 0, 0.3, 1]);
    const p = f([0.9, 0.2, 0.6, 0.35]);
    const bce = binaryCrossEntropy(y, p, false);
    const cce = categoricalCrossEntropy(rows([...twoClassRows(y)]), twoClassRows(p), 2, false, rowContexts);
    for (let i = 0; i < 4; i++) near(cce.perSample[i], bce.perSample[i], 1e-15);
    near(cce.value, bce.value, 1e-15);
    const hard = categoricalCrossEntropy(indices([1, 0, 0, 1]), twoClassRows(p), 2, false, rowContexts);
    near(hard.perSample[0], bce.perSample[0], 1e-15);
    // Logits: rows [0, z] have log-softmax [−softplus(z), z − softplus(z)].
    const z = f([2.5, -1, 0.3, 40]);
    const logitRows = new Float64Array(8);
    z.forEach((zi, i) => (logitRows[2 * i + 1] = zi));
    const bceLogits = binaryCrossEntropy(y, z, true);
    const cceLogits = categoricalCrossEntropy(rows([...twoClassRows(y)]), logitRows, 2, true, rowContexts);
    for (let i = 0; i < 4; i++) near(cceLogits.perSample[i], bceLogits.perSample[i], 1e-14);
  });

  it('throws a plain Error for mismatched shapes', () => {
    assert.throws(() => categoricalCrossEntropy(indices([0]), f([0.5, 0.5, 0.5]), 2, false, rowContexts), /not a multiple/);
    assert.throws(() => categoricalCrossEntropy(indices([0, 1]), f([0.5, 0.5]), 2, false, rowContexts), /target indices/);
    assert.throws(() => categoricalCrossEntropy(rows([1]), f([0.5, 0.5]), 2, false, rowContexts), /target rows/);
  });
});

describe('what the frameworks report for CCE', () => {
  it('PyTorch (NLLLoss on log p) is +Infinity; Keras normalises the row and clips to 1e-7', () => {
    assert.equal(categoricalCrossEntropy(indices([1]), f([1, 0]), 2, false, rowContexts).value, Infinity);
    near(kerasClippedCce(indices([1]), f([1, 0]), 2), -Math.log(1e-7));
    // Keras divides by the row sum first: [2, 2] reads as [0.5, 0.5].
    near(kerasClippedCce(indices([0]), f([2, 2]), 2), Math.LN2);
    near(kerasClippedCce(rows([0.5, 0.5]), f([0.5, 0.5]), 2), Math.LN2);
  });
});

describe('mean squared error and the Gaussian NLL', () => {
  it('MSE = mean (y − f)², NLL = ½ ln 2π + ½ (y − f)² per sample', () => {
    const loss = meanSquaredError(f([1, 2, 3]), f([1.5, 2, 2]));
    assert.deepEqual([...loss.perSample], [0.25, 0, 1]);
    near(loss.value, 1.25 / 3);
    near(loss.perSampleNll[0], HALF_LOG_2PI + 0.125);
    near(loss.gaussianNll, HALF_LOG_2PI + 0.5 * loss.value);
    near(HALF_LOG_2PI, 0.9189385332046727);
    assert.equal(loss.infiniteAt, -1);
  });

  it('NLL and MSE rank predictions the same way: ΔNLL = ½ ΔMSE', () => {
    const y = f([0.3, -1.2, 4]);
    const a = meanSquaredError(y, f([0.1, -1, 3.5]));
    const b = meanSquaredError(y, f([1, 0, 2]));
    near(a.gaussianNll - b.gaussianNll, 0.5 * (a.value - b.value), 1e-14);
    assert.ok(a.value < b.value && a.gaussianNll < b.gaussianNll);
  });

  it('reports an overflowing square as +Infinity at its sample', () => {
    const loss = meanSquaredError(f([0, 1e200]), f([0, -1e200]));
    assert.equal(loss.infiniteAt, 1);
    assert.equal(loss.value, Infinity);
  });
});
