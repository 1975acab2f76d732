import * as assert from 'node:assert/strict';
import { isLiteralError, type LiteralError, type VectorContext } from '../../src/core/errors';
import { logSumExp, normalise, sigmoid, softmaxWithLog, softplus } from '../../src/core/log-softmax';
import { sum } from '../../src/core/summation';

/** Element i sits at offsets [10 + 4i, 13 + 4i); the whole vector at [8, 100). */
const ctx: VectorContext = { name: 'P', range: { start: 8, end: 100 }, elementRange: (i) => ({ start: 10 + 4 * i, end: 13 + 4 * i }) };
const f = (xs: number[]) => Float64Array.from(xs);
const softmax = (xs: number[]) => [...softmaxWithLog(f(xs), ctx).p];
const logSoftmax = (xs: number[]) => [...softmaxWithLog(f(xs), ctx).logP];

function near(actual: number, expected: number, tolerance = 1e-15): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} vs ${expected}`);
}

function throwsLiteral(fn: () => unknown, code: LiteralError['code'], message: string, range: { start: number; end: number }): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isLiteralError(error), `expected a LiteralError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.message, message);
    assert.deepEqual(error.range, range);
    return true;
  });
}

describe('logSumExp, softmax, log-softmax', () => {
  it('gives finite exact answers for logits of ±1000', () => {
    assert.deepEqual(softmax([1000, -1000]), [1, 0]);
    assert.deepEqual(logSoftmax([1000, -1000]), [0, -2000]);
    assert.equal(logSumExp(f([1000, 1000])), 1000 + Math.LN2);
    assert.deepEqual(softmax([1000, 1000, 1000, 1000]), [0.25, 0.25, 0.25, 0.25]);
    assert.equal(logSumExp(f([-1000, -1000])), -1000 + Math.LN2);
  });

  it('keeps contributions far below the maximum (log1p, not log(1 + r))', () => {
    const lse = logSumExp(f([0, -40]));
    assert.ok(lse > 0);
    near(lse, Math.exp(-40), 1e-30);
    near(logSoftmax([0, -40])[0], -Math.exp(-40), 1e-30);
  });

  it('matches the definition on moderate values', () => {
    const x = [1, 2, 3];
    const direct = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    near(logSumExp(f(x)), direct, 1e-14);
    const p = softmax(x);
    const lp = logSoftmax(x);
    for (let i = 0; i < 3; i++) {
      near(p[i], Math.exp(x[i]) / Math.exp(direct), 1e-15);
      near(lp[i], x[i] - direct, 1e-14);
    }
    near(sum(f(p)), 1, 2e-16);
  });

  it('logSumExp follows scipy at the edges: empty and all −∞ are −∞, NaN propagates', () => {
    assert.equal(logSumExp(new Float64Array(0)), -Infinity);
    assert.equal(logSumExp(f([-Infinity, -Infinity])), -Infinity);
    assert.equal(logSumExp(f([-Infinity, 0])), 0);
    assert.equal(logSumExp(f([0, Infinity])), Infinity);
    assert.ok(Number.isNaN(logSumExp(f([0, NaN]))));
    assert.deepEqual(logSoftmax([-7.5]), [0]);
  });

  it('reads −∞ as a masked class: probability 0, log-probability −∞', () => {
    assert.deepEqual(softmax([-Infinity, 0]), [0, 1]);
    assert.deepEqual(softmax([0, -Infinity, 0]), [0.5, 0, 0.5]);
    assert.deepEqual(logSoftmax([0, -Infinity, 0]), [-Math.LN2, -Infinity, -Math.LN2]);
  });

  it('refuses a vector of −∞ only: no class has any probability', () => {
    throwsLiteral(() => softmaxWithLog(f([-Infinity, -Infinity]), ctx), 'non-finite', 'every element of P is −∞: a softmax needs at least one finite value', ctx.range);
  });

  it('refuses NaN and +∞, naming the element', () => {
    throwsLiteral(() => softmaxWithLog(f([0, NaN]), ctx), 'non-finite', 'element 1 of P is NaN', { start: 14, end: 17 });
    throwsLiteral(() => softmaxWithLog(f([Infinity, 0]), ctx), 'non-finite', 'element 0 of P is Infinity', { start: 10, end: 13 });
  });

  it('numbers the elements of a slice from its start', () => {
    const values = f([5, 1, 2, NaN]);
    const { max, logNorm, norm } = normalise(values, 1, 3, () => ctx);
    assert.equal(max, 2);
    near(logNorm, Math.log1p(Math.exp(-1)));
    near(norm, 1 + Math.exp(-1));
    throwsLiteral(() => normalise(values, 2, 4, () => ctx), 'non-finite', 'element 1 of P is NaN', { start: 14, end: 17 });
  });

  it('sums the exponentials with compensation: 100,000 terms of 0.1 lose no digits', () => {
    // [0, −ln 10 × 100000]: ln Σ exp = log1p(m·e) exactly, e = exp(−ln 10) ≈ 0.1.
    const m = 100_000;
    const x = new Float64Array(m + 1).fill(-Math.LN10);
    x[0] = 0;
    const e = Math.exp(-Math.LN10);
    const exact = Math.log1p(m * e);
    near(logSumExp(x), exact, 4 * Number.EPSILON * exact);
    near(softmaxWithLog(x, ctx).logP[0], -exact, 4 * Number.EPSILON * exact);
    // The case is only meaningful if a plain running sum visibly drifts on it.
    let naive = 0;
    for (let i = 0; i < m; i++) naive += e;
    assert.ok(Math.abs(Math.log1p(naive) - exact) > 100 * Number.EPSILON * exact);
  });
});

describe('softplus and sigmoid', () => {
  it('softplus is ln(1 + eˣ), finite and exact at the extremes', () => {
    near(softplus(0), Math.LN2);
    assert.equal(softplus(1000), 1000);
    assert.equal(softplus(-1000), 0);
    near(softplus(-40), Math.exp(-40), 1e-30);
    near(softplus(2), logSumExp(f([0, 2])), 1e-15);
  });

  it('sigmoid is the second entry of softmax([0, z]), without overflow', () => {
    for (const z of [-30, -1, 0, 2.5, 30]) near(sigmoid(z), softmax([0, z])[1], 1e-16);
    assert.equal(sigmoid(1000), 1);
    assert.equal(sigmoid(-1000), 0);
  });
});
