/**
 * The literal reader: selected text (JSON, JS/TS, Python, numpy/torch reprs) → a LiteralNode tree
 * with the source range of every element.
 *
 * Decisions (the behaviour tests pin down):
 * - One pass over `charCodeAt`, except runs of plain numbers (reader-scan.ts), which a text of
 *   BYTES_MIN+ characters that is pure ASCII has scanned over its bytes (encoded once with
 *   TextEncoder; offsets are then the same). Numbers of a list go straight into shared growable
 *   typed arrays (a stack: a nested list uses the part above its parent's); a finished all-number
 *   list copies its slice out, except an outermost list filling ≥ 3/4 of the arrays, which takes
 *   them as views (no copy; at most 1/4 unused capacity stays allocated behind its arrays). The
 *   arrays grow to the text's remaining length at the density read so far, so a big literal grows
 *   about once. No per-element object or substring on the fast path.
 * - Number conversion is correctly rounded (see reader-number.ts); rare tokens fall back to
 *   `Number(token)` with the `_` separators removed.
 * - Separators: a list's first separator fixes its style. Comma lists need a comma between every
 *   two elements (a trailing comma is fine); whitespace lists (numpy's `[0.1 0.2]`) need
 *   whitespace between elements and accept no comma. Mixing is an error naming the element.
 * - `(a, b)` and `(a,)` are lists; `(a)` is just `a` (Python's grouping); `()` is an empty list.
 * - Wrappers: `name(…)` or `a.b.c(…)` (and `new X(…)`) yield their first positional argument (or
 *   an `object=`/`data=` keyword when there is none); other arguments are skipped by bracket and
 *   string matching. The node keeps the range of the argument, not of the call. `float('nan')`,
 *   `np.float64(…)`, `Number('…')` convert a string argument and cover the whole call.
 * - Booleans read as 1/0 numbers everywhere; `null`/`None` give a NullNode; unknown names
 *   (`x`, `undefined`) are a LiteralError 'not-a-number'.
 * - Non-finite spellings: NaN, nan, Infinity, inf (signed too), and `mod.nan`/`mod.inf`/… for the
 *   modules np, numpy, math, torch, jnp, tf, Number (POSITIVE_INFINITY…), np.NINF/np.PINF.
 * - Top level: a leading assignment (`x =`, `x: T =`, `const x =`, `return`) is skipped, a trailing
 *   `;` is fine, and a bare sequence (`0.1, 0.2` or `0.1 0.2`) is a list. A single value followed
 *   by a trailing comma (a row copied out of a matrix) is that value, not a 1-element list.
 * - Strings are single-line ('…', "…", with escapes and the r/b/u/f prefixes); comments are `//`,
 *   `/* … *\/` and `#`; a backslash-newline is whitespace.
 * - Nesting deeper than MAX_DEPTH is a LiteralError (no stack overflow escapes).
 * - Only LiteralError leaves readLiteral: a RangeError (typed array or stack exhausted) becomes
 *   'too-large'; anything else would be a bug and is not masked.
 */
import { LiteralError, type LiteralErrorCode, lineColumnAt, type SourceRange } from './errors';
import type { ListNode, LiteralNode, NullNode, NumbersNode, ObjectEntry, ObjectNode, StringNode } from './literal';
import { decimalToDouble } from './reader-number';
import { encodeAscii, scanBytes, scanAfter, scanN, scanText } from './reader-scan';

export { decimalToDouble } from './reader-number';

/** Maximum bracket/call nesting. Real data is a few levels deep. */
export const MAX_DEPTH = 500;

export const ABBREVIATED_MESSAGE =
  "numpy abbreviated this array with '...': the values are not in the text; print it with np.set_printoptions(threshold=sys.maxsize)";

const EMPTY_MESSAGE = 'nothing to read: the selection is empty';

/** Module prefixes whose `.nan`/`.inf` constants are read. */
const MODULES = new Set(['np', 'numpy', 'math', 'torch', 'jnp', 'jax.numpy', 'tf', 'tf.math', 'Number', 'cmath']);
const NAN_NAMES = new Set(['nan', 'NaN', 'NAN']);
const INF_NAMES = new Set(['inf', 'Inf', 'INF', 'Infinity', 'infinity', 'infty', 'PINF', 'POSITIVE_INFINITY']);
const NEG_INF_NAMES = new Set(['NINF', 'NEGATIVE_INFINITY']);
/** Calls that turn a string argument into a number. */
const FLOAT_CALLS = new Set([
  'float', 'Number', 'parseFloat', 'np.float64', 'np.float32', 'np.float16', 'numpy.float64', 'numpy.float32',
  'np.double', 'np.single',
]);
const STRING_PREFIXES = new Set(['r', 'R', 'b', 'B', 'u', 'U', 'f', 'F', 'rb', 'br', 'Rb', 'bR', 'RB', 'BR', 'rB', 'Br', 'fr', 'rf', 'Fr', 'fR', 'FR', 'RF', 'Rf', 'rF']);
const LEADING_KEYWORDS = new Set(['export', 'default', 'const', 'let', 'var', 'return', 'declare']);

/**
 * Read a selected text as a literal tree.
 * @throws LiteralError (and nothing else) with a range inside `text` pointing at the problem.
 */
