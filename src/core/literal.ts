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

/** Source range of element `index` of a list node (either kind). */
export function elementRange(node: NumbersNode | ListNode, index: number): SourceRange {
  if (node.kind === 'numbers') return { start: node.starts[index], end: node.ends[index] };
  return node.items[index].range;
}
