/**
 * The grammar's structure: the top level, lists (bracketed, parenthesised, bare) and objects. The
 * tokens come from scan.ts (numbers), strings.ts and calls.ts; docs/grammar.md describes what is read.
 */
import type { ListNode, LiteralNode, NumbersNode, ObjectEntry, ObjectNode } from '../literal';
import { skipLeadingAssignment } from './assignment';
import { readName, readSignedName, type ReadValue } from './calls';
import { Cursor } from './cursor';
import { dotsAt, ellipsisAt, EMPTY_MESSAGE, mismatched, notANumber, quote, separatorError, trailing, unclosed, unexpected } from './messages';
import { PackedNumbers } from './packed';
import { prefixedString, readString } from './strings';
import { Code, isCloser, isDigit, isIdentPart, isIdentStart, isQuote, startsNumber } from './vocabulary';

/** How a list separates its elements; its first separator decides. */
const enum Separators {
  Unknown,
  Commas,
  Spaces,
}

export class Parser {
  private readonly cur: Cursor;
  private readonly packed: PackedNumbers;
  // Details of the last list read, for `(a)` vs `(a,)`.
  private lastCount = 0;
  private lastSawComma = false;
  // Where the last all-number list left its numbers on the stack (see readListBody).
  private lastBase = 0;
  private lastStart = 0;
  private lastEnd = 0;
  private readonly readValue: ReadValue = () => this.valueOrNumber();

  constructor(text: string) {
    this.cur = new Cursor(text);
    this.packed = new PackedNumbers(text.length);
  }

  readTop(): LiteralNode {
    const cur = this.cur;
    cur.skipTrivia();
    if (cur.atEnd()) throw cur.error('syntax', EMPTY_MESSAGE, cur.len, cur.len);
    skipLeadingAssignment(cur);
    cur.skipTrivia();
    if (cur.atEnd()) throw cur.error('syntax', 'nothing to read: expected a value after the assignment', cur.len, cur.len);
    const firstStart = cur.pos;
    const first = this.valueOrNumber();
    const afterFirst = cur.pos;
    cur.skipTrivia();
    const c = cur.at();
    if (cur.atEndOrFinalSemicolon()) return first ?? this.numberNode();
    if (c === Code.Comma || (cur.pos > afterFirst && this.startsElement(c))) {
      // A row copied out of a matrix (`[0.1, 0.2],`) is that row; anything more is a bare sequence.
      if (c === Code.Comma && this.onlyTrailingCommaLeft()) return first ?? this.numberNode();
      cur.pos = firstStart;
      return this.readListBody(-1 - firstStart, -1) ?? this.takeNumbers();
    }
    throw trailing(cur);
  }

  private onlyTrailingCommaLeft(): boolean {
    const cur = this.cur;
    const save = cur.pos;
    cur.pos++;
    cur.skipTrivia();
    const done = cur.atEndOrFinalSemicolon();
    cur.pos = save;
    return done;
  }

  /** Can `c` begin an element (used for whitespace-separated lists)? */
  private startsElement(c: number): boolean {
    return startsNumber(c) || c === Code.OpenBracket || c === Code.OpenParen || c === Code.OpenBrace || isQuote(c) || isIdentStart(c) || c === Code.Ellipsis;
  }

  private numberNode(): LiteralNode {
    const cur = this.cur;
    return { kind: 'number', value: cur.num, range: { start: cur.numStart, end: cur.numEnd } };
  }

  /** One value at the cursor (trivia skipped). Null for a scalar number, left in the cursor's register. */
  private valueOrNumber(): LiteralNode | null {
    const cur = this.cur;
    const c = cur.at();
    if (startsNumber(c)) return this.number();
    if (c === Code.OpenBracket) return this.readBracketList(Code.CloseBracket);
    if (c === Code.OpenParen) return this.readParen();
    if (c === Code.OpenBrace) return this.readObject();
    if (isQuote(c)) return readString(cur, false);
    if (isIdentStart(c)) return readName(cur, this.readValue);
    if (c === Code.Ellipsis) throw ellipsisAt(cur);
    throw unexpected(cur, 'expected a value');
  }

  /** A number token at the cursor, or a signed constant (`-inf`, `-np.inf`); always null (see the register). */
  private number(): null {
    const cur = this.cur;
    const start = cur.pos;
    const c = cur.at();
    if (c === Code.Minus || c === Code.Plus) {
      const next = cur.at(start + 1);
      if (!isDigit(next) && !(next === Code.Dot && isDigit(cur.at(start + 2)))) {
        cur.pos = start + 1;
        return readSignedName(cur, start, c === Code.Minus, this.readValue);
      }
    }
    const end = this.packed.scanOne(cur);
    if (end < 0) throw c === Code.Dot && cur.at(start + 1) === Code.Dot ? dotsAt(cur, start) : notANumber(cur, start);
    const after = cur.at(end);
    if (isIdentPart(after) || (after === Code.Dot && cur.at(end + 1) !== Code.Dot)) throw notANumber(cur, start);
    cur.pos = end;
    return cur.setNumber(this.packed.scanned, start, end);
  }

