import * as assert from 'node:assert/strict';
import { LiteralError, lineColumnAt } from '../../src/core/errors';
import type { EvaluateOptions } from '../../src/core/evaluate';
import { assertFails, close, evaluate, loss } from './helpers';

describe('evaluate: shapes', () => {
  it('reads a vector as one distribution', () => {
    const result = evaluate('[0.5, 0.5]', { unit: 'bits' });
    assert.equal(result.kind, 'distribution');
    if (result.kind !== 'distribution') return;
    close(result.entropy, 1);
    close(result.maxEntropy, 1);
    assert.equal(result.interpretation, 'probs');
  });

  it('reads an object of numbers as a labelled distribution', () => {
    const result = evaluate('{"cat": 1, "dog": 3}');
    assert.equal(result.kind, 'distribution');
    if (result.kind !== 'distribution') return;
    assert.deepEqual(result.labels, ['cat', 'dog']);
    assert.equal(result.interpretation, 'counts');
    close(result.entropy, -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)));
  });

  it('reads p/q keys, any case, and two rows as a pair', () => {
    for (const text of ['{"p": [0.5, 0.5], "q": [0.9, 0.1]}', "{P: [0.5, 0.5], Q: [0.9, 0.1]}", '{"pk": [0.5, 0.5], "qk": [0.9, 0.1]}', '[[0.5, 0.5], [0.9, 0.1]]']) {
      const result = evaluate(text);
      assert.equal(result.kind, 'pair', text);
      if (result.kind !== 'pair') continue;
      // scipy.stats.entropy([1/2, 1/2], qk=[9/10, 1/10]) = 0.5108256237659907
      close(result.klPQ.value, 0.5108256237659907, 1e-15);
      assert.notEqual(result.klPQ.value, result.klQP.value, 'KL is not symmetric');
    }
  });

  it('reads more than two rows as a batch with the mean entropy', () => {
    const result = evaluate('[[0.5, 0.5], [1, 0], [0.25, 0.75]]', { unit: 'bits' });
    assert.equal(result.kind, 'batch');
    if (result.kind !== 'batch') return;
    assert.equal(result.rows.length, 3);
    close(result.rows[0].entropy, 1);
    close(result.rows[1].entropy, 0);
    close(result.meanEntropy, (1 + 0 + result.rows[2].entropy) / 3);
  });

  it('takes the batch mean with a compensated sum: 10,000 equal rows have their row\'s entropy as mean', () => {
    const result = evaluate(`[${Array(10_000).fill('[0.3, 0.7]').join(', ')}]`);
    assert.equal(result.kind, 'batch');
    if (result.kind !== 'batch') return;
    const h = result.rows[0].entropy;
    close(h, -(0.3 * Math.log(0.3) + 0.7 * Math.log(0.7)), 1e-15);
    assert.ok(Math.abs(result.meanEntropy - h) <= Number.EPSILON * h, `${result.meanEntropy} vs ${h}`);
    // The case is only meaningful if a plain running sum visibly drifts on it.
    let naive = 0;
    for (const row of result.rows) naive += row.entropy;
    assert.ok(Math.abs(naive / result.rows.length - h) > 100 * Number.EPSILON * h);
  });

  it('expresses every figure in the chosen unit', () => {
    const text = '{"p": [0.2, 0.3, 0.5], "q": [0.1, 0.6, 0.3]}';
    const inNats = evaluate(text, { unit: 'nats' });
    for (const [unit, scale] of [['bits', Math.LN2], ['hartleys', Math.LN10]] as const) {
      const other = evaluate(text, { unit });
      if (inNats.kind !== 'pair' || other.kind !== 'pair') assert.fail('expected pairs');
      close(other.entropy * scale, inNats.entropy);
      close(other.crossEntropy.value * scale, inNats.crossEntropy.value);
      close(other.klPQ.value * scale, inNats.klPQ.value);
      close(other.klQP.value * scale, inNats.klQP.value);
      close(other.jsDivergence * scale, inNats.jsDivergence);
      close(other.klTermsPQ[2] * scale, inNats.klTermsPQ[2]);
    }
  });

  it('reports an infinite KL with the element that causes it', () => {
    const result = evaluate('{"p": [0.5, 0.5], "q": [1, 0]}');
    if (result.kind !== 'pair') assert.fail('expected a pair');
    assert.equal(result.klPQ.value, Infinity);
    assert.equal(result.klPQ.infiniteAt, 1);
    assert.equal(result.crossEntropy.value, Infinity);
    assert.ok(Number.isFinite(result.klQP.value));
    assert.ok(result.warnings.some((w) => /element 1/.test(w)));
  });

  it('honours a forced interpretation', () => {
    const result = evaluate('[1, 2, 3]', { as: 'logits' });
    if (result.kind !== 'distribution') assert.fail('expected a distribution');
    assert.equal(result.interpretation, 'logits');
    const z = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    const p = [1, 2, 3].map((x) => Math.exp(x - z));
    close(result.entropy, -p.reduce((s, pi) => s + pi * Math.log(pi), 0));
  });

  it('reads a "logits" key as logits even without negative values', () => {
    const result = evaluate('{"logits": [1, 2, 3]}');
    assert.equal(result.kind, 'distribution');
    assert.equal(result.interpretation, 'logits');
  });
});

