import * as vscode from 'vscode';
import { INTERPRETATION_MODES, UNITS, type InterpretationMode, type Unit } from '../../core/types';
import { COMMANDS } from '../command-ids';
import { readSettings, SECTION, type Settings } from '../settings';
import type { Command } from './command';

/** A quick pick over one setting's values, written to the user (global) settings. */
class PickSetting<K extends 'unit' | 'interpretation'> implements Command {
  constructor(
    readonly id: string,
    private readonly key: K,
    private readonly values: readonly Settings[K][],
    private readonly describe: (value: Settings[K]) => string,
    private readonly title: string,
  ) {}

  async execute(): Promise<string | undefined> {
    // The value in effect where the user is: the active document's, by the one scope rule.
    const current = readSettings(vscode.window.activeTextEditor?.document)[this.key];
    const picked = await vscode.window.showQuickPick(
      this.values.map((value) => ({ label: value, description: this.describe(value), picked: value === current })),
      { title: this.title, placeHolder: vscode.l10n.t('now {0}', current) },
    );
    if (picked) await vscode.workspace.getConfiguration(SECTION).update(this.key, picked.label, vscode.ConfigurationTarget.Global);
    return picked?.label;
  }
}

export function settingCommands(): Command[] {
  return [
    new PickSetting(COMMANDS.setUnit, 'unit', UNITS, unitDescription, vscode.l10n.t('Entropy Lens: unit of information')),
    new PickSetting(COMMANDS.setInterpretation, 'interpretation', INTERPRETATION_MODES, interpretationDescription, vscode.l10n.t('Entropy Lens: read selections as…')),
  ];
}

function unitDescription(unit: Unit): string {
  return unit === 'nats' ? vscode.l10n.t('natural logarithm, base e') : unit === 'bits' ? vscode.l10n.t('base-2 logarithm') : vscode.l10n.t('base-10 logarithm');
}

function interpretationDescription(mode: InterpretationMode): string {
  switch (mode) {
    case 'auto':
      return vscode.l10n.t('decide from the values, and say why');
    case 'probs':
      return vscode.l10n.t('probabilities');
    case 'counts':
      return vscode.l10n.t('non-negative counts or weights, normalised');
    case 'logits':
      return vscode.l10n.t('logits, through a softmax');
    case 'logprobs':
      return vscode.l10n.t('log-probabilities');
  }
}