  private readBracketList(close: number): LiteralNode {
    return this.bracketed(close) ?? this.takeNumbers();
  }

  /** A bracketed list at the cursor; null when all numbers, left on the stack (see readListBody). */
  private bracketed(close: number): ListNode | null {
    const cur = this.cur;
    const open = cur.pos;
    cur.enter(open);
    cur.pos++;
    const node = this.readListBody(open, close);
    cur.leave();
    return node;
  }

  /** The all-number list readListBody just left on the stack, as its node. */
  private takeNumbers(): NumbersNode {
    return this.packed.take(this.lastBase, { start: this.lastStart, end: this.lastEnd });
  }

  /** `(a, b)` and `(a,)` are lists; `(a)` is `a`. */
  private readParen(): LiteralNode | null {
    const node = this.readBracketList(Code.CloseParen);
    if (this.lastCount !== 1 || this.lastSawComma) return node;
    if (node.kind === 'numbers') return this.cur.setNumber(node.values[0], node.starts[0], node.ends[0]);
    return (node as ListNode).items[0];
  }

  /**
   * Elements up to `close` (-1: the end of the text). `open` is the bracket's offset, or -1 - start
   * for a bare sequence. Leaves `lastCount`/`lastSawComma` set. A list of numbers is left on the
   * stack (null, with `lastBase`, `lastStart` and `lastEnd` set) for the caller to take, or to keep as a row:
   * while every element is a bracketed list of numbers of one length, the rows stay on the stack
   * and become one packed list (rows.ts).
   */
  private readListBody(open: number, close: number): ListNode | null {
    const cur = this.cur;
    const packed = this.packed;
    const base = packed.n;
    const rowBase = packed.rowRanges.n;
    // Every element so far is a row of `columns` numbers kept on the stack; `rowSpaces`: the last
    // row separated its numbers with spaces (numpy's str), as the next row most likely does.
    let rows = false;
    let columns = 0;
    let rowSpaces = false;
    let items: LiteralNode[] | null = null;
    let separators = Separators.Unknown;
    let count = 0;
    let sawComma = false;
    let lastEnd = cur.pos;
    for (;;) {
      const before = cur.pos;
      cur.skipTrivia();
      let c = cur.at();
      if (c === close || (close === -1 && cur.atEndOrFinalSemicolon())) break;
      if (count > 0) {
        if (c === Code.Comma) {
          if (separators === Separators.Spaces) {
            throw cur.error('syntax', `mixed separators: this list separates its elements with spaces, found ',' after element ${count - 1}`, cur.pos, cur.pos + 1);
          }
          separators = Separators.Commas;
          sawComma = true;
          lastEnd = ++cur.pos;
          cur.skipTrivia();
          c = cur.at();
          if (c === close || (close === -1 && cur.atEndOrFinalSemicolon())) break;
          if (c === Code.Comma) throw unexpected(cur, `expected an element after ',' (element ${count})`);
        } else if (separators !== Separators.Commas && cur.pos > before && this.startsElement(c)) {
          separators = Separators.Spaces;
        } else {
          throw separatorError(cur, open, close, count - 1, separators === Separators.Spaces);
        }
      } else if (c === Code.Comma) {
        throw unexpected(cur, `expected an element or '${close === -1 ? 'the end' : String.fromCharCode(close)}'`);
      }
      if (cur.atEnd()) throw unclosed(cur, open, close);
      if (isCloser(c)) throw mismatched(cur, open, close);
      if (c === Code.OpenBracket && (rows || (count === 0 && items === null))) {
        const rowStart = cur.pos;
        if (rows && this.plainRow(columns, rowSpaces)) {
          packed.rowRanges.push(rowStart, cur.pos);
          count++;
          lastEnd = cur.pos;
          continue;
        }
        const row = this.bracketed(Code.CloseBracket);
        if (row === null && (rows ? this.lastCount === columns : true)) {
          columns = this.lastCount;
          rowSpaces = this.lastCount > 1 && !this.lastSawComma;
          rows = true;
          packed.rowRanges.push(rowStart, cur.pos);
        } else {
          // Not rows of one length: the rows so far become nodes of their own, then this element.
          const element = row ?? this.takeNumbers();
          items = rows ? packed.unpackRows(base, rowBase, columns) : [];
          items.push(element);
          rows = false;
        }
        count++;
        lastEnd = cur.pos;
        continue;
      }
      if (rows) {
        items = packed.unpackRows(base, rowBase, columns);
        rows = false;
      }
      // The element: runs of plain numbers take the fast path, anything else the general one.
      if (items === null && (isDigit(c) || c === Code.Minus)) {
        const taken = packed.scanRun(cur, close, separators === Separators.Spaces);
        if (taken > 0) {
          count += taken;
          if (taken > 1 && separators !== Separators.Spaces) {
            separators = Separators.Commas;
            sawComma = true;
          }
          lastEnd = cur.pos;
          continue;
        }
      }
      const node = this.valueOrNumber();
      if (node !== null) {
        if (items === null) items = packed.unpack(base);
        items.push(node);
      } else if (items === null) {
        packed.push(cur.num, cur.numStart, cur.numEnd, cur);
      } else {
        items.push(this.numberNode());
      }
      count++;
      lastEnd = cur.pos;
    }
    this.lastCount = count;
    this.lastSawComma = sawComma;
    // The range as numbers: a row kept on the stack needs no object.
    const start = close === -1 ? -1 - open : open;
    const end = close === -1 ? lastEnd : ++cur.pos;
    if (items !== null) return { kind: 'list', items, range: { start, end } } satisfies ListNode;
    if (rows) return packed.takeRows(base, rowBase, columns, { start, end });
    this.lastBase = base;
    this.lastStart = start;
    this.lastEnd = end;
    return null;
  }

