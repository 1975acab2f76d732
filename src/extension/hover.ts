import * as vscode from 'vscode';
import { CONTEXT_AFTER, CONTEXT_BEFORE, looksLikeData } from '../core/data-likeness';
import type { Evaluation } from '../core/evaluate';
import { describe, figuresOf, formatNumber } from '../core/figures';
import { escapeMarkdown } from '../core/format';
import { formulasOf } from '../core/tex';
import { COMMANDS } from './command-ids';
import { hoverLabel, rowFigures } from './figure-lines';
import { formulaImage } from './formula-markdown';
import { twoRowsIn } from './rows-choice';
import { readSettings, type Settings } from './settings';
import { literalArgument } from './targets/argument';
import { DocumentSource } from './targets/document-source';
import type { TargetService } from './targets/service';

/**
 * The hover over a literal of numbers: links first (Open Visualizer · Copy, and for two rows the
 * other reading of them), then the figures, how the numbers were read, and the formula. It speaks
 * only when asked about data: in the languages `entropyLens.hover.languages` names, and not over
 * integer tuples that are shapes or versions (core/data-likeness.ts) unless they are selected.
 */
export class EntropyHoverProvider implements vscode.HoverProvider {
  constructor(private readonly targets: TargetService) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const settings = readSettings(document);
    if (!settings.hoverEnabled || !hoversIn(settings, document.languageId)) return undefined;
    const found = this.targets.hoverTarget(document, position);
    if (found.kind === 'none' || token.isCancellationRequested) return undefined;
    if (found.kind === 'too-large') return new vscode.Hover(tooLargeMarkdown());
    const source = found.target.sources[0];
    if (!(source instanceof DocumentSource)) return undefined;
    const range = source.range;
    if (!isSelected(document, range) && !looksLikeData(source.text(), textBefore(document, range), textAfter(document, range))) return undefined;
    const markdown = await hoverMarkdown(found.evaluation, source, settings, token);
    return markdown ? new vscode.Hover(markdown, range) : undefined;
  }
}

/** Whether hovers speak in `languageId`: the setting lists language ids, `*` for all. */
export function hoversIn(settings: Settings, languageId: string): boolean {
  return settings.hoverLanguages.includes('*') || settings.hoverLanguages.includes(languageId);
}

/** A selection is a question: its literal is answered even when it looks like a shape. */
function isSelected(document: vscode.TextDocument, range: vscode.Range): boolean {
  const editor = vscode.window.activeTextEditor;
  return editor?.document === document && editor.selections.some((selection) => !selection.isEmpty && selection.contains(range));
}

function textBefore(document: vscode.TextDocument, range: vscode.Range): string {
  const start = document.offsetAt(range.start);
  return document.getText(new vscode.Range(document.positionAt(Math.max(0, start - CONTEXT_BEFORE)), range.start));
}

function textAfter(document: vscode.TextDocument, range: vscode.Range): string {
  const end = document.offsetAt(range.end);
  return document.getText(new vscode.Range(range.end, document.positionAt(end + CONTEXT_AFTER)));
}

function tooLargeMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: [COMMANDS.evaluateSelection] };
  const run = commandLink(vscode.l10n.t('Evaluate Selection'), `command:${COMMANDS.evaluateSelection}`, vscode.l10n.t('Evaluate the literal at the cursor'));
  // The sentence is ours (a translation ships with the extension); only the link's words are escaped.
  md.appendMarkdown(`**Entropy Lens**: ${vscode.l10n.t('this literal is too large for a hover. Put the cursor in it (or select it) and run {0}.', run)}`);
  return md;
}

/**
 * A Markdown link whose label and hover title are words (translated ones among them): the label is
 * escaped as text, and the title cannot end early on a quote.
 */
function commandLink(label: string, target: string, title: string): string {
  return `[${escapeMarkdown(label)}](${target} "${title.replace(/["\\]/g, (c) => `\\${c}`)}")`;
}

