import type { BatchEvaluation, DistributionEvaluation, Evaluation, PairEvaluation } from './evaluate';
import { lossLinkStep, perSampleStep, readingSteps } from './derivation-steps';
import type { LossEvaluation } from './loss-select';
import { jointFormulas, pairsFormulas, sequenceFormulas } from './tex-kinds';
import { crossEntropyOptionsFormula } from './tex-loss';
import { logSymbol, texNumber } from './tex-number';

/**
 * TeX for every quantity and loss: the general formula, the formula with the user's numbers
 * substituted, and each loss's derivation from its output distribution. Only numbers this module
 * formats itself ever enter the TeX: no user text (keys, labels, file names) does.
 */

export interface Formula {
  readonly id: string;
  readonly title: string;
  /** The general formula. */
  readonly tex: string;
  /** The formula with the user's numbers substituted, ending in its value. */
  readonly substituted: string;
}

export interface DerivationStep {
  readonly caption: string;
  readonly tex: string;
}

/** Vectors longer than this are written as first terms, ⋯, last term. */
const WRITTEN_OUT = 6;
const HEAD = 3;

export { logSymbol, texNumber };

/** Writes Σ terms out for short vectors, and summarises long ones. */
function sumOf(count: number, term: (i: number) => string): string {
  if (count <= WRITTEN_OUT) return Array.from({ length: count }, (_, i) => term(i)).join(' + ');
  const head = Array.from({ length: HEAD }, (_, i) => term(i)).join(' + ');
  return `${head} + \\cdots + ${term(count - 1)}`;
}

function lengthNote(count: number): string {
  return count > WRITTEN_OUT ? `\\quad(n = ${count})` : '';
}

export function formulasOf(evaluation: Evaluation, precision = 6): Formula[] {
  switch (evaluation.kind) {
    case 'distribution':
      return [...readingSteps(evaluation, precision), entropyFormula('P', evaluation, precision)];
    case 'pair':
      return [...readingSteps(evaluation, precision), ...pairFormulas(evaluation, precision)];
    case 'batch':
      return [batchFormula(evaluation, precision)];
    case 'loss':
      return [lossFormula(evaluation, precision)];
    case 'pairs':
      return pairsFormulas(evaluation, precision);
    case 'joint':
      return jointFormulas(evaluation, precision);
    case 'sequence':
      return sequenceFormulas(evaluation, precision);
  }
}

function entropyFormula(name: 'P' | 'Q', evaluation: DistributionEvaluation | PairEvaluation, precision: number): Formula {
  const log = logSymbol(evaluation.unit);
  const d = name === 'P' ? evaluation.p : (evaluation as PairEvaluation).q;
  const value = name === 'P' ? evaluation.entropy : (evaluation as PairEvaluation).entropyQ;
  const n = d.p.length;
  const v = name.toLowerCase();
  const p = (i: number) => texNumber(d.p[i], precision);
  return {
    id: `entropy${name === 'P' ? '' : 'Q'}`,
    title: `Entropy of ${name}`,
    tex: `H(${name}) = -\\sum_{i} ${v}_i ${log} ${v}_i`,
    substituted: `H(${name}) = -\\left[${sumOf(n, (i) => `${p(i)}\\,${log} ${p(i)}`)}\\right] = ${texNumber(value, precision)}${lengthNote(n)}`,
  };
}

