import { reduce, type Reduced } from './conventions';
import { spanning, type SourceRange } from './errors';
import { CONVENTIONS, type Convention, type Reduction } from './loss-options';
import { lossMeaning, perplexityOf } from './meaning';
import { formatNumber } from './number-format';
import type { Unit } from './types';

/**
 * What every cross-entropy result carries beyond its value (issue 9 items 3 and 7): the figure in
 * each framework's convention, the reduction, the loss of a uniform guess, the perplexity and the
 * sentence saying what the value means. BCE and CCE compute per-sample losses; this reduces them.
 */

/** One convention's figures, in the unit: the reduced value and the per-sample losses. */
export interface ConventionFigures {
  /** The sum for reduction 'sum', else the mean. */
  readonly value: number;
  readonly perSample: Float64Array;
  /** The first sample whose loss is +∞, or −1. */
  readonly infiniteAt: number;
}

export interface CrossEntropyInput {
  readonly loss: 'bce' | 'cce';
  /** Per-sample losses in nats under a convention. */
  perSample(convention: Convention): Float64Array;
  /** From logits, PyTorch and Keras compute exactly: their figures are the exact ones. */
  readonly fromLogits: boolean;
  /** What the mean divides by (PyTorch's rule: samples, or Σ w of the targets). */
  readonly denominator: number;
  /** Per-sample losses of a uniform guess, in nats, with the same targets and options. */
  readonly baselinePerSample: Float64Array;
  readonly classes: number;
  /** "sample 3", "label [1, 2]": what index i of perSample is. */
  sampleName(index: number): string;
}

export interface CrossEntropyFigures {
  readonly reduction: Reduction;
  readonly convention: Convention;
  /** The chosen convention's figure: the sum for 'sum', else the mean (also for 'none'). */
  readonly value: number;
  readonly perSample: Float64Array;
  readonly infiniteAt: number;
  /** The mean per sample (the value for 'mean'), in the unit; NaN when nothing is averaged. */
  readonly mean: number;
  /** What the mean divides by: the samples (elements), or Σ w of the index targets not ignored. */
  readonly denominator: number;
  readonly conventions: Readonly<Record<Convention, ConventionFigures>>;
  /** A uniform guess, reduced like the value, and per sample. */
  readonly baseline: number;
  readonly baselinePerSample: Float64Array;
  /** e^(mean loss in nats), when there is a mean. */
  readonly perplexity?: number;
  readonly meaning?: string;
  /** When the exact loss is +∞: what PyTorch and Keras report (means), for the warnings and older readers. */
  readonly frameworks?: { readonly pytorch: number; readonly keras: number };
  readonly warnings: readonly string[];
}

export function crossEntropyFigures(input: CrossEntropyInput, unit: Unit, scale: number, reduction: Reduction, convention: Convention): CrossEntropyFigures {
  const exact = reduce(input.perSample('exact'), input.denominator);
  const reduced: Record<Convention, Reduced> = {
    exact,
    torch: input.fromLogits ? exact : reduce(input.perSample('torch'), input.denominator),
    keras: input.fromLogits ? exact : reduce(input.perSample('keras'), input.denominator),
    sklearn: reduce(input.perSample('sklearn'), input.denominator),
  };
  const inUnit = (r: Reduced): ConventionFigures => ({
    value: (reduction === 'sum' ? r.sum : r.mean) / scale,
    perSample: scale === 1 ? r.perSample : r.perSample.map((v) => v / scale),
    infiniteAt: r.infiniteAt,
  });
  const conventions = Object.fromEntries(CONVENTIONS.map((c) => [c, inUnit(reduced[c])])) as Record<Convention, ConventionFigures>;
  const chosen = reduced[convention];
  const baseline = reduce(input.baselinePerSample, input.denominator);
  const averaged = input.denominator > 0;
  const mean = chosen.mean / scale;
  const warnings: string[] = [];
  const frameworks = exact.infiniteAt >= 0 ? { pytorch: reduced.torch.mean / scale, keras: reduced.keras.mean / scale } : undefined;
  if (exact.infiniteAt >= 0) warnings.push(infiniteWarning(input, reduced, convention, scale, unit));
  return {
    reduction,
    convention,
    ...conventions[convention],
    mean,
    denominator: input.denominator,
    conventions,
    baseline: (reduction === 'sum' ? baseline.sum : baseline.mean) / scale,
    baselinePerSample: scale === 1 ? baseline.perSample : baseline.perSample.map((v) => v / scale),
    ...(averaged
      ? {
          perplexity: perplexityOf(chosen.mean),
          meaning: lossMeaning({
            loss: input.loss,
            mean,
            baseline: baseline.mean / scale,
            unit,
            classes: input.classes,
            infiniteAt: chosen.infiniteAt >= 0 ? input.sampleName(chosen.infiniteAt) : undefined,
            perSampleMean: reduction !== 'mean',
          }),
        }
      : {}),
    ...(frameworks ? { frameworks } : {}),
    warnings,
  };
}

/** Which sample makes the exact loss +∞, and what each framework reports instead. */
function infiniteWarning(input: CrossEntropyInput, reduced: Record<Convention, Reduced>, convention: Convention, scale: number, unit: Unit): string {
  const at = reduced.exact.infiniteAt;
  const figure = (c: Convention) => (reduced[c].mean === Infinity ? '+∞' : `${formatNumber(reduced[c].mean / scale, 6)} ${unit}`);
  const what = input.loss === 'bce' ? 'its prediction gives its label probability 0' : 'the model gives probability 0 to a class the target needs';
  return (
    `${input.sampleName(at)}: ${what}, so the exact loss is +∞; as a mean, PyTorch would report ${figure('torch')} ` +
    `(${input.fromLogits ? 'from logits, no clamp' : input.loss === 'bce' ? 'each log clamped at −100' : 'nll_loss(log p), no clamp'}), Keras ${figure('keras')} (clip 1e-7), ` +
    `scikit-learn ${figure('sklearn')} (clip at 2.2e-16)${convention === 'exact' ? '; --convention picks one of them as the value' : `; the value follows ${convention}`}`
  );
}

/** The fields every BCE and CCE result opens with: where it stands, what was said, how it was read. */
export function crossEntropyHeader(
  loss: 'bce' | 'cce',
  build: { readonly unit: Unit; readonly reason: string },
  ranges: { readonly targets: SourceRange; readonly predictions: SourceRange },
  reading: { readonly fromLogits: boolean; readonly warnings: readonly string[] },
  notes: readonly string[],
  warnings: readonly string[],
) {
  return {
    kind: 'loss' as const,
    unit: build.unit,
    range: spanning(ranges.targets, ranges.predictions),
    notes,
    warnings: [...reading.warnings, ...warnings],
    loss,
    distribution: loss === 'bce' ? ('bernoulli' as const) : ('multinoulli' as const),
    interpretation: reading.fromLogits ? ('logits' as const) : ('probs' as const),
    reason: build.reason,
  };
}
