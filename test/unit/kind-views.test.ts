// The visualizer's view models of issue 9's kinds (src/shared/model/joint.ts, sequence.ts, the pairs
// chart in build.ts), checked against the reference fixtures (scipy, scikit-learn, PyTorch;
// test/fixtures/generate_kinds.py): what the heatmap, the marginal bars and the surprisal bars draw
// gives back the reference figures.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateText, type EvaluateOptions, type Evaluation } from '../../src/core/evaluate';
import type { JointEvaluation } from '../../src/core/joint';
import type { SequenceEvaluation } from '../../src/core/sequence';
import { MAX_BARS } from '../../src/shared/model/bars';
import { buildViewModel } from '../../src/shared/model/build';
import { JOINT_MAX_SIDE, jointView } from '../../src/shared/model/joint';
import { SEQUENCE_MAX_BARS, sequenceView, visible } from '../../src/shared/model/sequence';
import type { ValueView, ViewModel } from '../../src/shared/view-model';
import { fromWire } from '../../src/shared/wire';
import { close, type Num } from './kinds-reference';

const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as {
  joint: { name: string; table: number[][]; jointEntropy: Num; entropyX: Num; entropyY: Num }[];
  sequence: { name: string; logprobs: number[]; meanSurprisal: Num; perplexity: Num }[];
  pairsBatch: { name: string; p: number[][]; q: number[][]; rows: Record<string, Num>[] }[];
};

const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };
const fmt = (x: number) => String(Number(x.toPrecision(6)));

function model(evaluation: Evaluation): ViewModel {
  return buildViewModel(evaluation, { source: { fileName: 'x.py', line: 1, endLine: 1 }, precision: 6, view: 'figures' });
}

const values = (views: readonly ValueView[]) => views.map((v) => fromWire(v.value));