export function readLiteral(text: string): LiteralNode {
  try {
    return new Reader(text).readTop();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new LiteralError('too-large', `the selection is too large to read (${error.message})`, { start: 0, end: 0 });
    }
    throw error;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000
  );
}

function isCloser(c: number): boolean {
  return c === 93 || c === 41 || c === 125;
}

function openerOf(close: number): number {
  return close === 93 ? 91 : close === 41 ? 40 : 123;
}

/** `'x'` for messages: at most 24 characters, control characters spelled out. */
function quote(s: string): string {
  const cut = s.length > 24 ? `${s.slice(0, 24)}…` : s;
  return `'${cut.replace(/[\u0000-\u001f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

const INITIAL_CAPACITY = 256;
/** Capacity before the first density-based `grow`. */
const FIRST_CAPACITY = 1 << 16;
/** Texts at least this long are encoded to bytes for the number scanner (when ASCII). */
const BYTES_MIN = 256;

class Reader {
  private readonly text: string;
  private readonly len: number;
  private pos = 0;
  private depth = 0;
  // Packed numbers of the lists being read, used as a stack.
  private vals: Float64Array;
  private starts: Uint32Array;
  private ends: Uint32Array;
  private n = 0;
  // The last scalar number read (a value parser returns null to mean "a number, see these").
  private num = 0;
  private numStart = 0;
  private numEnd = 0;
  // Details of the last list read, for `(a)` vs `(a,)`.
  private lastCount = 0;
  private lastSawComma = false;
  // The text as sentinel-terminated bytes when it is ASCII (null: not ASCII or short; undefined:
  // not looked at yet — encoded on the first run of numbers).
  private bytes: Uint8Array | null | undefined = undefined;

  constructor(text: string) {
    this.text = text;
    this.len = text.length;
    // One number per eight characters up to FIRST_CAPACITY; past that, `grow` sizes the arrays
    // from the density seen so far, so a big literal grows about once and fills its arrays.
    const capacity = Math.min(Math.max(INITIAL_CAPACITY, text.length >>> 3), FIRST_CAPACITY);
    this.vals = new Float64Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
  }

  // ---------------------------------------------------------------- top level

  readTop(): LiteralNode {
    this.skipTrivia();
    if (this.pos >= this.len) throw this.error('syntax', EMPTY_MESSAGE, this.len, this.len);
    this.skipLeadingAssignment();
    this.skipTrivia();
    if (this.pos >= this.len) {
      throw this.error('syntax', 'nothing to read: expected a value after the assignment', this.len, this.len);
    }
    const firstStart = this.pos;
    const first = this.valueOrNumber();
    const afterFirst = this.pos;
    this.skipTrivia();
    const c = this.text.charCodeAt(this.pos);
    if (this.atEndOrFinalSemicolon()) return first ?? this.numberNode();
    const gap = this.pos > afterFirst;
    if (c === 44 || (gap && this.startsElement(c))) {
      if (c === 44 && this.onlyTrailingCommaLeft()) return first ?? this.numberNode();
      this.pos = firstStart;
      return this.readSequence(firstStart, -1);
    }
    if (isCloser(c)) {
      const ch = String.fromCharCode(c);
      throw this.error('syntax', `unbalanced brackets: '${ch}' has no matching '${String.fromCharCode(openerOf(c))}'`, this.pos, this.pos + 1);
    }
    const found = this.tokenAt(this.pos);
    throw this.error('syntax', `unexpected ${found.text} after the literal`, found.start, found.end);
  }

  /** At the end, or at a `;` followed only by whitespace and comments. */
  private atEndOrFinalSemicolon(): boolean {
    if (this.pos >= this.len) return true;
    if (this.text.charCodeAt(this.pos) !== 59) return false;
    const save = this.pos;
    this.pos++;
    this.skipTrivia();
    if (this.pos >= this.len) return true;
    this.pos = save;
    return false;
  }

  private onlyTrailingCommaLeft(): boolean {
    const save = this.pos;
    this.pos++;
    this.skipTrivia();
    const done = this.atEndOrFinalSemicolon();
    this.pos = save;
    return done;
  }

  /** Skip `x =`, `x.y =`, `x: T =`, `const x =`, `return`, … when the text starts with them. */
  private skipLeadingAssignment(): void {
    const t = this.text;
    for (let rounds = 0; rounds < 4; rounds++) {
      const save = this.pos;
      const word = this.peekWord(this.pos);
      if (word === undefined) return;
      if (LEADING_KEYWORDS.has(word.text) && word.end < this.len && this.isSpaceAt(word.end)) {
        this.pos = word.end;
        this.skipTrivia();
        continue;
      }
      // name (. name)* — then an optional `: type`, then `=` (not `==`, `=>`).
      this.pos = word.end;
      this.skipInlineSpace();
      if (t.charCodeAt(this.pos) === 58 /* : */) {
        if (!this.skipTypeAnnotation()) {
          this.pos = save;
          return;
        }
      }
      const c = t.charCodeAt(this.pos);
      const next = t.charCodeAt(this.pos + 1);
      if (c === 61 && next !== 61 && next !== 62) {
        this.pos++;
        this.skipTrivia();
        continue;
      }
      this.pos = save;
      return;
    }
  }

  /** From a `:` after a name, to the `=` ending the annotation; false when there is none. */
  private skipTypeAnnotation(): boolean {
    const t = this.text;
    let depth = 0;
    for (let p = this.pos + 1; p < this.len; p++) {
      const c = t.charCodeAt(p);
      if (c === 91 || c === 40 || c === 123 || c === 60) depth++;
      else if (c === 93 || c === 41 || c === 125 || (c === 62 && t.charCodeAt(p - 1) !== 61)) {
        if (--depth < 0) return false;
      } else if (c === 61 && depth === 0) {
        if (t.charCodeAt(p + 1) === 61 || t.charCodeAt(p + 1) === 62) return false;
        this.pos = p;
        return true;
      } else if (c === 10 || c === 13 || c === 59 || c === 44 && depth === 0) return false;
      else if (c === 39 || c === 34 || c === 35) return false;
    }
    return false;
  }

  private peekWord(p: number): { text: string; end: number } | undefined {
    const t = this.text;
    if (!isIdentStart(t.charCodeAt(p))) return undefined;
    let e = p + 1;
    for (;;) {
      const c = t.charCodeAt(e);
      if (isIdentPart(c)) e++;
      else if (c === 46 && isIdentStart(t.charCodeAt(e + 1))) e += 2;
      else break;
    }
    return { text: t.slice(p, e), end: e };
  }

  // ---------------------------------------------------------------- trivia

  private isSpaceAt(p: number): boolean {
    const c = this.text.charCodeAt(p);
    return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || isUnicodeSpace(c);
  }

  private skipInlineSpace(): void {
    while (this.text.charCodeAt(this.pos) === 32 || this.text.charCodeAt(this.pos) === 9) this.pos++;
  }

  /** Whitespace, newlines, comments and backslash-newline continuations. */
  private skipTrivia(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        p++;
      } else if (c === 47 /* / */) {
        const n = t.charCodeAt(p + 1);
        if (n === 47) p = this.lineEnd(p + 2);
        else if (n === 42) {
          const e = t.indexOf('*/', p + 2);
          if (e < 0) throw this.error('syntax', "unterminated comment: '/*' is never closed by '*/'", p, p + 2);
          p = e + 2;
        } else break;
      } else if (c === 35 /* # */) {
        p = this.lineEnd(p + 1);
      } else if (c === 92 /* \ */ && (t.charCodeAt(p + 1) === 10 || t.charCodeAt(p + 1) === 13)) {
        p += 2;
      } else if (c === 11 || c === 12 || (c > 127 && isUnicodeSpace(c))) {
        p++;
      } else break;
    }
    this.pos = p;
  }

  private lineEnd(p: number): number {
    const t = this.text;
    while (p < this.len) {
      const c = t.charCodeAt(p);
      if (c === 10 || c === 13) break;
      p++;
    }
    return p;
  }

  // ---------------------------------------------------------------- values

  /** Can `c` begin an element (used for whitespace-separated lists)? */
  private startsElement(c: number): boolean {
    return (
      isDigit(c) || c === 45 || c === 43 || c === 46 || c === 91 || c === 40 || c === 123 || c === 34 ||
      c === 39 || isIdentStart(c) || c === 0x2026
    );
  }

  private numberNode(): LiteralNode {
    return { kind: 'number', value: this.num, range: { start: this.numStart, end: this.numEnd } };
  }

  /** Read one value at `pos` (trivia skipped). Returns null for a scalar number (see `num*`). */
  private valueOrNumber(): LiteralNode | null {
    const c = this.text.charCodeAt(this.pos);
    if (isDigit(c) || c === 45 || c === 46 || c === 43) {
      this.readNumber();
      return null;
    }
    if (c === 91) return this.readBracketList(93);
    if (c === 40) return this.readParen();
    if (c === 123) return this.readObject();
    if (c === 34 || c === 39) return this.readString(false);
    if (isIdentStart(c)) return this.readName();
    if (c === 0x2026) throw this.error('abbreviated', ABBREVIATED_MESSAGE, this.pos, this.pos + 1);
    throw this.unexpected('expected a value');
  }

  private enter(open: number): void {
    if (++this.depth > MAX_DEPTH) {
      throw this.error('syntax', `nested too deeply: more than ${MAX_DEPTH} levels of brackets`, open, open + 1);
    }
  }

  private readBracketList(close: number): LiteralNode {
    const open = this.pos;
    this.enter(open);
    this.pos++;
    const node = this.readListBody(open, close);
    this.depth--;
    return node;
  }

  /** `(a, b)` and `(a,)` are lists; `(a)` is `a`. */
  private readParen(): LiteralNode | null {
    const node = this.readBracketList(41);
    if (this.lastCount !== 1 || this.lastSawComma) return node;
    if (node.kind === 'numbers') {
      this.num = node.values[0]!;
      this.numStart = node.starts[0]!;
      this.numEnd = node.ends[0]!;
      return null;
    }
    return (node as ListNode).items[0]!;
  }

  /** A bare top-level sequence `a, b, c` or `a b c` ending at the end of the text (or a final `;`). */
  private readSequence(start: number, close: number): LiteralNode {
    return this.readListBody(-1 - start, close);
  }

  /**
   * Elements up to `close` (-1: the end of the text). `open` is the bracket's offset, or -1 - start
   * for a bare sequence. Leaves `lastCount`/`lastSawComma` set.
   */
  private readListBody(open: number, close: number): LiteralNode {
    const t = this.text;
    const base = this.n;
    let items: LiteralNode[] | null = null;
    let mode = 0; // 0: unknown, 1: commas, 2: whitespace
    let count = 0;
    let sawComma = false;
    let lastEnd = this.pos;
    for (;;) {
      const before = this.pos;
      this.skipTrivia();
      let c = t.charCodeAt(this.pos);
      if (c === close || (close === -1 && this.atEndOrFinalSemicolon())) break;
      if (count > 0) {
        if (c === 44) {
          if (mode === 2) {
            throw this.error('syntax', `mixed separators: this list separates its elements with spaces, found ',' after element ${count}`, this.pos, this.pos + 1);
          }
          mode = 1;
          sawComma = true;
          lastEnd = ++this.pos;
          this.skipTrivia();
          c = t.charCodeAt(this.pos);
          if (c === close || (close === -1 && this.atEndOrFinalSemicolon())) break;
          if (c === 44) throw this.unexpected(`expected an element after ',' (element ${count + 1})`);
        } else if (mode !== 1 && this.pos > before && this.startsElement(c)) {
          mode = 2;
        } else {
          throw this.separatorError(open, close, count, mode);
        }
      } else if (c === 44) {
        throw this.unexpected(`expected an element or '${close === -1 ? 'the end' : String.fromCharCode(close)}'`);
      }
      if (this.pos >= this.len) throw this.unclosed(open, close);
      if (isCloser(c)) throw this.mismatched(open, close);
      // The element: runs of plain numbers take the fast path, anything else the general one.
      if (items === null && (isDigit(c) || c === 45)) {
        const k = this.fastNumbers(close, mode === 2);
        if (k > 0) {
          count += k;
          if (k > 1 && mode !== 2) {
            mode = 1;
            sawComma = true;
          }
          lastEnd = this.pos;
          continue;
        }
      }
      if (isDigit(c) || c === 45 || c === 46 || c === 43) {
        this.readNumber();
        if (items === null) this.push(this.num, this.numStart, this.numEnd);
        else items.push(this.numberNode());
      } else {
        const node = this.valueOrNumber();
        if (node === null) {
          if (items === null) this.push(this.num, this.numStart, this.numEnd);
          else items.push(this.numberNode());
        } else {
          if (items === null) items = this.unpack(base);
          items.push(node);
        }
      }
      count++;
      lastEnd = this.pos;
    }
    this.lastCount = count;
    this.lastSawComma = sawComma;
    let range: SourceRange;
    if (close === -1) {
      range = { start: -1 - open, end: lastEnd };
    } else {
      range = { start: open, end: this.pos + 1 };
      this.pos++;
    }
    if (items !== null) return { kind: 'list', items, range } satisfies ListNode;
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

  /**
   * The hot path (reader-scan.ts): a run of plain numbers pushed straight into the packed arrays,
   * over the text's bytes when it is ASCII. Leaves `pos` after the last element taken (its
   * separator not consumed). Returns how many elements it took.
   */
  private fastNumbers(close: number, spaces: boolean): number {
    if (this.n === this.vals.length) this.grow();
    let bytes = this.bytes;
    if (bytes === undefined) bytes = this.bytes = this.len >= BYTES_MIN ? encodeAscii(this.text) : null;
    const taken = bytes !== null
      ? scanBytes(bytes, this.text, this.pos, close, spaces, this.vals, this.starts, this.ends, this.n)
      : scanText(this.text, this.pos, close, spaces, this.vals, this.starts, this.ends, this.n);
    this.n = scanN;
    this.pos = scanAfter;
    return taken;
  }

  private push(value: number, start: number, end: number): void {
    const n = this.n;
    if (n === this.vals.length) this.grow();
    this.vals[n] = value;
    this.starts[n] = start;
    this.ends[n] = end;
    this.n = n + 1;
  }

  private grow(): void {
    const n = this.n;
    const cap = this.vals.length;
    // The rest of the text at the density read so far, plus 1/16, and at least 1.25× the old size.
    const rest = this.pos > 0 ? ((this.len - this.pos) * n) / this.pos : cap;
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

  /** The packed numbers above `base` as NumberNodes (a list turned out not to be all numbers). */
  private unpack(base: number): LiteralNode[] {
    const items: LiteralNode[] = [];
    for (let i = base; i < this.n; i++) {
      items.push({ kind: 'number', value: this.vals[i]!, range: { start: this.starts[i]!, end: this.ends[i]! } });
    }
    this.n = base;
    return items;
  }

  private readObject(): ObjectNode {
    const t = this.text;
    const open = this.pos;
    this.enter(open);
    this.pos++;
    const entries: ObjectEntry[] = [];
    for (;;) {
      this.skipTrivia();
      let c = t.charCodeAt(this.pos);
      if (c === 125) break;
      if (entries.length > 0) {
        if (c !== 44) {
          if (this.pos >= this.len) throw this.unclosed(open, 125);
          if (isCloser(c)) throw this.mismatched(open, 125);
          const last = entries[entries.length - 1]!.key;
          throw this.unexpected(`expected ',' or '}' after entry ${entries.length} (${quote(last)})`);
        }
        this.pos++;
        this.skipTrivia();
        c = t.charCodeAt(this.pos);
        if (c === 125) break;
      }
      if (this.pos >= this.len) throw this.unclosed(open, 125);
      if (isCloser(c)) throw this.mismatched(open, 125);
      const keyStart = this.pos;
      const key = this.readKey();
      const keyRange = { start: keyStart, end: this.pos };
      this.skipTrivia();
      if (t.charCodeAt(this.pos) !== 58) {
        if (this.pos >= this.len) throw this.unclosed(open, 125);
        throw this.unexpected(`expected ':' after the key ${quote(key)}`);
      }
      this.pos++;
      this.skipTrivia();
      if (this.pos >= this.len) throw this.unclosed(open, 125);
      if (isCloser(t.charCodeAt(this.pos))) throw this.unexpected(`expected a value for the key ${quote(key)}`);
      const value = this.valueOrNumber() ?? this.numberNode();
      entries.push({ key, keyRange, value });
    }
    this.pos++;
    this.depth--;
    return { kind: 'object', entries, range: { start: open, end: this.pos } };
  }

  /** A key: a string, a name, or a number (Python `{0: 0.1}`), as text. */
  private readKey(): string {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 34 || c === 39) return this.readString(false).value;
    if (isIdentStart(c)) {
      const word = this.peekWord(this.pos)!;
      const q = t.charCodeAt(word.end);
      if ((q === 34 || q === 39) && STRING_PREFIXES.has(word.text)) {
        this.pos = word.end;
        return this.readString(word.text.includes('r') || word.text.includes('R')).value;
      }
      const start = this.pos;
      let e = start + 1;
      while (isIdentPart(t.charCodeAt(e))) e++;
      this.pos = e;
      return t.slice(start, e);
    }
    if (isDigit(c) || c === 45 || c === 46 || c === 43) {
      const start = this.pos;
      this.readNumber();
      return t.slice(start, this.pos);
    }
    throw this.unexpected('expected a key');
  }

  // ---------------------------------------------------------------- numbers

  /**
   * A number token at `pos`: sign, digits with `_` separators, fraction, exponent; or a signed
   * non-finite name (`-inf`, `-np.inf`, `-Infinity`, `-float('inf')`). Sets num/numStart/numEnd.
   */
  private readNumber(): void {
    const t = this.text;
    const start = this.pos;
    let p = start;
    let c = t.charCodeAt(p);
    let neg = false;
    if (c === 45 || c === 43) {
      neg = c === 45;
      c = t.charCodeAt(++p);
      if (!isDigit(c) && !(c === 46 && isDigit(t.charCodeAt(p + 1)))) {
        this.pos = p;
        this.readSignedName(start, neg);
        return;
      }
    }
    let hi = 0;
    let lo = 0;
    let loDigits = 0;
    let sig = 0; // significant digits seen
    let exp10 = 0;
    let anyDigit = false;
    let underscore = false;
    // Integer part.
    for (;;) {
      if (c >= 48 && c <= 57) {
        anyDigit = true;
        if (sig < 15) {
          if (sig > 0 || c !== 48) {
            hi = hi * 10 + (c - 48);
            sig++;
          }
        } else if (sig < 19) {
          lo = lo * 10 + (c - 48);
          loDigits++;
          sig++;
        } else {
          sig++;
        }
      } else if (c === 95 && anyDigit && isDigit(t.charCodeAt(p + 1))) {
        underscore = true;
      } else break;
      c = t.charCodeAt(++p);
    }
    // Fraction.
    if (c === 46) {
      if (t.charCodeAt(p + 1) === 46) {
        if (!anyDigit) throw this.abbreviatedAt(p);
      } else {
        c = t.charCodeAt(++p);
        let fracDigit = false;
        for (;;) {
          if (c >= 48 && c <= 57) {
            anyDigit = true;
            fracDigit = true;
            if (sig < 15) {
              if (sig > 0 || c !== 48) {
                hi = hi * 10 + (c - 48);
                sig++;
              }
              exp10--;
            } else if (sig < 19) {
              lo = lo * 10 + (c - 48);
              loDigits++;
              sig++;
              exp10--;
            } else {
              sig++;
            }
          } else if (c === 95 && fracDigit && isDigit(t.charCodeAt(p + 1))) {
            underscore = true;
          } else break;
          c = t.charCodeAt(++p);
        }
      }
    }
    if (!anyDigit) {
      this.pos = start;
      throw this.notANumber(start);
    }
    // Exponent, only when well formed (else `1e` is reported below as not a number).
    if (c === 101 || c === 69) {
      let q = p + 1;
      let d = t.charCodeAt(q);
      let expNeg = false;
      if (d === 45 || d === 43) {
        expNeg = d === 45;
        d = t.charCodeAt(++q);
      }
      if (isDigit(d)) {
        let e = 0;
        for (;;) {
          if (d >= 48 && d <= 57) {
            if (e < 100000) e = e * 10 + (d - 48);
          } else if (d === 95 && isDigit(t.charCodeAt(q + 1))) {
            underscore = true;
          } else break;
          d = t.charCodeAt(++q);
        }
        exp10 += expNeg ? -e : e;
        p = q;
        c = d;
      }
    }
    if (isIdentPart(c) || (c === 46 && t.charCodeAt(p + 1) !== 46)) throw this.notANumber(start);
    this.pos = p;
    let value = -1;
    if (sig <= 19) value = hi === 0 && lo === 0 ? 0 : decimalToDouble(hi, lo, loDigits, exp10);
    if (value < 0) {
      let token = t.slice(start, p);
      if (underscore) token = token.replace(/_/g, '');
      value = Number(token);
      // Number('1.e5') etc. accept what we scanned; guard anyway so bad syntax never becomes NaN.
      if (value !== value) throw this.notANumber(start);
      this.num = value;
    } else {
      this.num = neg ? -value : value;
    }
    this.numStart = start;
    this.numEnd = p;
  }

  /** After a sign: `inf`, `Infinity`, `np.inf`, `nan`, `float('inf')`, … */
  private readSignedName(start: number, neg: boolean): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 46 && this.text.charCodeAt(this.pos + 1) === 46) throw this.abbreviatedAt(this.pos);
    if (!isIdentStart(c)) {
      const sign = neg ? '-' : '+';
      throw this.unexpected(`expected a number after '${sign}'`);
    }
    let node: LiteralNode | null;
    try {
      node = this.readName();
    } catch (error) {
      // `-foo`: name the whole signed word, not just `foo`.
      if (error instanceof LiteralError && error.code === 'not-a-number') throw this.notANumber(start);
      throw error;
    }
    if (node !== null) throw this.notANumber(start);
    if (this.num === this.num && Math.abs(this.num) !== Infinity) throw this.notANumber(start);
    this.num = neg ? -this.num : this.num;
    this.numStart = start;
  }

  private notANumber(start: number): LiteralError {
    const t = this.text;
    let e = start;
    if (t.charCodeAt(e) === 45 || t.charCodeAt(e) === 43) e++;
    for (;;) {
      const c = t.charCodeAt(e);
      if (isIdentPart(c) || c === 46) e++;
      else if ((c === 45 || c === 43) && (t.charCodeAt(e - 1) === 101 || t.charCodeAt(e - 1) === 69)) e++;
      else break;
    }
    if (e === start) e = Math.min(this.len, start + 1);
    const word = t.slice(start, e);
    return this.error('not-a-number', `${quote(word)} is not a number`, start, e);
  }

  private abbreviatedAt(p: number): LiteralError {
    const t = this.text;
    let e = p;
    while (t.charCodeAt(e) === 46) e++;
    if (e - p >= 3 && isIdentStart(t.charCodeAt(e))) {
      let w = e;
      while (isIdentPart(t.charCodeAt(w))) w++;
      return this.error('syntax', `${quote(t.slice(p, w))} (a spread) cannot be read: its values are not in the text`, p, w);
    }
    if (e - p < 3) return this.error('syntax', `${quote(t.slice(p, e))} is not a number`, p, e);
    return this.error('abbreviated', ABBREVIATED_MESSAGE, p, e);
  }

  // ---------------------------------------------------------------- names and calls

  /** A name: a constant (true, None, nan, np.inf, …), a call (wrapper), or a prefixed string. */
  private readName(): LiteralNode | null {
    const t = this.text;
    const start = this.pos;
    let word = this.peekWord(start)!;
    let nameStart = start;
    if (word.text === 'new' && this.isSpaceAt(word.end)) {
      this.pos = word.end;
      this.skipTrivia();
      const next = this.peekWord(this.pos);
      if (next !== undefined) {
        nameStart = this.pos;
        word = next;
      }
    }
    const q = t.charCodeAt(word.end);
    if ((q === 34 || q === 39) && STRING_PREFIXES.has(word.text)) {
      this.pos = word.end;
      const raw = word.text.includes('r') || word.text.includes('R');
      const node = this.readString(raw);
      return { kind: 'string', value: node.value, range: { start, end: node.range.end } };
    }
    this.pos = word.end;
    const afterName = this.pos;
    this.skipInlineSpace();
    if (t.charCodeAt(this.pos) === 40) return this.readCall(word.text, start, nameStart);
    this.pos = afterName;
    return this.constant(word.text, start, afterName);
  }

  private constant(name: string, start: number, end: number): LiteralNode | null {
    this.numStart = start;
    this.numEnd = end;
    switch (name) {
      case 'true':
      case 'True':
        this.num = 1;
        return null;
      case 'false':
      case 'False':
        this.num = 0;
        return null;
      case 'null':
      case 'None':
        return { kind: 'null', range: { start, end } } satisfies NullNode;
      case 'NaN':
      case 'nan':
        this.num = NaN;
        return null;
      case 'Infinity':
      case 'inf':
        this.num = Infinity;
        return null;
    }
    const dot = name.lastIndexOf('.');
    if (dot > 0 && MODULES.has(name.slice(0, dot))) {
      const last = name.slice(dot + 1);
      if (NAN_NAMES.has(last)) this.num = NaN;
      else if (INF_NAMES.has(last)) this.num = Infinity;
      else if (NEG_INF_NAMES.has(last)) this.num = -Infinity;
      else throw this.notANumber(start);
      return null;
    }
    throw this.error('not-a-number', `${quote(name)} is not a number: only literal values can be read, not names`, start, end);
  }

  /**
   * `name(args)`: the first positional argument (or `object=`/`data=`), other arguments skipped.
   * `pos` is at the `(`.
   */
  private readCall(name: string, start: number, nameStart: number): LiteralNode | null {
    const t = this.text;
    const open = this.pos;
    this.enter(open);
    this.pos++;
    let have = false;
    let node: LiteralNode | null = null;
    let num = 0;
    let numStart = 0;
    let numEnd = 0;
    for (;;) {
      this.skipTrivia();
      const c = t.charCodeAt(this.pos);
      if (c === 41) break;
      if (this.pos >= this.len) throw this.unclosed(open, 41);
      const keyword = this.keywordArgument();
      if (keyword !== undefined) {
        this.skipTrivia();
        if (!have && (keyword === 'object' || keyword === 'data')) {
          node = this.readArgument();
          have = true;
          num = this.num;
          numStart = this.numStart;
          numEnd = this.numEnd;
        } else {
          this.skipArgument(open);
        }
      } else if (!have) {
        node = this.readArgument();
        have = true;
        num = this.num;
        numStart = this.numStart;
        numEnd = this.numEnd;
      } else {
        this.skipArgument(open);
      }
      this.skipTrivia();
      const d = t.charCodeAt(this.pos);
      if (d === 44) {
        this.pos++;
        continue;
      }
      if (d === 41) break;
      if (this.pos >= this.len) throw this.unclosed(open, 41);
      throw this.unexpected(`expected ',' or ')' in the arguments of ${name}(…)`);
    }
    this.pos++;
    this.depth--;
    const end = this.pos;
    if (!have) throw this.error('syntax', `${name}() has no value to read`, nameStart, end);
    if (FLOAT_CALLS.has(name)) return this.floatCall(name, node, start, end);
    this.num = num;
    this.numStart = numStart;
    this.numEnd = numEnd;
    return node;
  }

  private readArgument(): LiteralNode | null {
    if (isCloser(this.text.charCodeAt(this.pos)) || this.text.charCodeAt(this.pos) === 44) {
      throw this.unexpected('expected an argument');
    }
    return this.valueOrNumber();
  }

  /** At `name=` (not `==`): consume it and return the name. */
  private keywordArgument(): string | undefined {
    const t = this.text;
    if (!isIdentStart(t.charCodeAt(this.pos))) return undefined;
    let e = this.pos + 1;
    while (isIdentPart(t.charCodeAt(e))) e++;
    let q = e;
    while (t.charCodeAt(q) === 32 || t.charCodeAt(q) === 9) q++;
    if (t.charCodeAt(q) !== 61 || t.charCodeAt(q + 1) === 61) return undefined;
    const name = t.slice(this.pos, e);
    this.pos = q + 1;
    return name;
  }

  /** Skip one argument by bracket and string matching, up to a `,` or `)` at its level. */
  private skipArgument(open: number): void {
    const t = this.text;
    let depth = 0;
    for (;;) {
      this.skipTrivia();
      if (this.pos >= this.len) throw this.unclosed(open, 41);
      const c = t.charCodeAt(this.pos);
      if (c === 34 || c === 39) {
        this.readString(false);
      } else if (c === 40 || c === 91 || c === 123) {
        depth++;
        this.pos++;
      } else if (isCloser(c)) {
        if (depth === 0) return;
        depth--;
        this.pos++;
      } else if (c === 44 && depth === 0) {
        return;
      } else {
        this.pos++;
      }
    }
  }

  /** `float('nan')`, `float(1)`, `np.float32('1e-3')`: a number covering the whole call. */
  private floatCall(name: string, node: LiteralNode | null, start: number, end: number): null {
    if (node === null) {
      // float(1.5) or float(-inf)
    } else if (node.kind === 'string') {
      const s = node.value.trim();
      const m = /^([+-]?)(nan|inf|infinity)$/i.exec(s);
      if (m !== null) {
        const v = m[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
        this.num = m[1] === '-' ? -v : v;
      } else if (/^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?$/.test(s)) {
        this.num = Number(s.replace(/_/g, ''));
      } else {
        throw this.error('not-a-number', `${name}(${quote(node.value)}) is not a number`, start, end);
      }
    } else {
      throw this.error('not-a-number', `${name}(…) of a ${node.kind} is not a number`, start, end);
    }
    this.numStart = start;
    this.numEnd = end;
    return null;
  }

  // ---------------------------------------------------------------- strings

  /** A quoted string at `pos` (its quote), single line, with escapes unless `raw`. */
  private readString(raw: boolean): StringNode {
    const t = this.text;
    const start = this.pos;
    const q = t.charCodeAt(start);
    let p = start + 1;
    let value = '';
    let seg = p;
    for (;;) {
      const c = t.charCodeAt(p);
      if (p >= this.len || c === 10 || c === 13) {
        throw this.error('syntax', `unterminated string: the ${String.fromCharCode(q)} opened here is never closed on its line`, start, p);
      }
      if (c === q) break;
      if (c === 92) {
        if (p + 1 >= this.len) {
          p++; // a backslash at the very end: unterminated, reported on the next turn
          continue;
        }
        value += t.slice(seg, p);
        p = raw ? this.rawEscape(p, (s) => (value += s)) : this.escape(p, (s) => (value += s));
        seg = p;
        continue;
      }
      p++;
    }
    value += t.slice(seg, p);
    this.pos = p + 1;
    return { kind: 'string', value, range: { start, end: p + 1 } };
  }

  private rawEscape(p: number, out: (s: string) => void): number {
    out(this.text.slice(p, p + 2));
    return p + 2;
  }

  /** The escape at `p` (a backslash): emit its character, return the offset after it. */
  private escape(p: number, out: (s: string) => void): number {
    const t = this.text;
    const e = t.charCodeAt(p + 1);
    switch (e) {
      case 110: out('\n'); return p + 2;
      case 116: out('\t'); return p + 2;
      case 114: out('\r'); return p + 2;
      case 98: out('\b'); return p + 2;
      case 102: out('\f'); return p + 2;
      case 118: out('\v'); return p + 2;
      case 48: out('\0'); return p + 2;
      case 13: return t.charCodeAt(p + 2) === 10 ? p + 3 : p + 2;
      case 10: return p + 2;
      case 120: return this.hexEscape(p, 2, 2, out);
      case 117:
        if (t.charCodeAt(p + 2) === 123) {
          const close = t.indexOf('}', p + 3);
          const hex = close < 0 ? '' : t.slice(p + 3, close);
          const cp = /^[0-9a-fA-F]{1,6}$/.test(hex) ? parseInt(hex, 16) : -1;
          if (cp < 0 || cp > 0x10ffff) throw this.error('syntax', `invalid escape ${quote(t.slice(p, close < 0 ? p + 3 : close + 1))} in a string`, p, close < 0 ? p + 3 : close + 1);
          out(String.fromCodePoint(cp));
          return close + 1;
        }
        return this.hexEscape(p, 2, 4, out);
      default: {
        const cp = t.codePointAt(p + 1)!;
        const ch = String.fromCodePoint(cp);
        out(ch);
        return p + 1 + ch.length;
      }
    }
  }

  private hexEscape(p: number, skip: number, digits: number, out: (s: string) => void): number {
    const hex = this.text.slice(p + skip, p + skip + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
      const end = Math.min(this.len, p + skip + digits);
      throw this.error('syntax', `invalid escape ${quote(this.text.slice(p, end))} in a string`, p, end);
    }
    out(String.fromCharCode(parseInt(hex, 16)));
    return p + skip + digits;
  }

  // ---------------------------------------------------------------- errors

  private error(code: LiteralErrorCode, message: string, start: number, end: number): LiteralError {
    const s = Math.max(0, Math.min(start, this.len));
    const e = Math.max(s, Math.min(end, this.len));
    return new LiteralError(code, message, { start: s, end: e });
  }

  /** The token at `p`, for "found …": a word, a number, a string start, or one character. */
  private tokenAt(p: number): { text: string; start: number; end: number } {
    const t = this.text;
    if (p >= this.len) return { text: 'the end of the selection', start: this.len, end: this.len };
    const c = t.charCodeAt(p);
    let e = p + 1;
    if (isIdentPart(c) || c === 46 || c === 45 || c === 43) {
      while (isIdentPart(t.charCodeAt(e)) || t.charCodeAt(e) === 46) e++;
    } else if (c >= 0xd800 && c <= 0xdbff && e < this.len) {
      e++;
    }
    return { text: quote(t.slice(p, e)), start: p, end: e };
  }

  /** "<what>, found <token>" at `pos`. */
  private unexpected(what: string): LiteralError {
    const found = this.tokenAt(this.pos);
    return this.error('syntax', `${what}, found ${found.text}`, found.start, found.end);
  }

  private separatorError(open: number, close: number, count: number, mode: number): LiteralError {
    if (this.pos >= this.len) throw this.unclosed(open, close);
    const c = this.text.charCodeAt(this.pos);
    if (isCloser(c)) return this.mismatched(open, close);
    const closing = close === -1 ? 'the end' : `'${String.fromCharCode(close)}'`;
    const sep = mode === 2 ? 'a space' : "','";
    return this.unexpected(`expected ${sep} or ${closing} after element ${count}`);
  }

  private unclosed(open: number, close: number): LiteralError {
    if (open < 0) return this.unexpected('expected the end');
    const line = lineColumnAt(this.text, open).line;
    const ch = String.fromCharCode(openerOf(close));
    return this.error('syntax', `unbalanced brackets: '${ch}' at line ${line} opened here is never closed`, open, open + 1);
  }

  private mismatched(open: number, close: number): LiteralError {
    const c = this.text.charCodeAt(this.pos);
    const found = String.fromCharCode(c);
    if (open < 0) {
      return this.error('syntax', `unbalanced brackets: '${found}' has no matching '${String.fromCharCode(openerOf(c))}'`, this.pos, this.pos + 1);
    }
    const line = lineColumnAt(this.text, open).line;
    const opener = String.fromCharCode(openerOf(close));
    return this.error(
      'syntax',
      `mismatched brackets: '${opener}' at line ${line} is closed by '${found}' (expected '${String.fromCharCode(close)}')`,
      this.pos,
      this.pos + 1,
    );
  }
}