function pairFormulas(evaluation: PairEvaluation, precision: number): Formula[] {
  const log = logSymbol(evaluation.unit);
  const n = evaluation.p.p.length;
  const p = (i: number) => texNumber(evaluation.p.p[i], precision);
  const q = (i: number) => texNumber(evaluation.q.p[i], precision);
  const kl = (a: string, b: string) => `D_{\\mathrm{KL}}(${a}\\,\\|\\,${b})`;
  const klPQ = evaluation.klPQ.value;
  const klQP = evaluation.klQP.value;
  const differ = !(Math.abs(klPQ - klQP) <= 1e-12 * Math.max(1, Math.abs(klPQ)));
  return [
    entropyFormula('P', evaluation, precision),
    entropyFormula('Q', evaluation, precision),
    {
      id: 'crossEntropy',
      title: 'Cross-entropy of Q relative to P',
      tex: `H(P,Q) = -\\sum_i p_i ${log} q_i`,
      substituted: `H(P,Q) = -\\left[${sumOf(n, (i) => `${p(i)}\\,${log} ${q(i)}`)}\\right] = ${texNumber(evaluation.crossEntropy.value, precision)}${lengthNote(n)}`,
    },
    {
      id: 'klPQ',
      // Wikipedia's wording: D_KL(P‖Q) is the divergence "of P from Q", Q being the model of P.
      title: 'Kullback–Leibler divergence of P from Q',
      tex: `${kl('P', 'Q')} = \\sum_i p_i ${log} \\frac{p_i}{q_i}`,
      substituted: `${kl('P', 'Q')} = ${sumOf(n, (i) => `${p(i)}\\,${log}\\frac{${p(i)}}{${q(i)}}`)} = ${texNumber(klPQ, precision)}${lengthNote(n)}`,
    },
    {
      id: 'klQP',
      title: 'Kullback–Leibler divergence of Q from P',
      tex: `${kl('Q', 'P')} = \\sum_i q_i ${log} \\frac{q_i}{p_i}`,
      substituted: `${kl('Q', 'P')} = ${sumOf(n, (i) => `${q(i)}\\,${log}\\frac{${q(i)}}{${p(i)}}`)} = ${texNumber(klQP, precision)}${lengthNote(n)}`,
    },
    {
      id: 'identity',
      title: 'KL divergence is cross-entropy minus entropy',
      tex: `${kl('P', 'Q')} = H(P,Q) - H(P)`,
      substituted: `${kl('P', 'Q')} = ${texNumber(evaluation.crossEntropy.value, precision)} - ${texNumber(evaluation.entropy, precision, true)} = ${texNumber(klPQ, precision)}`,
    },
    {
      id: 'asymmetry',
      title: 'KL divergence is not symmetric',
      tex: `${kl('P', 'Q')} \\neq ${kl('Q', 'P')} \\text{ in general}`,
      substituted: differ
        ? `${kl('P', 'Q')} = ${texNumber(klPQ, precision)} \\neq ${texNumber(klQP, precision)} = ${kl('Q', 'P')}`
        : `${kl('P', 'Q')} = ${kl('Q', 'P')} = ${texNumber(klPQ, precision)} \\text{ here, though not in general}`,
    },
    {
      id: 'jsDivergence',
      title: 'Jensen–Shannon divergence',
      tex: `\\mathrm{JS}(P,Q) = \\tfrac12 ${kl('P', 'M')} + \\tfrac12 ${kl('Q', 'M')},\\quad M = \\tfrac12(P+Q)`,
      substituted: `\\mathrm{JS}(P,Q) = ${texNumber(evaluation.jsDivergence, precision)} \\le ${log} 2`,
    },
  ];
}

function batchFormula(evaluation: BatchEvaluation, precision: number): Formula {
  const log = logSymbol(evaluation.unit);
  const n = evaluation.entropies.length;
  return {
    id: 'meanEntropy',
    title: 'Mean entropy over the rows',
    tex: `\\bar H = \\frac{1}{N}\\sum_{n=1}^{N} H(P_n),\\quad H(P_n) = -\\sum_i p_{ni} ${log} p_{ni}`,
    substituted: `\\bar H = \\frac{1}{${n}}\\left[${sumOf(n, (i) => texNumber(evaluation.entropies[i], precision))}\\right] = ${texNumber(evaluation.meanEntropy, precision)}`,
  };
}

