import * as vscode from 'vscode';
import { CONVENTIONS, REDUCTIONS, type Convention, type LossOptions, type Reduction } from '../../core/loss-options';
import type { LossName } from '../../core/types';
import { changedOver, smoothingOf, type PreviewOptions } from '../preview-options';

type Step = 'reduction' | 'labelSmoothing' | 'convention' | 'done' | 'reset';
type StepItem = vscode.QuickPickItem & { readonly step: Step };

/**
 * Preview Loss's Options…: a list of the options with the values in effect (the settings', or
 * this literal's earlier choice); picking one asks for its value and comes back to the list, until
 * "Preview with these options" (the options) or "Use the settings" (empty options: forget the
 * choice). Escape on the list changes nothing (undefined); Escape on a value goes back to the list.
 */
export async function pickLossOptions(inEffect: LossOptions, loss: LossName, remembered: PreviewOptions | undefined): Promise<PreviewOptions | undefined> {
  const shown: PreviewOptions = {
    reduction: inEffect.reduction ?? 'mean',
    ...(loss === 'mse' ? {} : { labelSmoothing: inEffect.labelSmoothing ?? 0, convention: inEffect.convention ?? 'exact' }),
  };
  let chosen = shown;
  for (;;) {
    const items: StepItem[] = [
      { step: 'reduction', label: vscode.l10n.t('Reduction: {0}', chosen.reduction ?? 'mean'), description: vscode.l10n.t('mean, sum or none (the per-sample losses), as PyTorch’s reduction') },
      ...(loss === 'mse'
        ? []
        : [
            { step: 'labelSmoothing' as const, label: vscode.l10n.t('Label smoothing: {0}', String(chosen.labelSmoothing ?? 0)), description: vscode.l10n.t('ε in [0, 1]: targets (1 − ε)·y + ε/C') },
            { step: 'convention' as const, label: vscode.l10n.t('Convention: {0}', chosen.convention ?? 'exact'), description: vscode.l10n.t('whose arithmetic the value follows: exact, torch, keras or sklearn') },
          ]),
      { step: 'done', label: vscode.l10n.t('$(check) Preview with these options'), alwaysShow: true },
      { step: 'reset', label: vscode.l10n.t('$(discard) Use the settings for this literal again'), alwaysShow: true },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Entropy Lens: loss options for this literal'), placeHolder: vscode.l10n.t('Pick an option to change it') });
    if (!picked) return undefined;
    switch (picked.step) {
      case 'done':
        return changedOver(remembered, shown, chosen);
      case 'reset':
        return {};
      case 'reduction': {
        const reduction = await pickOne(REDUCTIONS, chosen.reduction ?? 'mean', vscode.l10n.t('Entropy Lens: reduction'), reductionDescription);
        if (reduction) chosen = { ...chosen, reduction };
        break;
      }
      case 'convention': {
        const convention = await pickOne(CONVENTIONS, chosen.convention ?? 'exact', vscode.l10n.t('Entropy Lens: convention'), conventionDescription);
        if (convention) chosen = { ...chosen, convention };
        break;
      }
      case 'labelSmoothing': {
        const text = await vscode.window.showInputBox({
          title: vscode.l10n.t('Entropy Lens: label smoothing ε'),
          value: String(chosen.labelSmoothing ?? 0),
          prompt: vscode.l10n.t('A number from 0 to 1: CCE targets (1 − ε)·y + ε/C (PyTorch), BCE labels (1 − ε)·y + ε/2 (Keras)'),
          validateInput: (value) => (smoothingOf(value) === undefined ? vscode.l10n.t('Label smoothing is a number from 0 to 1, such as 0.1') : undefined),
        });
        const epsilon = text === undefined ? undefined : smoothingOf(text);
        if (epsilon !== undefined) chosen = { ...chosen, labelSmoothing: epsilon };
        break;
      }
    }
  }
}

async function pickOne<T extends string>(values: readonly T[], current: T, title: string, describe: (value: T) => string): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(
    values.map((value) => ({ label: value, description: describe(value), picked: value === current })),
    { title, placeHolder: vscode.l10n.t('now {0}', current) },
  );
  return picked?.label;
}

function reductionDescription(reduction: Reduction): string {
  switch (reduction) {
    case 'mean':
      return vscode.l10n.t('the mean over samples (PyTorch’s default)');
    case 'sum':
      return vscode.l10n.t('the sum over samples');
    case 'none':
      return vscode.l10n.t('each sample’s loss; the figures show their mean');
  }
}

function conventionDescription(convention: Convention): string {
  switch (convention) {
    case 'exact':
      return vscode.l10n.t('the formula as written: +∞ for a probability 0 where the label needs it');
    case 'torch':
      return vscode.l10n.t('PyTorch: each log clamped at −100 (BCELoss)');
    case 'keras':
      return vscode.l10n.t('Keras: probabilities clipped to [1e-7, 1 − 1e-7], rows rescaled first');
    case 'sklearn':
      return vscode.l10n.t('scikit-learn’s log_loss: clipped to [ε, 1 − ε], ε = 2⁻⁵²');
  }
}

/** Said when options are asked for a live value or two selections: only a literal in a file keeps them. */
export function warnOptionsNeedALiteral(): void {
  void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: loss options are remembered for one literal in a file; for live values and two selections, set them in the settings (entropyLens.lossOptions).'));
}
