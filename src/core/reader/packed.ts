/**
 * The numbers of the lists being read, packed into growable typed arrays (values, and every
 * element's source offsets) used as a stack: a nested list uses the part above its parent's. A
 * finished all-number list copies its slice out, except an outermost list filling ≥ 3/4 of the
 * arrays, which takes them as views (no copy; at most 1/4 unused capacity stays allocated behind
 * them). The arrays grow to the text's remaining length at the density read so far, so a big
 * literal grows about once. No per-element object or substring. The rows of a matrix stay on the
 * stack one after another, with each row's source range beside them (`rowRanges`), and become one
 * packed list (rows.ts).
 */
import type { SourceRange } from '../errors';
import type { ListNode, LiteralNode, NumbersNode } from '../literal';
import type { Cursor } from './cursor';
import { RowRanges, RowsList } from './rows';
import { scanAfter, scanN, scanNumbers } from './scan';

const INITIAL_CAPACITY = 256;
/** Capacity before the first density-based `grow`. */
const FIRST_CAPACITY = 1 << 16;

export class PackedNumbers {
  private vals: Float64Array;
  private starts: Uint32Array;
  private ends: Uint32Array;
  /** The fill: a list's numbers are those above the fill when it started (its `base`). */
  n = 0;
  /** The source ranges of the rows on the stack; a list's rows are those above its `rowBase`. */
  readonly rowRanges = new RowRanges();

  constructor(textLength: number) {
    // One number per eight characters up to FIRST_CAPACITY; past that, `grow` sizes the arrays
    // from the density seen so far.
    const capacity = Math.min(Math.max(INITIAL_CAPACITY, textLength >>> 3), FIRST_CAPACITY);
    this.vals = new Float64Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
  }

  push(value: number, start: number, end: number, cur: Cursor): void {
    const n = this.n;
    if (n === this.vals.length) this.grow(cur);
    this.vals[n] = value;
    this.starts[n] = start;
    this.ends[n] = end;
    this.n = n + 1;
  }

  /**
   * A run of plain numbers at the cursor (scan.ts), pushed straight into the arrays. Leaves the
   * cursor after the last element taken (its separator not consumed); returns how many it took.
   */
  scanRun(cur: Cursor, close: number, spaces: boolean): number {
    if (this.n === this.vals.length) this.grow(cur);
    const taken = scanNumbers(cur.codes, cur.text, cur.pos, close, spaces, this.vals, this.starts, this.ends, this.n);
    this.n = scanN;
    cur.pos = scanAfter;
    return taken;
  }

  /**
   * One number token at the cursor (any sign, `_` separators), its value left in `scanned` (the
   * slot above the fill); the offset after it, or -1 when there is no digit there.
   */
  scanOne(cur: Cursor): number {
    if (this.n === this.vals.length) this.grow(cur);
    if (scanNumbers(cur.codes, cur.text, cur.pos, -1, false, this.vals, this.starts, this.ends, this.n, true) === 0) return -1;
    return scanAfter;
  }

  /** The number the last `scanOne` read. */
  get scanned(): number {
    return this.vals[this.n];
  }

  private grow(cur: Cursor): void {
    const n = this.n;
    const cap = this.vals.length;
    // The rest of the text at the density read so far, plus 1/16, and at least 1.25× the old size.
    const rest = cur.pos > 0 ? ((cur.len - cur.pos) * n) / cur.pos : cap;
    const size = Math.max(cap + (cap >>> 2), Math.ceil(n + rest * 1.0625) + INITIAL_CAPACITY);
    const vals = new Float64Array(size);
    vals.set(this.vals);
    const starts = new Uint32Array(size);
    starts.set(this.starts);
    const ends = new Uint32Array(size);
    ends.set(this.ends);
    this.vals = vals;
    this.starts = starts;
    this.ends = ends;
  }

  /** The numbers above `base` as NumberNodes (a list turned out not to be all numbers); pops them. */
  unpack(base: number): LiteralNode[] {
    const items: LiteralNode[] = [];
    for (let i = base; i < this.n; i++) {
      items.push({ kind: 'number', value: this.vals[i], range: { start: this.starts[i], end: this.ends[i] } });
    }
    this.n = base;
    return items;
  }

  /** The numbers above `base` as a finished list; pops them. */
  take(base: number, range: SourceRange): NumbersNode {
    const n = this.n;
    this.n = base;
    if (base === 0 && n >= FIRST_CAPACITY && n >= this.vals.length - (this.vals.length >>> 2)) {
      // A big list that fills at least 3/4 of the arrays takes them (as views, no copy); the
      // reader continues with new ones.
      const node: NumbersNode = {
        kind: 'numbers',
        values: this.vals.subarray(0, n),
        starts: this.starts.subarray(0, n),
        ends: this.ends.subarray(0, n),
        range,
      };
      this.vals = new Float64Array(INITIAL_CAPACITY);
      this.starts = new Uint32Array(INITIAL_CAPACITY);
      this.ends = new Uint32Array(INITIAL_CAPACITY);
      return node;
    }
    return {
      kind: 'numbers',
      values: this.vals.slice(base, n),
      starts: this.starts.slice(base, n),
      ends: this.ends.slice(base, n),
      range,
    };
  }

  /** The rows above `rowBase` (their numbers above `base`, `columns` each) as one packed list; pops them. */
  takeRows(base: number, rowBase: number, columns: number, range: SourceRange): ListNode {
    const numbers = this.take(base, range);
    const ranges = this.rowRanges.take(rowBase);
    const rows = { count: ranges.starts.length, columns, values: numbers.values, starts: numbers.starts, ends: numbers.ends, rowStarts: ranges.starts, rowEnds: ranges.ends };
    return new RowsList(rows, range);
  }

  /** The rows above `rowBase` as nodes of their own (the list is not rows of one length after all); pops them. */
  unpackRows(base: number, rowBase: number, columns: number): LiteralNode[] {
    return this.takeRows(base, rowBase, columns, { start: 0, end: 0 }).items.slice();
  }
}