function lossFormula(evaluation: LossEvaluation, precision: number): Formula {
  const log = logSymbol(evaluation.unit);
  const n = evaluation.samples;
  const num = (x: number, wrap = false) => texNumber(x, precision, wrap);
  const y = (i: number) => evaluation.targets[i];
  if (evaluation.options && evaluation.loss !== 'mse') return crossEntropyOptionsFormula({ ...evaluation, loss: evaluation.loss }, precision);
  switch (evaluation.loss) {
    case 'bce': {
      if (evaluation.interpretation === 'logits') {
        const z = (i: number) => evaluation.predictions[i];
        return {
          id: 'loss',
          title: 'Binary cross-entropy from logits',
          tex: `\\mathcal{L}_{\\mathrm{BCE}} = \\frac{1}{N}\\sum_{n} \\left[\\max(z_n, 0) - z_n y_n + ${log}\\!\\left(1 + e^{-|z_n|}\\right)\\right]`,
          substituted: `\\mathcal{L}_{\\mathrm{BCE}} = \\frac{1}{${n}}\\left[${sumOf(n, (i) => `\\left(${num(Math.max(z(i), 0))} - ${num(z(i), true)}\\cdot${num(y(i))} + ${log}(1 + e^{-${num(Math.abs(z(i)))}})\\right)`)}\\right] = ${num(evaluation.value)}`,
        };
      }
      const p = (i: number) => num(evaluation.predictions[i]);
      const term = (i: number) =>
        y(i) === 1 ? `${log} ${p(i)}` : y(i) === 0 ? `${log}(1 - ${p(i)})` : `${num(y(i))}\\,${log} ${p(i)} + ${num(1 - y(i))}\\,${log}(1 - ${p(i)})`;
      return {
        id: 'loss',
        title: 'Binary cross-entropy',
        tex: `\\mathcal{L}_{\\mathrm{BCE}} = -\\frac{1}{N}\\sum_{n} \\left[y_n ${log} p_n + (1 - y_n) ${log}(1 - p_n)\\right]`,
        substituted: `\\mathcal{L}_{\\mathrm{BCE}} = -\\frac{1}{${n}}\\left[${sumOf(n, term)}\\right] = ${num(evaluation.value)}`,
      };
    }
    case 'cce': {
      const term = (i: number) => {
        const observed = evaluation.observedProbability?.[i];
        return observed !== undefined ? `${log} ${num(observed)}` : `\\textstyle\\sum_k y_{${i}k} ${log} p_{${i}k}`;
      };
      return {
        id: 'loss',
        title: 'Categorical cross-entropy',
        tex: `\\mathcal{L}_{\\mathrm{CCE}} = -\\frac{1}{N}\\sum_{n}\\sum_{k} y_{nk} ${log} p_{nk}${evaluation.interpretation === 'logits' ? ',\\quad p_n = \\operatorname{softmax}(z_n)' : ''}`,
        substituted: `\\mathcal{L}_{\\mathrm{CCE}} = -\\frac{1}{${n}}\\left[${sumOf(n, term)}\\right] = ${num(evaluation.value)}`,
      };
    }
    case 'mse': {
      const f = (i: number) => evaluation.predictions[i];
      // reduction='sum' (MSELoss's) drops the 1/N.
      const mean = evaluation.reduction !== 'sum';
      return {
        id: 'loss',
        title: mean ? 'Mean squared error' : 'Sum of squared errors',
        tex: `\\mathrm{${mean ? 'MSE' : 'SSE'}} = ${mean ? '\\frac{1}{N}' : ''}\\sum_{n} (y_n - f_n)^2`,
        substituted: `\\mathrm{${mean ? 'MSE' : 'SSE'}} = ${mean ? `\\frac{1}{${n}}` : ''}\\left[${sumOf(n, (i) => `(${num(y(i))} - ${num(f(i), true)})^2`)}\\right] = ${num(evaluation.value)}`,
      };
    }
  }
}

/**
 * The chain from the output distribution to the loss: the distribution, the logits through the
 * sigmoid or softmax on the user's numbers, the likelihood, the cross-entropy, and each sample's
 * term naming its row and label (derivation-steps.ts). The loss's value on these numbers is the loss
 * formula's (formulasOf), and two-class CCE = BCE is an equivalence: neither is said again here.
 */
