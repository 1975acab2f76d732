import type { JointEvaluation } from './joint';
import type { PairsEvaluation } from './pairs';
import type { SequenceEvaluation } from './sequence';
import { logSymbol, texNumber } from './tex-number';
import type { Unit } from './types';

/**
 * TeX for a batch of pairs, a joint table and a sequence of token log-probabilities: each headline
 * figure's formula and the same with the numbers in. The shape is tex.ts's Formula.
 */

interface KindFormula {
  readonly id: string;
  readonly title: string;
  readonly tex: string;
  readonly substituted: string;
}

/** Rows written out in a mean before "⋯". */
const WRITTEN_OUT = 4;

const KL = (a: string, b: string) => `D_{\\mathrm{KL}}(${a}\\,\\|\\,${b})`;

export function pairsFormulas(evaluation: PairsEvaluation, precision: number): KindFormula[] {
  const log = logSymbol(evaluation.unit);
  const n = evaluation.rows.length;
  const meanOf = (values: readonly number[], mean: number) => {
    const shown = values.slice(0, WRITTEN_OUT).map((v) => texNumber(v, precision));
    const terms = values.length > WRITTEN_OUT ? `${shown.join(' + ')} + \\cdots` : shown.join(' + ');
    return `\\frac{1}{${n}}\\left(${terms}\\right) = ${texNumber(mean, precision)}`;
  };
  const direction = (id: 'klPQ' | 'klQP', a: string, b: string, title: string): KindFormula => ({
    id,
    title,
    tex: `\\overline{${KL(a, b)}} = \\frac{1}{N}\\sum_{r=1}^{N} \\sum_i ${a.toLowerCase()}_{ri} ${log} \\frac{${a.toLowerCase()}_{ri}}{${b.toLowerCase()}_{ri}}`,
    substituted: `\\overline{${KL(a, b)}} = ${meanOf(
      evaluation.rows.map((row) => row[id].value),
      evaluation[id].value,
    )}`,
  });
  return [
    direction('klPQ', 'P', 'Q', "Mean Kullback–Leibler divergence of P from Q over the rows (PyTorch's kl_div(log Q, P, reduction='batchmean'))"),
    direction('klQP', 'Q', 'P', 'Mean Kullback–Leibler divergence of Q from P over the rows'),
    {
      id: 'jsDivergence',
      title: 'Mean Jensen–Shannon divergence over the rows',
      tex: `\\overline{\\mathrm{JS}(P,Q)} = \\frac{1}{N}\\sum_{r=1}^{N} \\left[\\tfrac12 ${KL('P_r', 'M_r')} + \\tfrac12 ${KL('Q_r', 'M_r')}\\right]`,
      substituted: `\\overline{\\mathrm{JS}(P,Q)} = ${meanOf(
        evaluation.rows.map((row) => row.jsDivergence),
        evaluation.jsDivergence,
      )}`,
    },
  ];
}

export function jointFormulas(evaluation: JointEvaluation, precision: number): KindFormula[] {
  const log = logSymbol(evaluation.unit);
  const t = (x: number) => texNumber(x, precision);
  const t0 = (x: number) => texNumber(x, precision, true);
  return [
    {
      id: 'mutualInformation',
      title: 'Mutual information of X and Y',
      tex: `I(X;Y) = \\sum_{x,y} p(x,y)\\,${log}\\frac{p(x,y)}{p(x)\\,p(y)} = H(X) + H(Y) - H(X,Y)`,
      substituted: `I(X;Y) = ${t(evaluation.entropyX)} + ${t(evaluation.entropyY)} - ${t0(evaluation.jointEntropy)} = ${t(evaluation.mutualInformation)}`,
    },
    {
      id: 'jointEntropy',
      title: 'Joint entropy',
      tex: `H(X,Y) = -\\sum_{x,y} p(x,y)\\,${log} p(x,y)`,
      substituted: `H(X,Y) = ${t(evaluation.jointEntropy)}\\quad(${evaluation.rows}\\times${evaluation.columns}\\text{ cells})`,
    },
    {
      id: 'conditionalEntropyXGivenY',
      title: 'Conditional entropy of X given Y',
      tex: 'H(X \\mid Y) = H(X,Y) - H(Y)',
      substituted: `H(X \\mid Y) = ${t(evaluation.jointEntropy)} - ${t0(evaluation.entropyY)} = ${t(evaluation.conditionalEntropyXGivenY)}`,
    },
    {
      id: 'conditionalEntropyYGivenX',
      title: 'Conditional entropy of Y given X',
      tex: 'H(Y \\mid X) = H(X,Y) - H(X)',
      substituted: `H(Y \\mid X) = ${t(evaluation.jointEntropy)} - ${t0(evaluation.entropyX)} = ${t(evaluation.conditionalEntropyYGivenX)}`,
    },
  ];
}

export function sequenceFormulas(evaluation: SequenceEvaluation, precision: number): KindFormula[] {
  const log = logSymbol(evaluation.unit);
  const count = evaluation.logprobs.length;
  const mean = evaluation.meanSurprisal.value;
  return [
    {
      id: 'perplexity',
      title: 'Perplexity: the exponential of the surprisal per token',
      tex: `\\mathrm{PPL} = ${power(evaluation.unit, `-\\frac{1}{T}\\sum_{t=1}^{T} ${log} p(x_t)`)}`,
      substituted: `\\mathrm{PPL} = ${power(evaluation.unit, texNumber(mean, precision))} = ${texNumber(evaluation.perplexity, precision)}`,
    },
    {
      id: 'meanSurprisal',
      title: 'Surprisal per token (the cross-entropy rate)',
      tex: `\\bar{I} = -\\frac{1}{T}\\sum_{t=1}^{T} ${log} p(x_t)`,
      substituted: `\\bar{I} = \\frac{${texNumber(evaluation.totalSurprisal.value, precision)}}{${count}} = ${texNumber(mean, precision)}`,
    },
  ];
}

/** b^{x} in the unit's base: e for nats, so the perplexity is the same number in every unit. */
function power(unit: Unit, exponent: string): string {
  const base = unit === 'nats' ? 'e' : unit === 'bits' ? '2' : '10';
  return `${base}^{${exponent}}`;
}
