import * as vscode from 'vscode';
import type { InterpretationName, LossModeName, SettingsView, UnitName } from '../../shared/protocol';
import { INTERPRETATION_NAMES, LOSS_MODE_NAMES, UNIT_NAMES } from '../../shared/protocol';

/** The settings the visualizer reads, fresh on every refresh so changes apply without a reload. */

export const SECTION = 'entropyLens';
export const OPEN_COMMAND = 'entropyLens.openVisualizer';

function pick<T extends string>(list: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function readVisualizerSettings(scope?: vscode.ConfigurationScope): SettingsView {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const precision = config.get<number>('precision', 6);
  return {
    unit: pick<UnitName>(UNIT_NAMES, config.get('unit'), 'nats'),
    interpretation: pick<InterpretationName>(INTERPRETATION_NAMES, config.get('interpretation'), 'auto'),
    loss: pick<LossModeName>(LOSS_MODE_NAMES, config.get('loss'), 'auto'),
    precision: Number.isFinite(precision) ? Math.min(17, Math.max(1, Math.round(precision))) : 6,
  };
}
