import type * as vscode from 'vscode';
import { findLiteralAt, looksNumeric } from '../../core/locate';

/** The output mime types whose text may be an array: an expression's repr, and what was printed. */
const TEXT_MIMES = ['text/plain', 'application/vnd.code.notebook.stdout', 'application/json'];

/** Output texts longer than this are not looked at unasked (the status bar item). */
export const STATUS_TEXT_LIMIT = 200_000;

/** A piece of a cell's output that reads as numbers: [start, end) of the item's text. */
export interface OutputSpan {
  readonly output: number;
  readonly item: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const decoder = new TextDecoder();

/**
 * The cell's outputs that may be arrays, last first (an expression's value, shown last, before what
 * was printed): the whole text of each text item when it looks like numbers, else the last
 * bracketed literal in it (`loss 0.3` then `tensor([...])` printed on the next line).
 */
export function arraySpans(cell: vscode.NotebookCell, limit = Infinity): OutputSpan[] {
  const spans: OutputSpan[] = [];
  cell.outputs.forEach((output, outputIndex) => {
    output.items.forEach((item, itemIndex) => {
      if (!TEXT_MIMES.includes(item.mime) || item.data.byteLength > limit) return;
      const span = arrayIn(decoder.decode(item.data));
      if (span) spans.push({ output: outputIndex, item: itemIndex, ...span });
    });
  });
  return spans.reverse();
}

/** The numbers in one output text: all of it, or its last literal; undefined when none. */
export function arrayIn(text: string): { readonly text: string; readonly start: number; readonly end: number } | undefined {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (end > start && looksNumeric(text, { start, end })) return { text, start, end };
  const last = Math.max(text.lastIndexOf(']'), text.lastIndexOf(')'));
  if (last < 0) return undefined;
  const found = findLiteralAt(text, last, { maxLength: text.length });
  if (!found || !looksNumeric(text, found)) return undefined;
  return { text, start: found.start, end: found.end };
}