export function derivationOf(evaluation: LossEvaluation, precision = 6): DerivationStep[] {
  const [first, ...rest] = generalDerivation(evaluation);
  const link = lossLinkStep(evaluation, precision);
  const perSample = perSampleStep(evaluation, precision);
  return [first, ...(link ? [{ caption: link.title, tex: link.substituted }] : []), ...rest, { caption: perSample.title, tex: perSample.substituted }];
}

/** The steps that hold for any numbers. */
function generalDerivation(evaluation: LossEvaluation): DerivationStep[] {
  const log = logSymbol(evaluation.unit);
  switch (evaluation.distribution) {
    case 'bernoulli':
      return [
        { caption: 'The network’s output, through a sigmoid, is the parameter of a Bernoulli distribution', tex: `p = \\sigma\\big(f(x;\\theta)\\big),\\qquad B(y; p) = p^{y}(1-p)^{1-y}` },
        { caption: 'Negative log-likelihood of one label', tex: `-${log} B(y; p) = -\\left[y ${log} p + (1-y) ${log}(1-p)\\right]` },
        { caption: 'Cross-entropy between the labels and the model, averaged over the batch', tex: `\\mathcal{L}_{\\mathrm{BCE}} = -\\frac{1}{N}\\sum_{n}\\left[y_n ${log} p_n + (1-y_n) ${log}(1-p_n)\\right]` },
      ];
    case 'multinoulli':
      return [
        { caption: 'The network’s output, through a softmax, is the parameter of a categorical (Multinoulli) distribution', tex: `p = \\operatorname{softmax}\\big(f(x;\\theta)\\big),\\qquad M(y; p) = \\prod_{k} p_k^{\\,y_k}` },
        { caption: 'Negative log-likelihood of one label', tex: `-${log} M(y; p) = -\\sum_{k} y_k ${log} p_k` },
        { caption: 'Cross-entropy between the labels and the model, averaged over the batch', tex: `\\mathcal{L}_{\\mathrm{CCE}} = -\\frac{1}{N}\\sum_{n}\\sum_{k} y_{nk} ${log} p_{nk}` },
      ];
    case 'normal':
      return [
        { caption: 'The network’s output is the mean of a Normal distribution with unit variance', tex: `\\mathcal{N}(y; f, 1) = \\frac{1}{\\sqrt{2\\pi}}\\exp\\!\\left(-\\tfrac12 (y - f)^2\\right)` },
        { caption: 'Negative log-likelihood of one target: both halves', tex: `-${log} \\mathcal{N}(y; f, 1) = \\tfrac12 ${log} 2\\pi + \\tfrac12 (y - f)^2${evaluation.unit === 'nats' ? '' : `\\,${log} e`}` },
        { caption: 'Cross-entropy between the targets and the model, averaged over the batch', tex: `\\frac{1}{N}\\sum_{n}\\left[\\tfrac12 ${log} 2\\pi + \\tfrac12 (y_n - f_n)^2${evaluation.unit === 'nats' ? '' : `\\,${log} e`}\\right] = \\tfrac12 ${log} 2\\pi + \\tfrac12\\,\\mathrm{MSE}${evaluation.unit === 'nats' ? '' : `\\,${log} e`}` },
        { caption: 'The constant and the factor ½ do not move the minimum', tex: `\\arg\\min_{\\theta} \\mathrm{NLL} = \\arg\\min_{\\theta} \\mathrm{MSE},\\qquad \\mathrm{MSE} = \\frac{1}{N}\\sum_{n}(y_n - f_n)^2` },
      ];
  }
}

/** Everything as one LaTeX block for "Copy Result as LaTeX". */
export function toLatex(evaluation: Evaluation, precision = 6): string {
  const lines = formulasOf(evaluation, precision).map((formula) => `  ${formula.substituted} \\\\`);
  if (evaluation.kind === 'loss') lines.push(...derivationOf(evaluation, precision).map((step) => `  ${step.tex} \\\\`));
  return ['\\begin{gather*}', ...lines, '\\end{gather*}'].join('\n');
}
