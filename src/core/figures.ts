import type { Evaluation } from './evaluate';
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
      return [{ key: 'meanEntropy', label: `mean H over ${evaluation.rows.length} rows`, tex: '\\bar{H}', value: evaluation.meanEntropy, unit }];
    case 'loss': {
      const name = evaluation.loss.toUpperCase();
      const figures: Figure[] = [
        { key: 'loss', label: name, tex: `\\mathcal{L}_{\\mathrm{${name}}}`, value: evaluation.value, ...(evaluation.loss === 'mse' ? {} : { unit }), ...infinite(evaluation.infiniteAt) },
      ];
      if (evaluation.gaussianNll !== undefined) {
        figures.push({ key: 'gaussianNll', label: 'Normal NLL', tex: '\\mathrm{NLL}', value: evaluation.gaussianNll, unit });
      }
      if (evaluation.twoClassBce !== undefined) {
        figures.push({ key: 'twoClassBce', label: 'BCE (2 classes)', tex: '\\mathcal{L}_{\\mathrm{BCE}}', value: evaluation.twoClassBce, unit });
      }
      return figures;
    }
  }
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
      return `batch of ${evaluation.rows.length} rows of ${evaluation.columns}, read as ${evaluation.interpretation}`;
    case 'loss':
      return `${LOSS_LABELS[evaluation.loss]} over ${evaluation.samples} samples (${DISTRIBUTION_LABELS[evaluation.distribution]} output, predictions read as ${evaluation.interpretation})`;
  }
}
