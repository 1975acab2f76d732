import * as vscode from 'vscode';
import { toJson } from '../../core/format';
import type { RowsMode } from '../../core/shape';
import { COMMANDS } from '../command-ids';
import { notificationLine } from '../figure-lines';
import { twoRowsIn, type RowsChoices } from '../rows-choice';
import { literalArgument } from '../targets/argument';
import { DocumentSource } from '../targets/document-source';
import type { TargetService } from '../targets/service';
import type { Command } from './command';
import { precisionOf, withEvaluation } from './run';

const PICKS: readonly (vscode.QuickPickItem & { readonly mode: RowsMode })[] = [
  { label: 'Batch', description: 'two predictions, each with its own entropy', mode: 'batch' },
  { label: 'Pair', description: 'row 0 is P, row 1 is Q: both KL divergences', mode: 'pair' },
  { label: 'Auto', description: 'forget the choice: two rows are a pair', mode: 'auto' },
];

/**
 * Reads a literal's two rows as a pair or as a batch, and remembers that for the literal (see
 * rows-choice.ts). From the hover's link: `[literal argument, 'pair' | 'batch']`; from the palette:
 * the selection (or the literal at the cursor), with a quick pick. Says the figures as read now.
 */
export class ReadRowsAs implements Command {
  readonly id = COMMANDS.readRowsAs;
  constructor(
    private readonly targets: TargetService,
    private readonly choices: RowsChoices,
    /** The status bar and the visualizer show the literal again, read the new way. */
    private readonly refresh: () => void,
  ) {}

  async execute(arg?: unknown, mode?: unknown): Promise<ReturnType<typeof toJson> | undefined> {
    const source = await this.#source(arg);
    if (!source) return undefined;
    if (!twoRowsIn(source.text())) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Entropy Lens: rows are read as a pair or a batch only in a list of two rows, such as [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]].'));
      return undefined;
    }
    const chosen = isRowsMode(mode) ? mode : (await vscode.window.showQuickPick(PICKS, { title: vscode.l10n.t('Entropy Lens: read the two rows as…') }))?.mode;
    if (!chosen) return undefined;
    await this.choices.set(source.document.uri, source.text(), chosen);
    this.refresh();
    return withEvaluation(
      this.targets,
      'evaluate',
      (evaluated) => {
        const how = evaluated.evaluation.kind === 'batch' ? 'rows read as a batch' : 'rows read as a pair P, Q';
        void vscode.window.showInformationMessage(`Entropy Lens: ${how} — ${notificationLine(evaluated.evaluation, precisionOf(this.targets, evaluated))}`);
        return toJson(evaluated.evaluation);
      },
      literalArgument(source.document, source.range),
    );
  }

  /** The literal the link names, else the active editor's selection or the literal at its cursor. */
  async #source(arg: unknown): Promise<DocumentSource | undefined> {
    const named = await this.targets.argumentTarget(arg);
    if (named.kind === 'invalid') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0}', named.message));
      return undefined;
    }
    const editor = vscode.window.activeTextEditor;
    const target = named.kind === 'target' ? named.target : editor && this.targets.commandTarget(editor)?.target;
    const source = target?.sources.length === 1 ? target.sources[0] : undefined;
    if (source instanceof DocumentSource) return source;
    void vscode.window.showInformationMessage(vscode.l10n.t('Entropy Lens: select a list of two rows, such as [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]], or put the cursor inside one.'));
    return undefined;
  }
}

function isRowsMode(value: unknown): value is RowsMode {
  return value === 'pair' || value === 'batch' || value === 'auto';
}
