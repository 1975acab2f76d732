import { count, LiteralError, type SourceRange, type VectorContext } from './errors';
import { elementRange, itemCount, type LiteralNode, type ListNode, type NumbersNode, type ObjectEntry, type ObjectNode, type Rows } from './literal';
import { readerWarnings } from './reader';
import { isTokenObjectList, keyList, SEQUENCE_KEYS, sequenceOfObject, tokenObjects, type SequenceShaped } from './sequence-shape';

/**
 * The shape stage: decides what the literal *is* (one distribution, a P/Q pair, a batch of rows,
 * or targets with predictions) and pulls its numbers out as flat typed arrays, keeping a way back
 * to each element's source range for error messages.
 */

/** A vector of numbers with the way back to the source. */
export interface Vector {
  readonly values: Float64Array;
  readonly range: SourceRange;
  elementRange(index: number): SourceRange;
  /** Element names when the literal was an object of numbers ({"cat": 0.2, "dog": 0.8}). */
  readonly labels?: readonly string[];
}

/** Rows of equal length, stored row-major. */
export interface Matrix {
  readonly rows: number;
  readonly columns: number;
  readonly values: Float64Array;
  readonly range: SourceRange;
  row(index: number): Vector;
}

/** What shaping noticed on the way (a squeezed column, keys it did not read), for the result's notes and warnings. */
export interface ShapeRemarks {
  readonly notes?: readonly string[];
  readonly warnings?: readonly string[];
}

export type Shaped = (
  | { readonly kind: 'distribution'; readonly p: Vector; readonly forcedLogits: boolean }
  | { readonly kind: 'pair'; readonly p: Vector; readonly q: Vector }
  | { readonly kind: 'batch'; readonly rows: Matrix; readonly forcedLogits: boolean }
  | {
      readonly kind: 'loss';
      readonly targets: Vector | Matrix;
      readonly predictions: Vector | Matrix;
      /** The predictions were given under a `logits` key. */
      readonly predictionsAreLogits: boolean;
      readonly targetsKey: string;
      readonly predictionsKey: string;
    }
  /** Row i of P against row i of Q. */
  | { readonly kind: 'pairs'; readonly p: Matrix; readonly q: Matrix }
  /** A joint distribution table: X indexes the rows, Y the columns. */
  | { readonly kind: 'joint'; readonly table: Matrix }
  | SequenceShaped
) &
  ShapeRemarks;

export const TARGET_KEYS: readonly string[] = ['y', 'y_true', 'target', 'targets', 'label', 'labels'];
export const PREDICTION_KEYS: readonly string[] = [
  'yhat', 'y_hat', 'y_pred', 'pred', 'preds', 'prediction', 'predictions', 'probs',
  'probabilities', 'output', 'outputs', 'input', 'logits',
];
const P_KEYS: readonly string[] = ['p', 'pk'];
const Q_KEYS: readonly string[] = ['q', 'qk'];
const JOINT_KEYS: readonly string[] = ['joint'];

export function isMatrix(value: Vector | Matrix): value is Matrix {
  return 'rows' in value;
}

/** A vector under the name its messages will use. */
export function contextOf(vector: Vector, name: string): VectorContext {
  return { name, range: vector.range, elementRange: (i) => vector.elementRange(i) };
}

/**
 * How a list of rows is read: 'auto' reads two rows as a pair P, Q and more as a batch; 'pair' and
 * 'batch' say which two rows are (a user's choice: the CLI's --rows, the editor's remembered choice).
 */
export type RowsMode = 'auto' | 'pair' | 'batch';
export const ROWS_MODES: readonly RowsMode[] = ['auto', 'pair', 'batch'];

/**
 * Classifies a literal and extracts its numbers; throws LiteralError naming the offending element.
 * `rows` chooses how a list of two rows is read (see {@link RowsMode}); a choice that cannot apply
 * is said in a warning, never dropped silently.
 */
