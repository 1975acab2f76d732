import type { Evaluation } from './evaluate';
import { describe, figuresOf, formatNumber, infiniteAtNoun, LOSS_LABELS, type Figure } from './figures';
import type { Unit } from './types';

/**
 * The evaluation as a language model reads it best: one figure a line with its name, unit and
 * meaning spelled out (a model that sees "D_KL(P‖Q) = 0.51" alone may still swap the directions),
 * then how the numbers were read and the warnings. The MCP server and the VS Code tools both answer
 * with this text.
 */

/** Significant digits: the core is exact to about 1e-9 relative, so ten digits lose nothing true. */
export const ASSISTANT_PRECISION = 10;

const UNIT_BASES: Record<Unit, string> = { nats: 'natural logarithm, base e', bits: 'base-2 logarithm', hartleys: 'base-10 logarithm' };

const MEANINGS: Record<string, string> = {
  entropy: 'entropy of P',
  maxEntropy: 'entropy of the uniform distribution over the same number of values (the largest possible)',
  entropyQ: 'entropy of Q',
  crossEntropy: 'cross-entropy of Q relative to P, −Σ p·log q',
  klPQ: 'Kullback–Leibler divergence of P from Q, Σ p·log(p/q); KL is not symmetric',
  klQP: 'Kullback–Leibler divergence of Q from P, Σ q·log(q/p); the other direction',
  jsDivergence: 'Jensen–Shannon divergence (symmetric; scipy.spatial.distance.jensenshannon returns its square root)',
  meanEntropy: 'mean of the rows’ entropies',
  gaussianNll: 'negative log-likelihood under a unit-variance Normal, ½·log 2π + ½·(y − f)², mean over samples',
  twoClassBce: 'binary cross-entropy on the second class, equal to the two-class categorical cross-entropy',
  mutualInformation: 'mutual information of X (rows) and Y (columns), H(X) + H(Y) − H(X,Y); scikit-learn’s mutual_info_score(contingency=…) in nats',
  jointEntropy: 'joint entropy of the table',
  entropyX: 'entropy of X, the row marginal',
  entropyY: 'entropy of Y, the column marginal',
  conditionalEntropyXGivenY: 'conditional entropy of X given Y, H(X,Y) − H(Y)',
  conditionalEntropyYGivenX: 'conditional entropy of Y given X, H(X,Y) − H(X)',
  perplexity: 'perplexity, exp of the mean surprisal in nats (the same number in every unit): e^H for a distribution, e^(mean loss) for a cross-entropy loss',
  baseline: 'the loss of a uniform guess (ln 2 a label for BCE, ln C for CCE, with the same options and reduction): the figure to beat',
  meanSurprisal: 'mean surprisal −log p per token (the cross-entropy rate)',
  totalSurprisal: 'total surprisal −Σ log p of the sequence (its negative log-likelihood)',
};

/** A batch of pairs reuses the pair's keys for means over rows. */
const MEAN_OVER_ROWS = 'mean over rows of the ';

export function toAssistantText(evaluation: Evaluation, precision = ASSISTANT_PRECISION): string {
  const lines = [`Entropy Lens evaluated a ${describe(evaluation)}.`, `Unit: ${evaluation.unit} (${UNIT_BASES[evaluation.unit]}).`, 'Figures:'];
  for (const figure of figuresOf(evaluation)) lines.push(`- ${figureLine(evaluation, figure, precision)}`);
  if (evaluation.kind === 'batch') {
    const shown = evaluation.entropies.subarray(0, 10);
    shown.forEach((entropy, i) => lines.push(`- H(row ${i}) = ${formatNumber(entropy, precision)} ${evaluation.unit}`));
    if (evaluation.entropies.length > shown.length) lines.push(`- … and ${evaluation.entropies.length - shown.length} more rows`);
  }
  if (evaluation.kind === 'loss') {
    lines.push(`Why this loss: ${evaluation.reason}`);
    if (evaluation.samples <= 10) {
      lines.push(`Per sample: ${Array.from(evaluation.perSample, (v) => formatNumber(v, precision)).join(', ')}`);
    }
    if (evaluation.frameworks) {
      lines.push(`PyTorch reports ${formatNumber(evaluation.frameworks.pytorch, precision)} (log clamped at −100) and Keras ${formatNumber(evaluation.frameworks.keras, precision)} (clip 1e-7) for the infinite loss.`);
    }
  }
  lines.push('How the numbers were read:', ...evaluation.notes.map((note) => `- ${note}`));
  lines.push(evaluation.warnings.length > 0 ? 'Warnings:' : 'Warnings: none.', ...evaluation.warnings.map((warning) => `- ${warning}`));
  return lines.join('\n');
}

function figureLine(evaluation: Evaluation, figure: Figure, precision: number): string {
  const value = Number.isFinite(figure.value) ? formatNumber(figure.value, precision) : figure.value > 0 ? '+infinity' : formatNumber(figure.value, precision);
  const unit = figure.unit ? ` ${figure.unit}` : '';
  const cause = figure.infiniteAt !== undefined ? `, infinite because of ${infiniteAtNoun(evaluation)} ${figure.infiniteAt}` : '';
  const meaning =
    figure.key === 'loss' && evaluation.kind === 'loss'
      ? `${LOSS_LABELS[evaluation.loss]}, ${evaluation.reduction === 'sum' ? 'sum' : 'mean'} over samples${evaluation.convention && evaluation.convention !== 'exact' ? `, as ${evaluation.convention} computes it` : ''}`
      : evaluation.kind === 'pairs' && MEANINGS[figure.key]
        ? `${MEAN_OVER_ROWS}${MEANINGS[figure.key]}`
        : MEANINGS[figure.key];
  return `${figure.label} = ${value}${unit}${meaning ? ` (${meaning}${cause})` : cause ? ` (${cause.slice(2)})` : ''}`;
}
