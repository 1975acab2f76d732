import * as assert from 'node:assert/strict';
import katex from 'katex';
import { evaluateText, type EvaluateOptions, type Evaluation } from '../../src/core/evaluate';
import { derivationOf, formulasOf, texNumber, toLatex } from '../../src/core/tex';
import { UNITS } from '../../src/core/types';

/** One literal of every kind and loss, including long vectors that get summarised. */
const CASES: Record<string, string> = {
  distribution: '[0.1, 0.2, 0.7]',
  longDistribution: JSON.stringify(Array.from({ length: 50 }, (_, i) => i + 1)),
  withZero: '[0, 0.5, 0.5]',
  logits: '[2.0, -1.0, 0.5]',
  pair: '{"p": [0.5, 0.5], "q": [0.9, 0.1]}',
  infinitePair: '{"p": [0.5, 0.5], "q": [1, 0]}',
  symmetricPair: '{"p": [0.5, 0.5], "q": [0.5, 0.5]}',
  longPair: JSON.stringify({ p: Array.from({ length: 20 }, (_, i) => i + 1), q: Array.from({ length: 20 }, (_, i) => 20 - i) }),
  batch: '[[0.5, 0.5], [0.9, 0.1], [0.2, 0.8]]',
  bce: '{"y": [1, 0, 1, 1], "y_pred": [0.9, 0.2, 0.7, 0.6]}',
  softBce: '{"y": [0.2, 1], "probs": [0.3, 0.9]}',
  bceLogits: '{"y": [1, 0], "logits": [2.5, -1.25]}',
  bceInfinite: '{"y": [1, 0], "probs": [0, 0.5]}',
  cce: '{"labels": [2, 0], "logits": [[0.1, 0.2, 3.0], [2.0, -1.0, 0.5]]}',
  cceSoft: '{"targets": [[0.1, 0.9], [0.5, 0.5]], "probs": [[0.3, 0.7], [0.6, 0.4]]}',
  cceTwo: '{"labels": [1, 0], "probs": [[0.2, 0.8], [0.6, 0.4]]}',
  mse: '{"y": [1.5, -0.3, 2.0], "y_hat": [1.0, 0.0, 2.5]}',
  tiny: '[1e-300, 1]',
};

function render(tex: string): string {
  return katex.renderToString(tex, { throwOnError: true, strict: 'error', trust: false, displayMode: true });
}

describe('TeX: KaTeX renders every formula', () => {
  for (const unit of UNITS) {
    for (const [name, text] of Object.entries(CASES)) {
      it(`${name} in ${unit}`, () => {
        const options: EvaluateOptions = { unit, as: 'auto', loss: 'auto' };
        const evaluation: Evaluation = evaluateText(text, options);
        const formulas = formulasOf(evaluation);
        assert.ok(formulas.length > 0);
        for (const formula of formulas) {
          assert.ok(render(formula.tex).includes('katex'), formula.id);
          assert.ok(render(formula.substituted).includes('katex'), formula.id);
        }
        if (evaluation.kind === 'loss') {
          const steps = derivationOf(evaluation);
          assert.ok(steps.length >= 4);
          for (const step of steps) render(step.tex);
        }
        assert.match(toLatex(evaluation), /^\\begin\{gather\*\}[\s\S]*\\end\{gather\*\}$/);
      });
    }
  }
});

describe('TeX: content', () => {
  it('writes short vectors out and summarises long ones', () => {
    const short = formulasOf(evaluateText(CASES.distribution))[0];
    assert.match(short.substituted, /0\.1\\,\\ln 0\.1 \+ 0\.2\\,\\ln 0\.2 \+ 0\.7\\,\\ln 0\.7/);
    // Counts: the first formula divides them by their sum; the entropy follows.
    const long = formulasOf(evaluateText(CASES.longDistribution)).find((f) => f.id === 'entropy')!;
    assert.match(long.substituted, /\\cdots/);
    assert.match(long.substituted, /n = 50/);
  });

  it('shows the asymmetry of KL with ≠ when the directions differ', () => {
    const formulas = formulasOf(evaluateText(CASES.pair));
    const asymmetry = formulas.find((f) => f.id === 'asymmetry')!;
    assert.match(asymmetry.substituted, /\\neq/);
    const same = formulasOf(evaluateText(CASES.symmetricPair)).find((f) => f.id === 'asymmetry')!;
    assert.match(same.substituted, /not in general/);
  });

  it('the Normal derivation keeps both halves', () => {
    const evaluation = evaluateText(CASES.mse);
    if (evaluation.kind !== 'loss') assert.fail('expected a loss');
    const nll = derivationOf(evaluation).find((step) => /log-likelihood/.test(step.caption))!;
    assert.match(nll.tex, /\\tfrac12 \\ln 2\\pi \+ \\tfrac12 \(y - f\)\^2/);
  });

  it('titles spell Kullback–Leibler', () => {
    const titles = formulasOf(evaluateText(CASES.pair)).map((f) => f.title).join(' ');
    assert.match(titles, /Kullback–Leibler/);
    assert.doesNotMatch(titles, /Leiber/);
  });

  it('names each KL direction as Wikipedia does: D_KL(P‖Q) is the divergence of P from Q', () => {
    const byId = new Map(formulasOf(evaluateText(CASES.pair)).map((f) => [f.id, f]));
    assert.ok(byId.get('klPQ')!.tex.startsWith(String.raw`D_{\mathrm{KL}}(P\,\|\,Q) = \sum_i p_i`), byId.get('klPQ')!.tex);
    assert.match(byId.get('klPQ')!.title, /of P from Q$/);
    assert.match(byId.get('klQP')!.title, /of Q from P$/);
  });

  it('numbers become TeX, with exponents and infinity', () => {
    assert.equal(texNumber(1.5e-7), '1.5\\times10^{-7}');
    assert.equal(texNumber(Infinity), '\\infty');
    assert.equal(texNumber(-2, 6, true), '(-2)');
    assert.equal(texNumber(0.6931471805599453), '0.693147');
  });

  it('a key that looks like TeX never reaches the TeX', () => {
    const evaluation = evaluateText('{"\\\\frac{a}{b}": 1, "\\\\href{x}{y}": 3}');
    const tex = formulasOf(evaluation).map((f) => f.tex + f.substituted).join(' ');
    assert.doesNotMatch(tex, /href|\\frac\{a\}/);
  });
});
