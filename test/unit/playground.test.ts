// The visualizer's playground arithmetic (issue 13), in plain Node: temperature, dragged bars,
// label smoothing (against PyTorch's own numbers from test/fixtures/generate.py), writing the edited
// literal back, and the saved state. Expected values are computed here from the numbers, not taken
// from the code under test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateText, type Evaluation, type PairEvaluation } from '../../src/core/evaluate';
import { oneHotRows, smoothLabels } from '../../src/core/label-smoothing';
import { selectLoss } from '../../src/core/loss-select';
import { readLiteral } from '../../src/core/reader';
import { shapeOf } from '../../src/core/shape';
import { buildViewModel } from '../../src/shared/model/build';
import { applyEdits, baseOf, evaluationAt, temper } from '../../src/shared/model/playground';
import { editedLiteral } from '../../src/shared/model/literal-edit';
import { markdownAt } from '../../src/extension/visualizer/view-model-copy';
import { withEdit } from '../../src/shared/model/playground-edit';
import { curveSampler, curveTemperature, CURVE_STEPS } from '../../src/shared/model/temperature-curve';
import { IDENTITY, isPlaygroundState, NO_EDITS, type PlaygroundState } from '../../src/shared/playground';
import { isFromWebview, panelStateFrom } from '../../src/shared/protocol';

const OPTIONS = { unit: 'nats', as: 'auto', loss: 'auto' } as const;
const at = (temperature: number, edits = NO_EDITS, smoothing = 0): PlaygroundState => ({ temperature, smoothing, edits });

function pairOf(text: string): PairEvaluation {
  const evaluation = evaluateText(text, OPTIONS);
  assert.equal(evaluation.kind, 'pair');
  return evaluation;
}

function baseFor(evaluation: Evaluation) {
  const base = baseOf(evaluation);
  assert.ok(base, 'a playground base');
  return base;
}

