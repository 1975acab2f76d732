import * as assert from 'node:assert/strict';
import { isLiteralError, type LiteralError, type VectorContext } from '../../src/core/errors';
import { messageNumber as formatNumber, interpret } from '../../src/core/interpret';
import { softmaxWithLog } from '../../src/core/log-softmax';
import { sum } from '../../src/core/summation';
import type { InterpretationMode } from '../../src/core/types';

/** Element i sits at offsets [10 + 4i, 13 + 4i); the whole vector at [8, 100). */
const ctx: VectorContext = { name: 'P', range: { start: 8, end: 100 }, elementRange: (i) => ({ start: 10 + 4 * i, end: 13 + 4 * i }) };
const read = (xs: number[], mode: InterpretationMode = 'auto') => interpret(Float64Array.from(xs), mode, ctx);

function throwsLiteral(fn: () => unknown, code: LiteralError['code'], message: string | RegExp, range: { start: number; end: number }): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isLiteralError(error), `expected a LiteralError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    assert.deepEqual(error.range, range);
    return true;
  });
}

function near(actual: number, expected: number, tolerance = 1e-15): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} vs ${expected}`);
}

describe('messageNumber', () => {
  it('prints sums readably', () => {
    assert.equal(formatNumber(37), '37');
    assert.equal(formatNumber(0.30000000000000004), '0.3');
    assert.equal(formatNumber(1.000002), '1.000002');
    assert.equal(formatNumber(-1), '-1');
    assert.equal(formatNumber(1e-20), '1e-20');
    assert.equal(formatNumber(Infinity), 'Infinity');
  });
});

describe('interpret: auto', () => {
  it('reads non-negative values summing to 1 as probabilities, without warnings', () => {
    const d = read([0.2, 0.3, 0.5]);
    assert.equal(d.interpretation, 'probs');
    assert.equal(d.reason, 'All values are non-negative and sum to 1, so they were read as probabilities.');
    assert.deepEqual(d.warnings, []);
    near(sum(d.p), 1, 2e-16);
    for (let i = 0; i < 3; i++) near(d.logP[i], Math.log(d.p[i]), 1e-15);
  });

  it('accepts a sum within 1e-6 of 1 as probabilities but still normalises exactly (as scipy does)', () => {
    const d = read([0.5, 0.5000005]);
    assert.equal(d.interpretation, 'probs');
    assert.equal(d.p[0], 0.5 / 1.0000005);
    assert.equal(read([0.5, 0.500002]).interpretation, 'counts');
  });

  it('reads other non-negative values as counts and says what they summed to', () => {
    const d = read([10, 20, 7]);
    assert.equal(d.interpretation, 'counts');
    assert.deepEqual(d.warnings, ['normalised: the values summed to 37']);
    assert.match(d.reason, /sum to 37, not 1/);
    assert.deepEqual([...d.p], [10 / 37, 20 / 37, 7 / 37]);
    near(d.logP[2], Math.log(7 / 37), 1e-15);
    assert.deepEqual(read([0.1, 0.2]).warnings, ['normalised: the values summed to 0.3']);
  });

  it('gives p = 0 and ln p = −Infinity for zero entries', () => {
    const d = read([0, 3, 1]);
    assert.equal(d.p[0], 0);
    assert.equal(d.logP[0], -Infinity);
    assert.equal(d.logP[1], Math.log(0.75));
  });

  it('reads any negative value as logits, naming the element', () => {
    const d = read([1, 2, -1]);
    assert.equal(d.interpretation, 'logits');
    assert.deepEqual(d.warnings, ['read as logits (softmax): element 2 is negative (-1)']);
    assert.equal(d.reason, 'Element 2 is negative (-1), so the values are not probabilities and were read as logits (softmax).');
    const expected = softmaxWithLog(Float64Array.from([1, 2, -1]), ctx);
    assert.deepEqual([...d.p], [...expected.p]);
    assert.deepEqual([...d.logP], [...expected.logP]);
  });

  it('reads non-positive values whose exponentials sum to 1 as log-probabilities', () => {
    const d = read([Math.log(0.2), Math.log(0.3), Math.log(0.5)]);
    assert.equal(d.interpretation, 'logprobs');
    assert.deepEqual(d.warnings, []);
    near(d.p[0], 0.2, 1e-15);
    near(d.logP[2], Math.log(0.5), 1e-15);
  });

  it('reads non-positive values that do not normalise as logits', () => {
    const d = read([-1, -2]);
    assert.equal(d.interpretation, 'logits');
    assert.deepEqual(d.warnings, ['read as logits (softmax): element 0 is negative (-1)']);
  });

  it('keeps logits of ±1000 exact', () => {
    const d = read([1000, -1000]);
    assert.deepEqual([...d.p], [1, 0]);
    assert.deepEqual([...d.logP], [0, -2000]);
  });

  it('keeps ln p exact where p itself underflows', () => {
    const d = read([1e-300, 1e10]);
    assert.ok(d.p[0] < 2.2250738585072014e-308);
    near(d.logP[0], Math.log(1e-300) - Math.log(1e10), 1e-12);
    near(d.logP[0], -713.8013788281542, 1e-12); // math.log(1e-300) - math.log(1e10)
  });

  it('normalises counts whose sum overflows', () => {
    const d = read([1e308, 1e308]);
    assert.deepEqual([...d.p], [0.5, 0.5]);
    near(d.logP[0], -Math.LN2, 1e-15);
  });
});

