// The options PyTorch, Keras and scikit-learn give their cross-entropy losses (issue 9, item 2), in
// one place: their names, their defaults, what a valid value is, and which loss each applies to.

/** How per-sample losses become the figure: PyTorch's `reduction`. */
export type Reduction = 'mean' | 'sum' | 'none';

/**
 * Whose arithmetic `loss.value` follows. They differ only in how a probability becomes a log:
 * `exact` takes it as it is (+∞ for a probability 0), `torch` clamps each log at −100 (BCELoss),
 * `keras` clips probabilities to [1e-7, 1 − 1e-7] (rows rescaled to sum 1 first), `sklearn` clips
 * to [ε, 1 − ε] with ε the float64 machine epsilon and does not renormalise (log_loss since 1.5).
 */
export type Convention = 'exact' | 'torch' | 'keras' | 'sklearn';

export const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
export const CONVENTIONS: readonly Convention[] = ['exact', 'torch', 'keras', 'sklearn'];

/** PyTorch's default `ignore_index`: a class-index target of −100 is left out. */
export const DEFAULT_IGNORE_INDEX = -100;

/**
 * Options of a cross-entropy loss, as the frameworks name them. An option that is present was
 * asked for, and is checked against the loss the literal gets: one that cannot apply is an error
 * naming it, never silently dropped. Absent options take PyTorch's defaults.
 */
export interface LossOptions {
  /** `--reduction`: mean (default), sum or none (the per-sample losses). */
  readonly reduction?: Reduction;
  /** `--weight`: CCE class weights w_c, one per class (PyTorch's CrossEntropyLoss `weight`). */
  readonly weight?: readonly number[];
  /** `--pos-weight`: BCE weight of the positive label, one number or one per label column (BCEWithLogitsLoss). */
  readonly posWeight?: number | readonly number[];
  /** `--ignore-index`: CCE class-index targets equal to it are left out (default −100). */
  readonly ignoreIndex?: number;
  /** `--label-smoothing` ε: CCE targets (1 − ε)·y + ε/C (PyTorch), BCE labels (1 − ε)·y + ε/2 (Keras). */
  readonly labelSmoothing?: number;
  /** `--convention`: which framework's arithmetic `loss.value` follows (default exact). */
  readonly convention?: Convention;
}

/** Each option's flag, the name every message uses for it. */
export const OPTION_FLAGS: Record<keyof LossOptions, string> = {
  reduction: '--reduction',
  weight: '--weight',
  posWeight: '--pos-weight',
  ignoreIndex: '--ignore-index',
  labelSmoothing: '--label-smoothing',
  convention: '--convention',
};

/** The options that were given, in a fixed order. */
export function givenOptions(options: LossOptions | undefined): (keyof LossOptions)[] {
  if (!options) return [];
  return (Object.keys(OPTION_FLAGS) as (keyof LossOptions)[]).filter((key) => options[key] !== undefined);
}

/**
 * What is wrong with an option's value itself, whatever the literal: a message naming the option,
 * or undefined. The CLI turns it into a usage error, the core into an error at the literal.
 */
export function lossOptionProblem(options: LossOptions): string | undefined {
  const { reduction, weight, posWeight, ignoreIndex, labelSmoothing, convention } = options;
  if (reduction !== undefined && !REDUCTIONS.includes(reduction)) return `--reduction must be one of ${REDUCTIONS.join(', ')}, not "${String(reduction)}"`;
  if (convention !== undefined && !CONVENTIONS.includes(convention)) return `--convention must be one of ${CONVENTIONS.join(', ')}, not "${String(convention)}"`;
  if (weight !== undefined) {
    if (weight.length === 0) return '--weight needs one weight per class, such as 1,2,0.5';
    const bad = weight.findIndex((w) => !(Number.isFinite(w) && w >= 0));
    if (bad >= 0) return `--weight: weight ${bad} is ${String(weight[bad])}; class weights are finite numbers ≥ 0`;
  }
  if (posWeight !== undefined) {
    const list = typeof posWeight === 'number' ? [posWeight] : posWeight;
    if (list.length === 0) return '--pos-weight needs a number, or one per label column';
    const bad = list.findIndex((w) => !(Number.isFinite(w) && w >= 0));
    if (bad >= 0) return `--pos-weight${list.length > 1 ? `: weight ${bad}` : ''} is ${String(list[bad])}; positive weights are finite numbers ≥ 0`;
  }
  if (ignoreIndex !== undefined && !Number.isSafeInteger(ignoreIndex)) return `--ignore-index must be a whole number (a class index, or −100), not ${String(ignoreIndex)}`;
  if (labelSmoothing !== undefined && !(labelSmoothing >= 0 && labelSmoothing <= 1)) {
    return `--label-smoothing must lie in [0, 1] (PyTorch's and Keras' range), not ${String(labelSmoothing)}`;
  }
  return undefined;
}

/** The loss a literal got, and what its targets are: what decides which options apply. */
export interface LossSetting {
  readonly loss: 'bce' | 'cce' | 'mse';
  /** CCE: class indices or target rows. */
  readonly targets?: 'indices' | 'rows';
}

/**
 * Why an option that was given cannot apply to this loss, or undefined. Reduction applies to every
 * loss; convention and label smoothing to the cross-entropies; weight and ignore-index to CCE
 * (ignore-index to class indices only, as in PyTorch); pos-weight to BCE.
 */
export function inapplicable(key: keyof LossOptions, setting: LossSetting): string | undefined {
  const flag = OPTION_FLAGS[key];
  const name = setting.loss === 'bce' ? 'binary cross-entropy' : setting.loss === 'cce' ? 'categorical cross-entropy' : 'mean squared error';
  const read = `these numbers were read as ${name}`;
  switch (key) {
    case 'reduction':
      return undefined;
    case 'convention':
    case 'labelSmoothing':
      return setting.loss === 'mse' ? `${flag} applies to binary and categorical cross-entropy, but ${read}, which has no log to clamp or label to smooth (force another loss with --loss)` : undefined;
    case 'weight':
      if (setting.loss === 'cce') return undefined;
      return `${flag} gives class weights to categorical cross-entropy, but ${read}${setting.loss === 'bce' ? ' (weigh its positive label with --pos-weight)' : ''}`;
    case 'posWeight':
      if (setting.loss === 'bce') return undefined;
      return `${flag} weighs the positive label of binary cross-entropy, but ${read}${setting.loss === 'cce' ? ' (give class weights with --weight)' : ''}`;
    case 'ignoreIndex':
      if (setting.loss === 'cce' && setting.targets === 'indices') return undefined;
      return setting.loss === 'cce'
        ? `${flag} leaves out class-index targets, but these targets are rows of class probabilities (PyTorch ignores it for them too)`
        : `${flag} leaves out class-index targets of categorical cross-entropy, but ${read}`;
  }
}
