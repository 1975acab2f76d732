import type { LossEvaluation } from '../../core/evaluate';
import { LOSS_LABELS } from '../../core/figures';
import { derivationOf, formulasOf, logSymbol, texNumber } from '../../core/tex';
import { natsPerUnit } from '../../core/types';
import type { EquivalenceView, FormulaView, LossView } from '../view-model';
import { barChart } from './bars';
import { lossCurve } from './curves';
import { conventionsView, lossOptionsView, meanDivisor } from './loss-options-view';

const DISTRIBUTION_LABELS = { bernoulli: 'Bernoulli', multinoulli: 'Multinoulli (categorical)', normal: 'Normal (unit variance)' } as const;

/** The loss view: the output distribution, the derivation, each sample's loss and the curve they sit on. */
export function lossView(evaluation: LossEvaluation, precision: number, fmt: (x: number) => string, titled: (title: string) => string = (t) => t, smoothing = 0): LossView {
  const loss = evaluation.loss;
  const per = evaluation.perSample;
  const formula = formulasOf(evaluation, precision)[0];
  const perSample = barChart({
    id: 'perSample',
    title: 'Loss of each sample',
    caption: `The ${loss.toUpperCase()} of each sample; ${batchLoss(evaluation, fmt)}.`,
    series: [loss === 'mse' ? 'squared error' : `loss (${evaluation.unit})`],
    n: per.length,
    label: (i) => `sample ${i}`,
    value: (i) => per[i],
    score: (i) => per[i],
    fold: 'mean',
    signed: false,
    fmt,
  });
  const curve = lossCurve(evaluation, fmt);
  const conventions = conventionsView(evaluation, fmt);
  return {
    name: loss,
    label: LOSS_LABELS[loss],
    distribution: DISTRIBUTION_LABELS[evaluation.distribution],
    reason: evaluation.reason,
    samples: evaluation.samples,
    derivation: derivationOf(evaluation, precision).map((s) => ({ caption: s.caption, tex: s.tex })),
    formula: { id: formula.id, title: titled(formula.title), tex: formula.tex, substituted: formula.substituted },
    perSample,
    ...(curve ? { curve } : { curveMissing: 'The targets are soft labels, so no single label’s probability decides each sample’s loss: there is no −log p curve to mark them on.' }),
    equivalences: equivalences(evaluation, precision),
    ...(smoothing > 0 && evaluation.loss !== 'mse' ? { smoothing: smoothingFormula(smoothing, evaluation.loss === 'bce' ? 2 : evaluation.classes, precision) } : {}),
    options: lossOptionsView(evaluation, fmt),
    ...(conventions ? { conventions } : {}),
  };
}

/** How the per-sample losses make the batch's, by the reduction and the weights in effect. */
function batchLoss(evaluation: LossEvaluation, fmt: (x: number) => string): string {
  const divisor = meanDivisor(evaluation, fmt);
  switch (evaluation.reduction ?? 'mean') {
    case 'sum':
      return `the batch loss is their sum, ${fmt(evaluation.value)}`;
    case 'none':
      // The figure is what reduction='mean' gives: the bars' plain mean only when it divides by the samples.
      if (divisor === undefined) return `each is a value (reduction none); their mean is ${fmt(evaluation.value)}`;
      return `each is a value (reduction none); their sum divided by ${divisor} is ${fmt(evaluation.value)}, the value reduction='mean' gives`;
    case 'mean':
      if (divisor === undefined) return `the batch loss is their mean, ${fmt(evaluation.value)}`;
      return `the batch loss is their sum divided by ${divisor}, ${fmt(evaluation.value)}`;
  }
}

/** The targets label smoothing compares the model with: (1 − ε)·y + ε/C, and what a hard label becomes. */
export function smoothingFormula(epsilon: number, classes: number, precision: number): FormulaView {
  const num = (x: number) => texNumber(x, precision);
  return {
    id: 'smoothing',
    title: 'Label smoothing',
    tex: `y'_{k} = (1 - \\varepsilon)\\,y_{k} + \\frac{\\varepsilon}{C}`,
    substituted: `y'_{k} = (1 - ${num(epsilon)})\\,y_{k} + \\frac{${num(epsilon)}}{${classes}}:\\qquad 1 \\mapsto ${num(1 - epsilon + epsilon / classes)},\\quad 0 \\mapsto ${num(epsilon / classes)}`,
  };
}

/** The identities these numbers illustrate: two-class CCE is BCE; the Normal NLL is a constant plus half the MSE. */
function equivalences(evaluation: LossEvaluation, precision: number): EquivalenceView[] {
  const out: EquivalenceView[] = [];
  const num = (x: number) => texNumber(x, precision);
  if (evaluation.twoClassBce !== undefined) {
    out.push({
      title: 'With two classes, CCE is BCE',
      caption: 'The categorical cross-entropy over two classes, and the binary cross-entropy on the second class’s probability, on these numbers:',
      tex: `\\mathcal{L}_{\\mathrm{CCE}} = ${num(evaluation.value)} \\qquad \\mathcal{L}_{\\mathrm{BCE}} = ${num(evaluation.twoClassBce)}`,
    });
  }
  if (evaluation.distribution === 'normal' && evaluation.gaussianNll !== undefined) {
    const scale = natsPerUnit(evaluation.unit);
    const log = logSymbol(evaluation.unit);
    const loge = evaluation.unit === 'nats' ? '' : `\\,${log} e`;
    out.push({
      title: 'Minimising the Normal NLL is minimising MSE',
      caption: 'The NLL is a constant, ½ log 2π, plus half the MSE: neither the constant nor the ½ moves the minimum. Both halves, on these numbers:',
      tex: `\\mathrm{NLL} = \\underbrace{\\tfrac12 ${log} 2\\pi}_{${num((0.5 * Math.log(2 * Math.PI)) / scale)}} + \\underbrace{\\tfrac12\\,\\mathrm{MSE}${loge}}_{${num((0.5 * evaluation.value) / scale)}} = ${num(evaluation.gaussianNll)}`,
    });
  }
  return out;
}