export function shapeOf(node: LiteralNode, rows: RowsMode = 'auto'): Shaped {
  const shaped = shapeOfNode(node, rows);
  const unused = rows !== 'auto' && !isRowsList(node) ? [`rows were to be read as ${rows === 'pair' ? 'a pair' : 'a batch'}, but this literal is not a list of rows: it was read as ${KIND_WORDS[shaped.kind]}`] : [];
  // The reader's warnings (a key given twice) travel with the shape to the evaluation.
  return withRemarks(shaped, [], [...readerWarnings(node), ...unused]);
}

/** Whether the rows choice changes how `node` is read: a list of exactly two rows of numbers. */
export function rowsChoiceApplies(node: LiteralNode): boolean {
  return isRowsList(node) && itemCount(node as ListNode) === 2;
}

/** A list of rows of numbers, which the rows choice applies to. */
function isRowsList(node: LiteralNode): boolean {
  // Rows of numbers only: a list of token objects is not one.
  return node.kind === 'list' && (node.rows !== undefined || (node.items.length > 0 && node.items.every((item) => item.kind === 'numbers')));
}

function shapeOfNode(node: LiteralNode, rowsMode: RowsMode): Shaped {
  switch (node.kind) {
    case 'numbers':
      return { kind: 'distribution', p: vectorOf(node, 'the vector'), forcedLogits: false };
    case 'list':
      return node.rows === undefined && isTokenObjectList(node) ? tokenObjects(node) : shapeOfRows(node, rowsMode);
    case 'object':
      return shapeOfObject(node);
    case 'number':
      throw new LiteralError('shape', 'a single number is not a distribution: select a list of numbers such as [0.2, 0.8]', node.range);
    case 'string':
      throw new LiteralError('not-a-number', `"${clip(node.value)}" is a string, not a list of numbers`, node.range);
    case 'null':
      throw new LiteralError('not-a-number', 'null is not a list of numbers', node.range);
  }
}

/**
 * A literal read as a joint table (`--as joint`): rows of numbers, or an object with a `joint` key.
 * Anything else is an error: a joint distribution needs two dimensions.
 */
export function shapeAsJoint(node: LiteralNode): Shaped {
  if (node.kind === 'list') return { kind: 'joint', table: matrixOf(node, 'row') };
  if (node.kind === 'object' && findEntry(node, JOINT_KEYS)) return withRemarks(shapeOfObject(node), [], readerWarnings(node));
  throw new LiteralError('shape', 'a joint distribution is a table: select rows of numbers such as [[0.3, 0.1], [0.2, 0.4]] (X indexes the rows, Y the columns)', node.range);
}

function shapeOfRows(node: ListNode, mode: RowsMode): Shaped {
  const rows = matrixOf(node, 'row');
  if (mode === 'pair') {
    if (rows.rows !== 2) throw new LiteralError('shape', `a pair is two rows, P then Q, but this list has ${count(rows.rows, 'row')}: read it as a batch, or select two rows`, node.range);
    return { kind: 'pair', p: rows.row(0), q: rows.row(1), notes: ['Two rows read as a pair, as chosen: row 0 is P, row 1 is Q.'] };
  }
  if (mode === 'batch') return { kind: 'batch', rows, forcedLogits: false, ...(rows.rows === 2 ? { notes: ['Two rows read as a batch of two distributions, as chosen: each row has its own entropy.'] } : {}) };
  if (rows.rows > 1 && rows.columns === 1) return { kind: 'distribution', p: column(rows), forcedLogits: false, notes: [squeezeNote(rows.rows)] };
  if (rows.rows === 1) return { kind: 'distribution', p: rows.row(0), forcedLogits: false };
  if (rows.rows === 2) return { kind: 'pair', p: rows.row(0), q: rows.row(1) };
  return { kind: 'batch', rows, forcedLogits: false };
}

