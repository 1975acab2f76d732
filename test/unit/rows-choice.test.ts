// Issue 14 item 3: two rows are a pair P, Q by default; the user may say they are a batch of two
// predictions (or insist on a pair). The core's `rows` option and the CLI's --rows.
import * as assert from 'node:assert/strict';
import { parseArguments, UsageError } from '../../src/cli/args';
import { LiteralError } from '../../src/core/errors';
import { evaluateText, type EvaluateOptions, type Evaluation } from '../../src/core/evaluate';

const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };
const TWO_ROWS = 'torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])';

function evaluate(text: string, rows?: EvaluateOptions['rows']): Evaluation {
  return evaluateText(text, { ...nats, ...(rows ? { rows } : {}) });
}

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) <= 1e-14 * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);

describe('rows choice: a list of two rows', () => {
  it('auto keeps today’s rule: two rows are a pair, P then Q', () => {
    const result = evaluate(TWO_ROWS);
    assert.equal(result.kind, 'pair');
    if (result.kind !== 'pair') return;
    // scipy.stats.entropy([0.7, 0.2, 0.1], qk=[0.1, 0.1, 0.8])
    close(result.klPQ.value, 1.2928223862827248);
  });

  it('batch reads two predictions: each row’s own entropy, with a note saying so', () => {
    const result = evaluate(TWO_ROWS, 'batch');
    assert.equal(result.kind, 'batch');
    if (result.kind !== 'batch') return;
    // scipy.stats.entropy([0.7, 0.2, 0.1]), scipy.stats.entropy([0.1, 0.1, 0.8])
    close(result.rows[0].entropy, 0.8018185525433373);
    close(result.rows[1].entropy, 0.639031859650177);
    assert.ok(result.notes.some((note) => /two distributions, as chosen/.test(note)), result.notes.join('\n'));
  });

  it('pair on two rows is the default reading, said to be chosen', () => {
    const result = evaluate(TWO_ROWS, 'pair');
    assert.equal(result.kind, 'pair');
    assert.ok(result.notes.some((note) => /row 0 is P, row 1 is Q/.test(note)));
  });

  it('pair on three rows is an error at the literal, not a silent batch', () => {
    assert.throws(
      () => evaluate('[[0.5, 0.5], [0.9, 0.1], [0.2, 0.8]]', 'pair'),
      (error: unknown) => error instanceof LiteralError && error.code === 'shape' && /a pair is two rows, P then Q, but this list has 3 rows/.test(error.message),
    );
  });

  it('a choice that cannot apply (a vector, a {p, q} object) is said in a warning, never ignored silently', () => {
    const vector = evaluate('[0.1, 0.9]', 'batch');
    assert.equal(vector.kind, 'distribution');
    assert.ok(vector.warnings.some((w) => /not a list of rows: it was read as one distribution/.test(w)), vector.warnings.join('\n'));
    const pair = evaluate('{"p": [0.5, 0.5], "q": [0.9, 0.1]}', 'batch');
    assert.equal(pair.kind, 'pair');
    assert.ok(pair.warnings.some((w) => /not a list of rows/.test(w)));
  });

  it('batch on three rows or more changes nothing', () => {
    const text = '[[0.5, 0.5], [0.9, 0.1], [0.2, 0.8]]';
    assert.deepEqual(evaluate(text, 'batch'), evaluate(text));
  });
});

describe('rows choice: the CLI’s --rows', () => {
  it('takes pair or batch (or auto), and defaults to auto', () => {
    assert.equal(parseArguments(['[1]']).rows, 'auto');
    assert.equal(parseArguments(['--rows', 'batch', '[1]']).rows, 'batch');
    assert.equal(parseArguments(['--rows', 'pair', '[1]']).rows, 'pair');
  });

  it('refuses anything else, naming the choices', () => {
    assert.throws(() => parseArguments(['--rows', 'rows', '[1]']), (error: unknown) => error instanceof UsageError && /--rows must be one of auto, pair, batch, not "rows"/.test(error.message));
  });
});
