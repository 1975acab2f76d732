// Batches of pairs (issue 9 item 4): {"p": [[…],[…]], "q": [[…],[…]]} against scipy per row and
// PyTorch's kl_div(…, reduction='batchmean') for the means (test/fixtures/generate_kinds.py).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LiteralError } from '../../src/core/errors';
import { evaluateText, type EvaluateOptions, type PairsEvaluation } from '../../src/core/evaluate';
import { figuresOf, headlineFigure } from '../../src/core/figures';
import { toJson, toText } from '../../src/core/format';
import { close, num, type Num } from './kinds-reference';

const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as {
  pairsBatch: {
    name: string;
    p: number[][];
    q: number[][];
    logits: boolean;
    rows: Record<string, Num>[];
    mean: Record<string, Num>;
    torchKlPQ: Num;
    torchKlQP: Num;
    source: string;
  }[];
};

const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };

function pairs(text: string, options: Partial<EvaluateOptions> = {}): PairsEvaluation {
  const result = evaluateText(text, { ...nats, ...options });
  assert.equal(result.kind, 'pairs', text);
  return result;
}

const KEYS = ['entropy', 'entropyQ', 'crossEntropy', 'klPQ', 'klQP', 'jsDivergence'] as const;

describe('batches of pairs (issue 9 item 4)', () => {
  it('has reference cases computed by PyTorch', () => {
    assert.ok(fixtures.pairsBatch.length >= 5);
    assert.match(fixtures.pairsBatch[0].source, /^torch /, 'regenerate with an interpreter that has torch (see generate_kinds.py)');
  });

  describe('against scipy per row and torch kl_div(reduction="batchmean")', () => {
    for (const c of fixtures.pairsBatch) {
      it(c.name, () => {
        const result = pairs(JSON.stringify({ p: c.p, q: c.q }));
        const json = toJson(result) as Record<string, unknown> & { rows: Record<string, number | string>[] };
        assert.equal(result.rows.length, c.p.length);
        c.rows.forEach((expected, i) => {
          for (const key of KEYS) close(num(json.rows[i][key] as Num), expected[key], `row ${i} ${key}`);
        });
        for (const key of KEYS) close(num(json[key] as Num), c.mean[key], `mean ${key}`);
        close(result.klPQ.value, c.torchKlPQ, "torch kl_div(log Q, P, reduction='batchmean')");
        close(result.klQP.value, c.torchKlQP, "torch kl_div(log P, Q, reduction='batchmean')");
        if (c.logits) assert.equal(result.interpretation, 'logits');
        else assert.ok(['probs', 'counts'].includes(result.interpretation), result.interpretation);
      });
    }
  });

  it('gives --json exactly the documented keys, and each row the pair keys', () => {
    const json = toJson(pairs('{"p": [[0.5, 0.5], [0.9, 0.1]], "q": [[0.9, 0.1], [0.5, 0.5]]}'));
    assert.deepEqual(Object.keys(json), ['kind', 'unit', 'interpretation', 'rows', ...KEYS, 'notes', 'warnings']);
    assert.deepEqual(Object.keys((json.rows as object[])[0]), [...KEYS]);
  });

  it('names the first infinite row, and the mean is infinite (never NaN)', () => {
    const result = pairs('{"p": [[0.5, 0.5], [0.3, 0.7], [0.2, 0.8]], "q": [[0.4, 0.6], [1, 0], [0.5, 0.5]]}');
    assert.equal(result.klPQ.value, Infinity);
    assert.equal(result.klPQ.infiniteAt, 1);
    assert.ok(Number.isFinite(result.klQP.value));
    assert.ok(result.warnings.some((w) => /^row 1: D_KL\(P‖Q\) and H\(P,Q\) are infinite: Q is 0 at element 1/.test(w)), result.warnings.join('\n'));
    assert.match(toText(result), /mean D_KL\(P‖Q\)\s+∞ nats {2}\(at row 1\)/);
  });

  it("says that the mean KL is PyTorch's batchmean, with its argument order", () => {
    const result = pairs('{"p": [[0.5, 0.5], [0.9, 0.1]], "q": [[0.9, 0.1], [0.5, 0.5]]}');
    assert.ok(result.notes.some((n) => n.includes("kl_div(input=log Q, target=P, reduction='batchmean')") && n.includes('D_KL(P‖Q)')));
  });

  it('reads the whole batch one way: one negative value makes every row of that side logits', () => {
    // Row 0 of P alone would be probabilities; row 1's −1 makes the batch logits.
    const result = pairs('{"p": [[0.5, 0.5], [-1, 2]], "q": [[0.2, 0.8], [0.3, 0.7]]}');
    assert.equal(result.interpretation, 'logits');
    assert.equal(result.interpretationQ, 'probs');
    // softmax([0.5, 0.5]) is uniform: H = ln 2 in row 0.
    close(result.rows[0].entropy, Math.LN2, 'row 0 read as logits');
    assert.ok(result.notes.some((n) => /^P: element 0 of row 1 is negative \(-1\), so every row was read as logits/.test(n)));
  });

  it('float noise just below 0 is not a negative value: the batch stays probabilities, and the noise is named', () => {
    const result = pairs('{"p": [[0.3, 0.7, -1e-17], [0.5, 0.5, 0]], "q": [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]]}');
    assert.equal(result.interpretation, 'probs');
    close(result.rows[0].entropy, -(0.3 * Math.log(0.3) + 0.7 * Math.log(0.7)), 'row 0 read with the noise as 0');
    assert.ok(result.warnings.some((w) => w.startsWith('P row 0: read as 0: element 2 (-1e-17)')), result.warnings.join('\n'));
  });

  it('refuses P and Q of different shapes, pointing at Q', () => {
    const text = '{"p": [[0.5, 0.5], [0.9, 0.1]], "q": [[0.9, 0.1], [0.5, 0.5], [0.2, 0.8]]}';
    assert.throws(
      () => evaluateText(text, nats),
      (error: unknown) => error instanceof LiteralError && error.code === 'length-mismatch' && /P is 2×2 but Q is 3×2/.test(error.message) && text.slice(error.range.start).startsWith('[[0.9, 0.1], [0.5'),
    );
  });

  it('refuses rows of P against one vector Q, naming both keys', () => {
    const text = '{"p": [[0.5, 0.5], [0.9, 0.1]], "q": [0.9, 0.1]}';
    assert.throws(
      () => evaluateText(text, nats),
      (error: unknown) => error instanceof LiteralError && error.code === 'shape' && /"p" has 2 rows but "q" is one vector/.test(error.message),
    );
  });

  it('puts the mean D_KL(P‖Q) first, the headline the status bar shows', () => {
    const result = pairs('{"p": [[0.5, 0.5], [0.9, 0.1]], "q": [[0.9, 0.1], [0.5, 0.5]]}', { unit: 'bits' });
    const headline = headlineFigure(result);
    assert.equal(headline.key, 'klPQ');
    assert.equal(headline.label, 'mean D_KL(P‖Q)');
    assert.equal(headline.value, result.klPQ.value);
    assert.deepEqual(
      figuresOf(result).map((f) => f.key),
      ['klPQ', 'klQP', 'jsDivergence', 'crossEntropy', 'entropy', 'entropyQ'],
    );
  });

  describe('properties', () => {
    const row = (k: number) => fc.array(fc.double({ min: 1e-3, max: 10, noNaN: true }), { minLength: k, maxLength: k });
    // Two columns or more: an n×1 column is one vector (numpy's squeeze), so two of them are a pair.
    const batch = fc.integer({ min: 2, max: 6 }).chain((k) => fc.tuple(fc.array(row(k), { minLength: 2, maxLength: 8 }), fc.array(row(k), { minLength: 2, maxLength: 8 })));

    it('each top-level figure is the mean of the rows’ figures; each row is the pair of its rows', () => {
      fc.assert(
        fc.property(batch, ([p, q]) => {
          const n = Math.min(p.length, q.length);
          const [ps, qs] = [p.slice(0, n), q.slice(0, n)];
          const result = pairs(JSON.stringify({ p: ps, q: qs }));
          for (const key of KEYS) {
            const values = result.rows.map((r) => (typeof r[key] === 'number' ? r[key] : r[key].value));
            const mean = values.reduce((a, b) => a + b, 0) / n;
            const top = typeof result[key] === 'number' ? result[key] : result[key].value;
            close(top, mean, key);
          }
          const single = evaluateText(JSON.stringify({ p: ps[0], q: qs[0] }), nats);
          assert.equal(single.kind, 'pair');
          if (single.kind === 'pair') close(result.rows[0].klPQ.value, single.klPQ.value, 'row 0 = the pair of row 0');
        }),
        { numRuns: 150 },
      );
    });
  });
});
