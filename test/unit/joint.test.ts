// Joint tables (issue 9 item 5): {"joint": [[…]]} or --as joint, against scipy's entropies and
// scikit-learn's mutual_info_score(contingency=…) (test/fixtures/generate_kinds.py).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LiteralError, type LiteralErrorCode } from '../../src/core/errors';
import { evaluateText, type EvaluateOptions, type JointEvaluation } from '../../src/core/evaluate';
import { headlineFigure } from '../../src/core/figures';
import { toJson } from '../../src/core/format';
import { formulasOf } from '../../src/core/tex';
import { parseArguments, UsageError } from '../../src/cli/args';
import { close, type Num } from './kinds-reference';

const FIGURES = ['jointEntropy', 'entropyX', 'entropyY', 'conditionalEntropyXGivenY', 'conditionalEntropyYGivenX', 'mutualInformation'] as const;

const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as {
  joint: ({ name: string; table: number[][]; sklearn: boolean; mutualInformationScipy: Num; mutualInformationFrom: string; source: string } & Record<(typeof FIGURES)[number], Num>)[];
};

const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };

function joint(text: string, options: Partial<EvaluateOptions> = {}): JointEvaluation {
  const result = evaluateText(text, { ...nats, ...options });
  assert.equal(result.kind, 'joint', text);
  return result;
}

