import { count } from './errors';
import type { Evaluation, LossEvaluation } from './evaluate';
import { CONVENTION_WORDS } from './format-loss';
import { formatNumber } from './number-format';
import { LOSS_LABELS, type OutputDistribution, type Unit } from './types';

export { formatNumber, LOSS_LABELS };

/**
 * The headline figures of an evaluation as a flat list, so every front end (CLI text, Markdown,
 * status bar, hover, webview) shows the same quantities under the same names.
 */
export interface Figure {
  readonly key: string;
  /** Plain-text label: "H(P)", "D_KL(P‖Q)". */
  readonly label: string;
  /** The same label in TeX. */
  readonly tex: string;
  readonly value: number;
  /** The unit the value is in; undefined for unitless figures (MSE). */
  readonly unit?: Unit;
  /** For an infinite value: the element or sample that made it so. */
  readonly infiniteAt?: number;
}

export const DISTRIBUTION_LABELS: Record<OutputDistribution, string> = {
  bernoulli: 'Bernoulli',
  multinoulli: 'Multinoulli (categorical)',
  normal: 'unit-variance Normal',
};

export function figuresOf(evaluation: Evaluation): Figure[] {
  const unit = evaluation.unit;
  switch (evaluation.kind) {
    case 'distribution':
      return [
        { key: 'entropy', label: 'H(P)', tex: 'H(P)', value: evaluation.entropy, unit },
        { key: 'maxEntropy', label: 'log n', tex: '\\log n', value: evaluation.maxEntropy, unit },
        ...(evaluation.perplexity !== undefined ? [{ key: 'perplexity', label: 'perplexity e^H', tex: 'e^{H(P)}', value: evaluation.perplexity }] : []),
      ];
    case 'pair':
      return [
        { key: 'entropy', label: 'H(P)', tex: 'H(P)', value: evaluation.entropy, unit },
        { key: 'entropyQ', label: 'H(Q)', tex: 'H(Q)', value: evaluation.entropyQ, unit },
        { key: 'crossEntropy', label: 'H(P,Q)', tex: 'H(P,Q)', value: evaluation.crossEntropy.value, unit, ...infinite(evaluation.crossEntropy.infiniteAt) },
        { key: 'klPQ', label: 'D_KL(P‖Q)', tex: 'D_{\\mathrm{KL}}(P\\,\\|\\,Q)', value: evaluation.klPQ.value, unit, ...infinite(evaluation.klPQ.infiniteAt) },
        { key: 'klQP', label: 'D_KL(Q‖P)', tex: 'D_{\\mathrm{KL}}(Q\\,\\|\\,P)', value: evaluation.klQP.value, unit, ...infinite(evaluation.klQP.infiniteAt) },
        { key: 'jsDivergence', label: 'JS(P,Q)', tex: '\\mathrm{JS}(P,Q)', value: evaluation.jsDivergence, unit },
      ];
    case 'batch':
      return [{ key: 'meanEntropy', label: `mean H over ${evaluation.entropies.length} rows`, tex: '\\bar{H}', value: evaluation.meanEntropy, unit }];
    case 'loss': {
      const name = evaluation.loss.toUpperCase();
      const figures: Figure[] = [
        { key: 'loss', label: lossLabel(evaluation), tex: `\\mathcal{L}_{\\mathrm{${name}}}`, value: evaluation.value, ...(evaluation.loss === 'mse' ? {} : { unit }), ...infinite(evaluation.infiniteAt) },
        ...meaningFigures(evaluation),
      ];
      if (evaluation.gaussianNll !== undefined) {
        figures.push({ key: 'gaussianNll', label: 'Normal NLL', tex: '\\mathrm{NLL}', value: evaluation.gaussianNll, unit });
      }
      if (evaluation.twoClassBce !== undefined) {
        figures.push({ key: 'twoClassBce', label: 'BCE (2 classes)', tex: '\\mathcal{L}_{\\mathrm{BCE}}', value: evaluation.twoClassBce, unit });
      }
      return figures;
    }
    case 'pairs': {
      const mean = (label: string) => `mean ${label}`;
      const over = (tex: string) => `\\overline{${tex}}`;
      // The divergences first: a batch of pairs asks how far apart, and the first figure is the headline.
      return [
        { key: 'klPQ', label: mean('D_KL(P‖Q)'), tex: over('D_{\\mathrm{KL}}(P\\,\\|\\,Q)'), value: evaluation.klPQ.value, unit, ...infinite(evaluation.klPQ.infiniteAt) },
        { key: 'klQP', label: mean('D_KL(Q‖P)'), tex: over('D_{\\mathrm{KL}}(Q\\,\\|\\,P)'), value: evaluation.klQP.value, unit, ...infinite(evaluation.klQP.infiniteAt) },
        { key: 'jsDivergence', label: mean('JS(P,Q)'), tex: over('\\mathrm{JS}(P,Q)'), value: evaluation.jsDivergence, unit },
        { key: 'crossEntropy', label: mean('H(P,Q)'), tex: over('H(P,Q)'), value: evaluation.crossEntropy.value, unit, ...infinite(evaluation.crossEntropy.infiniteAt) },
        { key: 'entropy', label: mean('H(P)'), tex: over('H(P)'), value: evaluation.entropy, unit },
        { key: 'entropyQ', label: mean('H(Q)'), tex: over('H(Q)'), value: evaluation.entropyQ, unit },
      ];
    }
    case 'joint':
      // Mutual information first: it is the joint table's headline (status bar, summary line).
      return [
        { key: 'mutualInformation', label: 'I(X;Y)', tex: 'I(X;Y)', value: evaluation.mutualInformation, unit },
        { key: 'jointEntropy', label: 'H(X,Y)', tex: 'H(X,Y)', value: evaluation.jointEntropy, unit },
        { key: 'entropyX', label: 'H(X)', tex: 'H(X)', value: evaluation.entropyX, unit },
        { key: 'entropyY', label: 'H(Y)', tex: 'H(Y)', value: evaluation.entropyY, unit },
        { key: 'conditionalEntropyXGivenY', label: 'H(X|Y)', tex: 'H(X \\mid Y)', value: evaluation.conditionalEntropyXGivenY, unit },
        { key: 'conditionalEntropyYGivenX', label: 'H(Y|X)', tex: 'H(Y \\mid X)', value: evaluation.conditionalEntropyYGivenX, unit },
      ];
    case 'sequence': {
      // Perplexity first: the figure language-model users quote; it is the same in every unit.
      const at = infinite(evaluation.totalSurprisal.infiniteAt);
      return [
        { key: 'perplexity', label: 'perplexity', tex: '\\mathrm{PPL}', value: evaluation.perplexity, ...at },
        { key: 'meanSurprisal', label: 'surprisal per token', tex: '\\bar{I}', value: evaluation.meanSurprisal.value, unit, ...at },
        { key: 'totalSurprisal', label: `total surprisal (${count(evaluation.logprobs.length, 'token')})`, tex: 'I', value: evaluation.totalSurprisal.value, unit, ...at },
      ];
    }
  }
}

