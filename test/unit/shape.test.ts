// Issue 9 rows 9 and 12: what the shape stage reads, and that nothing it leaves out goes unsaid.

import * as assert from 'node:assert/strict';
import { LiteralError, lineColumnAt, type LiteralErrorCode } from '../../src/core/errors';
import { evaluateText, type EvaluateOptions, type Evaluation } from '../../src/core/evaluate';
import { parseArguments, UsageError } from '../../src/cli/args';

const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };

function evaluate(text: string, options: Partial<EvaluateOptions> = {}): Evaluation {
  return evaluateText(text, { ...nats, ...options });
}

function assertFails(text: string, code: LiteralErrorCode, at: string, message: RegExp): void {
  assert.throws(
    () => evaluate(text),
    (error: unknown) => {
      assert.ok(error instanceof LiteralError, String(error));
      assert.equal(error.code, code, error.message);
      assert.equal(text.slice(error.range.start, error.range.end), at, error.message);
      assert.match(error.message, message);
      return true;
    },
  );
}

const hasWarning = (result: Evaluation, pattern: RegExp) => assert.ok(result.warnings.some((w) => pattern.test(w)), `no warning ${String(pattern)} among:\n${result.warnings.join('\n')}`);

describe('issue 9 row 9: an n×1 column is one vector (numpy’s squeeze)', () => {
  it('issue 9 row 9: [[0.2],[0.8]] is a vector of 2 with a note, not a pair of one-element distributions', () => {
    const result = evaluate('[[0.2],[0.8]]');
    assert.equal(result.kind, 'distribution');
    if (result.kind !== 'distribution') return;
    assert.deepEqual(Array.from(result.p.p), [0.2, 0.8]);
    // scipy.stats.entropy([0.2, 0.8]) = 0.5004024235381879
    assert.ok(Math.abs(result.entropy - 0.5004024235381879) < 1e-15);
    assert.match(result.notes[0], /^A column of 2 one-element rows was read as one vector of 2 values \(as numpy's squeeze reads it\)/);
  });

  it('squeezes a taller column, and columns under "p" and "q", keeping each element’s position for errors', () => {
    const batch = evaluate('[[1], [2], [3], [4]]');
    assert.equal(batch.kind, 'distribution');
    const pair = evaluate('{"p": [[0.5], [0.5]], "q": [[0.9], [0.1]]}');
    assert.equal(pair.kind, 'pair');
    if (pair.kind === 'pair') assert.ok(Math.abs(pair.klPQ.value - 0.5108256237659907) < 1e-12);
    assertFails('[[0.5], [-1], [NaN]]', 'non-finite', 'NaN', /element 2/);
  });

  it('a single [[x]] stays one distribution of one element', () => {
    const result = evaluate('[[1]]');
    assert.equal(result.kind, 'distribution');
    assert.equal(result.notes.length, 1);
  });
});

describe('issue 9 row 12: every ignored key, option or element is named', () => {
  it('issue 9 row 12: {"p":..,"r":..} reads p and names r in a warning', () => {
    const result = evaluate('{"p": [0.5, 0.5], "r": [0.9, 0.1]}');
    assert.equal(result.kind, 'distribution');
    hasWarning(result, /^ignored key "r": only "p" was read, as one distribution$/);
  });

  it('issue 9 row 12: a lone {"q":..} is read as one distribution, and the warning says a pair needs "p"', () => {
    const result = evaluate('{"q": [0.2, 0.8]}');
    assert.equal(result.kind, 'distribution');
    hasWarning(result, /^only "q" was given, so it was read as one distribution: a pair needs "p" as well$/);
  });

  it('issue 9 row 12: --loss bce on [0.5,0.5] says the forced loss does not apply', () => {
    const result = evaluate('[0.5, 0.5]', { loss: 'bce' });
    assert.equal(result.kind, 'distribution');
    hasWarning(result, /^the loss "bce" does not apply: one distribution is not targets with predictions, so no loss was computed/);
    assert.equal(evaluate('[0.5, 0.5]', { loss: 'none' }).warnings.length, 0, '--loss none asks for no loss: nothing to say');
    hasWarning(evaluate('[[1, 2], [3, 4], [5, 6]]', { loss: 'cce' }), /the loss "cce" does not apply: a batch of rows/);
  });

  it('issue 9 row 12: {"cat":3,"dog":"x"} is an error at "x", not at the object', () => {
    const text = '{"cat": 3, "dog": "x"}';
    assertFails(text, 'not-a-number', '"x"', /^"dog" is "x", not a number: an object of numbers is a labelled distribution$/);
    assert.deepEqual(lineColumnAt(text, text.indexOf('"x"')), { line: 1, column: 19 });
    assertFails('{"cat": 3, "dog": null}', 'not-a-number', 'null', /"dog" is null/);
    assertFails('{"cat": 3, "dog": [1, 2]}', 'not-a-number', '[1, 2]', /"dog" is a list/);
  });

  it('issue 9 row 12: --precision 1e1 is an error naming the option, not "column 1"', () => {
    assert.throws(
      () => parseArguments(['--precision', '1e1', '[0.5, 0.5]']),
      (error: unknown) => error instanceof UsageError && /^--precision must be a whole number from 1 to 17 written in digits, not "1e1"$/.test(error.message),
    );
    for (const bad of ['0x10', '1.0', ' 7', '', '18', '0']) assert.throws(() => parseArguments(['--precision', bad]), UsageError, bad);
    assert.equal(parseArguments(['--precision', '12']).precision, 12);
  });

  it('names unread keys of a pair, a loss case and a predictions-only object', () => {
    hasWarning(evaluate('{"p": [0.5, 0.5], "q": [0.9, 0.1], "temperature": 2}'), /^ignored key "temperature": only "p" and "q" were read, as a pair P and Q$/);
    hasWarning(evaluate('{"y": [1, 0], "y_pred": [0.8, 0.3], "weights": [1, 2]}'), /^ignored key "weights": only "y" and "y_pred" were read, as targets and predictions$/);
    hasWarning(evaluate('{"logits": [1, 2, 3], "step": 4}'), /^ignored key "step": only "logits" was read/);
  });

  it('a second key for the same role is named, not silently dropped', () => {
    hasWarning(evaluate('{"p": [0.5, 0.5], "pk": [0.9, 0.1], "q": [0.2, 0.8]}'), /^ignored key "pk": only "p" and "q" were read/);
    hasWarning(evaluate('{"y": [1, 0], "labels": [0, 1], "probs": [0.8, 0.3]}'), /^ignored key "labels"/);
  });

  it('reads objects whose every key is used without a warning', () => {
    for (const text of ['{"p": [0.5, 0.5], "q": [0.9, 0.1]}', '{"cat": 1, "dog": 3}', '{"y": [1, 0], "y_pred": [0.8, 0.3]}', '{"joint": [[1, 2], [3, 4]]}']) {
      assert.deepEqual(evaluate(text).warnings.filter((w) => w.startsWith('ignored')), [], text);
    }
  });
});
