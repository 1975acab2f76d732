// Two literals compared as P and Q (core/compare.ts): each error placed in its own literal's text.
import * as assert from 'node:assert/strict';
import { compareTexts, SideError } from '../../src/core/compare';
import { DEFAULT_OPTIONS, evaluateText } from '../../src/core/evaluate';
import { toJson } from '../../src/core/format';

function sideError(p: string, q: string, options = DEFAULT_OPTIONS): SideError {
  try {
    compareTexts(p, q, options);
  } catch (error) {
    assert.ok(error instanceof SideError, String(error));
    return error;
  }
  assert.fail('no error');
}

describe('compareTexts', () => {
  it('gives the figures of the same pair written as one literal', () => {
    assert.deepEqual(toJson(compareTexts('[0.5, 0.5]', '[0.9, 0.1]', DEFAULT_OPTIONS)), toJson(evaluateText('{"p": [0.5, 0.5], "q": [0.9, 0.1]}')));
    const bits = { ...DEFAULT_OPTIONS, unit: 'bits' as const, as: 'logits' as const };
    assert.deepEqual(toJson(compareTexts('[1, 2, 3]', '[3, 2, 1]', bits)), toJson(evaluateText('[[1, 2, 3], [3, 2, 1]]', bits)));
  });

  it('places a reading error in its own literal', () => {
    const inP = sideError('[0.5, "a"]', '[0.5, 0.5]');
    assert.equal(inP.side, 'P');
    assert.equal(inP.range.start, 6);
    const inQ = sideError('[0.5, 0.5]', '[0.5,\n x]');
    assert.equal(inQ.side, 'Q');
    assert.equal(inQ.range.start, 7);
  });

  it('places an error raised on the pair in the literal it is about, not always in Q', () => {
    const probs = { ...DEFAULT_OPTIONS, as: 'probs' as const };
    const inP = sideError('[0.5, -0.5]', '[0.9, 0.1]', probs);
    assert.equal(inP.side, 'P');
    assert.equal(inP.range.start, 6);
    assert.equal(inP.code, 'negative-count');
    const inQ = sideError('[0.5, 0.5]', '[0.9, -0.1]', probs);
    assert.equal(inQ.side, 'Q');
    assert.equal(inQ.range.start, 6);
    const mismatch = sideError('[0.5, 0.5]', '[0.2, 0.3, 0.5]');
    assert.equal(mismatch.side, 'Q');
    assert.equal(mismatch.code, 'length-mismatch');
    assert.deepEqual(mismatch.range, { start: 0, end: 15 });
  });

  it('refuses a literal that is not one vector, naming its side', () => {
    const error = sideError('[0.5, 0.5]', '[[1, 2], [3, 4]]');
    assert.equal(error.side, 'Q');
    assert.equal(error.code, 'shape');
    assert.match(error.message, /^Q must be one vector of numbers .*\(this one is a pair\)$/);
  });

  it("says what shaping noticed in each side, with the side: a key given twice, a squeezed column", () => {
    const pair = compareTexts('{"p": [0.5, 0.5], "p": [0.9, 0.1]}', '[[0.2], [0.8]]', DEFAULT_OPTIONS);
    assert.equal(pair.kind, 'pair');
    // The last "p" is P (scipy.stats.entropy([0.9, 0.1], [0.2, 0.8])), and both sides' remarks are there.
    if (pair.kind === 'pair') assert.ok(Math.abs(pair.klPQ.value - 1.1457255029306632) < 1e-12, String(pair.klPQ.value));
    assert.ok(pair.warnings.includes('P: the key "p" is given twice: the last value is used, as JSON.parse and Python do'), pair.warnings.join('\n'));
    assert.ok(pair.notes.some((note) => note.startsWith('Q: A column of 2 one-element rows was read as one vector')), pair.notes.join('\n'));
    const other = compareTexts('[0.5, 0.5]', '{"q": [0.2, 0.8], "q": [0.3, 0.7], "extra": 1}', DEFAULT_OPTIONS);
    assert.equal(other.warnings.filter((w) => w.startsWith('Q: ')).length, 3, other.warnings.join('\n'));
  });

  it('evaluates a forced loss with P as targets and Q as predictions', () => {
    const loss = compareTexts('[1, 0]', '[0.8, 0.1]', { ...DEFAULT_OPTIONS, loss: 'bce' });
    assert.equal(loss.kind, 'loss');
  });
});
