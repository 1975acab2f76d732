// Properties the mathematics guarantees (math.md: "Property tests should hold these"), checked on
// random inputs with fast-check. Tolerances are for rounding only.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { VectorContext } from '../../src/core/errors';
import { evaluateText, type EvaluateOptions, type LossEvaluation } from '../../src/core/evaluate';
import { interpret } from '../../src/core/interpret';
import type { LossOptions } from '../../src/core/loss-options';
import { softmaxWithLog } from '../../src/core/log-softmax';
import { binaryCrossEntropy, categoricalCrossEntropy, meanSquaredError, HALF_LOG_2PI } from '../../src/core/losses';
import { crossEntropy, entropy, jsDivergence, klDivergence, klTerms, maxEntropy } from '../../src/core/quantities';
import { sum } from '../../src/core/summation';
import type { Distribution, InterpretationMode } from '../../src/core/types';
import { rowContexts, twoClassRows } from './helpers';

const ctx: VectorContext = { name: 'P', range: { start: 0, end: 0 }, elementRange: (i) => ({ start: i, end: i + 1 }) };
const dist = (xs: number[], mode: InterpretationMode = 'counts'): Distribution => interpret(Float64Array.from(xs), mode, ctx);
const EPS = Number.EPSILON;

/** Non-negative weights with some exact zeros and a positive total. */
const weights = (n: number, min = 0) =>
  fc
    .array(fc.oneof(fc.constant(min), fc.double({ min: Math.max(min, 1e-6), max: 100, noNaN: true })), { minLength: n, maxLength: n })
    .filter((xs) => xs.some((x) => x > 0));
const size = fc.integer({ min: 1, max: 40 });
const oneWeights = size.chain((n) => weights(n));
/** (P, Q) of one length; Q strictly positive so every quantity is finite. */
const finitePair = size.chain((n) => fc.tuple(weights(n), weights(n, 1e-3)));
/** (P, Q) of one length, zeros allowed in both. */
const anyPair = size.chain((n) => fc.tuple(weights(n), weights(n)));
const logits = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 });

/** Exact sum of doubles (Shewchuk's partials, as Python's math.fsum), to test `sum` against. */
function exactSum(values: number[]): number {
  const partials: number[] = [];
  for (let x of values) {
    let j = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[j++] = lo;
      x = hi;
    }
    partials.length = j;
    partials.push(x);
  }
  return partials.reduce((a, b) => a + b, 0);
}