/**
 * The one figure a status bar shows: a pair's D_KL(P‖Q), else the first figure (which for a batch of
 * pairs is the mean D_KL(P‖Q), a joint table's I(X;Y), a sequence's perplexity).
 */
export function headlineFigure(evaluation: Evaluation): Figure {
  const figures = figuresOf(evaluation);
  return (evaluation.kind === 'pair' ? figures.find((figure) => figure.key === 'klPQ') : undefined) ?? figures[0];
}

/** What an infinite figure's `infiniteAt` counts: samples of a loss, rows of a batch of pairs, tokens, else elements. */
export function infiniteAtNoun(evaluation: Evaluation): string {
  switch (evaluation.kind) {
    case 'loss':
      return 'sample';
    case 'pairs':
      return 'row';
    case 'sequence':
      return 'token';
    default:
      return 'element';
  }
}

/** "BCE", or "BCE (sum, torch)": the reduction and convention when they are not the defaults. */
function lossLabel(evaluation: LossEvaluation): string {
  const reduction = evaluation.reduction === 'sum' ? 'sum' : evaluation.reduction === 'none' ? perSampleLabel(evaluation) : undefined;
  const convention = evaluation.convention && evaluation.convention !== 'exact' ? evaluation.convention : undefined;
  const extra = [reduction, convention].filter(Boolean).join(', ');
  return `${evaluation.loss.toUpperCase()}${extra ? ` (${extra})` : ''}`;
}

