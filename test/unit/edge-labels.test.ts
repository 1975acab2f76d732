import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { histogram } from '../../src/shared/model/histogram';
import { edgeLabels, formatEdge } from '../../src/webview/edge-labels';

// The histogram's printed edges (src/webview/edge-labels.ts): neighbouring edges never print alike,
// whatever the spread of the values, and each label reads nearer its own edge than its neighbours'.

/** The edges of the histogram the panel draws for `values`. */
function edgesOf(values: readonly number[]): number[] {
  const h = histogram({ id: 'h', title: 'h', series: ['P'], n: values.length, value: (i) => values[i] });
  return h.bins.length === 0 ? [] : [h.bins[0].lo, ...h.bins.map((b) => b.hi)];
}

const parse = (label: string) => Number(label.replace('e−', 'e-'));

/** Every neighbouring pair printed differently, and each label within half its nearer gap of its value. */
function assertReadable(edges: readonly number[], labels: readonly string[]): void {
  assert.equal(labels.length, edges.length);
  for (let i = 0; i + 1 < labels.length; i++) assert.notEqual(labels[i], labels[i + 1], `edges ${edges[i]} and ${edges[i + 1]} both print ${labels[i]}`);
  edges.forEach((e, i) => {
    const gap = Math.min(i > 0 ? e - edges[i - 1] : Infinity, i + 1 < edges.length ? edges[i + 1] - e : Infinity);
    assert.ok(Math.abs(parse(labels[i]) - e) <= gap / 2, `${labels[i]} for ${e} (gap ${gap})`);
  });
}

/** A seeded generator, so the vector is the same each run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('histogram edge labels', () => {
  it('1,000 counts from 1000…1049 (a 5 % spread): three digits collapse neighbours, the labels do not', () => {
    const random = lcg(7);
    const counts = Array.from({ length: 1000 }, () => 1000 + Math.floor(random() * 50));
    const total = counts.reduce((a, b) => a + b, 0);
    const edges = edgesOf(counts.map((c) => c / total));
    assert.ok(edges.length > 10);
    // The defect: at three significant digits some neighbouring edges read the same.
    const three = edges.map((e) => formatEdge(e, 3));
    assert.ok(three.some((label, i) => i > 0 && label === three[i - 1]), three.join(' '));
    const labels = edgeLabels(edges);
    assertReadable(edges, labels);
    // The linear edges sit at a round step: each prints exactly, none with more than five digits.
    assert.deepEqual(labels.map(parse), edges);
    assert.ok(labels.every((label) => label.replace(/^0\.0*/, '').length <= 5), labels.join(' '));
  });

  it('edges a tenth of a decade apart keep three digits', () => {
    const values = Array.from({ length: 300 }, (_, i) => 10 ** (-4 + (3 * i) / 300));
    const edges = edgesOf(values);
    assert.equal(edges.length, 31);
    assert.deepEqual(edgeLabels(edges), edges.map((e) => formatEdge(e, 3)));
    assertReadable(edges, edgeLabels(edges));
  });

  it('round axis ticks close together print apart: 0.00098, 0.000985, 0.00099…', () => {
    const ticks = [0.00098, 0.000985, 0.00099, 0.000995, 0.001, 0.001005, 0.00101];
    assert.deepEqual(edgeLabels(ticks), ['0.00098', '0.000985', '0.00099', '0.000995', '0.001', '0.001005', '0.00101']);
  });

  it('near-uniform vectors of any scale and spread: neighbouring edges always print apart', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -320, max: 0, noNaN: true }),
        fc.double({ min: -16, max: -0.3, noNaN: true }),
        fc.integer({ min: 257, max: 600 }),
        fc.integer(),
        (exponent, spreadExponent, n, seed) => {
          const random = lcg(seed);
          const base = 10 ** exponent;
          const values = Array.from({ length: n }, () => base * (1 + 10 ** spreadExponent * random()));
          const edges = edgesOf(values);
          assertReadable(edges, edgeLabels(edges));
        },
      ),
      { numRuns: 300 },
    );
  });
});
