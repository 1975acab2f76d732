import type { DistributionEvaluation, LossEvaluation, PairEvaluation } from './evaluate';
import { logSymbol, texNumber } from './tex-number';
import { natsPerUnit, type Interpretation } from './types';

/**
 * The steps of a derivation that use the user's own numbers: how the numbers became the
 * distribution (`p = softmax([2, −1, 0.5]) = [0.786, 0.039, 0.175]`), and each sample's term of a
 * loss, naming its row and label. tex.ts puts them between the general formulas. Like tex.ts, only
 * numbers this module formats enter the TeX.
 */

/** A step with the user's numbers: the shape of tex.ts's Formula (reading steps) and DerivationStep. */
export interface NumbersStep {
  readonly id: string;
  readonly title: string;
  /** The general rule. */
  readonly tex: string;
  /** The rule on the user's numbers. */
  readonly substituted: string;
}

/** Elements of a vector written out before "…": the first few, then the last. */
const LIST_HEAD = 4;
/** Samples written out before "⋮": the first few, then the last. */
const ROWS_HEAD = 3;

/** `[2, -1, 0.5]`, long vectors as `[x₀, x₁, x₂, x₃, …, xₙ₋₁]`. */
export function texList(values: ArrayLike<number>, precision: number): string {
  const n = values.length;
  const at = (i: number) => texNumber(values[i], precision);
  if (n <= LIST_HEAD + 1) return `[${Array.from({ length: n }, (_, i) => at(i)).join(', ')}]`;
  return `[${Array.from({ length: LIST_HEAD }, (_, i) => at(i)).join(', ')}, \\ldots, ${at(n - 1)}]`;
}

/** The indices written out of `count` rows: all of a few, else the first ROWS_HEAD and the last (-1 marks the ⋮). */
function shownRows(count: number): number[] {
  if (count <= ROWS_HEAD + 1) return Array.from({ length: count }, (_, i) => i);
  return [...Array.from({ length: ROWS_HEAD }, (_, i) => i), -1, count - 1];
}