describe('properties', () => {
  it('compensated sum is within 2ε|S| + nε²Σ|x| of the exact sum', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), (xs) => {
        const exact = exactSum(xs);
        const abs = xs.reduce((a, x) => a + Math.abs(x), 0);
        assert.ok(Math.abs(sum(Float64Array.from(xs)) - exact) <= 2 * EPS * Math.abs(exact) + xs.length * EPS * EPS * abs);
      }),
    );
  });

  it("Gibbs' inequality: D_KL(P‖Q) ≥ 0, even before clamping", () => {
    fc.assert(
      fc.property(anyPair, ([a, b]) => {
        const p = dist(a);
        const q = dist(b);
        assert.ok(klDivergence(p, q).value >= 0);
        assert.ok(sum(klTerms(p, q)) >= -1e-14);
      }),
    );
  });

  it('H(P, Q) ≥ H(P)', () => {
    fc.assert(
      fc.property(anyPair, ([a, b]) => {
        const p = dist(a);
        const h = entropy(p);
        assert.ok(crossEntropy(p, dist(b)).value >= h - 1e-12 * (1 + h));
      }),
    );
  });

  it('D_KL(P‖P) = 0 exactly and H(P, P) = H(P)', () => {
    fc.assert(
      fc.property(oneWeights, (a) => {
        const p = dist(a);
        assert.equal(klDivergence(p, p).value, 0);
        assert.ok(Math.abs(crossEntropy(p, p).value - entropy(p)) <= 1e-14);
      }),
    );
  });

  it('H(P, Q) = H(P) + D_KL(P‖Q) when finite', () => {
    fc.assert(
      fc.property(finitePair, ([a, b]) => {
        const p = dist(a);
        const q = dist(b);
        const h = crossEntropy(p, q);
        assert.equal(h.infiniteAt, -1);
        assert.ok(Math.abs(h.value - (entropy(p) + klDivergence(p, q).value)) <= 1e-13 * (1 + h.value));
      }),
    );
  });

  it('cross-entropy and KL are infinite exactly when some q = 0 < p, at the first such index', () => {
    fc.assert(
      fc.property(anyPair, ([a, b]) => {
        const p = dist(a);
        const q = dist(b);
        const first = a.findIndex((x, i) => x > 0 && b[i] === 0);
        assert.equal(crossEntropy(p, q).infiniteAt, first);
        assert.equal(klDivergence(p, q).infiniteAt, first);
        assert.equal(Number.isFinite(klDivergence(p, q).value), first < 0);
      }),
    );
  });

  it('0 ≤ H(P) ≤ ln n', () => {
    fc.assert(
      fc.property(oneWeights, (a) => {
        const h = entropy(dist(a));
        assert.ok(h >= 0 && h <= maxEntropy(a.length) * (1 + 1e-14));
      }),
    );
  });

  it('0 ≤ JS ≤ ln 2, symmetric, and at most ¼(D_KL(P‖Q) + D_KL(Q‖P))', () => {
    fc.assert(
      fc.property(anyPair, ([a, b]) => {
        const p = dist(a);
        const q = dist(b);
        const js = jsDivergence(p, q);
        assert.ok(js >= 0 && js <= Math.LN2);
        assert.ok(Math.abs(js - jsDivergence(q, p)) <= 1e-15);
        // Convexity of KL in its second argument: D_KL(P‖M) ≤ ½ D_KL(P‖Q).
        const bound = 0.25 * (klDivergence(p, q).value + klDivergence(q, p).value);
        assert.ok(js <= bound + 1e-14);
      }),
    );
  });

  it('auto reads counts the same whatever their scale (exactly for powers of 2)', () => {
    fc.assert(
      fc.property(oneWeights, fc.integer({ min: -20, max: 20 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (a, k, s) => {
        const base = dist(a, 'auto');
        const exact = dist(a.map((x) => x * 2 ** k), 'auto');
        assert.deepEqual([...exact.p], [...base.p]);
        const scaled = dist(a.map((x) => x * s), 'auto');
        for (let i = 0; i < a.length; i++) assert.ok(Math.abs(scaled.p[i] - base.p[i]) <= 4 * EPS);
        assert.ok(Math.abs(entropy(scaled) - entropy(base)) <= 1e-13);
      }),
    );
  });

  it('softmax is invariant under shifting the logits (exactly for integer logits and shifts)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: -1000, max: 1000 }), (xs, c) => {
        const x = Float64Array.from(xs);
        const shifted = Float64Array.from(xs, (v) => v + c);
        const a = softmaxWithLog(x, ctx);
        const b = softmaxWithLog(shifted, ctx);
        assert.deepEqual([...b.logP], [...a.logP]);
        assert.deepEqual([...b.p], [...a.p]);
      }),
    );
    fc.assert(
      fc.property(logits, fc.double({ min: -1000, max: 1000, noNaN: true }), (xs, c) => {
        const a = dist(xs, 'logits');
        const b = dist(xs.map((v) => v + c), 'logits');
        // x + c rounds by up to ε|x + c| ≈ 1.2e-13 per element.
        for (let i = 0; i < xs.length; i++) assert.ok(Math.abs(a.logP[i] - b.logP[i]) <= 1e-12);
        assert.ok(klDivergence(a, b).value <= 1e-12);
      }),
    );
  });

  it('softmax sums to 1 and agrees with exp(log-softmax)', () => {
    fc.assert(
      fc.property(logits, (xs) => {
        const x = Float64Array.from(xs);
        const { p, logP: lp } = softmaxWithLog(x, ctx);
        assert.ok(Math.abs(sum(p) - 1) <= xs.length * EPS);
        for (let i = 0; i < xs.length; i++) assert.ok(Math.abs(Math.exp(lp[i]) - p[i]) <= 1e-13 * p[i] + 1e-300);
      }),
    );
  });

  it('KL is not symmetric: D_KL([½, ½] ‖ [9/10, 1/10]) = 0.5108 but D_KL([9/10, 1/10] ‖ [½, ½]) = 0.3681', () => {
    const p = dist([0.5, 0.5], 'probs');
    const q = dist([0.9, 0.1], 'probs');
    assert.ok(Math.abs(klDivergence(p, q).value - 0.5108256237659907) <= 1e-15);
    assert.ok(Math.abs(klDivergence(q, p).value - 0.3680642071684971) <= 1e-15);
    assert.ok(klDivergence(p, q).value - klDivergence(q, p).value > 0.1);
  });

  it('BCE from logits equals BCE on the sigmoid, and two-class CCE equals BCE', () => {
    const sample = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }));
    fc.assert(
      fc.property(fc.array(sample, { minLength: 1, maxLength: 20 }), (pairs) => {
        const y = Float64Array.from(pairs, ([t]) => t);
        const z = Float64Array.from(pairs, ([, v]) => v);
        const p = Float64Array.from(z, (v) => 1 / (1 + Math.exp(-v)));
        const fromLogits = binaryCrossEntropy(y, z, true);
        const fromProbs = binaryCrossEntropy(y, p, false);
        const twoClass = categoricalCrossEntropy({ kind: 'rows', rows: twoClassRows(y) }, twoClassRows(p), 2, false, rowContexts);
        for (let i = 0; i < y.length; i++) {
          const ref = fromLogits.perSample[i];
          // Rounding of p = σ(z) (and of 1 − p) is amplified by 1/p or 1/(1 − p), up to e^30 ε ≈ 2e-3.
          const tolerance = 1e-12 * (1 + ref) + 4 * EPS * (1 + Math.exp(Math.abs(z[i])));
          assert.ok(Math.abs(fromProbs.perSample[i] - ref) <= tolerance, `${fromProbs.perSample[i]} vs ${ref}`);
          assert.ok(Math.abs(twoClass.perSample[i] - fromProbs.perSample[i]) <= tolerance);
        }
      }),
    );
  });

  it('MSE ≥ 0 and the Gaussian NLL is ½ ln 2π + ½ MSE', () => {
    const values = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const n = Math.min(a.length, b.length);
        const loss = meanSquaredError(Float64Array.from(a.slice(0, n)), Float64Array.from(b.slice(0, n)));
        assert.ok(loss.value >= 0);
        assert.ok(Math.abs(loss.gaussianNll - (HALF_LOG_2PI + 0.5 * loss.value)) <= 1e-15 * (1 + loss.gaussianNll));
        assert.ok(Math.abs(sum(loss.perSampleNll) / n - loss.gaussianNll) <= 1e-13 * (1 + loss.gaussianNll));
      }),
    );
  });
});

