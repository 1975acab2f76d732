import * as vscode from 'vscode';
import type { Evaluation } from '../core/evaluate';
import { describe, figuresOf, formatNumber } from '../core/figures';
import { escapeMarkdown } from '../core/format';
import { formulasOf } from '../core/tex';
import { COMMANDS } from './command-ids';
import { formulaImage } from './formula-markdown';
import { evaluateOptions, readSettings, type Settings } from './settings';
import { hoverWork, hoverWorkOnSelection } from './hover-work';
import { sourceOf } from './target';

/** The selection the pointer is in, if any: a selection is what the user asked about. */
function selectionAt(document: vscode.TextDocument, position: vscode.Position): vscode.Selection | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document === document ? editor.selections.find((s) => !s.isEmpty && s.contains(position)) : undefined;
}

export class EntropyHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const settings = readSettings(document);
    if (!settings.hoverEnabled) return undefined;
    const source = sourceOf(document);
    const selection = selectionAt(document, position);
    const options = evaluateOptions(settings);
    const finding = selection
      ? hoverWorkOnSelection(source, document.offsetAt(selection.start), document.offsetAt(selection.end), settings.hoverMaxLiteralLength, options)
      : hoverWork(source, document.offsetAt(position), settings.hoverMaxLiteralLength, options);
    if (finding.kind === 'none' || token.isCancellationRequested) return undefined;
    if (finding.kind === 'too-large') {
      return new vscode.Hover(new vscode.MarkdownString(`Entropy Lens: too large for a hover — use **Evaluate Selection** (\`${COMMANDS.evaluateSelection}\`)`));
    }
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const markdown = hoverMarkdown(finding.evaluation, range, document, settings, token);
    return markdown ? new vscode.Hover(markdown, range) : undefined;
  }
}

function hoverMarkdown(evaluation: Evaluation, range: vscode.Range, document: vscode.TextDocument, settings: Settings, token: vscode.CancellationToken): vscode.MarkdownString | undefined {
  const md = new vscode.MarkdownString('', true);
  // Command links run only these commands; nothing else in the hover is trusted.
  md.isTrusted = { enabledCommands: [COMMANDS.openVisualizer, COMMANDS.copyMarkdown] };
  md.appendMarkdown(`**Entropy Lens** — ${escapeMarkdown(describe(evaluation))}\n\n`);
  md.appendMarkdown('| | |\n|---|---:|\n');
  for (const figure of figuresOf(evaluation)) {
    const value = formatNumber(figure.value, settings.precision);
    md.appendMarkdown(`| ${escapeMarkdown(figure.label)} | ${value}${figure.unit ? ` ${figure.unit}` : ''} |\n`);
  }
  md.appendMarkdown('\n');
  for (const note of evaluation.notes) md.appendMarkdown(`- ${escapeMarkdown(note)}\n`);
  for (const warning of evaluation.warnings.slice(0, 5)) md.appendMarkdown(`- ⚠ ${escapeMarkdown(warning)}\n`);
  if (token.isCancellationRequested) return undefined;
  const formula = headlineFormula(evaluation, settings.precision);
  if (formula) md.appendMarkdown(`\n${formulaImage(formula, vscode.window.activeColorTheme.kind)}\n`);
  const args = encodeURIComponent(JSON.stringify([{ uri: document.uri.toString(), range: [range.start.line, range.start.character, range.end.line, range.end.character] }]));
  md.appendMarkdown(`\n[Open Visualizer](command:${COMMANDS.openVisualizer}?${args} "Show formulas and charts beside the editor") · [Copy](command:${COMMANDS.copyMarkdown}?${args} "Copy the figures as Markdown")`);
  return md;
}

/** The one formula a hover shows: the identity for a pair, the substituted formula otherwise. */
function headlineFormula(evaluation: Evaluation, precision: number): string | undefined {
  const formulas = formulasOf(evaluation, precision);
  const chosen = evaluation.kind === 'pair' ? formulas.find((f) => f.id === 'identity') : formulas[0];
  return chosen?.substituted;
}