/** Aligned lines, one per shown row, with a ⋮ line where rows are left out and their count. */
function rowLines(count: number, line: (i: number) => string): string {
  const lines = shownRows(count).map((i) => (i < 0 ? '&\\vdots' : line(i)));
  const folded = count > ROWS_HEAD + 1 ? `\\quad(N = ${count})` : '';
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}${folded}`;
}

/**
 * How the numbers as written became P (and Q): the softmax of logits, counts over their sum,
 * log-probabilities exponentiated. None for probabilities, which are P as written.
 */
export function readingSteps(evaluation: DistributionEvaluation | PairEvaluation, precision: number): NumbersStep[] {
  const steps: NumbersStep[] = [];
  const p = readingStep('P', evaluation.p.interpretation, evaluation.inputs, evaluation.p.p, precision);
  if (p) steps.push(p);
  if (evaluation.kind === 'pair') {
    const q = readingStep('Q', evaluation.q.interpretation, evaluation.inputsQ, evaluation.q.p, precision);
    if (q) steps.push(q);
  }
  return steps;
}

function readingStep(name: 'P' | 'Q', interpretation: Interpretation, inputs: Float64Array | undefined, p: Float64Array, precision: number): NumbersStep | undefined {
  if (inputs === undefined || interpretation === 'probs') return undefined;
  const v = name.toLowerCase();
  const suffix = name === 'P' ? '' : 'Q';
  const result = `= ${texList(p, precision)}`;
  switch (interpretation) {
    case 'logits':
      return {
        id: `softmax${suffix}`,
        title: `${name} is the softmax of the logits`,
        tex: `${v}_i = \\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}`,
        substituted: `${v} = \\operatorname{softmax}\\!\\left(${texList(inputs, precision)}\\right) ${result}`,
      };
    case 'counts': {
      let total = 0;
      for (const c of inputs) total += c;
      return {
        id: `normalised${suffix}`,
        title: `${name} is the counts divided by their sum`,
        tex: `${v}_i = \\frac{c_i}{\\sum_j c_j}`,
        substituted: `${v} = \\frac{${texList(inputs, precision)}}{${texNumber(total, precision)}} ${result}`,
      };
    }
    case 'logprobs':
      return {
        id: `exponentiated${suffix}`,
        title: `${name} is the exponential of the log-probabilities`,
        tex: `${v}_i = e^{\\ell_i}`,
        substituted: `${v} = \\exp\\!\\left(${texList(inputs, precision)}\\right) ${result}`,
      };
  }
}

/** The loss's logits through the sigmoid (BCE) or each row's softmax (CCE); undefined for probabilities. */
export function lossLinkStep(evaluation: LossEvaluation, precision: number): NumbersStep | undefined {
  if (evaluation.interpretation !== 'logits' || evaluation.distribution === 'normal') return undefined;
  if (evaluation.distribution === 'bernoulli') {
    return {
      id: 'sigmoid',
      title: 'The sigmoid of each logit is that sample’s p',
      tex: 'p_n = \\sigma(z_n) = \\frac{1}{1 + e^{-z_n}}',
      substituted: `p = \\sigma\\!\\left(${texList(evaluation.predictions, precision)}\\right) = ${texList(evaluation.probabilities, precision)}`,
    };
  }
  const k = evaluation.classes;
  const row = (values: Float64Array, i: number) => values.subarray(i * k, (i + 1) * k);
  return {
    id: 'softmax',
    title: 'The softmax of each row’s logits is that sample’s p',
    tex: 'p_{n} = \\operatorname{softmax}(z_n),\\quad p_{nk} = \\frac{e^{z_{nk}}}{\\sum_j e^{z_{nj}}}',
    substituted: rowLines(evaluation.samples, (i) => `p_{${i}} &= \\operatorname{softmax}\\!\\left(${texList(row(evaluation.predictions, i), precision)}\\right) = ${texList(row(evaluation.probabilities, i), precision)}`),
  };
}

/**
 * Each sample's term of the loss, naming its row and label: `row 0, y = 2: −ln p₀,₂ = −ln 0.896 = 0.11`.
 * Where the options change a term (weights, smoothing, a convention's clamp) the term is the loss as
 * computed, without a formula that would not give it.
 */
export function perSampleStep(evaluation: LossEvaluation, precision: number): NumbersStep {
  const log = logSymbol(evaluation.unit);
  const num = (x: number) => texNumber(x, precision);
  const per = evaluation.perSample;
  const loss = (i: number) => num(per[i]);
  switch (evaluation.loss) {
    case 'bce': {
      const columns = evaluation.columns ?? 1;
      const name = (i: number) => (columns > 1 ? `\\text{row } ${Math.floor(i / columns)},\\ \\text{label } ${i % columns}` : `\\text{row } ${i}`);
      const line = (i: number) => {
        const y = evaluation.targets[i];
        const p = evaluation.probabilities[i];
        const head = `${name(i)},\\ y = ${num(y)}: &\\quad `;
        if (y === 1 && agrees(-Math.log(p), per[i], evaluation.unit)) return `${head}-${log} ${num(p)} = ${loss(i)}`;
        if (y === 0 && agrees(-Math.log(1 - p), per[i], evaluation.unit)) return `${head}-${log}(1 - ${num(p)}) = ${loss(i)}`;
        return `${head}\\ell = ${loss(i)}`;
      };
      return {
        id: 'perSample',
        title: 'Each sample’s term: −log of the probability its label gets',
        tex: `\\ell_n = -\\left[y_n ${log} p_n + (1 - y_n) ${log}(1 - p_n)\\right]`,
        substituted: rowLines(per.length, line),
      };
    }
    case 'cce': {
      const k = evaluation.classes;
      const indices = evaluation.targets.length === evaluation.samples;
      const line = (i: number) => {
        if (!indices) return `\\text{row } ${i}: &\\quad -\\textstyle\\sum_k y_{${i}k} ${log} p_{${i}k} = ${loss(i)}`;
        const label = evaluation.targets[i];
        const head = `\\text{row } ${i},\\ y = ${num(label)}: &\\quad `;
        // A label outside the classes is the ignore index: left out of the loss.
        if (!(Number.isInteger(label) && label >= 0 && label < k)) return `${head}\\text{ignored}`;
        const p = evaluation.probabilities[i * k + label];
        return agrees(-Math.log(p), per[i], evaluation.unit) ? `${head}-${log} p_{${i},${label}} = -${log} ${num(p)} = ${loss(i)}` : `${head}\\ell = ${loss(i)}`;
      };
      return {
        id: 'perSample',
        title: indices ? 'Each sample’s term: −log of the probability its row gives its label' : 'Each sample’s term: the cross-entropy of its target row and its predicted row',
        tex: indices ? `\\ell_n = -${log} p_{n,\\,y_n}` : `\\ell_n = -\\sum_k y_{nk} ${log} p_{nk}`,
        substituted: rowLines(per.length, line),
      };
    }
    case 'mse': {
      const line = (i: number) => `\\text{row } ${i}: &\\quad (${num(evaluation.targets[i])} - ${texNumber(evaluation.predictions[i], precision, true)})^2 = ${loss(i)}`;
      return {
        id: 'perSample',
        title: 'Each sample’s squared error',
        tex: '(y_n - f_n)^2',
        substituted: rowLines(per.length, line),
      };
    }
  }
}

/** Whether a term in nats, expressed in the unit, is the loss computed (the options did not change it). */
function agrees(nats: number, computed: number, unit: LossEvaluation['unit']): boolean {
  const value = nats / natsPerUnit(unit);
  if (!Number.isFinite(value) || !Number.isFinite(computed)) return value === computed;
  return Math.abs(value - computed) <= 1e-9 * Math.max(1, Math.abs(computed));
}
