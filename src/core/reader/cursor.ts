/**
 * The reader's position in the text and what it skips between tokens: whitespace, comments,
 * backslash-newline continuations. Every part of the reader moves one Cursor.
 */
import { LiteralError, type LiteralErrorCode } from '../errors';
import { codesOf } from './scan';
import { Code, isIdentPart, isIdentStart, isSpace } from './vocabulary';

/** Maximum bracket/call nesting. Real data is a few levels deep. */
export const MAX_DEPTH = 500;

export class Cursor {
  readonly len: number;
  /** The text's code units as bytes, for the number scanner (see `codesOf`). */
  readonly codes: Uint8Array;
  pos = 0;
  private depth = 0;
  // The last scalar number read: a value reader returns null to mean "a number, see these".
  num = 0;
  numStart = 0;
  numEnd = 0;

  constructor(readonly text: string) {
    this.len = text.length;
    this.codes = codesOf(text);
  }

  /** The code unit at `p` (NaN past the end). */
  at(p: number = this.pos): number {
    return this.text.charCodeAt(p);
  }

  atEnd(): boolean {
    return this.pos >= this.len;
  }

  /** Sets the scalar register: a number read from [start, end). */
  setNumber(value: number, start: number, end: number): null {
    this.num = value;
    this.numStart = start;
    this.numEnd = end;
    return null;
  }

  /** One bracket or call deeper; a LiteralError past MAX_DEPTH, so no stack overflow escapes. */
  enter(open: number): void {
    if (++this.depth > MAX_DEPTH) {
      throw this.error('syntax', `nested too deeply: more than ${MAX_DEPTH} levels of brackets`, open, open + 1);
    }
  }

  leave(): void {
    this.depth--;
  }

  /** A LiteralError with its range clamped into the text. */
  error(code: LiteralErrorCode, message: string, start: number, end: number): LiteralError {
    const s = Math.max(0, Math.min(start, this.len));
    const e = Math.max(s, Math.min(end, this.len));
    return new LiteralError(code, message, { start: s, end: e });
  }

  isSpaceAt(p: number): boolean {
    return isSpace(this.text.charCodeAt(p));
  }

  skipInlineSpace(): void {
    while (this.at() === Code.Space || this.at() === Code.Tab) this.pos++;
  }

  /** Whitespace, newlines, comments (`//`, `/* *\/`, `#`) and backslash-newline continuations. */
  skipTrivia(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === Code.Space || c === Code.Newline || c === Code.Return || c === Code.Tab) {
        p++;
      } else if (c === Code.Slash) {
        const n = t.charCodeAt(p + 1);
        if (n === Code.Slash) p = this.lineEnd(p + 2);
        else if (n === Code.Star) {
          const e = t.indexOf('*/', p + 2);
          if (e < 0) throw this.error('syntax', "unterminated comment: '/*' is never closed by '*/'", p, p + 2);
          p = e + 2;
        } else break;
      } else if (c === Code.Hash) {
        p = this.lineEnd(p + 1);
      } else if (c === Code.Backslash && (t.charCodeAt(p + 1) === Code.Newline || t.charCodeAt(p + 1) === Code.Return)) {
        p += 2;
      } else if (isSpace(c)) {
        p++;
      } else break;
    }
    this.pos = p;
  }

  private lineEnd(p: number): number {
    const t = this.text;
    while (p < this.len) {
      const c = t.charCodeAt(p);
      if (c === Code.Newline || c === Code.Return) break;
      p++;
    }
    return p;
  }

  /** At the end, or at a `;` followed only by whitespace and comments (`pos` then moves past them). */
  atEndOrFinalSemicolon(): boolean {
    if (this.pos >= this.len) return true;
    if (this.at() !== Code.Semicolon) return false;
    const save = this.pos;
    this.pos++;
    this.skipTrivia();
    if (this.pos >= this.len) return true;
    this.pos = save;
    return false;
  }

  /** A dotted name at `p` (`np.float32`), or undefined when no name starts there. */
  peekWord(p: number): { text: string; end: number } | undefined {
    const t = this.text;
    if (!isIdentStart(t.charCodeAt(p))) return undefined;
    let e = p + 1;
    for (;;) {
      const c = t.charCodeAt(e);
      if (isIdentPart(c)) e++;
      else if (c === Code.Dot && isIdentStart(t.charCodeAt(e + 1))) e += 2;
      else break;
    }
    return { text: t.slice(p, e), end: e };
  }

  /** The end of a plain identifier (no dots) starting at `p`. */
  identEnd(p: number): number {
    let e = p + 1;
    while (isIdentPart(this.text.charCodeAt(e))) e++;
    return e;
  }
}
