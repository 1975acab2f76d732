import * as vscode from 'vscode';
import { findLiteralAt } from '../core/locate';
import { hoverWork, type TextSource } from './hover-work';
import { evaluateOptions, readSettings } from './settings';

/** A piece of a document to evaluate: its text and where it stands. */
export interface Target {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly text: string;
}

/** How far around the cursor to look for a literal when nothing is selected. */
export const CURSOR_SCAN_LIMIT = 200_000;

/**
 * The targets of a command: each non-empty selection, or, when the selection is empty, the
 * bracketed literal around the cursor (a bounded scan, never the whole document).
 */
export function targetsOf(editor: vscode.TextEditor): Target[] {
  const document = editor.document;
  const selections = editor.selections.filter((selection) => !selection.isEmpty);
  if (selections.length > 0) {
    // Multi-cursor selections arrive in the order they were made; P is the first one made.
    return selections.map((selection) => ({ document, range: selection, text: document.getText(selection) }));
  }
  const around = literalAround(document, editor.selection.active, CURSOR_SCAN_LIMIT);
  return around ? [around] : [];
}

/**
 * The literal around `position`, found in a window of `limit` characters each way: the outermost
 * group that evaluates (as the hover chooses), else the outermost literal, so that its error shows.
 */
export function literalAround(document: vscode.TextDocument, position: vscode.Position, limit: number): Target | undefined {
  const offset = document.offsetAt(position);
  const work = hoverWork(sourceOf(document), offset, limit, evaluateOptions(readSettings(document)));
  if (work.kind === 'evaluated') {
    const range = new vscode.Range(document.positionAt(work.start), document.positionAt(work.end));
    return { document, range, text: document.getText(range) };
  }
  const windowStart = Math.max(0, offset - limit);
  const window = new vscode.Range(document.positionAt(windowStart), document.positionAt(offset + limit));
  const text = document.getText(window);
  const found = findLiteralAt(text, offset - windowStart, { maxLength: limit });
  if (!found) return undefined;
  const range = new vscode.Range(document.positionAt(windowStart + found.start), document.positionAt(windowStart + found.end));
  return { document, range, text: text.slice(found.start, found.end) };
}

/** A document as the hover's work sees it: a length and slices, nothing more. */
export function sourceOf(document: vscode.TextDocument): TextSource {
  const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  return {
    length,
    slice: (start, end) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))),
  };
}

/** Document range of a [start, end) offset range inside a target's text. */
export function rangeInTarget(target: Target, start: number, end: number): vscode.Range {
  const base = target.document.offsetAt(target.range.start);
  return new vscode.Range(target.document.positionAt(base + start), target.document.positionAt(base + end));
}
