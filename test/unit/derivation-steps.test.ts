// Issue 14 item 4: derivations show every step on the user's numbers — the softmax (or sigmoid)
// line with the inputs, each sample's term naming its row and label (folded past a few) — and say
// each thing once. Expected numbers are computed here with plain Math, not read from our output.
import * as assert from 'node:assert/strict';
import katex from 'katex';
import { evaluateText, type EvaluateOptions, type Evaluation, type LossEvaluation } from '../../src/core/evaluate';
import { derivationOf, formulasOf, texNumber, toLatex } from '../../src/core/tex';

const nats: EvaluateOptions = { unit: 'nats', as: 'auto', loss: 'auto' };

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** A number as the TeX writes it at the default precision. */
const t = (x: number) => texNumber(x);

function loss(text: string, options: Partial<EvaluateOptions> = {}): LossEvaluation {
  const evaluation: Evaluation = evaluateText(text, { ...nats, ...options });
  assert.equal(evaluation.kind, 'loss');
  return evaluation;
}

function render(tex: string): void {
  katex.renderToString(tex, { throwOnError: true, strict: 'error', trust: false, displayMode: true });
}

describe('derivation steps: how the numbers became P', () => {
  it('logits: p = softmax([2, −1, 0.5]) = […] comes first, then the entropy of that p', () => {
    const formulas = formulasOf(evaluateText('[2.0, -1.0, 0.5]'));
    assert.deepEqual(
      formulas.map((f) => f.id),
      ['softmax', 'entropy'],
    );
    const p = softmax([2, -1, 0.5]);
    assert.equal(formulas[0].substituted, `p = \\operatorname{softmax}\\!\\left([2, -1, 0.5]\\right) = [${p.map(t).join(', ')}]`);
    assert.match(formulas[0].title, /softmax of the logits/);
    // The entropy's terms are that same p.
    assert.ok(formulas[1].substituted.includes(`${t(p[0])}\\,\\ln ${t(p[0])}`));
    for (const f of formulas) render(f.substituted);
  });

  it('counts: p is the counts over their sum; log-probabilities: p is their exponential', () => {
    const counts = formulasOf(evaluateText('[10, 20, 70]'));
    assert.equal(counts[0].id, 'normalised');
    assert.equal(counts[0].substituted, 'p = \\frac{[10, 20, 70]}{100} = [0.1, 0.2, 0.7]');
    const logprobs = formulasOf(evaluateText('[-0.5, -1.5, -2.0]', { ...nats, as: 'logprobs' }));
    assert.equal(logprobs[0].id, 'exponentiated');
    assert.match(logprobs[0].substituted, /^p = \\exp\\!\\left\(\[-0\.5, -1\.5, -2\]\\right\) = /);
  });

  it('probabilities need no step; a pair of logits gets one for P and one for Q', () => {
    assert.deepEqual(
      formulasOf(evaluateText('[0.1, 0.2, 0.7]')).map((f) => f.id),
      ['entropy'],
    );
    const ids = formulasOf(evaluateText('{"p": [2, -1, 0.5], "q": [0, 0, 1]}', { ...nats, as: 'logits' })).map((f) => f.id);
    assert.deepEqual(ids.slice(0, 3), ['softmax', 'softmaxQ', 'entropy']);
  });

  it('folds a long input: the first four, …, the last', () => {
    const z = Array.from({ length: 30 }, (_, i) => (i % 7) - 3);
    const step = formulasOf(evaluateText(JSON.stringify(z)))[0];
    assert.equal(step.id, 'softmax');
    assert.match(step.substituted, /\\left\(\[-3, -2, -1, 0, \\ldots, -2\]\\right\)/);
    render(step.substituted);
  });
});

