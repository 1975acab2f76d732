import * as vscode from 'vscode';
import type { EvaluateOptions } from '../core/evaluate';
import type { LossDefaults } from '../core/loss-defaults';
import { readLossSettings } from './loss-settings';
import { INTERPRETATION_MODES, LOSS_MODES, UNITS, type InterpretationMode, type LossMode, type Unit } from '../core/types';

/** The extension's settings, read fresh on every use so changes apply without a reload. */
export interface Settings {
  readonly unit: Unit;
  readonly interpretation: InterpretationMode;
  /** The manifest offers no 'none': the editor always previews a loss for a loss case. */
  readonly loss: Exclude<LossMode, 'none'>;
  readonly precision: number;
  readonly hoverEnabled: boolean;
  readonly hoverMaxLiteralLength: number;
  /** Language ids the hover speaks in; `*` is every language. */
  readonly hoverLanguages: readonly string[];
  readonly statusBarEnabled: boolean;
  /** The most numbers a live value (a paused frame's expression) may hold. */
  readonly liveMaxElements: number;
  /** entropyLens.lossOptions.*: reduction, weights, ignore index, smoothing, convention, where each fits. */
  readonly lossDefaults: LossDefaults;
}

export const SECTION = 'entropyLens';

/**
 * The settings that apply to `scope`. One rule everywhere: the scope is the document the numbers are
 * in (a target source's `scope`), so a folder's or a language's settings apply to its literals; with
 * no document at hand, undefined (the window's settings).
 */
export function readSettings(scope: vscode.ConfigurationScope | undefined): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    unit: oneOf(UNITS, config.get('unit'), 'nats'),
    interpretation: oneOf(INTERPRETATION_MODES, config.get('interpretation'), 'auto'),
    loss: oneOf(LOSS_MODES.filter((mode): mode is Exclude<LossMode, 'none'> => mode !== 'none'), config.get('loss'), 'auto'),
    precision: clampInteger(config.get<number>('precision', 6), 1, 17),
    hoverEnabled: config.get<boolean>('hover.enabled', true),
    hoverMaxLiteralLength: clampInteger(config.get<number>('hover.maxLiteralLength', 50_000), 16, 1_000_000),
    hoverLanguages: stringList(config.get('hover.languages'), ['*']),
    statusBarEnabled: config.get<boolean>('statusBar.enabled', true),
    liveMaxElements: clampInteger(config.get<number>('live.maxElements', 1_000_000), 1, 100_000_000),
    lossDefaults: readLossSettings((key) => config.get(key)),
  };
}

export function evaluateOptions(settings: Settings): EvaluateOptions {
  return { unit: settings.unit, as: settings.interpretation, loss: settings.loss, lossDefaults: settings.lossDefaults };
}

function clampInteger(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}

/** A list of strings as the setting holds it; anything else (a hand-edited value) is the default. */
function stringList(value: unknown, fallback: readonly string[]): readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : fallback;
}

/** A setting's value when it is one of `allowed` (a hand-edited settings.json may say anything). */
function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