  /**
   * A row of exactly `columns` plain numbers at the cursor's `[`, closed right after the last one,
   * read by one scan onto the stack. Anything else (a comment, a trailing comma, another length)
   * moves nothing and returns false, and the general path reads the row with all its checks.
   */
  private plainRow(columns: number, spaces: boolean): boolean {
    const cur = this.cur;
    const packed = this.packed;
    const open = cur.pos;
    const first = cur.at(open + 1);
    if (!(isDigit(first) || first === Code.Minus)) return false;
    cur.enter(open);
    cur.leave();
    const fill = packed.n;
    cur.pos = open + 1;
    if (packed.scanRun(cur, Code.CloseBracket, spaces) === columns && cur.at() === Code.CloseBracket) {
      cur.pos++;
      return true;
    }
    packed.n = fill;
    cur.pos = open;
    return false;
  }

  private readObject(): ObjectNode {
    const cur = this.cur;
    const open = cur.pos;
    cur.enter(open);
    cur.pos++;
    const entries: ObjectEntry[] = [];
    // Where each key's entry is, so a repeated key replaces it in place (last wins).
    const at = new Map<string, number>();
    let replaced: ObjectEntry[] | undefined;
    let lastKey: string | undefined;
    for (;;) {
      cur.skipTrivia();
      if (cur.at() === Code.CloseBrace) break;
      if (lastKey !== undefined) {
        if (cur.at() !== Code.Comma) {
          if (cur.atEnd()) throw unclosed(cur, open, Code.CloseBrace);
          if (isCloser(cur.at())) throw mismatched(cur, open, Code.CloseBrace);
          throw unexpected(cur, `expected ',' or '}' after the entry ${quote(lastKey)}`);
        }
        cur.pos++;
        cur.skipTrivia();
        if (cur.at() === Code.CloseBrace) break;
      }
      if (cur.atEnd()) throw unclosed(cur, open, Code.CloseBrace);
      if (isCloser(cur.at())) throw mismatched(cur, open, Code.CloseBrace);
      const keyStart = cur.pos;
      const key = this.readKey();
      const keyRange = { start: keyStart, end: cur.pos };
      cur.skipTrivia();
      if (cur.at() !== Code.Colon) {
        if (cur.atEnd()) throw unclosed(cur, open, Code.CloseBrace);
        throw unexpected(cur, `expected ':' after the key ${quote(key)}`);
      }
      cur.pos++;
      cur.skipTrivia();
      if (cur.atEnd()) throw unclosed(cur, open, Code.CloseBrace);
      if (isCloser(cur.at())) throw unexpected(cur, `expected a value for the key ${quote(key)}`);
      const entry = { key, keyRange, value: this.valueOrNumber() ?? this.numberNode() };
      lastKey = key;
      const earlier = at.get(key);
      if (earlier === undefined) {
        at.set(key, entries.length);
        entries.push(entry);
      } else {
        (replaced ??= []).push(entries[earlier]);
        entries[earlier] = entry;
      }
    }
    cur.pos++;
    cur.leave();
    const range = { start: open, end: cur.pos };
    return replaced === undefined ? { kind: 'object', entries, range } : { kind: 'object', entries, range, replaced };
  }

  /** A key: a string, a name, or a number (Python `{0: 0.1}`), as text. */
  private readKey(): string {
    const cur = this.cur;
    const c = cur.at();
    const start = cur.pos;
    if (isQuote(c)) return readString(cur, false).value;
    if (isIdentStart(c)) {
      const prefixed = prefixedString(cur, cur.peekWord(start)!, start);
      if (prefixed !== undefined) return prefixed.value;
      cur.pos = cur.identEnd(start);
      return cur.text.slice(start, cur.pos);
    }
    if (startsNumber(c)) {
      this.number();
      return cur.text.slice(start, cur.pos);
    }
    throw unexpected(cur, 'expected a key');
  }
}