describe('derivation steps: a loss on the user’s numbers', () => {
  const CCE = '{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}';

  it('CCE from logits: each row’s softmax with its logits, then each sample’s term naming row and label', () => {
    const steps = derivationOf(loss(CCE));
    const softmaxStep = steps[1];
    assert.match(softmaxStep.caption, /softmax of each row’s logits/);
    const p0 = softmax([0.1, 0.2, 3.0]);
    const p1 = softmax([2.0, -1.0, 0.5]);
    assert.ok(softmaxStep.tex.includes(`p_{0} &= \\operatorname{softmax}\\!\\left([0.1, 0.2, 3]\\right) = [${p0.map(t).join(', ')}]`), softmaxStep.tex);
    assert.ok(softmaxStep.tex.includes(`p_{1} &= \\operatorname{softmax}\\!\\left([2, -1, 0.5]\\right) = [${p1.map(t).join(', ')}]`), softmaxStep.tex);
    const terms = steps[steps.length - 1];
    assert.match(terms.caption, /its row gives its label/);
    assert.ok(terms.tex.includes(`\\text{row } 0,\\ y = 2: &\\quad -\\ln p_{0,2} = -\\ln ${t(p0[2])} = ${t(-Math.log(p0[2]))}`), terms.tex);
    assert.ok(terms.tex.includes(`\\text{row } 1,\\ y = 0: &\\quad -\\ln p_{1,0} = -\\ln ${t(p1[0])} = ${t(-Math.log(p1[0]))}`), terms.tex);
    for (const step of steps) render(step.tex);
  });

  it('says the value "on these numbers" nowhere: that is the loss formula’s, shown once', () => {
    for (const text of [CCE, '{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.7, 0.6]}', '{"y": [1.5, -0.3, 2.0], "y_hat": [1.0, 0.0, 2.5]}', '{"labels": [1, 0], "probs": [[0.2, 0.8], [0.6, 0.4]]}']) {
      const steps = derivationOf(loss(text));
      assert.ok(!steps.some((s) => /on these numbers/i.test(s.caption)), steps.map((s) => s.caption).join(' | '));
      // Two-class CCE = BCE is an equivalence the panel shows; not a derivation step too.
      assert.ok(!steps.some((s) => /binary cross-entropy/.test(s.caption)));
    }
  });

  it('BCE from logits: the sigmoid line with the logits, and y = 1 / y = 0 terms', () => {
    const steps = derivationOf(loss('{"y": [1, 0], "logits": [2.5, -1.25]}'));
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    assert.equal(steps[1].tex, `p = \\sigma\\!\\left([2.5, -1.25]\\right) = [${t(sigmoid(2.5))}, ${t(sigmoid(-1.25))}]`);
    const terms = steps[steps.length - 1].tex;
    assert.ok(terms.includes(`\\text{row } 0,\\ y = 1: &\\quad -\\ln ${t(sigmoid(2.5))} = ${t(-Math.log(sigmoid(2.5)))}`), terms);
    assert.ok(terms.includes(`\\text{row } 1,\\ y = 0: &\\quad -\\ln(1 - ${t(sigmoid(-1.25))}) = ${t(-Math.log(1 - sigmoid(-1.25)))}`), terms);
  });

  it('BCE from probabilities keeps four steps: no sigmoid line', () => {
    const steps = derivationOf(loss('{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.7, 0.6]}'));
    assert.equal(steps.length, 4);
    assert.match(steps[2].caption, /averaged over the batch/);
  });

  it('folds past three samples: rows 0–2, ⋮, the last, and N', () => {
    const n = 10;
    const labels = Array.from({ length: n }, (_, i) => i % 3);
    const probs = Array.from({ length: n }, () => [0.2, 0.3, 0.5]);
    const terms = derivationOf(loss(JSON.stringify({ labels, probs }))).at(-1)!.tex;
    for (const row of [0, 1, 2, 9]) assert.ok(terms.includes(`\\text{row } ${row},`), `row ${row}`);
    assert.ok(!terms.includes('\\text{row } 5,'));
    assert.match(terms, /&\\vdots/);
    assert.match(terms, /\(N = 10\)$/);
    render(terms);
  });

  it('a term the options change (class weights) is the loss computed, with no formula that would not give it', () => {
    const terms = derivationOf(loss('{"labels": [1, 0], "probs": [[0.2, 0.8], [0.6, 0.4]]}', { lossOptions: { weight: [1, 3] } })).at(-1)!.tex;
    assert.match(terms, /\\ell = /);
    assert.doesNotMatch(terms, /p_\{0,1\}/);
  });

  it('an ignored target is named as ignored', () => {
    const terms = derivationOf(loss('{"labels": [1, -100], "probs": [[0.2, 0.8], [0.6, 0.4]]}')).at(-1)!.tex;
    assert.match(terms, /\\text\{row \} 1,\\ y = -100: &\\quad \\text\{ignored\}/);
  });

  it('MSE: each sample’s squared error', () => {
    const terms = derivationOf(loss('{"y": [1.5, -0.3, 2.0], "y_hat": [1.0, 0.0, 2.5]}')).at(-1)!.tex;
    assert.ok(terms.includes(`\\text{row } 1: &\\quad (-0.3 - 0)^2 = ${t(0.09)}`), terms);
  });

  it('Copy as LaTeX carries the steps and renders', () => {
    const latex = toLatex(loss(CCE));
    assert.match(latex, /operatorname\{softmax\}/);
    render(latex.replace(/gather\*/g, 'gathered'));
  });
});
