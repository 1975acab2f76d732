/**
 * A list of equal-length rows of numbers (a matrix, as numpy and PyTorch print one), kept as one
 * set of typed arrays rather than a node and three typed arrays per row: a 2,000,000 × 4 repr
 * otherwise makes ten million small objects, and collecting them costs more than reading the text.
 * `items` makes the row nodes (views on the shared arrays) the first time something asks for them.
 */
import type { SourceRange } from '../errors';
import { rowNode, type ListNode, type NumbersNode, type Rows } from '../literal';

export class RowsList implements ListNode {
  readonly kind = 'list';
  private made: readonly NumbersNode[] | undefined;

  constructor(
    readonly rows: Rows,
    readonly range: SourceRange,
  ) {}

  get items(): readonly NumbersNode[] {
    if (this.made === undefined) {
      const items: NumbersNode[] = new Array<NumbersNode>(this.rows.count);
      for (let i = 0; i < items.length; i++) items[i] = rowNode(this.rows, i);
      this.made = items;
    }
    return this.made;
  }
}

/** The source ranges of the rows being read, a stack like PackedNumbers': a list's rows are those above its base. */
export class RowRanges {
  private starts = new Uint32Array(64);
  private ends = new Uint32Array(64);
  n = 0;

  push(start: number, end: number): void {
    if (this.n === this.starts.length) {
      const starts = new Uint32Array(this.n * 2);
      starts.set(this.starts);
      const ends = new Uint32Array(this.n * 2);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    this.n++;
  }

  start(i: number): number {
    return this.starts[i];
  }

  end(i: number): number {
    return this.ends[i];
  }

  /** The ranges above `base`, copied out; pops them. */
  take(base: number): { starts: Uint32Array; ends: Uint32Array } {
    const taken = { starts: this.starts.slice(base, this.n), ends: this.ends.slice(base, this.n) };
    this.n = base;
    return taken;
  }
}
