import type { LossEvaluation } from './loss-types';
import { CONVENTIONS, type Convention } from './loss-options';
import { formatNumber } from './number-format';

/**
 * A loss's `--json` object and its extra text lines (issue 9 items 2, 3 and 7), apart from
 * format.ts. Every figure that is a reduction follows --reduction: with "none", `value`,
 * `conventions.*`, `baseline` and `gaussianNll` are per-sample lists.
 */

type Json = (value: number) => number | string;

/** What each convention does, in a few words: for the text output, the hover and the notes. */
export const CONVENTION_WORDS: Record<Convention, string> = {
  exact: 'exact: no clamp',
  torch: 'PyTorch: BCELoss clamps each log at −100',
  keras: 'Keras: probabilities clipped to [1e-7, 1 − 1e-7], rows rescaled first',
  sklearn: 'scikit-learn: clipped to [2.2e-16, 1 − 2.2e-16], not renormalised',
};

export function lossJson(evaluation: LossEvaluation, json: Json): Record<string, unknown> {
  const none = evaluation.reduction === 'none';
  const list = (values: Float64Array) => Array.from(values, json);
  const reduced = (value: number, perSample: Float64Array | undefined) => (none && perSample ? list(perSample) : json(value));
  const { conventions } = evaluation;
  return {
    name: evaluation.loss,
    value: reduced(evaluation.value, evaluation.perSample),
    perSample: list(evaluation.perSample),
    reduction: evaluation.reduction ?? 'mean',
    ...(evaluation.gaussianNll !== undefined ? { gaussianNll: reduced(evaluation.gaussianNll, evaluation.perSampleNll) } : {}),
    ...(evaluation.convention ? { convention: evaluation.convention } : {}),
    ...(conventions ? { conventions: Object.fromEntries(CONVENTIONS.map((c) => [c, reduced(conventions[c].value, conventions[c].perSample)])) } : {}),
    ...(evaluation.baseline !== undefined ? { baseline: reduced(evaluation.baseline, evaluation.baselinePerSample) } : {}),
    ...(evaluation.perplexity !== undefined ? { perplexity: json(evaluation.perplexity) } : {}),
    distribution: evaluation.distribution,
    reason: evaluation.reason,
  };
}

/** The four conventions, when they differ, under the loss's figures (the sentence is in the headline: describe()). */
export function lossLines(evaluation: LossEvaluation, precision: number): string[] {
  const lines: string[] = [];
  const { conventions } = evaluation;
  const shown = (c: Convention) => (conventions && Number.isFinite(conventions[c].value) ? formatNumber(conventions[c].value, precision) : '+∞');
  // Only when they differ at the precision shown: four equal numbers say nothing.
  if (conventions && CONVENTIONS.some((c) => shown(c) !== shown('exact'))) {
    lines.push(`  conventions: ${CONVENTIONS.map((c) => `${c} ${shown(c)}`).join(' · ')} ${evaluation.unit} (the value follows ${evaluation.convention ?? 'exact'}; --convention picks another)`);
  }
  return lines;
}
