import type { LossEvaluation } from '../../core/evaluate';
import { CONVENTIONS, DEFAULT_IGNORE_INDEX, type Convention } from '../../core/loss-options';
import type { ConventionsView, LossOptionView } from '../view-model';

// What the loss view says about the options a loss was computed with (the settings'
// entropyLens.lossOptions.*, Preview Loss's Options…) and about the four conventions: each option
// with what it did to these numbers, and the conventions side by side when they disagree.

/** The options in effect, in the order of PyTorch's signatures; none at their defaults. */
export function lossOptionsView(evaluation: LossEvaluation, fmt: (x: number) => string): LossOptionView[] {
  const options = evaluation.options ?? {};
  const out: LossOptionView[] = [];
  const list = (xs: readonly number[]) => `[${xs.map(fmt).join(', ')}]`;
  const reduction = evaluation.reduction ?? 'mean';
  if (reduction !== 'mean') {
    out.push({
      key: 'reduction',
      name: 'reduction',
      value: reduction,
      effect: reduction === 'sum' ? 'the loss is the sum of the per-sample losses, not their mean' : `each sample’s loss is the value (a tensor in PyTorch); the figures show their ${meanOfSamples(evaluation, fmt)}`,
    });
  }
  if (options.weight) {
    // Class indices: one target per sample; target rows: one per class of each sample.
    const indices = evaluation.targets.length === evaluation.samples;
    out.push({
      key: 'weight',
      name: 'weight',
      value: list(options.weight),
      // A sum divides by nothing, so under 'sum' the divisor goes unsaid.
      effect:
        'each class c’s term is weighed by w_c' +
        (reduction === 'sum'
          ? ''
          : indices && evaluation.denominator !== undefined
            ? `; the mean divides by Σ w of the targets, ${fmt(evaluation.denominator)}, not by the ${evaluation.samples} samples`
            : '; the mean divides by the number of samples (target rows), as CrossEntropyLoss does'),
    });
  }
  if (options.posWeight !== undefined) {
    const value = typeof options.posWeight === 'number' ? fmt(options.posWeight) : list(options.posWeight);
    out.push({ key: 'posWeight', name: 'pos_weight', value, effect: `the positive label’s term y·ln p is weighed by ${typeof options.posWeight === 'number' ? 'w₊' : 'its column’s w₊'}, as BCEWithLogitsLoss(pos_weight=…)` });
  }
  if (options.ignoreIndex !== undefined) {
    out.push({ key: 'ignoreIndex', name: 'ignore_index', value: String(options.ignoreIndex), effect: `targets equal to ${options.ignoreIndex} are left out of the loss${reduction === 'sum' ? '' : ' and of its mean'}` });
  }
  if (options.labelSmoothing !== undefined && options.labelSmoothing > 0) {
    const classes = evaluation.loss === 'bce' ? 2 : evaluation.classes;
    const eps = options.labelSmoothing;
    out.push({
      key: 'labelSmoothing',
      name: 'label_smoothing',
      value: `ε = ${fmt(eps)}`,
      effect: `targets (1 − ε)·y + ε/${classes}: a 1 becomes ${fmt(1 - eps + eps / classes)}, a 0 becomes ${fmt(eps / classes)}${evaluation.loss === 'bce' ? ' (Keras’ smoothing; PyTorch’s BCE has none)' : ''}`,
    });
  }
  const convention = evaluation.convention ?? 'exact';
  if (convention !== 'exact') {
    out.push({ key: 'convention', name: 'convention', value: convention, effect: `the value is ${FRAMEWORKS[convention]}’s: ${rule(convention, evaluation)}` });
  }
  return out;
}

/**
 * What 'mean' divides the summed per-sample losses by, when that is not the number of samples: with class
 * weights Σ w of the index targets, with ignored targets the targets kept. Undefined when it is the samples.
 */
export function meanDivisor(evaluation: LossEvaluation, fmt: (x: number) => string): string | undefined {
  const divisor = evaluation.denominator;
  if (evaluation.loss !== 'cce' || divisor === undefined || divisor === evaluation.samples) return undefined;
  const ignoreIndex = evaluation.options?.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  const ignored = evaluation.targets.length === evaluation.samples && evaluation.targets.some((t) => t === ignoreIndex);
  if (evaluation.options?.weight) return `Σ w of the targets${ignored ? ' not ignored' : ''} (${fmt(divisor)})`;
  return `the ${fmt(divisor)} targets not ignored`;
}

/** The figure shown for per-sample losses (reduction 'none'): 'mean''s value, which is their mean only over plain samples. */
function meanOfSamples(evaluation: LossEvaluation, fmt: (x: number) => string): string {
  const divisor = meanDivisor(evaluation, fmt);
  return divisor === undefined ? 'mean' : `sum divided by ${divisor}`;
}

/** The conventions table's column under reduction 'none', in the caption's words. */
function perSampleColumn(evaluation: LossEvaluation, fmt: (x: number) => string): string {
  const divisor = meanDivisor(evaluation, fmt);
  return divisor === undefined ? 'mean of per-sample' : `per-sample sum divided by ${divisor}`;
}

const FRAMEWORKS: Record<Convention, string> = { exact: 'the formula', torch: 'PyTorch', keras: 'Keras', sklearn: 'scikit-learn' };

/** How a convention turns a probability into a log, for this loss and reading. */
function rule(convention: Convention, evaluation: LossEvaluation): string {
  const logits = evaluation.interpretation === 'logits';
  const rows = evaluation.loss === 'cce';
  switch (convention) {
    case 'exact':
      return rows && !logits ? 'ln p as written, rows renormalised; +∞ where a needed probability is 0' : 'ln p as written; +∞ where a needed probability is 0';
    case 'torch':
      if (logits) return rows ? 'CrossEntropyLoss on the logits: exact' : 'BCEWithLogitsLoss on the logits: exact';
      return rows ? 'nll_loss(log p): ln p as given, not renormalised' : 'BCELoss: each log clamped at −100';
    case 'keras':
      if (logits) return 'from the logits: exact';
      return rows ? 'rows rescaled to sum 1, then clipped to [1e-7, 1 − 1e-7]' : 'p clipped to [1e-7, 1 − 1e-7]';
    case 'sklearn':
      return `log_loss: ${logits ? 'the ' + (rows ? 'softmax' : 'sigmoid') + ' of the logits ' : 'p '}clipped to [2⁻⁵², 1 − 2⁻⁵²], not renormalised`;
  }
}

/**
 * The four conventions' figures for BCE and CCE, and which is the value. `differ` when two of them
 * read differently at the panel's precision: otherwise a table of four equal numbers says nothing.
 */
export function conventionsView(evaluation: LossEvaluation, fmt: (x: number) => string): ConventionsView | undefined {
  const conventions = evaluation.conventions;
  if (!conventions) return undefined;
  const follows = evaluation.convention ?? 'exact';
  const unit = evaluation.unit;
  const show = (x: number) => (Number.isNaN(x) ? '—' : `${fmt(x)} ${unit}`);
  const rows = CONVENTIONS.map((convention) => ({
    convention,
    framework: FRAMEWORKS[convention],
    rule: rule(convention, evaluation),
    display: show(conventions[convention].value),
    follows: convention === follows,
  }));
  return {
    follows,
    differ: new Set(rows.map((row) => row.display)).size > 1,
    column: evaluation.reduction === 'none' ? perSampleColumn(evaluation, fmt) : evaluation.reduction === 'sum' ? 'sum' : 'value',
    rows,
  };
}
