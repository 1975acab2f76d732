import * as assert from 'node:assert/strict';
import { evaluateText, type Evaluation } from '../../src/core/evaluate';
import { buildViewModel } from '../../src/shared/model/build';
import { MAX_BARS, topIndices } from '../../src/shared/model/bars';
import type { BarChart, ViewModel } from '../../src/shared/view-model';
import { fromWire } from '../../src/shared/wire';

// The view model the panel is sent, built in plain Node (the builder uses no vscode API). Expected
// values are computed here from the literal's numbers, not taken from the core.

const SOURCE = { fileName: 'example.py', line: 1, endLine: 1 };

function modelOf(text: string, view: 'figures' | 'loss' = 'figures'): ViewModel {
  const evaluation: Evaluation = evaluateText(text, { unit: 'nats', as: 'auto', loss: 'auto' });
  return buildViewModel(evaluation, { source: SOURCE, precision: 6, view });
}

function chart(model: ViewModel, id: string): BarChart {
  const found = model.bars.find((bar) => bar.id === id) ?? model.loss?.perSample;
  assert.ok(found && found.id === id, `no chart ${id}`);
  return found;
}

/** Indices of the k largest scores, ties to the lower index: a sort, not the builder's buffer. */
function largest(scores: readonly number[], k: number): number[] {
  return scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, k)
    .map((e) => e.i)
    .sort((a, b) => a - b);
}

function assertClose(actual: number, expected: number, what: string): void {
  assert.ok(Number.isFinite(expected), `${what}: expected ${expected}`);
  assert.ok(Math.abs(actual - expected) <= 1e-13 * Math.abs(expected), `${what}: ${actual} ≠ ${expected}`);
}

describe('view model', () => {
  describe('the folded "the other N" bar (issue 8 drift: ∞ − ∞ drew it as NaN)', () => {
    // 40 elements; Q is positive at five of them and 0 at the other 35, where P is positive: 35
    // KL(P‖Q) terms are +∞. The 31 kept bars are 31 of those; the other 9 hold four +∞ terms and
    // the five finite ones.
    const n = 40;
    const qAt = new Map([[3, 0.1], [11, 0.2], [19, 0.3], [27, 0.15], [39, 0.25]]);
    const weights = Array.from({ length: n }, (_, i) => i + 1);
    const total = weights.reduce((a, b) => a + b, 0);
    const p = weights.map((w) => w / total);
    const qMass = [...qAt.values()].reduce((a, b) => a + b, 0);
    const q = p.map((_, i) => (qAt.get(i) ?? 0) / qMass);
    const model = modelOf(`[[${weights.join(', ')}], [${q.map((_, i) => qAt.get(i) ?? 0).join(', ')}]]`);

    it('draws D_KL(P‖Q) of the other 9 as +∞ and D_KL(Q‖P) of them as the sum of their terms', () => {
      const kl = chart(model, 'kl');
      assert.equal(kl.rows.length, MAX_BARS);
      const folded = kl.rows[MAX_BARS - 1];
      assert.equal(folded.other, true);
      assert.equal(folded.label, 'the other 9');
      const klPQ = p.map((pi, i) => (q[i] === 0 ? Number.POSITIVE_INFINITY : pi * Math.log(pi / q[i])));
      const klQP = q.map((qi, i) => (qi === 0 ? 0 : qi * Math.log(qi / p[i])));
      const kept = largest(klPQ.map((t, i) => Math.max(Math.abs(t), Math.abs(klQP[i]))), MAX_BARS - 1);
      assert.deepEqual(kl.rows.slice(0, -1).map((r) => Number(r.label)), kept);
      const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !kept.includes(i));
      assert.equal(rest.filter((i) => q[i] === 0).length, 4, 'four infinite terms are folded');
      const expectedQP = rest.reduce((acc, i) => acc + klQP[i], 0);

      assert.deepEqual(folded.values[0], 'Infinity');
      assert.equal(folded.displays[0], '∞');
      assertClose(fromWire(folded.values[1]), expectedQP, 'D_KL(Q‖P) of the other 9');
      assert.ok(!folded.displays.includes('NaN'));
    });

    it('sums P and Q of the folded elements in the P/Q chart', () => {
      const pq = chart(model, 'pq');
      const kept = largest(p.map((pi, i) => Math.max(pi, q[i])), MAX_BARS - 1);
      assert.deepEqual(pq.rows.slice(0, -1).map((r) => Number(r.label)), kept);
      const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !kept.includes(i));
      const folded = pq.rows[MAX_BARS - 1];
      assertClose(fromWire(folded.values[0]), rest.reduce((acc, i) => acc + p[i], 0), 'P of the other 9');
      // Q's whole mass is in the kept bars (its five elements are the largest), so the rest is 0.
      assert.equal(fromWire(folded.values[1]), rest.reduce((acc, i) => acc + q[i], 0));
    });
  });

  describe('a folded mean of per-sample losses', () => {
    const n = 40;
    // Targets all 1: each sample's BCE is −ln p; p = 0 at samples 0–34 makes their loss +∞.
    const predictions = Array.from({ length: n }, (_, i) => (i < 35 ? 0 : (i - 30) / 10));
    const text = `{"y": [${Array(n).fill(1).join(', ')}], "p": [${predictions.join(', ')}]}`;

    it('is +∞ when an infinite loss is among the folded samples, never NaN', () => {
      const perSample = chart(modelOf(text, 'loss'), 'perSample');
      const folded = perSample.rows[MAX_BARS - 1];
      assert.equal(folded.label, 'the other 9 (mean)');
      assert.deepEqual(folded.values, ['Infinity']);
    });

    it('is the mean of the folded samples when they are finite', () => {
      const finite = Array.from({ length: n }, (_, i) => (i + 1) / (n + 1));
      const perSample = chart(modelOf(`{"y": [${Array(n).fill(1).join(', ')}], "p": [${finite.join(', ')}]}`, 'loss'), 'perSample');
      // The largest losses are the smallest probabilities: samples 0–30 are kept, 31–39 folded.
      const rest = finite.slice(MAX_BARS - 1);
      const expected = rest.reduce((acc, x) => acc - Math.log(x), 0) / rest.length;
      assertClose(fromWire(perSample.rows[MAX_BARS - 1].values[0]), expected, 'mean loss of the other 9');
    });
  });

  it('keeps a vector of MAX_BARS elements whole, with no folded bar', () => {
    const weights = Array.from({ length: MAX_BARS }, (_, i) => i + 1);
    const bars = chart(modelOf(`[${weights.join(', ')}]`), 'pq');
    assert.equal(bars.rows.length, MAX_BARS);
    assert.ok(bars.rows.every((row) => !row.other));
  });

  it('picks the largest scores, infinite first and ties to the lower index', () => {
    const scores = [1, Number.POSITIVE_INFINITY, 3, Number.NaN, 3, Number.POSITIVE_INFINITY, 2];
    assert.deepEqual(topIndices(scores.length, 3, (i) => scores[i]), [1, 2, 5]);
    assert.deepEqual(topIndices(scores.length, 4, (i) => scores[i]), [1, 2, 4, 5]);
  });

  it('says why a literal without a loss has none in the loss view', () => {
    assert.match(modelOf('[0.2, 0.8]', 'loss').lossUnavailable ?? '', /not targets with predictions/);
    assert.equal(modelOf('[0.2, 0.8]', 'figures').lossUnavailable, undefined);
  });
});
