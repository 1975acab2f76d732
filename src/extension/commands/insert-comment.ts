import * as vscode from 'vscode';
import { summaryLine } from '../../core/figures';
import { COMMANDS } from '../command-ids';
import { asComment } from '../comment-syntax';
import { DocumentSource } from '../targets/document-source';
import type { TargetService } from '../targets/service';
import type { Command } from './command';
import { precisionOf, withEvaluation } from './run';

/** Inserts the summary as a comment on the line after the literal (after Q, for a pair). */
export class InsertComment implements Command {
  readonly id = COMMANDS.insertComment;
  constructor(private readonly targets: TargetService) {}

  execute(): Promise<string | undefined> {
    return withEvaluation(this.targets, 'insert', async (evaluated) => {
      const sources = evaluated.target.sources;
      const source = sources[sources.length - 1];
      if (!(source instanceof DocumentSource)) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0} is not in an editor; use "Copy Result as Markdown" instead.', source.describe()));
        return undefined;
      }
      const document = source.document;
      const comment = asComment(document.languageId, `Entropy Lens: ${summaryLine(evaluated.evaluation, precisionOf(this.targets, evaluated), 6)}`);
      if (comment === undefined) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0} has no comments; use "Copy Result as Markdown" instead.', document.languageId));
        return undefined;
      }
      const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
      if (!editor) return undefined;
      const endLine = document.lineAt(source.range.end.line);
      const indent = /^\s*/.exec(document.lineAt(source.range.start.line).text)?.[0] ?? '';
      // One edit, so one undo removes it.
      const applied = await editor.edit((builder) => builder.insert(endLine.range.end, `\n${indent}${comment}`));
      return applied ? comment : undefined;
    });
  }
}
