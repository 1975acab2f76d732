import type { toJson } from '../../core/format';
import { COMMANDS } from '../command-ids';
import { literalArgument } from '../targets/argument';
import type { TargetService } from '../targets/service';
import type { Command } from './command';
import { literalOf, type PreviewLoss } from './evaluate';
import { pickLossOptions, warnOptionsNeedALiteral } from './loss-options-pick';
import { withEvaluation } from './run';

/**
 * Preview Loss with Options…: the Options… pick first, on the selection's literal (or the one at the
 * cursor), with the values in effect; then the preview with what was chosen, remembered for that
 * literal as Preview Loss's own Options… button does. The palette's way to the pick, since a
 * notification's button is gone after a few seconds.
 */
export class PreviewLossWithOptions implements Command {
  readonly id = COMMANDS.previewLossWithOptions;
  constructor(
    private readonly targets: TargetService,
    private readonly preview: PreviewLoss,
  ) {}

  async execute(arg?: unknown): Promise<ReturnType<typeof toJson> | undefined> {
    const evaluated = await withEvaluation(this.targets, 'loss', (found) => found, arg);
    if (!evaluated) return undefined;
    const evaluation = evaluated.evaluation;
    // Not a loss: Preview Loss says what a loss needs.
    if (evaluation.kind !== 'loss') return this.preview.execute(arg);
    const source = literalOf(evaluated);
    if (!source) {
      warnOptionsNeedALiteral();
      return undefined;
    }
    const chosen = await pickLossOptions(evaluation.options ?? {}, evaluation.loss, this.preview.remembered(source));
    if (!chosen) return undefined;
    return this.preview.execute(literalArgument(source.document, source.range), chosen);
  }
}