function shapeOfObject(node: ObjectNode): Shaped {
  const used: ObjectEntry[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  const shaped = shapeOfEntries(node, { used, notes, warnings });
  const ignored = node.entries.filter((entry) => !used.includes(entry)).map((entry) => entry.key);
  if (ignored.length > 0) {
    const keys = used.map((entry) => `"${entry.key}"`);
    const read = keys.length > 1 ? `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}` : keys.join('');
    warnings.push(`ignored ${keyList(ignored)}: only ${read} ${used.length === 1 ? 'was' : 'were'} read, as ${KIND_WORDS[shaped.kind]}`);
  }
  return withRemarks(shaped, notes, warnings);
}

const KIND_WORDS: Record<Shaped['kind'], string> = {
  distribution: 'one distribution',
  pair: 'a pair P and Q',
  batch: 'a batch of rows',
  loss: 'targets and predictions',
  pairs: 'a batch of pairs P and Q',
  joint: 'a joint table',
  sequence: 'token log-probabilities',
};

/** Collects what shaping an object read and noticed. */
interface Collector {
  readonly used: ObjectEntry[];
  readonly notes: string[];
  readonly warnings: string[];
}

function shapeOfEntries(node: ObjectNode, c: Collector): Shaped {
  const take = (entry: ObjectEntry): ObjectEntry => {
    c.used.push(entry);
    return entry;
  };
  const target = findEntry(node, TARGET_KEYS);
  const prediction = findEntry(node, PREDICTION_KEYS);
  if (target && prediction) {
    return {
      kind: 'loss',
      targets: vectorOrMatrix(take(target).value, `the targets ("${target.key}")`),
      predictions: vectorOrMatrix(take(prediction).value, `the predictions ("${prediction.key}")`),
      predictionsAreLogits: prediction.key.toLowerCase() === 'logits',
      targetsKey: target.key,
      predictionsKey: prediction.key,
    };
  }
  const p = findEntry(node, P_KEYS);
  const q = findEntry(node, Q_KEYS);
  if (target && p && !q) {
    // {"y": [...], "p": [...]}: p is the model's probabilities, the way papers write it.
    return {
      kind: 'loss',
      targets: vectorOrMatrix(take(target).value, `the targets ("${target.key}")`),
      predictions: vectorOrMatrix(take(p).value, `the predictions ("${p.key}")`),
      predictionsAreLogits: false,
      targetsKey: target.key,
      predictionsKey: p.key,
    };
  }
  const joint = findEntry(node, JOINT_KEYS);
  if (joint) {
    const value = take(joint).value;
    if (value.kind !== 'list') throw new LiteralError('shape', `"${joint.key}" must be a table: rows of numbers such as [[0.3, 0.1], [0.2, 0.4]]`, value.range);
    return { kind: 'joint', table: matrixOf(value, `row of "${joint.key}"`) };
  }
  const sequence = sequenceOfObject(node, c.used);
  if (sequence) return sequence;
  if (p && q) return pairOf(take(p), take(q), c.notes);
  if (p && !q) return { kind: 'distribution', p: vectorAt(take(p), 'P', c.notes), forcedLogits: false };
  if (q && !p) {
    c.warnings.push(`only "${q.key}" was given, so it was read as one distribution: a pair needs "p" as well`);
    return { kind: 'distribution', p: vectorAt(take(q), 'Q', c.notes), forcedLogits: false };
  }
  if (prediction && !target) {
    const forcedLogits = prediction.key.toLowerCase() === 'logits';
    const value = vectorOrMatrix(take(prediction).value, `"${prediction.key}"`);
    if (!isMatrix(value)) return { kind: 'distribution', p: value, forcedLogits };
    if (value.rows > 1 && value.columns === 1) {
      c.notes.push(squeezeNote(value.rows));
      return { kind: 'distribution', p: column(value), forcedLogits };
    }
    if (value.rows === 1) return { kind: 'distribution', p: value.row(0), forcedLogits };
    return { kind: 'batch', rows: value, forcedLogits };
  }
  if (!target && node.entries.some((entry) => entry.value.kind === 'number')) {
    // An object of numbers is a labelled distribution: every value must be a number.
    const bad = node.entries.find((entry) => entry.value.kind !== 'number');
    if (bad) throw new LiteralError('not-a-number', `"${bad.key}" is ${describeNode(bad.value)}, not a number: an object of numbers is a labelled distribution`, bad.value.range);
    c.used.push(...node.entries);
    return { kind: 'distribution', p: labelledVector(node), forcedLogits: false };
  }
  if (target && !prediction) {
    throw new LiteralError('shape', `found targets ("${target.key}") but no predictions: add one of ${quoteList(PREDICTION_KEYS)}`, node.range);
  }
  const keys = node.entries.map((entry) => entry.key);
  throw new LiteralError(
    'shape',
    `no recognised keys${keys.length ? ` among ${quoteList(keys.slice(0, 8))}` : ''}: use "p"/"q" for a pair, a targets key (${quoteList(TARGET_KEYS)}) with a predictions key (${quoteList(PREDICTION_KEYS)}), "joint" for a joint table, or ${quoteList(SEQUENCE_KEYS)} for token log-probabilities`,
    node.range,
  );
}

/** One vector each: a pair; a matrix each, of two rows or more: a batch of pairs. */
function pairOf(p: ObjectEntry, q: ObjectEntry, notes: string[]): Shaped {
  const pValue = squeezed(vectorOrMatrix(p.value, 'P'), notes);
  const qValue = squeezed(vectorOrMatrix(q.value, 'Q'), notes);
  const batch = (value: Vector | Matrix): value is Matrix => isMatrix(value) && value.rows > 1;
  if (batch(pValue) && batch(qValue)) return { kind: 'pairs', p: pValue, q: qValue };
  if (batch(pValue)) throw oneAgainstMany(pValue, p.key, q.key, 'Q');
  if (batch(qValue)) throw oneAgainstMany(qValue, q.key, p.key, 'P');
  return { kind: 'pair', p: oneRow(pValue), q: oneRow(qValue) };
}

function oneAgainstMany(many: Matrix, manyKey: string, oneKey: string, one: 'P' | 'Q'): LiteralError {
  return new LiteralError(
    'shape',
    `"${manyKey}" has ${many.rows} rows but "${oneKey}" is one vector: give ${one} one row for each (a batch of pairs), or one vector each (a pair)`,
    many.range,
  );
}

/** An n×1 column is a vector of n values, as numpy's squeeze makes it. */
function squeezed(value: Vector | Matrix, notes: string[]): Vector | Matrix {
  if (!isMatrix(value) || value.columns !== 1 || value.rows === 1) return value;
  notes.push(squeezeNote(value.rows));
  return column(value);
}

function oneRow(value: Vector | Matrix): Vector {
  return isMatrix(value) ? value.row(0) : value;
}

function column(matrix: Matrix): Vector {
  return { values: matrix.values, range: matrix.range, elementRange: (i) => matrix.row(i).elementRange(0) };
}

function squeezeNote(rows: number): string {
  return `A column of ${rows} one-element rows was read as one vector of ${rows} values (as numpy's squeeze reads it), not as ${rows} one-element distributions.`;
}

function withRemarks(shaped: Shaped, notes: readonly string[], warnings: readonly string[]): Shaped {
  if (notes.length === 0 && warnings.length === 0) return shaped;
  return { ...shaped, notes: [...(shaped.notes ?? []), ...notes], warnings: [...(shaped.warnings ?? []), ...warnings] };
}

function describeNode(node: LiteralNode): string {
  switch (node.kind) {
    case 'string':
      return `"${clip(node.value)}"`;
    case 'null':
      return 'null';
    case 'object':
      return 'an object';
    default:
      return 'a list';
  }
}

/** Case-insensitive key match; the first entry whose key is in `keys`. */
function findEntry(node: ObjectNode, keys: readonly string[]): ObjectEntry | undefined {
  return node.entries.find((entry) => keys.includes(entry.key.toLowerCase()));
}

function vectorAt(entry: ObjectEntry, name: string, notes: string[]): Vector {
  const value = squeezed(vectorOrMatrix(entry.value, name), notes);
  if (!isMatrix(value)) return value;
  if (value.rows === 1) return value.row(0);
  throw new LiteralError('shape', `${name} ("${entry.key}") has ${value.rows} rows: give "p" and "q" the same number of rows for a batch of pairs, or select one vector`, value.range);
}

function vectorOrMatrix(node: LiteralNode, name: string): Vector | Matrix {
  if (node.kind === 'numbers') return vectorOf(node, name);
  if (node.kind === 'list') return matrixOf(node, `row of ${name}`);
  throw new LiteralError('shape', `${name} must be a list of numbers or of rows`, node.range);
}

/** A list of numbers as a Vector; an empty list is an error here, once, for every caller. */
export function vectorOf(node: NumbersNode, name: string, labels?: readonly string[]): Vector {
  if (node.values.length === 0) throw new LiteralError('empty', `${name} is empty: there is nothing to evaluate`, node.range);
  return {
    values: node.values,
    range: node.range,
    elementRange: (index) => elementRange(node, index),
    ...(labels ? { labels } : {}),
  };
}

function labelledVector(node: ObjectNode): Vector {
  const values = new Float64Array(node.entries.length);
  node.entries.forEach((entry, i) => {
    if (entry.value.kind === 'number') values[i] = entry.value.value;
  });
  return {
    values,
    range: node.range,
    elementRange: (index) => node.entries[index].value.range,
    labels: node.entries.map((entry) => entry.key),
  };
}

/** A list of equal-length number lists; names the first element that breaks the shape. */
function matrixOf(node: ListNode, rowName: string): Matrix {
  if (node.rows !== undefined) return packedMatrix(node.rows, node.range, rowName);
  const items = node.items;
  const first = items[0];
  if (first === undefined) throw new LiteralError('empty', 'the list is empty: there is nothing to evaluate', node.range);
  if (items.some((item) => item.kind === 'number')) {
    // Numbers beside something else: a vector with a bad element, which is what to point at.
    const index = items.findIndex((item) => item.kind !== 'number');
    const bad = items[index];
    const what = bad.kind === 'string' ? `"${clip(bad.value)}" is a string` : bad.kind === 'null' ? 'null' : bad.kind === 'object' ? 'an object' : 'a nested list';
    throw new LiteralError(bad.kind === 'string' || bad.kind === 'null' ? 'not-a-number' : 'ragged', `element ${index}: ${what}, not a number`, bad.range);
  }
  items.forEach((item, i) => {
    if (item.kind === 'numbers') return;
    if (item.kind === 'list') {
      throw new LiteralError('shape', `${rowName} ${i} is nested deeper than rows of numbers: select one matrix of at most two dimensions`, item.range);
    }
    // Numbers were handled above, so this is a string, null or an object among rows.
    const what = item.kind === 'string' ? `"${clip(item.value)}" is not a number` : `${item.kind === 'null' ? 'null' : 'an object'} is not a number`;
    throw new LiteralError('not-a-number', `element ${i}: ${what}`, item.range);
  });
  const rows = items as readonly NumbersNode[];
  const columns = rows[0].values.length;
  if (columns === 0) throw new LiteralError('empty', `${rowName} 0 is empty: there is nothing to evaluate`, rows[0].range);
  const values = new Float64Array(rows.length * columns);
  rows.forEach((row, i) => {
    if (row.values.length !== columns) {
      throw new LiteralError('ragged', `ragged rows: ${rowName} ${i} has ${count(row.values.length, 'element')} but ${rowName} 0 has ${columns}`, row.range);
    }
    values.set(row.values, i * columns);
  });
  return {
    rows: rows.length,
    columns,
    values,
    range: node.range,
    row: (index) => ({
      values: values.subarray(index * columns, (index + 1) * columns),
      range: rows[index].range,
      elementRange: (j) => elementRange(rows[index], j),
    }),
  };
}

/** Rows the reader packed (equal-length rows of numbers): their arrays as they are, no copy. */
function packedMatrix(rows: Rows, range: SourceRange, rowName: string): Matrix {
  const { columns, values, starts, ends, rowStarts, rowEnds } = rows;
  if (columns === 0) throw new LiteralError('empty', `${rowName} 0 is empty: there is nothing to evaluate`, { start: rowStarts[0], end: rowEnds[0] });
  return {
    rows: rows.count,
    columns,
    values,
    range,
    row: (index) => ({
      values: values.subarray(index * columns, (index + 1) * columns),
      range: { start: rowStarts[index], end: rowEnds[index] },
      elementRange: (j) => ({ start: starts[index * columns + j], end: ends[index * columns + j] }),
    }),
  };
}

function clip(text: string): string {
  return text.length > 24 ? `${text.slice(0, 21)}...` : text;
}

function quoteList(keys: readonly string[]): string {
  return keys.map((key) => `"${key}"`).join(', ');
}

