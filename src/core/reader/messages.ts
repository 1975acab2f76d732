/**
 * How the reader words what it cannot read. Every message names what was found and where, and
 * counts elements from 0 (docs/decisions.md): "after element 1" is after the second element.
 */
import type { LiteralError } from '../errors';
import { lineColumnAt } from '../errors';
import type { Cursor } from './cursor';
import { Code, isCloser, isIdentPart, isIdentStart, openerOf } from './vocabulary';

export const ABBREVIATED_MESSAGE =
  "numpy abbreviated this array with '...': the values are not in the text; print it with np.set_printoptions(threshold=sys.maxsize)";

export const EMPTY_MESSAGE = 'nothing to read: the selection is empty';

/** `'x'` for messages: at most 24 characters, control characters spelled out. */
export function quote(s: string): string {
  const cut = s.length > 24 ? `${s.slice(0, 24)}…` : s;
  let out = '';
  for (const ch of cut) out += ch < ' ' ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch;
  return `'${out}'`;
}

function char(c: number): string {
  return String.fromCharCode(c);
}

/** The token at `p`, for "found …": a word, a number, a string start, or one character. */
function tokenAt(cur: Cursor, p: number): { text: string; start: number; end: number } {
  const t = cur.text;
  if (p >= cur.len) return { text: 'the end of the selection', start: cur.len, end: cur.len };
  const c = t.charCodeAt(p);
  let e = p + 1;
  if (isIdentPart(c) || c === Code.Dot || c === Code.Minus || c === Code.Plus) {
    while (isIdentPart(t.charCodeAt(e)) || t.charCodeAt(e) === Code.Dot) e++;
  } else if (c >= 0xd800 && c <= 0xdbff && e < cur.len) {
    e++;
  }
  return { text: quote(t.slice(p, e)), start: p, end: e };
}

/** "<what>, found <token>" at the cursor. */
export function unexpected(cur: Cursor, what: string): LiteralError {
  const found = tokenAt(cur, cur.pos);
  return cur.error('syntax', `${what}, found ${found.text}`, found.start, found.end);
}

/** "unexpected … after the literal", or a stray closing bracket, at the cursor. */
export function trailing(cur: Cursor): LiteralError {
  const c = cur.at();
  if (isCloser(c)) return strayCloser(cur);
  const found = tokenAt(cur, cur.pos);
  return cur.error('syntax', `unexpected ${found.text} after the literal`, found.start, found.end);
}

function strayCloser(cur: Cursor): LiteralError {
  const c = cur.at();
  return cur.error('syntax', `unbalanced brackets: '${char(c)}' has no matching '${char(openerOf(c))}'`, cur.pos, cur.pos + 1);
}

/**
 * A list's elements are not separated as its first separator said. `open` is the bracket's offset
 * (negative for a bare sequence), `close` its closer's code (-1: none), `last` the index of the
 * element before the cursor, `spaces` whether the list separates with whitespace.
 */
export function separatorError(cur: Cursor, open: number, close: number, last: number, spaces: boolean): LiteralError {
  if (cur.atEnd()) return unclosed(cur, open, close);
  if (isCloser(cur.at())) return mismatched(cur, open, close);
  const closing = close === -1 ? 'the end' : `'${char(close)}'`;
  return unexpected(cur, `expected ${spaces ? 'a space' : "','"} or ${closing} after element ${last}`);
}

/** A bracket opened at `open` that the text never closes. */
export function unclosed(cur: Cursor, open: number, close: number): LiteralError {
  if (open < 0) return unexpected(cur, 'expected the end');
  const line = lineColumnAt(cur.text, open).line;
  return cur.error('syntax', `unbalanced brackets: '${char(openerOf(close))}' at line ${line} opened here is never closed`, open, open + 1);
}

/** A closing bracket at the cursor that does not close the bracket opened at `open`. */
export function mismatched(cur: Cursor, open: number, close: number): LiteralError {
  if (open < 0) return strayCloser(cur);
  const line = lineColumnAt(cur.text, open).line;
  const found = char(cur.at());
  return cur.error(
    'syntax',
    `mismatched brackets: '${char(openerOf(close))}' at line ${line} is closed by '${found}' (expected '${char(close)}')`,
    cur.pos,
    cur.pos + 1,
  );
}

/** "'word' is not a number", for the signed word or malformed number starting at `start`. */
export function notANumber(cur: Cursor, start: number): LiteralError {
  const t = cur.text;
  let e = start;
  if (t.charCodeAt(e) === Code.Minus || t.charCodeAt(e) === Code.Plus) e++;
  for (;;) {
    const c = t.charCodeAt(e);
    if (isIdentPart(c) || c === Code.Dot) e++;
    else if ((c === Code.Minus || c === Code.Plus) && (t.charCodeAt(e - 1) === 101 || t.charCodeAt(e - 1) === 69)) e++;
    else break;
  }
  if (e === start) e = Math.min(cur.len, start + 1);
  return cur.error('not-a-number', `${quote(t.slice(start, e))} is not a number`, start, e);
}

/** Dots at `p`: numpy's `...` summary, a JS spread `...xs`, or a stray `..`. */
export function dotsAt(cur: Cursor, p: number): LiteralError {
  const t = cur.text;
  let e = p;
  while (t.charCodeAt(e) === Code.Dot) e++;
  if (e - p >= 3 && isIdentStart(t.charCodeAt(e))) {
    const w = cur.identEnd(e);
    return cur.error('syntax', `${quote(t.slice(p, w))} (a spread) cannot be read: its values are not in the text`, p, w);
  }
  if (e - p < 3) return cur.error('syntax', `${quote(t.slice(p, e))} is not a number`, p, e);
  return cur.error('abbreviated', ABBREVIATED_MESSAGE, p, e);
}

/** numpy's `…` (one character) where a value belongs. */
export function ellipsisAt(cur: Cursor): LiteralError {
  return cur.error('abbreviated', ABBREVIATED_MESSAGE, cur.pos, cur.pos + 1);
}