describe('evaluate: losses', () => {
  it('binary targets with one probability per sample give BCE', () => {
    const result = loss('{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.7, 0.6]}');
    assert.equal(result.loss, 'bce');
    assert.equal(result.distribution, 'bernoulli');
    assert.equal(result.interpretation, 'probs');
    const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.7) + Math.log(0.6)) / 4;
    close(result.value, expected);
    assert.equal(result.perSample.length, 4);
  });

  it('a prediction outside [0, 1] makes BCE read logits', () => {
    const result = loss('{"labels": [1, 0], "outputs": [2.0, -1.5]}');
    assert.equal(result.loss, 'bce');
    assert.equal(result.interpretation, 'logits');
    const softplus = (x: number) => Math.log1p(Math.exp(x));
    close(result.value, (softplus(-2) + softplus(-1.5)) / 2);
  });

  it('class indices with logit rows give CCE (the issue example)', () => {
    const result = loss('{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}');
    assert.equal(result.loss, 'cce');
    assert.equal(result.classes, 3);
    const lse = (row: number[]) => Math.log(row.reduce((s, x) => s + Math.exp(x), 0));
    close(result.value, ((lse([0.1, 0.2, 3.0]) - 3.0) + (lse([2.0, -1.0, 0.5]) - 2.0)) / 2);
  });

  it('one-hot target rows with probability rows give CCE', () => {
    const result = loss('{"y_true": [[0, 1, 0], [1, 0, 0]], "probs": [[0.2, 0.7, 0.1], [0.5, 0.25, 0.25]]}');
    assert.equal(result.loss, 'cce');
    assert.equal(result.interpretation, 'probs');
    close(result.value, -(Math.log(0.7) + Math.log(0.5)) / 2);
  });

  it('tests prediction rows for summing to 1 with a compensated sum', () => {
    // 0.999999 and a thousand entries of 5e-17 sum to 1 − 0.99999995e-6: within the tolerance of
    // 1e-6, but each 5e-17 is below half an ulp of the running sum, so a plain sum never moves.
    const tail = Array(1000).fill('5e-17').join(', ');
    const result = loss(`{"labels": [0], "y_pred": [[0.999999, ${tail}]]}`);
    assert.equal(result.loss, 'cce');
    assert.equal(result.interpretation, 'probs');
    close(result.value, -Math.log(0.999999 / (0.999999 + 1000 * 5e-17)), 1e-15);
    let naive = 0.999999;
    for (let i = 0; i < 1000; i++) naive += 5e-17;
    assert.ok(Math.abs(naive - 1) > 1e-6, 'a plain sum would read the row as logits');
  });

  it('reads −∞ logits as masked classes and refuses a row with no finite logit', () => {
    const masked = loss('{"labels": [0, 2], "logits": [[0, -Infinity, 0], [-Infinity, 1, 1]]}');
    close(masked.value, Math.LN2, 1e-15);
    assert.deepEqual([...masked.probabilities], [0.5, 0, 0.5, 0, 0.5, 0.5]);
    assertFails('{"labels": [0, 1], "logits": [[0, 1], [-Infinity, -Infinity]]}', 'non-finite', '[-Infinity, -Infinity]', /every element of row 1 of the predictions is −∞/);
    assertFails('{"labels": [0, 1], "logits": [[0, 1], [NaN, 0]]}', 'non-finite', 'NaN', /element 0 of row 1 of the predictions is NaN/);
  });

  it('with two classes CCE equals BCE on the second column', () => {
    const result = loss('{"labels": [1, 0, 1], "probs": [[0.1, 0.9], [0.8, 0.2], [0.4, 0.6]]}');
    assert.equal(result.loss, 'cce');
    assert.ok(result.twoClassBce !== undefined);
    close(result.twoClassBce, result.value);
    assert.ok(result.notes.some((note) => /equals binary cross-entropy/.test(note)));
    const asLogits = loss('{"labels": [1, 0], "logits": [[0.3, 1.2], [2.0, -0.5]]}');
    close(asLogits.twoClassBce!, asLogits.value);
  });

  it('"p" beside a targets key is the predictions', () => {
    const result = loss('{"y": [1, 0], "p": [0.8, 0.3]}');
    assert.equal(result.loss, 'bce');
    close(result.value, -(Math.log(0.8) + Math.log(0.7)) / 2);
  });

  it('real-valued targets give MSE with the Gaussian NLL, both halves', () => {
    const result = loss('{"y": [1.5, -0.3, 2.0], "y_hat": [1.0, 0.0, 2.5]}');
    assert.equal(result.loss, 'mse');
    assert.equal(result.distribution, 'normal');
    const mse = (0.25 + 0.09 + 0.25) / 3;
    close(result.value, mse);
    close(result.gaussianNll!, 0.5 * Math.log(2 * Math.PI) + 0.5 * mse);
  });

  it('an exact 0 against label 1 gives +∞, names the sample and the frameworks', () => {
    const result = loss('{"y": [1, 1], "probs": [0.5, 0]}');
    assert.equal(result.value, Infinity);
    assert.equal(result.infiniteAt, 1);
    assert.ok(result.frameworks);
    close(result.frameworks.pytorch, (-Math.log(0.5) + 100) / 2);
    close(result.frameworks.keras, (-Math.log(0.5) - Math.log(1e-7)) / 2, 1e-6);
    assert.ok(result.warnings.some((w) => /sample 1/.test(w) && /PyTorch/.test(w) && /Keras/.test(w)));
  });

  it('an exact 0 at the target class gives +∞ for CCE, with what Keras reports', () => {
    const result = loss('{"labels": [1, 0], "probs": [[0.5, 0.5], [0, 1]]}');
    assert.equal(result.value, Infinity);
    assert.equal(result.infiniteAt, 1);
    assert.equal(result.frameworks!.pytorch, Infinity);
    close(result.frameworks!.keras, (-Math.log(0.5) - Math.log(1e-7)) / 2, 1e-9);
    assert.ok(result.warnings.some((w) => /sample 1/.test(w) && /Keras/.test(w)));
  });

  it('a forced loss on a pair treats P as targets and Q as predictions', () => {
    const result = loss('[[1, 2, 3], [1.5, 2, 2]]', { loss: 'mse' });
    assert.equal(result.loss, 'mse');
    close(result.value, (0.25 + 0 + 1) / 3);
  });

  it('loss values follow the unit; MSE does not', () => {
    const text = '{"y": [1, 0], "probs": [0.8, 0.3]}';
    close(loss(text, { unit: 'bits' }).value * Math.LN2, loss(text).value);
    const regression = '{"y": [1.5, 2], "pred": [1, 2]}';
    close(loss(regression, { unit: 'bits' }).value, loss(regression).value);
    close(loss(regression, { unit: 'bits' }).gaussianNll! * Math.LN2, loss(regression).gaussianNll!);
  });
});