describe('interpret: forced modes', () => {
  it('probs: normalises with a warning when the sum is off', () => {
    const d = read([0.2, 0.7], 'probs');
    assert.equal(d.interpretation, 'probs');
    assert.deepEqual(d.warnings, ['normalised: the values summed to 0.9']);
    near(sum(d.p), 1, 2e-16);
    assert.deepEqual(read([0.25, 0.75], 'probs').warnings, []);
  });

  it('counts: reads values that sum to 1 as counts too', () => {
    const d = read([0.25, 0.75], 'counts');
    assert.equal(d.interpretation, 'counts');
    assert.deepEqual([...d.p], [0.25, 0.75]);
    assert.deepEqual(read([1, 1], 'counts').warnings, ['normalised: the values summed to 2']);
  });

  it('probs and counts refuse negative values, pointing at the element', () => {
    throwsLiteral(() => read([0.5, -0.5, 1], 'probs'), 'negative-count', 'element 1 of P is negative (-0.5), but probabilities cannot be negative', { start: 14, end: 17 });
    throwsLiteral(() => read([3, 2, -1], 'counts'), 'negative-count', /element 2 of P is negative \(-1\)/, { start: 18, end: 21 });
  });

  it('logits: applies softmax even to probabilities', () => {
    const d = read([0.5, 0.5], 'logits');
    assert.equal(d.interpretation, 'logits');
    assert.deepEqual([...d.p], [0.5, 0.5]);
    assert.deepEqual(d.warnings, []);
  });

  it('logprobs: refuses positive values', () => {
    throwsLiteral(() => read([-1, 0.5], 'logprobs'), 'invalid-probability', 'element 1 of P is 0.5, but log-probabilities are at most 0', { start: 14, end: 17 });
  });

  it('logprobs: renormalises with a warning', () => {
    const d = read([Math.log(0.2), Math.log(0.7)], 'logprobs');
    assert.equal(d.interpretation, 'logprobs');
    assert.deepEqual(d.warnings, ['renormalised: the probabilities summed to 0.9']);
    near(d.p[0], 0.2 / 0.9, 1e-15);
    near(d.logP[1], Math.log(0.7 / 0.9), 1e-15);
  });
});

describe('interpret: float noise below 0', () => {
  it('issue 9 row 11: noise within 1e-12 of 0 is 0 with a warning (H 0.693, not logits)', () => {
    const d = read([0.5, 0.5, -1e-17]);
    assert.equal(d.interpretation, 'probs');
    assert.deepEqual([...d.p], [0.5, 0.5, 0]);
    near(-(0.5 * d.logP[0] + 0.5 * d.logP[1]), Math.LN2);
    assert.equal(d.warnings.length, 1);
    assert.match(d.warnings[0], /^read as 0: element 2 \(-1e-17\) of P lies within 1e-12 below 0/);
    assert.deepEqual([...read([0.5, 0.5, -1e-17], 'probs').p], [0.5, 0.5, 0]);
  });

  it('noise among counts is 0 too; a larger negative, or no positive value, still means logits', () => {
    const counts = read([-1e-13, 3, 1]);
    assert.equal(counts.interpretation, 'counts');
    assert.deepEqual([...counts.p], [0, 0.75, 0.25]);
    assert.equal(read([0.5, 0.5, -2e-12]).interpretation, 'logits');
    assert.equal(read([-1e-13, 0]).interpretation, 'logits');
    assert.throws(() => read([0.5, 0.5, -2e-12], 'probs'), /negative/);
  });
});

describe('interpret: errors', () => {
  for (const mode of ['auto', 'probs', 'counts', 'logits', 'logprobs'] as const) {
    it(`names non-finite elements and empty vectors (${mode})`, () => {
      throwsLiteral(() => read([0.1, 0.2, 0.3, NaN], mode), 'non-finite', 'element 3 of P is NaN', { start: 22, end: 25 });
      throwsLiteral(() => read([Infinity], mode), 'non-finite', 'element 0 of P is Infinity', { start: 10, end: 13 });
      if (mode === 'probs' || mode === 'counts') {
        throwsLiteral(() => read([1, -Infinity], mode), 'non-finite', 'element 1 of P is -Infinity', { start: 14, end: 17 });
      }
      throwsLiteral(() => read([], mode), 'empty', 'P is empty', { start: 8, end: 100 });
    });
  }

  it('issue 9 row 10: −∞ logits and log-probabilities are masked classes, probability 0', () => {
    const logits = read([-Infinity, 0.5, 1.0]);
    assert.equal(logits.interpretation, 'logits');
    assert.match(logits.reason, /^Element 0 is −∞ \(a masked class, probability 0\)/);
    const rest = softmaxWithLog(Float64Array.from([0.5, 1.0]), ctx);
    assert.deepEqual([...logits.p], [0, ...rest.p]);
    assert.deepEqual([...logits.logP], [-Infinity, ...rest.logP]);
    const forced = read([-Infinity, 0], 'logprobs');
    assert.deepEqual([...forced.p], [0, 1]);
    assert.deepEqual(forced.warnings, []);
    assert.equal(read([-Infinity, 0]).interpretation, 'logprobs');
    assert.deepEqual([...read([-Infinity, 2, 2], 'logits').p], [0, 0.5, 0.5]);
    throwsLiteral(() => read([-Infinity, -Infinity], 'logits'), 'non-finite', /every element of P is −∞/, { start: 8, end: 100 });
  });

  for (const mode of ['auto', 'probs', 'counts'] as const) {
    it(`refuses all zeros (${mode})`, () => {
      throwsLiteral(() => read([0, 0, 0], mode), 'invalid-probability', 'the values of P sum to 0', { start: 8, end: 100 });
    });
  }

  it('uses the context name in messages', () => {
    assert.throws(() => interpret(Float64Array.from([NaN]), 'auto', { ...ctx, name: 'row 3' }), /element 0 of row 3 is NaN/);
  });
});
