import * as assert from 'node:assert/strict';
import { isLiteralError, type VectorContext } from '../../src/core/errors';
import { interpret } from '../../src/core/interpret';
import {
  crossEntropy,
  entropy,
  entropyAndTerms,
  jsDivergence,
  klDivergence,
  klTerms,
  maxEntropy,
} from '../../src/core/quantities';
import type { Distribution, InterpretationMode } from '../../src/core/types';

const ctx: VectorContext = { name: 'P', range: { start: 0, end: 0 }, elementRange: (i) => ({ start: i, end: i + 1 }) };
const d = (xs: number[], mode: InterpretationMode = 'auto'): Distribution => interpret(Float64Array.from(xs), mode, ctx);

function near(actual: number, expected: number, tolerance = 1e-15): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} vs ${expected}`);
}

describe('entropy', () => {
  it('is ln n for the uniform distribution and 0 for a certain outcome', () => {
    near(entropy(d([0.25, 0.25, 0.25, 0.25])), Math.log(4));
    assert.equal(entropy(d([0, 1, 0])), 0);
    assert.equal(entropy(d([1])), 0);
    assert.ok(!Object.is(entropy(d([1])), -0));
  });

  it('is 1 bit for a fair coin and 0.469 bits for a 9/10 coin', () => {
    near(entropy(d([0.5, 0.5])) / Math.LN2, 1);
    near(entropy(d([0.9, 0.1])) / Math.LN2, 0.46899559358928117);
  });

  it('gives the terms −p ln p with 0 for p = 0', () => {
    const { value, terms } = entropyAndTerms(d([0, 0.5, 0.5]));
    assert.equal(terms[0], 0);
    near(terms[1], 0.5 * Math.LN2);
    near(terms[1] + terms[2], entropy(d([0, 0.5, 0.5])));
    assert.equal(value, entropy(d([0, 0.5, 0.5])));
  });

  it('is exact for logits of ±1000 (no NaN from 0 · −2000)', () => {
    assert.equal(entropy(d([1000, -1000])), 0);
  });
});

describe('cross-entropy', () => {
  it('is H(P) when Q = P', () => {
    const p = d([0.2, 0.3, 0.5]);
    near(crossEntropy(p, p).value, entropy(p));
    assert.equal(crossEntropy(p, p).infiniteAt, -1);
  });

  it('is +Infinity at the first i where q = 0 < p, and ignores q = 0 where p = 0', () => {
    const h = crossEntropy(d([0.5, 0, 0.25, 0.25]), d([1, 0, 0, 0]));
    assert.deepEqual(h, { value: Infinity, infiniteAt: 2 });
    const finite = crossEntropy(d([0.5, 0, 0.5]), d([0.5, 0, 0.5]));
    near(finite.value, Math.LN2);
    assert.equal(finite.infiniteAt, -1);
  });

  it('uses ln q, not ln of an underflowed q, for logits', () => {
    // softmax([0, -1000]) underflows to [1, 0], but ln q₁ = −1000 exactly.
    const h = crossEntropy(d([0.5, 0.5]), d([0, -1000], 'logits'));
    assert.equal(h.infiniteAt, -1);
    near(h.value, 500, 1e-12);
  });
});

describe('KL divergence', () => {
  it('matches scipy for the documented pair, and is not symmetric', () => {
    const p = d([0.5, 0.5]);
    const q = d([0.9, 0.1]);
    near(klDivergence(p, q).value, 0.5108256237659907);
    near(klDivergence(q, p).value, 0.3680642071684971);
    assert.notEqual(klDivergence(p, q).value, klDivergence(q, p).value);
  });

  it('is exactly 0 for P‖P', () => {
    for (const xs of [[0.2, 0.3, 0.5], [10, 20, 7], [1, -2, 3]]) assert.equal(klDivergence(d(xs), d(xs)).value, 0);
  });

  it('is +Infinity at the first i where q = 0 < p; p = 0 adds nothing', () => {
    assert.deepEqual(klDivergence(d([0.5, 0.5, 0]), d([1, 0, 0])), { value: Infinity, infiniteAt: 1 });
    near(klDivergence(d([0, 0.5, 0.5]), d([0.5, 0.25, 0.25])).value, Math.LN2);
  });

  it('is exact for logits of ±1000: 2000 nats', () => {
    assert.equal(klDivergence(d([1000, -1000]), d([-1000, 1000])).value, 2000);
  });

  it('gives the terms p ln(p/q): 0 where p = 0, +Infinity where q = 0 < p, negative where p < q', () => {
    const terms = klTerms(d([0, 0.25, 0.75]), d([0.5, 0.5, 0]));
    assert.equal(terms[0], 0);
    near(terms[1], 0.25 * Math.log(0.5));
    assert.ok(terms[1] < 0);
    assert.equal(terms[2], Infinity);
  });

  it('equals H(P, Q) − H(P)', () => {
    const p = d([0.1, 0.2, 0.7]);
    const q = d([0.3, 0.3, 0.4]);
    near(klDivergence(p, q).value, crossEntropy(p, q).value - entropy(p), 1e-15);
  });
});

describe('Jensen–Shannon divergence', () => {
  it('is 0 for identical and ln 2 for disjoint distributions', () => {
    assert.equal(jsDivergence(d([0.2, 0.8]), d([0.2, 0.8])), 0);
    near(jsDivergence(d([0.5, 0.5, 0, 0]), d([0, 0, 0.25, 0.75])), Math.LN2);
  });

  it('is symmetric and finite where KL is infinite', () => {
    const p = d([0.5, 0.5, 0]);
    const q = d([1, 0, 0]);
    const js = jsDivergence(p, q);
    assert.ok(Number.isFinite(js) && js > 0 && js < Math.LN2);
    near(jsDivergence(q, p), js);
    // By hand: M = [3/4, 1/4, 0]; ½[½ ln(2/3) + ½ ln 2] + ½[ln(4/3)].
    near(js, 0.5 * (0.5 * Math.log(2 / 3) + 0.5 * Math.log(2)) + 0.5 * Math.log(4 / 3));
  });

  it('stays finite and ≤ ln 2 for logits of ±1000', () => {
    const js = jsDivergence(d([1000, -1000]), d([-1000, 1000]));
    near(js, Math.LN2);
    assert.ok(js <= Math.LN2);
  });
});

describe('maxEntropy and length checks', () => {
  it('maxEntropy(n) = ln n', () => {
    assert.equal(maxEntropy(1), 0);
    assert.equal(maxEntropy(8), Math.log(8));
  });

  it('throws a plain Error (a bug, not bad input) for different lengths', () => {
    const p = d([0.5, 0.5]);
    const q = d([0.2, 0.3, 0.5]);
    for (const fn of [crossEntropy, klDivergence, klTerms, jsDivergence]) {
      assert.throws(
        () => fn(p, q),
        (error: unknown) => error instanceof Error && !isLiteralError(error) && /different lengths/.test(error.message),
      );
    }
  });
});