describe('evaluate: --loss none (no loss, the information figures only)', () => {
  const none = (text: string, options: Partial<EvaluateOptions> = {}) => {
    const result = evaluate(text, { loss: 'none', ...options });
    assert.equal(result.kind, 'batch');
    return result;
  };
  const binaryEntropy = (p: number) => -(p * Math.log(p) + (1 - p) * Math.log(1 - p));

  it('measures each sample\'s categorical prediction: the rows\' entropies, targets set aside', () => {
    const result = none('{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}');
    const rows = evaluate('[[0.1, 0.2, 3.0], [2.0, -1.0, 0.5], [0, 0, 0]]', { as: 'logits' });
    assert.ok(rows.kind === 'batch');
    assert.equal(result.interpretation, 'logits');
    assert.deepEqual(result.rows, rows.rows.slice(0, 2));
    close(result.meanEntropy, (rows.rows[0].entropy + rows.rows[1].entropy) / 2, 1e-15);
    assert.deepEqual(result.notes, ['No loss (--loss none): the targets ("labels") were set aside; each row of "logits" is one sample\'s categorical distribution, read as logits, through a softmax.']);
    assert.equal(none('{"y": [[0, 1], [1, 0]], "probs": [[0.2, 0.8], [0.9, 0.1]]}').interpretation, 'probs');
  });

  it('measures each binary prediction as a Bernoulli distribution [1 − p, p]', () => {
    const result = none('{"y": [1, 0, 1], "y_pred": [0.8, 0.3, 0.5]}', { unit: 'bits' });
    assert.equal(result.interpretation, 'probs');
    assert.equal(result.rows.length, 3);
    close(result.rows[0].entropy, binaryEntropy(0.8) / Math.LN2, 1e-15);
    close(result.rows[2].entropy, 1, 1e-15);
    close(result.meanEntropy, (binaryEntropy(0.8) + binaryEntropy(0.3) + Math.LN2) / 3 / Math.LN2, 1e-15);
    const logits = none('{"y": [1, 0], "logits": [2, -1]}');
    assert.equal(logits.interpretation, 'logits');
    close(logits.rows[0].entropy, binaryEntropy(1 / (1 + Math.exp(-2))), 1e-15);
    // One sample is a batch of one, not a distribution; two samples are not a pair.
    assert.equal(none('{"y": [1], "y_pred": [0.8]}').rows.length, 1);
    assert.equal(none('{"y": [1, 0], "y_pred": [0.8, 0.3]}').rows.length, 2);
  });

  it('leaves distributions, pairs and batches as they are', () => {
    assert.equal(evaluate('[0.5, 0.5]', { loss: 'none' }).kind, 'distribution');
    assert.equal(evaluate('{"p": [0.5, 0.5], "q": [0.9, 0.1]}', { loss: 'none' }).kind, 'pair');
    assert.equal(evaluate('[[0.5, 0.5], [0.9, 0.1]]', { loss: 'none' }).kind, 'pair');
  });

  it('refuses real-valued targets: a Normal output has no distribution to measure', () => {
    assertFails('{"y": [1.5, 2.0], "y_pred": [1.4, 2.2]}', 'shape', '1.5', /target 0 \(1\.5\) is not a label in \[0, 1\].*--loss mse/, { loss: 'none' });
  });

  it('reads a Bernoulli prediction as a probability or a logit only', () => {
    assertFails('{"y": [1, 0], "y_pred": [0.8, 0.3]}', 'shape', '[0.8, 0.3]', /not read as counts/, { loss: 'none', as: 'counts' });
    assertFails('{"y": [1, 0], "y_pred": [0.8, 1.3]}', 'invalid-probability', '1.3', /prediction 1 is 1\.3/, { loss: 'none', as: 'probs' });
  });
});

