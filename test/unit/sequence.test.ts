// Sequences of token log-probabilities (issue 9 item 6): surprisal, its mean per token and the
// perplexity, against torch.exp(-logprobs.mean()) (test/fixtures/generate_kinds.py).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { LiteralError, type LiteralErrorCode } from '../../src/core/errors';
import { evaluateText, type EvaluateOptions, type SequenceEvaluation } from '../../src/core/evaluate';
import { describe as describeEvaluation, figuresOf, headlineFigure } from '../../src/core/figures';
import { toJson, toText } from '../../src/core/format';
import { close, type Num } from './kinds-reference';

const fixtures = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../test/fixtures/reference.json'), 'utf8')) as {
  sequence: { name: string; logprobs: number[]; totalSurprisal: Num; meanSurprisal: Num; perplexity: Num; source: string }[];
};

const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };

function sequence(text: string, options: Partial<EvaluateOptions> = {}): SequenceEvaluation {
  const result = evaluateText(text, { ...nats, ...options });
  assert.equal(result.kind, 'sequence', text);
  return result;
}

function assertFails(text: string, code: LiteralErrorCode, at: string, message: RegExp): void {
  assert.throws(
    () => evaluateText(text, nats),
    (error: unknown) => {
      assert.ok(error instanceof LiteralError, String(error));
      assert.equal(error.code, code, error.message);
      assert.equal(text.slice(error.range.start, error.range.end), at, error.message);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('sequences of token log-probabilities (issue 9 item 6)', () => {
  it('has reference cases, the perplexity from PyTorch', () => {
    assert.ok(fixtures.sequence.length >= 4);
    assert.match(fixtures.sequence[0].source, /^torch /, 'regenerate with an interpreter that has torch (see generate_kinds.py)');
  });

  describe('against -fsum(logprobs) and torch.exp(-logprobs.mean())', () => {
    for (const c of fixtures.sequence) {
      it(c.name, () => {
        const shapes = [
          JSON.stringify({ logprobs: c.logprobs }),
          JSON.stringify({ token_logprobs: c.logprobs }),
          JSON.stringify(c.logprobs.map((logprob, i) => ({ token: `t${i}`, logprob }))),
        ];
        for (const text of shapes) {
          for (const unit of ['nats', 'bits', 'hartleys'] as const) {
            const result = sequence(text, { unit });
            const scale = unit === 'nats' ? 1 : unit === 'bits' ? Math.LN2 : Math.LN10;
            close(result.totalSurprisal.value * scale, c.totalSurprisal, `total in ${unit}`);
            close(result.meanSurprisal.value * scale, c.meanSurprisal, `mean in ${unit}`);
            close(result.perplexity, c.perplexity, `perplexity in ${unit} (the same number)`);
          }
        }
      });
    }
  });

  it('gives --json exactly the documented keys, each token with its text, log-probability and surprisal', () => {
    const json = toJson(sequence('[{"token": "Hi", "logprob": -0.1}, {"token": "!", "logprob": -2.3}]', { unit: 'bits' }));
    assert.deepEqual(Object.keys(json), ['kind', 'unit', 'interpretation', 'tokens', 'totalSurprisal', 'meanSurprisal', 'perplexity', 'notes', 'warnings']);
    const tokens = json.tokens as { token: string; logprob: number; surprisal: number }[];
    assert.deepEqual(
      tokens.map((t) => [t.token, t.logprob]),
      [
        ['Hi', -0.1],
        ['!', -2.3],
      ],
    );
    close(tokens[1].surprisal, 2.3 / Math.LN2, 'surprisal in bits');
    close(json.meanSurprisal as number, 2.4 / 2 / Math.LN2, 'bits per token');
  });

  it('reads the legacy completions object: tokens as labels, a null first log-probability left out with a warning, other keys named', () => {
    const result = sequence('{"tokens": ["Hello", " world", "!"], "token_logprobs": [null, -1.5, -0.25], "top_logprobs": [], "text_offset": [0, 5, 11]}');
    assert.deepEqual(result.tokens, [' world', '!']);
    close(result.totalSurprisal.value, 1.75, 'total');
    assert.ok(result.warnings.some((w) => /^left out 1 token without a log-probability \(null\) at element 0/.test(w)), result.warnings.join('\n'));
    assert.ok(result.warnings.some((w) => w.startsWith('ignored keys "top_logprobs", "text_offset"')), result.warnings.join('\n'));
  });

  it('reads OpenAI chat logprobs nested as {"logprobs": {"content": [...]}}, naming the token objects’ unread keys', () => {
    const text = '{"logprobs": {"content": [{"token": "Hi", "logprob": -0.1, "bytes": [72, 105], "top_logprobs": []}, {"token": "!", "logprob": -0.7, "bytes": [33], "top_logprobs": []}]}}';
    const result = sequence(text);
    assert.deepEqual(result.tokens, ['Hi', '!']);
    close(result.perplexity, Math.exp(0.4), 'perplexity');
    assert.ok(result.warnings.some((w) => w.startsWith('ignored keys "bytes", "top_logprobs" of the token objects')), result.warnings.join('\n'));
  });

  it('a log-probability above 0 is an error at its position', () => {
    assertFails('{"logprobs": [-0.1, 0.25, -3]}', 'invalid-probability', '0.25', /^the log-probability of token 1 is 0\.25, but log-probabilities are at most 0/);
    assertFails('[{"token": "a", "logprob": -1}, {"token": "b", "logprob": 1e-3}]', 'invalid-probability', '1e-3', /token 1/);
    assertFails('{"token_logprobs": [null, -1, NaN]}', 'non-finite', 'NaN', /token 1 is NaN/);
    assertFails('[{"token": "a", "logprob": -1}, {"token": "b", "logprob": "x"}]', 'not-a-number', '"x"', /"logprob" of token 1 is not a number/);
    assertFails('[{"token": "a", "logprob": -1}, {"token": "b"}]', 'shape', '{"token": "b"}', /token 1 has no "logprob"/);
  });

  it('a token of probability 0 (−∞) makes the total and the perplexity infinite, naming the token', () => {
    const result = sequence('{"logprobs": [-0.5, -Infinity, -1]}');
    assert.equal(result.totalSurprisal.value, Infinity);
    assert.equal(result.perplexity, Infinity);
    assert.equal(result.totalSurprisal.infiniteAt, 1);
    assert.match(toText(result), /perplexity\s+∞ {2}\(at token 1\)/);
    assert.deepEqual((toJson(result).tokens as { surprisal: unknown }[]).map((t) => t.surprisal), [0.5, 'Infinity', 1]);
  });

  it('the headline (status bar) is the perplexity; a reading that does not apply is named', () => {
    const result = sequence('{"logprobs": [-0.5, -1]}', { as: 'probs' });
    assert.equal(headlineFigure(result).key, 'perplexity');
    assert.equal(figuresOf(result)[0].unit, undefined, 'perplexity has no unit');
    assert.equal(describeEvaluation(result), 'sequence of 2 token log-probabilities');
    assert.ok(result.warnings.some((w) => w.includes('the reading "probs" does not apply')));
  });

  describe('properties', () => {
    const logprobs = fc.array(fc.double({ min: -50, max: 0, noNaN: true }), { minLength: 1, maxLength: 200 });

    it('perplexity = exp(mean surprisal in nats), in every unit; total = mean × tokens', () => {
      fc.assert(
        fc.property(logprobs, fc.constantFrom('nats' as const, 'bits' as const, 'hartleys' as const), (lp, unit) => {
          const r = sequence(JSON.stringify({ logprobs: lp }), { unit });
          const scale = unit === 'nats' ? 1 : unit === 'bits' ? Math.LN2 : Math.LN10;
          const expected = Math.exp(r.meanSurprisal.value * scale);
          assert.ok(Math.abs(r.perplexity - expected) <= 1e-12 * expected, `${r.perplexity} vs ${expected}`);
          assert.ok(r.perplexity >= 1);
          close(r.meanSurprisal.value * lp.length, r.totalSurprisal.value, 'total = mean × T');
        }),
        { numRuns: 200 },
      );
    });
  });
});