async function hoverMarkdown(evaluation: Evaluation, source: DocumentSource, settings: Settings, token: vscode.CancellationToken): Promise<vscode.MarkdownString | undefined> {
  const md = new vscode.MarkdownString('', true);
  // Command links run only these commands; nothing else in the hover is trusted.
  md.isTrusted = { enabledCommands: [COMMANDS.openVisualizer, COMMANDS.copyMarkdown, COMMANDS.readRowsAs] };
  md.appendMarkdown(`**Entropy Lens** — ${escapeMarkdown(describe(evaluation))}\n\n`);
  // Links first: a tall hover (a pair, a warning) scrolls, and the links must not scroll away.
  md.appendMarkdown(`${links(evaluation, source).join(' · ')}\n\n`);
  md.appendMarkdown('| | |\n|---|---:|\n');
  for (const figure of figuresOf(evaluation)) {
    const value = formatNumber(figure.value, settings.precision);
    md.appendMarkdown(`| ${escapeMarkdown(hoverLabel(figure))} | ${value}${figure.unit ? ` ${figure.unit}` : ''} |\n`);
  }
  for (const row of rowFigures(evaluation, settings.precision)) md.appendMarkdown(`| ${escapeMarkdown(row.label)} | ${row.value} |\n`);
  md.appendMarkdown('\n');
  for (const note of evaluation.notes) md.appendMarkdown(`- ${escapeMarkdown(note)}\n`);
  for (const warning of evaluation.warnings.slice(0, 5)) md.appendMarkdown(`- ⚠ ${escapeMarkdown(warning)}\n`);
  if (token.isCancellationRequested) return undefined;
  const formula = headlineFormula(evaluation, settings.precision);
  // The first hover waits for the renderer to load (a separate file: see formula-loader.ts).
  if (formula) md.appendMarkdown(`\n${await formulaImage(formula, vscode.window.activeColorTheme.kind)}\n`);
  return token.isCancellationRequested ? undefined : md;
}

/** Open Visualizer · Copy, and for a list of two rows the other way to read them. */
function links(evaluation: Evaluation, source: DocumentSource): string[] {
  // The links name the literal the hover is about; the target service reads them back (argument.ts).
  const literal = literalArgument(source.document, source.range);
  const link = (label: string, command: string, title: string, args: unknown[]) => commandLink(label, `command:${command}?${encodeURIComponent(JSON.stringify(args))}`, title);
  const out = [
    link(vscode.l10n.t('Open Visualizer'), COMMANDS.openVisualizer, vscode.l10n.t('Show formulas and charts beside the editor'), [literal]),
    link(vscode.l10n.t('Copy'), COMMANDS.copyMarkdown, vscode.l10n.t('Copy the figures as Markdown'), [literal]),
  ];
  const other = otherRowsReading(evaluation, source.text());
  if (other === 'batch') out.push(link(vscode.l10n.t('Read rows as a batch'), COMMANDS.readRowsAs, vscode.l10n.t('Two predictions, each with its own entropy: remembered for this literal'), [literal, 'batch']));
  if (other === 'pair') out.push(link(vscode.l10n.t('Read rows as a pair'), COMMANDS.readRowsAs, vscode.l10n.t('Row 0 is P and row 1 is Q: remembered for this literal'), [literal, 'pair']));
  return out;
}

/** The reading a link offers for a list of two rows: a batch when read as a pair, and back. */
function otherRowsReading(evaluation: Evaluation, text: string): 'pair' | 'batch' | undefined {
  const twoRows = (evaluation.kind === 'pair' || (evaluation.kind === 'batch' && evaluation.rows.length === 2)) && twoRowsIn(text);
  if (!twoRows) return undefined;
  return evaluation.kind === 'pair' ? 'batch' : 'pair';
}

/**
 * The formula a hover shows: the identity for a pair; otherwise the first quantity's formula, after
 * the step that made the numbers a distribution (`p = softmax([2, −1, 0.5]) = […]`) when there is one.
 */
function headlineFormula(evaluation: Evaluation, precision: number): string | undefined {
  const formulas = formulasOf(evaluation, precision);
  if (evaluation.kind === 'pair') return formulas.find((f) => f.id === 'identity')?.substituted;
  if (evaluation.kind === 'distribution' && formulas.length > 1) {
    return `\\begin{gathered}${formulas.map((f) => f.substituted).join(' \\\\ ')}\\end{gathered}`;
  }
  return formulas[0]?.substituted;
}
