/**
 * Where a literal is after an edit, in offsets: the visualizer's locked literal follows the document
 * as the user types (issue 14). Pure arithmetic, no vscode: controller.ts feeds it the offsets of
 * `TextDocumentContentChangeEvent`s.
 */

/** A document range as offsets, `start` inclusive, `end` exclusive. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** One replacement as VS Code reports it: `length` characters at `offset` replaced by `inserted` new ones. */
export interface OffsetEdit {
  readonly offset: number;
  readonly length: number;
  readonly inserted: number;
}

/**
 * The range after one edit, or undefined when the edit deletes it.
 *
 * - An edit that ends at or before the start (typing just before the literal) shifts it.
 * - An edit that starts at or after the end (typing just after it) leaves it alone.
 * - An edit within it grows or shrinks it (one that replaces its first or last characters too; a pure
 *   insertion at either edge is outside, as above).
 * - An edit that covers it deletes it — unless it replaces exactly the range with new text (a paste
 *   over the literal, the playground's Apply to editor): the new text is the literal then.
 * - An edit that overlaps one edge keeps what survives of the literal and the text typed over the
 *   edge: the user was editing the literal.
 */
export function rangeAfterEdit(range: OffsetRange, edit: OffsetEdit): OffsetRange | undefined {
  const { start, end } = range;
  const from = edit.offset;
  const to = edit.offset + edit.length;
  const delta = edit.inserted - edit.length;
  if (to <= start) return { start: start + delta, end: end + delta };
  if (from >= end) return range;
  if (from <= start && to >= end) return from === start && to === end && edit.inserted > 0 ? { start, end: start + edit.inserted } : undefined;
  if (from >= start && to <= end) return { start, end: end + delta };
  if (from < start) return { start: from, end: end + delta };
  return { start, end: from + edit.inserted };
}

/**
 * The range after the edits of one change event, applied in the order given: VS Code lists them so
 * that each one's offsets hold once the ones before it are applied. Undefined once any deletes it.
 */
export function rangeAfterEdits(range: OffsetRange, edits: readonly OffsetEdit[]): OffsetRange | undefined {
  let current: OffsetRange | undefined = range;
  for (const edit of edits) {
    current = rangeAfterEdit(current, edit);
    if (!current) return undefined;
  }
  return current;
}