describe('evaluate: errors name the element', () => {
  it('ragged rows point at the short row', () => {
    assertFails('[[0.1, 0.9], [0.2, 0.3, 0.5], [1, 0]]', 'ragged', '[0.2, 0.3, 0.5]', /row 1 has 3/);
  });
  it('mismatched lengths say both lengths', () => {
    assertFails('{"p": [0.5, 0.5], "q": [0.2, 0.3, 0.5]}', 'length-mismatch', '[0.2, 0.3, 0.5]', /2 elements.*3/);
  });
  it('a NaN is reported at its element', () => {
    assertFails('[0.1, NaN, 0.9]', 'non-finite', 'NaN');
  });
  it('an empty vector is an error', () => {
    assertFails('[]', 'empty', '[]');
  });
  it('a label out of range names the label and the classes', () => {
    assertFails('{"labels": [0, 3], "logits": [[1, 2, 3], [0, 0, 1]]}', 'label-out-of-range', '3', /0…2/);
  });
  it('a non-binary BCE target is out of range', () => {
    assertFails('{"y": [1, 2], "probs": [0.5, 0.5]}', 'label-out-of-range', '2', undefined, { loss: 'bce' });
  });
  it('a string element is not a number', () => {
    assertFails('[[0.5, 0.5], "x"]', 'not-a-number', '"x"');
    assertFails('[0.1, "x", 0.9]', 'not-a-number', '"x"', /element 1/);
    assertFails('[0.1, None]', 'not-a-number', 'None');
  });
  it('a number beside rows is ragged, at the odd one out', () => {
    assertFails('[0.5, [0.2, 0.8]]', 'ragged', '[0.2, 0.8]', /element 1/);
  });
  it('a negative count is refused when counts are forced', () => {
    assertFails('[3, -1, 2]', 'negative-count', '-1', undefined, { as: 'counts' });
  });
  it('too many elements for the mode', () => {
    assertFails('[1, 2, 3, 4]', 'too-large', '[1, 2, 3, 4]', /4 elements/, { maxElements: 3 });
  });
  it('unrecognised object keys list what is accepted', () => {
    assertFails('{"a": [1], "b": [2, 3]}', 'shape', '{"a": [1], "b": [2, 3]}', /"p"\/"q"/);
  });
  it('error positions translate to line and column', () => {
    const text = '[\n  0.1,\n  nan\n]';
    try {
      evaluate(text);
      assert.fail('should have thrown');
    } catch (error) {
      assert.ok(error instanceof LiteralError);
      assert.deepEqual(lineColumnAt(text, error.range.start), { line: 3, column: 3 });
    }
  });
});