describe('properties of the loss options (issue 9 items 2 and 7)', () => {
  /** A CCE literal: n samples of k classes, class indices or one-hot rows, logits or probability rows. */
  const cceCase = fc
    .record({ n: fc.integer({ min: 1, max: 20 }), k: fc.integer({ min: 2, max: 8 }), rows: fc.boolean(), probs: fc.boolean() })
    .chain(({ n, k, rows, probs }) =>
      fc.record({
        labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
        scores: fc.array(fc.array(fc.double({ min: probs ? 0.01 : -20, max: 20, noNaN: true }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
        weight: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: k, maxLength: k }),
        k: fc.constant(k),
        rows: fc.constant(rows),
        probs: fc.constant(probs),
      }),
    )
    .map(({ labels, scores, weight, k, rows, probs }) => {
      // Probability rows: each row divided by its sum, so the literal is read as probabilities.
      const predictions = probs ? scores.map((row) => row.map((x) => x / row.reduce((a, b) => a + b, 0))) : scores;
      const targets = rows ? labels.map((c) => Array.from({ length: k }, (_, j) => (j === c ? 1 : 0))) : labels;
      return { text: JSON.stringify({ y: targets, [probs ? 'probs' : 'logits']: predictions }), n: labels.length, k, weight, rows };
    });
  const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'cce' };
  const cce = (text: string, lossOptions?: LossOptions, unit: EvaluateOptions['unit'] = 'nats') => evaluateText(text, { ...nats, unit, ...(lossOptions ? { lossOptions } : {}) }) as LossEvaluation;

  it('label smoothing 0 is plain CCE, sample by sample', () => {
    fc.assert(
      fc.property(cceCase, ({ text }) => {
        const plain = cce(text);
        const smoothed = cce(text, { labelSmoothing: 0 });
        assert.equal(smoothed.value, plain.value);
        assert.deepEqual([...smoothed.perSample], [...plain.perSample]);
      }),
    );
  });

  it('class weights all 1 are no weights', () => {
    fc.assert(
      fc.property(cceCase, ({ text, k }) => {
        assert.equal(cce(text, { weight: Array<number>(k).fill(1) }).value, cce(text).value);
      }),
    );
  });

  it('reduction sum is the mean × N (unweighted), and none lists the per-sample losses', () => {
    fc.assert(
      fc.property(cceCase, ({ text, n }) => {
        const mean = cce(text).value;
        const total = cce(text, { reduction: 'sum' }).value;
        assert.ok(Math.abs(total - mean * n) <= 1e-12 * Math.max(1, Math.abs(total)), `${total} vs ${mean} × ${n}`);
        assert.deepEqual([...cce(text, { reduction: 'none' }).perSample], [...cce(text).perSample]);
      }),
    );
  });

  it('with class indices, a weighted mean lies between the smallest and the largest per-sample loss', () => {
    fc.assert(
      // Target rows divide by N, as PyTorch: the property is the index targets' (Σ w of the targets).
      fc.property(cceCase, ({ text, weight, rows }) => {
        fc.pre(!rows);
        const weighted = cce(text, { weight });
        const plain = cce(text).perSample;
        assert.ok(weighted.value >= Math.min(...plain) * (1 - 1e-12) && weighted.value <= Math.max(...plain) * (1 + 1e-12));
      }),
    );
  });

  it('a uniform guess costs exactly the baseline, whatever the options; the perplexity is e^(mean loss in nats) in every unit', () => {
    fc.assert(
      fc.property(cceCase, fc.double({ min: 0, max: 1, noNaN: true }), ({ text, k, weight }, epsilon) => {
        const options: LossOptions = { weight, labelSmoothing: epsilon };
        const given = cce(text, options);
        const uniform = JSON.parse(text) as { y: unknown; logits?: number[][]; probs?: number[][] };
        const rows = (uniform.logits ?? uniform.probs)!.map(() => Array<number>(k).fill(0));
        const guess = cce(JSON.stringify({ y: uniform.y, logits: rows }), options);
        assert.ok(Math.abs(guess.value - given.baseline!) <= 1e-12 * given.baseline!, `${guess.value} vs ${given.baseline}`);
        const bits = cce(text, options, 'bits');
        assert.ok(Math.abs(given.perplexity! - Math.exp(given.value)) <= 1e-12 * given.perplexity!);
        assert.ok(Math.abs(bits.perplexity! - given.perplexity!) <= 1e-12 * given.perplexity!);
      }),
    );
  });

  it('the perplexity of a distribution is e^(H in nats), the same number in bits', () => {
    fc.assert(
      fc.property(oneWeights, (xs) => {
        const text = JSON.stringify(xs);
        const inNats = evaluateText(text, { ...nats, loss: 'auto', as: 'counts' });
        const inBits = evaluateText(text, { ...nats, loss: 'auto', as: 'counts', unit: 'bits' });
        assert.ok(inNats.kind === 'distribution' && inBits.kind === 'distribution');
        if (inNats.kind !== 'distribution' || inBits.kind !== 'distribution') return;
        assert.equal(inNats.perplexity, Math.exp(inNats.entropy));
        assert.equal(inBits.perplexity, inNats.perplexity);
        assert.ok(inNats.perplexity >= 1 - 1e-12 && inNats.perplexity <= xs.length * (1 + 1e-12), 'between 1 and n');
      }),
    );
  });
});
