import * as vscode from 'vscode';
import type { EvaluateOptions } from '../core/evaluate';
import type { InterpretationMode, LossMode, Unit } from '../core/types';

/** The extension's settings, read fresh on every use so changes apply without a reload. */
export interface Settings {
  readonly unit: Unit;
  readonly interpretation: InterpretationMode;
  readonly loss: LossMode;
  readonly precision: number;
  readonly hoverEnabled: boolean;
  readonly hoverMaxLiteralLength: number;
  readonly statusBarEnabled: boolean;
}

export const SECTION = 'entropyLens';

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    unit: config.get<Unit>('unit', 'nats'),
    interpretation: config.get<InterpretationMode>('interpretation', 'auto'),
    loss: config.get<LossMode>('loss', 'auto'),
    precision: clampInteger(config.get<number>('precision', 6), 1, 17),
    hoverEnabled: config.get<boolean>('hover.enabled', true),
    hoverMaxLiteralLength: clampInteger(config.get<number>('hover.maxLiteralLength', 50_000), 16, 1_000_000),
    statusBarEnabled: config.get<boolean>('statusBar.enabled', true),
  };
}

export function evaluateOptions(settings: Settings): EvaluateOptions {
  return { unit: settings.unit, as: settings.interpretation, loss: settings.loss };
}

function clampInteger(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}
