/**
 * Quoted strings: single-line '…' and "…", with JSON/JS/Python escapes, or raw (`r'…'`) where a
 * backslash is kept as written. Strings are labels and `float('…')` arguments, never numbers.
 */
import type { StringNode } from '../literal';
import type { Cursor } from './cursor';
import { quote } from './messages';
import { Code, isQuote, STRING_PREFIXES } from './vocabulary';

/** A quoted string at the cursor (its quote), single line, with escapes unless `raw`. */
export function readString(cur: Cursor, raw: boolean): StringNode {
  const t = cur.text;
  const start = cur.pos;
  const q = t.charCodeAt(start);
  let p = start + 1;
  let value = '';
  let seg = p;
  for (;;) {
    const c = t.charCodeAt(p);
    if (p >= cur.len || c === Code.Newline || c === Code.Return) {
      throw cur.error('syntax', `unterminated string: the ${String.fromCharCode(q)} opened here is never closed on its line`, start, p);
    }
    if (c === q) break;
    if (c === Code.Backslash) {
      if (p + 1 >= cur.len) {
        p++; // a backslash at the very end: unterminated, reported on the next turn
        continue;
      }
      value += t.slice(seg, p);
      if (raw) {
        value += t.slice(p, p + 2);
        p += 2;
      } else {
        const escaped = escape(cur, p);
        value += escaped.text;
        p = escaped.end;
      }
      seg = p;
      continue;
    }
    p++;
  }
  value += t.slice(seg, p);
  cur.pos = p + 1;
  return { kind: 'string', value, range: { start, end: p + 1 } };
}

/**
 * `r"…"`, `b'…'`, `f"…"`: when `word` is a string prefix with a quote right after it, the string
 * (its range from `start`); else undefined, and the cursor does not move.
 */
export function prefixedString(cur: Cursor, word: { text: string; end: number }, start: number): StringNode | undefined {
  if (!isQuote(cur.at(word.end)) || !STRING_PREFIXES.has(word.text)) return undefined;
  cur.pos = word.end;
  const node = readString(cur, word.text.includes('r') || word.text.includes('R'));
  return { kind: 'string', value: node.value, range: { start, end: node.range.end } };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** The escape at `p` (a backslash): the character it stands for and the offset after it. */
function escape(cur: Cursor, p: number): { text: string; end: number } {
  const t = cur.text;
  const e = t[p + 1];
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) return { text: simple, end: p + 2 };
  if (e === '\r') return { text: '', end: t.charCodeAt(p + 2) === Code.Newline ? p + 3 : p + 2 };
  if (e === '\n') return { text: '', end: p + 2 };
  if (e === 'x') return hexEscape(cur, p, 2);
  if (e === 'u' && t.charCodeAt(p + 2) === Code.OpenBrace) {
    const close = t.indexOf('}', p + 3);
    const hex = close < 0 ? '' : t.slice(p + 3, close);
    const cp = /^[0-9a-fA-F]{1,6}$/.test(hex) ? parseInt(hex, 16) : -1;
    const end = close < 0 ? p + 3 : close + 1;
    if (cp < 0 || cp > 0x10ffff) throw cur.error('syntax', `invalid escape ${quote(t.slice(p, end))} in a string`, p, end);
    return { text: String.fromCodePoint(cp), end };
  }
  if (e === 'u') return hexEscape(cur, p, 4);
  const ch = String.fromCodePoint(t.codePointAt(p + 1)!);
  return { text: ch, end: p + 1 + ch.length };
}

/** `\xHH` or `\uHHHH` at `p`: exactly `digits` hex digits after the two-character introducer. */
function hexEscape(cur: Cursor, p: number, digits: number): { text: string; end: number } {
  const hex = cur.text.slice(p + 2, p + 2 + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
    const end = Math.min(cur.len, p + 2 + digits);
    throw cur.error('syntax', `invalid escape ${quote(cur.text.slice(p, end))} in a string`, p, end);
  }
  return { text: String.fromCharCode(parseInt(hex, 16)), end: p + 2 + digits };
}