function assertFails(text: string, code: LiteralErrorCode, at: string, message: RegExp, options: Partial<EvaluateOptions> = {}): void {
  assert.throws(
    () => evaluateText(text, { ...nats, ...options }),
    (error: unknown) => {
      assert.ok(error instanceof LiteralError, String(error));
      assert.equal(error.code, code, error.message);
      assert.equal(text.slice(error.range.start, error.range.end), at, error.message);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('joint tables (issue 9 item 5)', () => {
  it('has reference cases, the mutual information of integer tables from scikit-learn', () => {
    assert.ok(fixtures.joint.length >= 8);
    assert.match(fixtures.joint[0].source, /scikit-learn/, 'regenerate with an interpreter that has scikit-learn (see generate_kinds.py)');
    assert.ok(fixtures.joint.filter((c) => c.mutualInformationFrom === 'sklearn').length >= 5);
  });

  describe('against scipy.stats.entropy and sklearn mutual_info_score(contingency=…)', () => {
    for (const c of fixtures.joint) {
      it(c.name, () => {
        for (const unit of ['nats', 'bits'] as const) {
          const result = joint(JSON.stringify({ joint: c.table }), { unit });
          const scale = unit === 'bits' ? Math.LN2 : 1;
          for (const key of FIGURES) close(result[key] * scale, c[key], `${key} in ${unit}`);
          close(result.mutualInformation * scale, c.mutualInformationScipy, 'MI as D_KL(P_XY ‖ P_X P_Y)');
        }
        // --as joint reads the bare table the same way.
        const bare = joint(JSON.stringify(c.table), { joint: true });
        close(bare.mutualInformation, c.mutualInformation, '--as joint');
      });
    }
  });

  it('gives --json exactly the documented keys', () => {
    const json = toJson(joint('{"joint": [[10, 2], [3, 5]]}'));
    assert.deepEqual(Object.keys(json), ['kind', 'unit', 'interpretation', ...FIGURES, 'notes', 'warnings']);
    assert.equal(json.interpretation, 'counts');
    assert.deepEqual(json.warnings, ['normalised: the values summed to 20']);
  });

  it('reads probabilities summing to 1 as probabilities, and says which axis is X', () => {
    const result = joint('{"joint": [[0.1, 0.2, 0.05], [0.3, 0.15, 0.2]]}');
    assert.equal(result.interpretation, 'probs');
    assert.deepEqual(result.warnings, []);
    assert.ok(result.notes.includes('X indexes the 2 rows and Y the 3 columns.'));
    assert.deepEqual(Array.from(result.marginalX, (x) => Math.round(x * 1e12) / 1e12), [0.35, 0.65]);
  });

  it('shows the mutual information as the headline figure (status bar) and as the first formula', () => {
    const result = joint('{"joint": [[10, 2], [3, 5]]}');
    assert.equal(headlineFigure(result).key, 'mutualInformation');
    assert.equal(formulasOf(result)[0].id, 'mutualInformation');
    assert.match(formulasOf(result)[0].substituted, /= 0\.112485$/);
  });

  it('names a negative or non-finite cell by row and column, at its position', () => {
    assertFails('{"joint": [[1, 2], [3, -4]]}', 'negative-count', '-4', /^row 1, column 1 of the joint table is negative \(-4\)/);
    assertFails('[[1, NaN], [3, 4]]', 'non-finite', 'NaN', /^row 0, column 1 of the joint table is NaN/, { joint: true });
    assertFails('{"joint": [[0, 0], [0, 0]]}', 'invalid-probability', '[[0, 0], [0, 0]]', /sum to 0/);
  });

  it('float noise just below 0 is read as 0 with a warning naming the cell (issue 9 row 11)', () => {
    const result = joint('{"joint": [[0.3, -1e-17], [0.2, 0.5]]}');
    const exact = joint('{"joint": [[0.3, 0], [0.2, 0.5]]}');
    assert.equal(result.mutualInformation, exact.mutualInformation);
    assert.equal(result.warnings[0], 'read as 0: row 0, column 1 of the joint table (-1e-17), within 1e-12 below 0: float noise');
  });

  it('refuses logits and log-probabilities, and a vector, with a message that says why', () => {
    assertFails('{"joint": [[1, 2], [3, 4]]}', 'shape', '[[1, 2], [3, 4]]', /cannot be read as logits/, { as: 'logits' });
    assertFails('[0.2, 0.8]', 'shape', '[0.2, 0.8]', /a joint distribution is a table/, { joint: true });
    assertFails('{"joint": [0.2, 0.8]}', 'shape', '[0.2, 0.8]', /"joint" must be a table/);
  });

  it('--as joint is a CLI value beside the readings, and reads a two-row literal as a table, not a pair', () => {
    const args = parseArguments(['--as', 'joint', '[[1, 2], [3, 4]]']);
    assert.equal(args.joint, true);
    assert.equal(args.as, 'auto');
    assert.equal(joint('[[1, 2], [3, 4]]', { joint: true }).rows, 2);
    assert.equal(parseArguments(['--as', 'probs']).joint, false);
    assert.throws(() => parseArguments(['--as', 'jiont']), (error: unknown) => error instanceof UsageError && /logprobs, joint, not "jiont"/.test(error.message));
  });

  describe('properties', () => {
    const table = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([r, c]) => fc.array(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
      .filter((rows) => rows.some((row) => row.some((v) => v > 0)));
    const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);

    it('I(X;Y) ≥ 0 and = H(X) + H(Y) − H(X,Y); H(X|Y) = H(X,Y) − H(Y); H(Y|X) = H(X,Y) − H(X); I ≤ min(H(X), H(Y))', () => {
      fc.assert(
        fc.property(table, (rows) => {
          const r = joint(JSON.stringify({ joint: rows }));
          assert.ok(r.mutualInformation >= 0);
          assert.ok(r.mutualInformation <= Math.min(r.entropyX, r.entropyY));
          near(r.mutualInformation, r.entropyX + r.entropyY - r.jointEntropy, 'I = H(X) + H(Y) − H(X,Y)');
          near(r.conditionalEntropyXGivenY, r.jointEntropy - r.entropyY, 'H(X|Y)');
          near(r.conditionalEntropyYGivenX, r.jointEntropy - r.entropyX, 'H(Y|X)');
        }),
        { numRuns: 300 },
      );
    });

    it('an outer product (independent X and Y) has I(X;Y) = 0 within rounding', () => {
      const weights = fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 6 });
      fc.assert(
        fc.property(weights, weights, (a, b) => {
          const r = joint(JSON.stringify({ joint: a.map((x) => b.map((y) => x * y)) }));
          assert.ok(r.mutualInformation <= 1e-12, String(r.mutualInformation));
        }),
      );
    });
  });
});