/** −Σ p ln p, 0 ln 0 = 0. */
function entropy(ps: readonly number[]): number {
  return -ps.reduce((acc, p) => (p > 0 ? acc + p * Math.log(p) : acc), 0);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('the visualizer’s joint heatmap (issue 9 item 5)', () => {
  for (const c of fixtures.joint) {
    it(`${c.name}: cells sum to 1 and the marginals are their sums${c.table.length <= JOINT_MAX_SIDE && c.table[0].length <= JOINT_MAX_SIDE ? '; their entropies are scipy’s' : ', folded'}`, () => {
      const evaluation = evaluateText(JSON.stringify({ joint: c.table }), nats) as JointEvaluation;
      const joint = model(evaluation).joint!;
      const rows = joint.rowLabels.length;
      const columns = joint.columnLabels.length;
      const cells = values(joint.cells);
      assert.equal(cells.length, rows * columns);
      assert.ok(Math.abs(sum(cells) - 1) <= 1e-12);
      for (let r = 0; r < rows; r++) assert.ok(Math.abs(values(joint.marginalX)[r] - sum(cells.slice(r * columns, (r + 1) * columns))) <= 1e-15);
      for (let k = 0; k < columns; k++) assert.ok(Math.abs(values(joint.marginalY)[k] - sum(cells.filter((_, i) => i % columns === k))) <= 1e-15);
      // The strongest shade is the largest cell not folded (a folded cell sums many).
      const folded = (k: number) => (joint.rowFolded && Math.floor(k / columns) === rows - 1) || (joint.columnFolded && k % columns === columns - 1);
      assert.equal(joint.max, Math.max(...cells.filter((_, k) => !folded(k))));
      if (c.table.length <= JOINT_MAX_SIDE && c.table[0].length <= JOINT_MAX_SIDE) {
        // Drawn whole: the cells are the table, and the bars' entropies are the reference H(X), H(Y), H(X,Y).
        assert.equal(rows, c.table.length);
        close(entropy(values(joint.marginalX)), c.entropyX, 'H of the p(x) bars');
        close(entropy(values(joint.marginalY)), c.entropyY, 'H of the p(y) bars');
        close(entropy(cells), c.jointEntropy, 'H of the cells');
        assert.equal(joint.rowFolded || joint.columnFolded, false);
      } else {
        assert.ok(rows <= JOINT_MAX_SIDE && columns <= JOINT_MAX_SIDE);
        assert.equal(joint.rowFolded, c.table.length > JOINT_MAX_SIDE);
        // A kept row is the literal's own row: its p(x) is the core's.
        const kept = joint.rowLabels.slice(0, -1).map(Number);
        kept.forEach((i, r) => assert.ok(Math.abs(values(joint.marginalX)[r] - evaluation.marginalX[i]) <= 1e-15, `row ${i}`));
        // The rows kept are those of largest p(x): none folded is larger than one kept.
        const smallestKept = Math.min(...kept.map((i) => evaluation.marginalX[i]));
        for (let i = 0; i < evaluation.rows; i++) if (!kept.includes(i)) assert.ok(evaluation.marginalX[i] <= smallestKept);
        assert.match(joint.caption, /The table is large: the 23 rows of largest p\(x\) are shown and the other 27 summed into the last/);
      }
    });
  }

  it('folds a 30 × 3 table to 24 rows (the last "the other 7") and keeps its 3 columns', () => {
    const table = Array.from({ length: 30 }, (_, i) => [i + 1, 2 * i + 1, 1]);
    const evaluation = evaluateText(JSON.stringify({ joint: table }), nats) as JointEvaluation;
    const joint = jointView(evaluation, fmt);
    assert.equal(joint.rowLabels.length, JOINT_MAX_SIDE);
    assert.equal(joint.rowLabels.at(-1), 'the other 7');
    // The rows of largest p(x) are the last ones; the first seven are folded.
    assert.deepEqual(joint.rowLabels.slice(0, 3), ['7', '8', '9']);
    assert.deepEqual(joint.columnLabels, ['0', '1', '2']);
    const total = sum(table.flat());
    const folded = sum(table.slice(0, 7).flat()) / total;
    assert.ok(Math.abs(fromWire(joint.marginalX.at(-1)!.value) - folded) <= 1e-15);
    assert.equal(joint.rowsTotal, 30);
    assert.equal(joint.columnsTotal, 3);
  });
});

describe('the visualizer’s per-token surprisal chart (issue 9 item 6)', () => {
  for (const c of fixtures.sequence) {
    it(`${c.name}: the bars average to the reference surprisal per token; the perplexity is PyTorch’s`, () => {
      const evaluation = evaluateText(JSON.stringify({ logprobs: c.logprobs }), { ...nats, unit: 'bits' }) as SequenceEvaluation;
      const sequence = model(evaluation).sequence!;
      assert.ok(sequence.bars.length <= SEQUENCE_MAX_BARS);
      const bars = sequence.bars.map((bar) => fromWire(bar.surprisal.value));
      if (!sequence.runs) bars.forEach((s, i) => assert.equal(s, -c.logprobs[i] / Math.LN2, `token ${i}`));
      // Each run's bar is its mean: weighted by its length, the bars give the mean per token.
      const weighted = sum(sequence.bars.map((bar, k) => bars[k] * (bar.to - bar.from + 1))) / c.logprobs.length;
      close(weighted * Math.LN2, c.meanSurprisal, 'mean of the bars, in nats');
      close(fromWire(sequence.mean.value) * Math.LN2, c.meanSurprisal, 'the mean line');
      close(fromWire(sequence.perplexity.value), c.perplexity, 'perplexity');
      assert.equal(sequence.bars.at(-1)!.to, c.logprobs.length - 1);
    });
  }

  it('a long text is runs of consecutive tokens, in order, the last run shorter', () => {
    const logprobs = Array.from({ length: 1001 }, (_, i) => -((i % 13) + 1) / 7);
    const sequence = sequenceView(evaluateText(JSON.stringify({ logprobs }), nats) as SequenceEvaluation, fmt);
    assert.equal(sequence.runs, true);
    assert.equal(sequence.bars.length, Math.ceil(1001 / 6));
    assert.deepEqual([sequence.bars[0].from, sequence.bars[0].to, sequence.bars[1].from], [0, 5, 6]);
    assert.equal(sequence.bars[0].label, 'tokens 0–5');
    assert.deepEqual(
      sequence.bars.slice(0, 3).map((bar) => bar.shown),
      ['0', '6', '12'],
    );
    assert.equal(sequence.bars.at(-1)!.from, 996);
    assert.equal(fromWire(sequence.bars[0].surprisal.value), sum(logprobs.slice(0, 6).map((x) => -x)) / 6);
    assert.match(sequence.caption, /each bar is the mean of 6 consecutive tokens \(the last of 5\)/);
  });

  it('keeps the tokens’ text as written, and shows their whitespace', () => {
    const tokens = [' the', '\n', '\t', '', 'a b'];
    const literal = JSON.stringify(tokens.map((token, i) => ({ token, logprob: -0.1 * (i + 1) })));
    const sequence = model(evaluateText(literal, nats)).sequence!;
    assert.deepEqual(
      sequence.bars.map((bar) => bar.label),
      tokens,
    );
    assert.deepEqual(
      sequence.bars.map((bar) => bar.shown),
      ['␣the', '⏎', '⇥', '∅', 'a␣b'],
    );
    assert.equal(visible('x\r\ny'), 'x⏎y');
    assert.equal(sequence.bars[2].logprob?.display, '-0.3');
  });

  it('an infinite surprisal travels as "Infinity"', () => {
    const sequence = model(evaluateText('{"logprobs": [-1, -Infinity]}', nats)).sequence!;
    assert.equal(sequence.bars[1].surprisal.value, 'Infinity');
    assert.equal(sequence.mean.value, 'Infinity');
  });
});

describe('the visualizer’s per-row KL chart of a batch of pairs (issue 9 item 4)', () => {
  for (const c of fixtures.pairsBatch) {
    it(`${c.name}: each row’s two bars are PyTorch’s and scipy’s D_KL(P‖Q) and D_KL(Q‖P)`, () => {
      const chart = model(evaluateText(JSON.stringify({ p: c.p, q: c.q }), nats)).bars[0];
      assert.equal(chart.id, 'pairs-kl');
      assert.deepEqual(chart.series, ['D_KL(P‖Q)', 'D_KL(Q‖P)']);
      assert.equal(chart.total, c.p.length);
      for (const row of chart.rows) {
        if (row.other) continue;
        close(fromWire(row.values[0]), c.rows[row.index!].klPQ, `row ${row.index} klPQ`);
        close(fromWire(row.values[1]), c.rows[row.index!].klQP, `row ${row.index} klQP`);
      }
      assert.match(chart.caption, /kl_div\(input=log q, target=p, reduction='batchmean'\)/);
    });
  }

  it('more rows than bars: the rows of largest divergence, the rest averaged', () => {
    const p = Array.from({ length: 40 }, (_, i) => [0.5 + i / 100, 0.5 - i / 100]);
    const q = p.map(() => [0.5, 0.5]);
    const chart = model(evaluateText(JSON.stringify({ p, q }), nats)).bars[0];
    assert.equal(chart.rows.length, MAX_BARS);
    assert.equal(chart.rows.at(-1)!.label, 'the other 9 (mean)');
    assert.deepEqual(
      chart.rows.slice(0, 2).map((row) => row.index),
      [9, 10],
    );
    assert.ok(fromWire(chart.rows.at(-1)!.values[0]) < fromWire(chart.rows[0].values[0]));
  });
});
