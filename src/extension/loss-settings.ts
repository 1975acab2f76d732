import type { LossDefaults } from '../core/loss-defaults';
import { DEFAULT_IGNORE_INDEX, lossOptionProblem, OPTION_FLAGS, type LossOptions } from '../core/loss-options';

// The loss options' settings, entropyLens.lossOptions.*: read and checked without VS Code (the unit
// suite runs this), so that a hand-edited settings.json gets a message naming the setting rather
// than a NaN. `entropyLens.loss.*` cannot hold them: VS Code nests dotted keys into one object, and
// entropyLens.loss is already a string (docs/decisions.md, "The loss options' settings").

export const LOSS_OPTIONS_SECTION = 'lossOptions';

/** Each option's setting name, the name every message uses for it when it came from the settings. */
export const LOSS_SETTING_NAMES: Readonly<Record<keyof LossOptions, string>> = {
  reduction: 'entropyLens.lossOptions.reduction',
  weight: 'entropyLens.lossOptions.classWeights',
  posWeight: 'entropyLens.lossOptions.posWeight',
  ignoreIndex: 'entropyLens.lossOptions.ignoreIndex',
  labelSmoothing: 'entropyLens.lossOptions.labelSmoothing',
  convention: 'entropyLens.lossOptions.convention',
};

/** The key under `entropyLens` of each option's setting. */
export const LOSS_SETTING_KEYS: Readonly<Record<keyof LossOptions, string>> = {
  reduction: 'lossOptions.reduction',
  weight: 'lossOptions.classWeights',
  posWeight: 'lossOptions.posWeight',
  ignoreIndex: 'lossOptions.ignoreIndex',
  labelSmoothing: 'lossOptions.labelSmoothing',
  convention: 'lossOptions.convention',
};

/**
 * The loss options the settings ask for, as defaults for every loss in the editor. A setting at its
 * default (mean, no weights, −100, ε = 0, exact) is left out, so a literal's result is the same as
 * with no settings at all. A value of the wrong type or out of range becomes `problem`, naming the
 * setting: every loss literal then reports it, and the information figures stay.
 */
export function readLossSettings(get: (key: string) => unknown): LossDefaults {
  const options: Record<string, unknown> = {};
  const problems: string[] = [];
  const value = (key: keyof LossOptions) => get(LOSS_SETTING_KEYS[key]);

  const reduction = value('reduction');
  if (reduction !== undefined && reduction !== null && reduction !== 'mean') options.reduction = reduction;
  const convention = value('convention');
  if (convention !== undefined && convention !== null && convention !== 'exact') options.convention = convention;

  const weight = value('weight');
  if (Array.isArray(weight)) {
    if (weight.length > 0) {
      if (weight.every((w) => typeof w === 'number')) options.weight = weight;
      else problems.push(`${LOSS_SETTING_NAMES.weight} must be a list of numbers ≥ 0, one per class, such as [1, 2, 0.5]; item ${weight.findIndex((w) => typeof w !== 'number')} is ${JSON.stringify(weight.find((w) => typeof w !== 'number'))}`);
    }
  } else if (weight !== undefined && weight !== null) {
    problems.push(`${LOSS_SETTING_NAMES.weight} must be a list of numbers ≥ 0, one per class, such as [1, 2, 0.5], not ${JSON.stringify(weight)}`);
  }

  const posWeight = value('posWeight');
  if (typeof posWeight === 'number' || (Array.isArray(posWeight) && posWeight.length > 0 && posWeight.every((w) => typeof w === 'number'))) {
    options.posWeight = posWeight;
  } else if (posWeight !== undefined && posWeight !== null && !(Array.isArray(posWeight) && posWeight.length === 0)) {
    problems.push(`${LOSS_SETTING_NAMES.posWeight} must be a number ≥ 0, or a list of one per label column, not ${JSON.stringify(posWeight)}`);
  }

  const ignoreIndex = value('ignoreIndex');
  if (typeof ignoreIndex === 'number') {
    if (ignoreIndex !== DEFAULT_IGNORE_INDEX) options.ignoreIndex = ignoreIndex;
  } else if (ignoreIndex !== undefined && ignoreIndex !== null) {
    problems.push(`${LOSS_SETTING_NAMES.ignoreIndex} must be a whole number (a class index, or −100), not ${JSON.stringify(ignoreIndex)}`);
  }

  const labelSmoothing = value('labelSmoothing');
  if (typeof labelSmoothing === 'number') {
    if (labelSmoothing !== 0) options.labelSmoothing = labelSmoothing;
  } else if (labelSmoothing !== undefined && labelSmoothing !== null) {
    problems.push(`${LOSS_SETTING_NAMES.labelSmoothing} must be a number in [0, 1], not ${JSON.stringify(labelSmoothing)}`);
  }

  // Values of the right type: the core's own checks, its flags renamed to the settings.
  const range = lossOptionProblem(options);
  if (range) problems.push(renameFlags(range));
  const valid = problems.length === 0;
  return { options: valid ? (options) : {}, names: LOSS_SETTING_NAMES, ...(valid ? {} : { problem: problems.join('; ') }) };
}

/** A core message about an option, with each flag replaced by its setting's name. */
function renameFlags(message: string): string {
  let out = message;
  for (const key of Object.keys(OPTION_FLAGS) as (keyof LossOptions)[]) out = out.split(OPTION_FLAGS[key]).join(LOSS_SETTING_NAMES[key]);
  return out;
}

/** A cache key for the options in effect: two readings with equal options share an evaluation. */
export function lossDefaultsKey(defaults: LossDefaults | undefined): string {
  if (!defaults) return '';
  return defaults.problem ?? JSON.stringify(defaults.options);
}

