import * as vscode from 'vscode';
import type { Evaluation } from '../../core/evaluate';
import { toJson, toMarkdown } from '../../core/format';
import { toLatex } from '../../core/tex';
import { COMMANDS } from '../command-ids';
import type { TargetService } from '../targets/service';
import type { Command } from './command';
import { precisionOf, withEvaluation } from './run';

/**
 * Copies the evaluation of the selection — or of the literal a hover link names — in one of the text
 * formats. The hover's Copy link passes that literal; from the palette there is no argument.
 */
class CopyAs implements Command {
  constructor(
    readonly id: string,
    private readonly targets: TargetService,
    private readonly format: (evaluation: Evaluation, precision: number) => string,
    private readonly what: string,
  ) {}

  execute(arg?: unknown): Promise<ReturnType<typeof toJson> | undefined> {
    return withEvaluation(
      this.targets,
      'copy',
      async (evaluated) => {
        await vscode.env.clipboard.writeText(this.format(evaluated.evaluation, precisionOf(this.targets, evaluated)));
        void vscode.window.setStatusBarMessage(`Entropy Lens: copied ${this.what}`, 3000);
        return toJson(evaluated.evaluation);
      },
      arg,
    );
  }
}

export function copyCommands(targets: TargetService): Command[] {
  return [
    new CopyAs(COMMANDS.copyMarkdown, targets, toMarkdown, 'the figures as Markdown'),
    new CopyAs(COMMANDS.copyLatex, targets, toLatex, 'the formulas as LaTeX'),
  ];
}
