import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { binOf, histogram, MAX_BINS } from '../../src/shared/model/histogram';
import type { Histogram } from '../../src/shared/view-model';

// The histogram of a long vector's probabilities (src/shared/model/histogram.ts): every value in
// exactly one bin, checked by counting here with a plain filter over the bins' edges.

function of(...vectors: number[][]): Histogram {
  return histogram({ id: 'h', title: 'h', series: vectors.map((_, s) => `S${s}`), n: vectors[0].length, value: (i, s) => vectors[s][i] });
}

/** The bins' own edges, applied here: how many of `values` are in [lo, hi). */
function counted(h: Histogram, values: readonly number[]): number[] {
  return h.bins.map((bin) => values.filter((v) => v >= bin.lo && v < bin.hi).length);
}

describe('probability histogram', () => {
  it('bins on a log axis, ten bins a decade, when the values span a few decades', () => {
    const values = [0, 1e-4, 3e-4, 0.001, 0.0011, 0.02, 0.5, 0.477];
    const h = of(values);
    assert.equal(h.scale, 'log');
    assert.deepEqual(h.zeros, [1]);
    // 1e-4 up to the first edge above 0.5: 10^(−40/10) … 10^(−3/10), 37 bins.
    assert.equal(h.bins.length, 37);
    assert.equal(h.bins[0].lo, 1e-4);
    assert.ok(Math.abs(h.bins.at(-1)!.hi - Math.pow(10, -0.3)) < 1e-12);
    assert.deepEqual(h.bins.map((b) => b.counts[0]), counted(h, values));
    // 0.001 is a whole decade: it opens its bin.
    assert.equal(h.bins.find((b) => b.lo === 0.001)?.counts[0], 2);
  });

  it('bins linearly, at a round step, when the values lie within a decade', () => {
    const values = Array.from({ length: 1000 }, (_, i) => 0.0009 + (i % 10) * 0.00002);
    const h = of(values);
    assert.equal(h.scale, 'linear');
    const widths = h.bins.map((b) => b.hi - b.lo);
    // A twentieth of 0.00018 is 0.000009: the round step at or above it is 0.00001.
    for (const w of widths) assert.ok(Math.abs(w - 1e-5) < 1e-15, `width ${w}`);
    assert.deepEqual(h.bins.map((b) => b.counts[0]), counted(h, values));
  });

  it('keeps at most MAX_BINS bins: fewer bins a decade, and past 40 decades a first bin open below', () => {
    const wide = of([1e-300, 1e-200, 1e-5, 0.5]);
    assert.equal(wide.bins.length, MAX_BINS);
    assert.equal(wide.bins[0].lo, 1e-300, 'the first bin starts at the smallest value');
    assert.equal(wide.bins[0].counts[0], 2);
    assert.deepEqual(wide.bins.map((b) => b.counts[0]), counted(wide, [1e-300, 1e-200, 1e-5, 0.5]));
    const twelve = of([1e-12, 0.5]);
    assert.ok(twelve.bins.length <= MAX_BINS);
    // 12 decades: 2 bins a decade (4 would make 47).
    assert.ok(Math.abs(twelve.bins[1].hi / twelve.bins[1].lo - Math.sqrt(10)) < 1e-9);
  });

  it('ends on values that agree to many digits, or are subnormal (the edges once stopped rising: an endless loop)', () => {
    for (const values of [[0.0100000000001, 0.0100000000002], [0.3, 0.3, 0.3], [0.01, 0.010000000000000002], [5e-324, 1e-323, 2e-323], [5e-324]]) {
      const h = of(values);
      assert.ok(h.bins.length >= 1 && h.bins.length <= MAX_BINS + 1, `${h.bins.length} bins for ${values.join(', ')}`);
      for (const bin of h.bins) assert.ok(bin.lo < bin.hi, `an empty bin [${bin.lo}, ${bin.hi}) for ${values.join(', ')}`);
      assert.deepEqual(h.bins.map((b) => b.counts[0]), counted(h, values));
      assert.equal(h.bins.reduce((a, b) => a + b.counts[0], 0), values.length);
    }
  });

  it('puts every positive value of every series in exactly one bin, and the counts sum to n (properties)', () => {
    // Near-equal values (a tiny span), and subnormal ones, beside the ordinary.
    const near = fc.integer({ min: 0, max: 1000 }).map((k) => 0.0123456789 + k * 1e-16);
    const probability = fc.oneof(fc.constant(0), fc.double({ min: 1e-30, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 0.02, noNaN: true }), near, fc.double({ min: 5e-324, max: 1e-310, noNaN: true }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(fc.array(probability, { minLength: n, maxLength: n }), fc.array(probability, { minLength: n, maxLength: n }))), ([p, q]) => {
        const h = of(p, q);
        assert.ok(h.bins.length <= MAX_BINS + 1);
        for (let k = 1; k < h.bins.length; k++) assert.equal(h.bins[k].lo, h.bins[k - 1].hi);
        for (const bin of h.bins) assert.ok(bin.lo < bin.hi);
        [p, q].forEach((values, s) => {
          assert.deepEqual(h.bins.map((b) => b.counts[s]), counted(h, values));
          assert.equal(h.bins.reduce((a, b) => a + b.counts[s], 0) + h.zeros[s], values.length);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a value’s bin by its edges', () => {
    const edges = [0.1, 0.2, 0.5, 1];
    assert.deepEqual([0.1, 0.19999, 0.2, 0.49, 0.5, 0.99].map((v) => binOf(edges, v)), [0, 0, 1, 1, 2, 2]);
  });
});
