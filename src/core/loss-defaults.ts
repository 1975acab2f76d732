// Loss options that stand as defaults rather than being asked of one literal: the editor's settings
// (entropyLens.lossOptions.*). A flag given on the command line is a request about these numbers, so
// one that cannot apply is an error; a setting is a standing preference for every literal, so each
// applies to the losses it fits (class weights to CCE, pos_weight to BCE, …) and stays out of the
// others. A value wrong for the loss it fits (three class weights for four classes) is still an
// error, named as the user set it.

import { LiteralError, type SourceRange } from './errors';
import { givenOptions, inapplicable, OPTION_FLAGS, type LossOptions, type LossSetting } from './loss-options';

export interface LossDefaults {
  readonly options: LossOptions;
  /** What each option is called where it was set (a setting's name), for messages. */
  readonly names: Readonly<Record<keyof LossOptions, string>>;
  /** What is wrong with a setting's value itself, already naming the setting: an error for every loss. */
  readonly problem?: string;
}

/**
 * The options in effect for a loss: the defaults that fit it, with the options asked for on top.
 * A default's own problem is thrown here, at the literal, so only loss literals report it.
 */
export function withDefaults(given: LossOptions, defaults: LossDefaults | undefined, setting: LossSetting, range: SourceRange): LossOptions {
  if (!defaults) return given;
  if (defaults.problem) throw new LiteralError('option', defaults.problem, range);
  const fitting = Object.fromEntries(givenOptions(defaults.options).filter((key) => inapplicable(key, setting) === undefined).map((key) => [key, defaults.options[key]])) as LossOptions;
  return { ...fitting, ...given };
}

/**
 * Runs a loss with defaults in effect: an option's error (a list of the wrong length) names the
 * setting it came from instead of the command-line flag, unless the flag itself was given.
 */
export function namingDefaults<T>(given: LossOptions, defaults: LossDefaults | undefined, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!defaults || !(error instanceof LiteralError) || error.code !== 'option') throw error;
    let message = error.message;
    for (const key of givenOptions(defaults.options)) {
      if (given[key] === undefined) message = message.split(OPTION_FLAGS[key]).join(defaults.names[key]);
    }
    throw message === error.message ? error : new LiteralError('option', message, error.range);
  }
}
