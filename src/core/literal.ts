import type { SourceRange } from './errors';

/**
 * The syntax tree the reader produces. Lists whose elements are all numbers (the bulk of any
 * real input) are packed into typed arrays, with each element's source range kept alongside, so a
 * million-number literal costs three typed arrays rather than a million objects.
 */
export type LiteralNode = NumbersNode | ListNode | ObjectNode | NumberNode | StringNode | NullNode;

/** A list whose elements are all numbers (booleans read as 1 and 0). Empty lists are this kind. */
export interface NumbersNode {
  readonly kind: 'numbers';
  readonly values: Float64Array;
  /** starts[i], ends[i]: the source range of element i. */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly range: SourceRange;
}

/** A list with at least one element that is not a number (nested lists, strings, objects). */
export interface ListNode {
  readonly kind: 'list';
  readonly items: readonly LiteralNode[];
  readonly range: SourceRange;
  /**
   * Present when every element is a bracketed list of numbers and all have one length (a matrix):
   * the rows packed into one set of typed arrays. `items` then holds views on them, made only when
   * asked for, so a 2,000,000-row literal costs what the same numbers as one vector cost.
   */
  readonly rows?: Rows;
}

/** Equal-length rows of numbers, row-major: element j of row i is at i · columns + j. */
export interface Rows {
  readonly count: number;
  readonly columns: number;
  readonly values: Float64Array;
  /** starts[k], ends[k]: the source range of element k. */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** rowStarts[i], rowEnds[i]: the source range of row i, its brackets included. */
  readonly rowStarts: Uint32Array;
  readonly rowEnds: Uint32Array;
}

export interface ObjectEntry {
  /** The key without quotes: `"p"`, `'p'` and `p` all give `p`. */
  readonly key: string;
  readonly keyRange: SourceRange;
  readonly value: LiteralNode;
}

/**
 * A JSON object, a JS object literal or a Python dict. Keys keep the order of their first
 * appearance; a key given again replaces the earlier value, as JSON.parse and Python's dict do.
 */
export interface ObjectNode {
  readonly kind: 'object';
  readonly entries: readonly ObjectEntry[];
  readonly range: SourceRange;
  /** The entries a later one with the same key replaced, in source order; absent when no key repeats. */
  readonly replaced?: readonly ObjectEntry[];
}

/** A lone number (the whole literal, a dict value, or an element of a mixed list). */
export interface NumberNode {
  readonly kind: 'number';
  readonly value: number;
  readonly range: SourceRange;
}

export interface StringNode {
  readonly kind: 'string';
  readonly value: string;
  readonly range: SourceRange;
}

/** `null` or Python's `None`. */
export interface NullNode {
  readonly kind: 'null';
  readonly range: SourceRange;
}

/** Row `index` of packed rows as its own node: views on the shared arrays, no copy. */
export function rowNode(rows: Rows, index: number): NumbersNode {
  const from = index * rows.columns;
  const to = from + rows.columns;
  return {
    kind: 'numbers',
    values: rows.values.subarray(from, to),
    starts: rows.starts.subarray(from, to),
    ends: rows.ends.subarray(from, to),
    range: { start: rows.rowStarts[index], end: rows.rowEnds[index] },
  };
}

/** How many elements a list node has, without making a packed list's row nodes. */
export function itemCount(node: NumbersNode | ListNode): number {
  if (node.kind === 'numbers') return node.values.length;
  return node.rows !== undefined ? node.rows.count : node.items.length;
}

/** Source range of element `index` of a list node (either kind). */
export function elementRange(node: NumbersNode | ListNode, index: number): SourceRange {
  if (node.kind === 'numbers') return { start: node.starts[index], end: node.ends[index] };
  if (node.rows !== undefined) return { start: node.rows.rowStarts[index], end: node.rows.rowEnds[index] };
  return node.items[index].range;
}