/**
 * Under reduction 'none' the figure is what 'mean' gives: the plain mean of the per-sample losses,
 * or with class weights Σ w·ℓ / Σ w, or with ignored targets the mean over those kept.
 */
function perSampleLabel(evaluation: LossEvaluation): string {
  // A multi-label BCE divides by its labels (samples × columns): a plain mean of its per-label losses.
  if (evaluation.loss !== 'cce' || evaluation.denominator === undefined || evaluation.denominator === evaluation.samples) return 'mean of per-sample';
  return evaluation.options?.weight ? 'weighted mean of per-sample' : 'mean of per-sample not ignored';
}

/** What a uniform guess would cost (reduced like the loss) and the perplexity, for BCE and CCE. */
function meaningFigures(evaluation: LossEvaluation): Figure[] {
  const out: Figure[] = [];
  if (evaluation.baseline !== undefined) {
    const guess = evaluation.classes === 2 ? 'coin flip' : `uniform guess over ${evaluation.classes}`;
    out.push({ key: 'baseline', label: guess, tex: '\\mathcal{L}_{\\mathrm{uniform}}', value: evaluation.baseline, unit: evaluation.unit });
  }
  if (evaluation.perplexity !== undefined) {
    out.push({ key: 'perplexity', label: 'perplexity e^loss', tex: '\\mathrm{PPL}', value: evaluation.perplexity, ...infinite(evaluation.infiniteAt) });
  }
  return out;
}

function infinite(index: number): { infiniteAt?: number } {
  return index >= 0 ? { infiniteAt: index } : {};
}

export function formatFigure(figure: Figure, precision: number): string {
  return `${figure.label} = ${formatNumber(figure.value, precision)}${figure.unit ? ` ${figure.unit}` : ''}`;
}

/** One line for a notification or the status bar: "H(P) = 0.693147 nats". */
export function summaryLine(evaluation: Evaluation, precision = 6, limit = 3): string {
  return figuresOf(evaluation)
    .filter((figure) => figure.key !== 'maxEntropy')
    .slice(0, limit)
    .map((figure) => formatFigure(figure, precision))
    .join(' · ');
}

/** What the literal is, in a few words: "pair of 3-element distributions". */
export function describe(evaluation: Evaluation): string {
  switch (evaluation.kind) {
    case 'distribution':
      return `distribution of ${evaluation.p.p.length} values, read as ${evaluation.interpretation}`;
    case 'pair':
      return `pair of ${evaluation.p.p.length}-element distributions P and Q, read as ${evaluation.interpretation}`;
    case 'batch':
      return `batch of ${evaluation.entropies.length} rows of ${evaluation.columns}, read as ${evaluation.interpretation}`;
    case 'loss': {
      const labels = evaluation.columns ? ` × ${evaluation.columns} labels` : '';
      const convention = evaluation.convention ? `; ${CONVENTION_WORDS[evaluation.convention]}` : '';
      const meaning = evaluation.meaning ? ` — ${evaluation.meaning.replace(/\.$/, '')}` : '';
      return `${LOSS_LABELS[evaluation.loss]} over ${evaluation.samples} samples${labels} (${DISTRIBUTION_LABELS[evaluation.distribution]} output, predictions read as ${evaluation.interpretation}${convention})${meaning}`;
    }
    case 'pairs':
      return `batch of ${evaluation.rows.length} pairs of ${evaluation.columns}-element distributions P and Q, read as ${evaluation.interpretation}`;
    case 'joint':
      return `joint distribution of X (${evaluation.rows} values, the rows) and Y (${evaluation.columns} values, the columns), read as ${evaluation.interpretation}`;
    case 'sequence':
      return `sequence of ${evaluation.logprobs.length} token log-probabilit${evaluation.logprobs.length === 1 ? 'y' : 'ies'}`;
  }
}
