import * as vscode from 'vscode';
import type { Evaluation } from '../core/evaluate';
import { describe, figuresOf, formatNumber } from '../core/figures';
import { escapeMarkdown } from '../core/format';
import { formulasOf } from '../core/tex';
import { COMMANDS } from './command-ids';
import { formulaImage } from './formula-markdown';
import { readSettings, type Settings } from './settings';
import { literalArgument } from './targets/argument';
import { DocumentSource } from './targets/document-source';
import type { TargetService } from './targets/service';

export class EntropyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly targets: TargetService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document);
    if (!settings.hoverEnabled) return undefined;
    const found = this.targets.hoverTarget(document, position);
    if (found.kind === 'none' || token.isCancellationRequested) return undefined;
    if (found.kind === 'too-large') {
      return new vscode.Hover(new vscode.MarkdownString(`Entropy Lens: too large for a hover — use **Evaluate Selection** (\`${COMMANDS.evaluateSelection}\`)`));
    }
    const source = found.target.sources[0];
    if (!(source instanceof DocumentSource)) return undefined;
    const range = source.range;
    const markdown = await hoverMarkdown(found.evaluation, range, document, settings, token);
    return markdown ? new vscode.Hover(markdown, range) : undefined;
  }
}

async function hoverMarkdown(evaluation: Evaluation, range: vscode.Range, document: vscode.TextDocument, settings: Settings, token: vscode.CancellationToken): Promise<vscode.MarkdownString | undefined> {
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
  // The first hover waits for the renderer to load (a separate file: see formula-loader.ts).
  if (formula) md.appendMarkdown(`\n${await formulaImage(formula, vscode.window.activeColorTheme.kind)}\n`);
  if (token.isCancellationRequested) return undefined;
  // The links name the literal the hover is about; the target service reads them back (argument.ts).
  const args = encodeURIComponent(JSON.stringify([literalArgument(document, range)]));
  md.appendMarkdown(`\n[Open Visualizer](command:${COMMANDS.openVisualizer}?${args} "Show formulas and charts beside the editor") · [Copy](command:${COMMANDS.copyMarkdown}?${args} "Copy the figures as Markdown")`);
  return md;
}

/** The one formula a hover shows: the identity for a pair, the substituted formula otherwise. */
function headlineFormula(evaluation: Evaluation, precision: number): string | undefined {
  const formulas = formulasOf(evaluation, precision);
  const chosen = evaluation.kind === 'pair' ? formulas.find((f) => f.id === 'identity') : formulas[0];
  return chosen?.substituted;
}