/** A plain softmax(x / T), written out independently of the core. */
function softmaxOver(x: readonly number[], temperature: number): number[] {
  const scaled = x.map((v) => v / temperature);
  const max = Math.max(...scaled);
  const e = scaled.map((v) => Math.exp(v - max));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

function entropyOf(p: readonly number[]): number {
  return -p.reduce((acc, v) => acc + (v > 0 ? v * Math.log(v) : 0), 0);
}

function klOf(p: readonly number[], q: readonly number[]): number {
  return p.reduce((acc, v, i) => acc + (v > 0 ? v * Math.log(v / q[i]) : 0), 0);
}

function near(actual: number, expected: number, what: string, tolerance = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
}

describe('playground (issue 13)', () => {
  describe('temperature', () => {
    it('tempers logits as softmax(z / T) and probabilities as p^(1/T) renormalised, at both ends of the slider', () => {
      const z = [2, -1, 0.5, 3];
      const logits = evaluateText(`[${z.join(', ')}]`, OPTIONS);
      for (const t of [0.1, 0.5, 2, 10]) {
        const shown = evaluationAt(baseFor(logits), at(t));
        assert.equal(shown.kind, 'distribution');
        const expected = softmaxOver(z, t);
        if (shown.kind === 'distribution') {
          expected.forEach((v, i) => near(shown.p.p[i], v, `softmax(z/${t})[${i}]`));
          near(shown.entropy, entropyOf(expected), `H at T = ${t}`);
          // The perplexity the figures show follows too: e^H.
          near(shown.perplexity ?? Number.NaN, Math.exp(entropyOf(expected)), `perplexity at T = ${t}`);
        }
      }
      const p = [0.1, 0.2, 0.7];
      const probs = evaluateText(`[${p.join(', ')}]`, OPTIONS);
      const shown = evaluationAt(baseFor(probs), at(2));
      const powered = p.map((v) => Math.sqrt(v));
      const total = powered.reduce((a, b) => a + b, 0);
      if (shown.kind === 'distribution') powered.forEach((v, i) => near(shown.p.p[i], v / total, `p^(1/2)[${i}]`));
    });

    it('keeps a zero a zero and never gives NaN, even for logits of ±1000 at T = 0.1', () => {
      const withZero = temper({ p: Float64Array.from([0, 0.5, 0.5]), logP: Float64Array.from([-Infinity, Math.log(0.5), Math.log(0.5)]) }, 0.1);
      assert.equal(withZero.p[0], 0);
      assert.equal(withZero.logP[0], -Infinity);
      const extreme = evaluationAt(baseFor(evaluateText('[1000, -1000, 0]', OPTIONS)), at(0.1));
      assert.equal(extreme.kind, 'distribution');
      if (extreme.kind === 'distribution') {
        assert.ok([...extreme.p.p, ...extreme.p.logP, extreme.entropy].every((v) => !Number.isNaN(v)));
        assert.equal(extreme.p.p[0], 1);
        assert.equal(extreme.entropy, 0);
      }
    });

    it('draws the curve with the very figures the panel shows at each temperature, edits, zeros and ∞ included', () => {
      const evaluation = pairOf('{"p": [0.5, 0.3, 0.2, 0, 1e-9], "q": [0.1, 0.6, 0.1, 0.2, 0]}');
      const base = baseFor(evaluation);
      if (base.kind !== 'pair') return assert.fail('a pair');
      const edits = { p: withEdit(base.p, [], 1, 2, 0.4), q: [] };
      const sample = curveSampler(base, at(1, edits));
      for (const t of [0.1, 0.37, 1, 2.5, 10]) {
        const point = sample(t);
        const shown = evaluationAt(base, at(t, edits));
        if (shown.kind !== 'pair') return assert.fail('a pair');
        const figures = [shown.entropy, shown.entropyQ, shown.klPQ.value, shown.klQP.value];
        figures.forEach((figure, s) => {
          if (!Number.isFinite(figure)) assert.equal(point.values[s], figure, `series ${s} at T = ${t}`);
          else near(point.values[s], figure, `series ${s} at T = ${t}`, 1e-9);
        });
      }
    });

    it('computes the temperature curve at 41 temperatures from 0.1 to 10, both KL directions for a pair', () => {
      assert.equal(curveTemperature(0), 0.1);
      assert.equal(curveTemperature(CURVE_STEPS / 2), 1);
      near(curveTemperature(CURVE_STEPS), 10, 'the last temperature');
      const evaluation = pairOf('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}');
      const point = curveSampler(baseFor(evaluation), IDENTITY)(4);
      const p = [0.1, 0.2, 0.7].map(Math.log);
      const q = [0.3, 0.3, 0.4].map(Math.log);
      const pt = softmaxOver(p, 4);
      const qt = softmaxOver(q, 4);
      near(point.values[0], entropyOf(pt), 'H(P) at T = 4');
      near(point.values[2], klOf(pt, qt), 'D_KL(P‖Q) at T = 4');
      near(point.values[3], klOf(qt, pt), 'D_KL(Q‖P) at T = 4');
    });
  });

  describe('dragging a bar', () => {
    it('sets the probability and rescales the others in proportion (the sum stays 1)', () => {
      const evaluation = pairOf('{"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3, 0.4]}');
      const base = baseFor(evaluation);
      assert.equal(base.kind, 'pair');
      if (base.kind !== 'pair') return;
      const edits = withEdit(base.q, [], 1, 2, 0.1);
      const shown = evaluationAt(base, at(1, { p: [], q: edits }));
      assert.equal(shown.kind, 'pair');
      if (shown.kind !== 'pair') return;
      const q = [0.3 * 0.9 / 0.6, 0.3 * 0.9 / 0.6, 0.1];
      q.forEach((v, i) => near(shown.q.p[i], v, `q[${i}]`));
      near(shown.klPQ.value, klOf([0.1, 0.2, 0.7], q), 'D_KL(P‖Q) of the edited Q');
      near(shown.klQP.value, klOf(q, [0.1, 0.2, 0.7]), 'D_KL(Q‖P) of the edited Q');
      // H(P,Q) = H(P) + D_KL(P‖Q) on the edited numbers too.
      near(shown.crossEntropy.value, shown.entropy + shown.klPQ.value, 'the identity', 1e-14);
    });

    it('shows exactly the value dragged to at another temperature, the earlier edit rescaled with the rest', () => {
      const evaluation = pairOf('{"p": [0.1, 0.2, 0.3, 0.4], "q": [0.25, 0.25, 0.25, 0.25]}');
      const base = baseFor(evaluation);
      if (base.kind !== 'pair') return assert.fail('a pair');
      const first = withEdit(base.p, [], 2.5, 0, 0.4);
      const second = withEdit(base.p, first, 2.5, 3, 0.05);
      const shown = evaluationAt(base, at(2.5, { p: second, q: [] }));
      if (shown.kind !== 'pair') return assert.fail('a pair');
      near(shown.p.p[3], 0.05, 'the dragged element as shown', 1e-12);
      near([...shown.p.p].reduce((a, b) => a + b, 0), 1, 'the sum');
      // The other three keep their proportions to each other as shown at this temperature.
      const before = evaluationAt(base, at(2.5, { p: first, q: [] }));
      if (before.kind !== 'pair') return assert.fail('a pair');
      near(shown.p.p[0] / shown.p.p[1], before.p.p[0] / before.p.p[1], 'p0 : p1 kept');
    });

    it('hands the rest out evenly when the others held nothing (a one-hot vector dragged down)', () => {
      const d = applyEdits({ p: Float64Array.from([0, 0, 1]), logP: Float64Array.from([-Infinity, -Infinity, 0]) }, withEdit({ p: Float64Array.from([0, 0, 1]), logP: Float64Array.from([-Infinity, -Infinity, 0]) }, [], 1, 2, 0.6));
      assert.deepEqual([...d.p].map((v) => Number(v.toFixed(12))), [0.2, 0.2, 0.6]);
    });
  });

  describe('label smoothing', () => {
    const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as {
      labelSmoothing: { name: string; source: string; loss: 'cce' | 'bce'; epsilon: number; classes: number; targets: { kind: string; indices?: number[]; rows?: number[]; labels?: number[] }; logits: number[]; perSample: number[]; value: number }[];
    };

    it('has PyTorch fixtures to check against', () => {
      assert.ok(fixtures.labelSmoothing.length >= 10);
      assert.match(fixtures.labelSmoothing[0].source, /^torch /, 'the fixtures come from torch itself');
    });

    it('is (1 − ε)·y + ε/C, a one-hot row summing to 1 still', () => {
      const rows = smoothLabels(oneHotRows([2, 0], 3), 0.3, 3);
      const expected = [0.1, 0.1, 0.8, 0.8, 0.1, 0.1];
      expected.forEach((v, i) => near(rows[i], v, `row entry ${i}`, 1e-15));
    });

    for (const c of fixtures.labelSmoothing) {
      it(`matches ${c.source}: ${c.name}`, () => {
        const k = c.classes;
        const targets = c.targets.indices ?? c.targets.rows ?? c.targets.labels ?? [];
        const literal =
          c.loss === 'cce'
            ? `{"${c.targets.kind === 'indices' ? 'labels' : 'y'}": ${JSON.stringify(c.targets.kind === 'indices' ? targets : chunk(targets, k))}, "logits": ${JSON.stringify(chunk(c.logits, k))}}`
            : `{"y": ${JSON.stringify(targets)}, "logits": ${JSON.stringify(c.logits)}}`;
        const evaluation = evaluateText(literal, { ...OPTIONS, loss: c.loss });
        assert.equal(evaluation.kind, 'loss');
        const shown = evaluationAt(baseFor(evaluation), at(1, NO_EDITS, c.epsilon));
        if (shown.kind !== 'loss') return assert.fail('a loss');
        near(shown.value, c.value, 'mean loss', 1e-9);
        c.perSample.forEach((v, i) => near(shown.perSample[i], v, `sample ${i}`, 1e-9));
      });
    }

    it('shows smoothing as a note and a formula, and keeps the host’s two-class BCE equal to the CCE', () => {
      const evaluation = selectLoss(shapeOf(readLiteral('{"labels": [1, 0], "logits": [[0.2, 1.5], [2.0, -0.5]]}')) as never, { ...OPTIONS, loss: 'cce' });
      const base = baseFor(evaluation);
      const state = at(1, NO_EDITS, 0.2);
      const shown = evaluationAt(base, state);
      if (shown.kind !== 'loss') return assert.fail('a loss');
      near(shown.twoClassBce!, shown.value, 'two-class BCE with Keras smoothing = CCE with PyTorch smoothing', 1e-14);
      const model = buildViewModel(shown, { source: { fileName: 'a.py', line: 1, endLine: 1 }, precision: 6, view: 'loss', playground: { base, state } });
      assert.match(model.loss?.smoothing?.substituted ?? '', /1 \\mapsto 0\.9,\\quad 0 \\mapsto 0\.1/);
      assert.ok(model.notes.some((n) => n.startsWith('Targets smoothed as CrossEntropyLoss(label_smoothing=0.2)')), model.notes.join(' | '));
      assert.equal(model.figures[0].condition, 'ε = 0.2');
    });
  });

  describe('writing the literal back', () => {
    it('rewrites only the numbers that change, in the literal’s own syntax', () => {
      const text = 'np.array([[0.1, 0.2, 0.7],\n          [0.3, 0.3, 0.4]])  # P, Q';
      const evaluation = pairOf(text);
      const base = baseFor(evaluation);
      if (base.kind !== 'pair') return assert.fail('a pair');
      const state = at(1, { p: [], q: withEdit(base.q, [], 1, 2, 0.1) });
      const written = editedLiteral(text, evaluation, state);
      assert.equal(written, 'np.array([[0.1, 0.2, 0.7],\n          [0.45, 0.45, 0.1]])  # P, Q');
    });

    it('keeps logits nobody dragged exactly as written, and writes z / T at a temperature', () => {
      const text = '[2.0, -1.0, 0.5]';
      const evaluation = evaluateText(text, OPTIONS);
      const base = baseFor(evaluation);
      if (base.kind !== 'distribution') return assert.fail('a distribution');
      const dragged = editedLiteral(text, evaluation, at(1, { p: withEdit(base.p, [], 1, 1, 0.5), q: [] }));
      const [a, b, c] = JSON.parse(dragged) as number[];
      assert.equal(a, 2);
      assert.equal(c, 0.5);
      near(softmaxOver([a, b, c], 1)[1], 0.5, 'the dragged logit gives the dragged probability', 1e-11);
      assert.equal(editedLiteral(text, evaluation, at(2)), '[1, -0.5, 0.25]');
    });

    it('reads back as the distribution the panel showed (counts keep their total)', () => {
      const text = '[[3, 1, 6], [2, 2, 6]]';
      const evaluation = pairOf(text);
      const state = at(0.5);
      const written = editedLiteral(text, evaluation, state);
      const again = pairOf(written);
      const shown = evaluationAt(baseFor(evaluation), state) as PairEvaluation;
      [...shown.p.p].forEach((v, i) => near(again.p.p[i], v, `p[${i}]`, 1e-10));
      near((JSON.parse(written) as number[][])[0].reduce((x, y) => x + y, 0), 10, 'the total of the counts', 1e-10);
    });

    it('copies the figures at the page’s temperature, saying so', () => {
      const markdown = markdownAt(evaluateText('[0.1, 0.2, 0.7]', OPTIONS), at(10), 6);
      const h = entropyOf(softmaxOver([0.1, 0.2, 0.7].map(Math.log), 10));
      assert.match(markdown, new RegExp(`\\| H\\(P\\) \\| ${h.toPrecision(6)} \\|`));
      assert.match(markdown, /At temperature T = 10/);
    });
  });

  describe('the saved state and the messages', () => {
    const good = { version: 1, locked: false, view: 'figures' } as const;

    it('restores a state saved before the playground, and one with it', () => {
      assert.deepEqual(panelStateFrom(good), good);
      const withPlayground = { ...good, playground: { ...at(2.5, { p: [[1, 0.5]], q: [] }, 0), key: 'pair:3:abc' } };
      assert.deepEqual(panelStateFrom(withPlayground), withPlayground);
    });

    it('drops a malformed playground and keeps the rest; refuses a state malformed elsewhere', () => {
      for (const playground of [{ temperature: 50, smoothing: 0, edits: NO_EDITS, key: 'k' }, { temperature: 1, smoothing: 0, edits: { p: [[-1, 0.5]], q: [] }, key: 'k' }, 'garbage']) {
        assert.deepEqual(panelStateFrom({ ...good, playground }), good);
      }
      assert.equal(panelStateFrom({ ...good, view: 'nope', playground: { ...IDENTITY, key: 'k' } }), undefined);
      assert.equal(panelStateFrom({ version: 2, locked: false, view: 'figures' }), undefined);
    });

    it('accepts copy and apply messages only with a state in range', () => {
      assert.ok(isFromWebview({ type: 'applyLiteral', playground: at(10) }));
      assert.ok(!isFromWebview({ type: 'applyLiteral', playground: at(10.5) }));
      assert.ok(!isFromWebview({ type: 'copyLiteral' }));
      assert.ok(!isFromWebview({ type: 'copyMarkdown', playground: { temperature: 1, smoothing: 0.7, edits: NO_EDITS } }));
      assert.ok(!isPlaygroundState({ temperature: 1, smoothing: 0, edits: { p: [[0, 1.5]], q: [] } }));
    });
  });
});

function chunk(values: readonly number[], k: number): number[][] {
  return Array.from({ length: values.length / k }, (_, i) => values.slice(i * k, (i + 1) * k));
}
