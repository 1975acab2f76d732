/**
 * Names and calls: constants (`True`, `None`, `np.inf`), wrappers (`np.array(…)`, `torch.tensor(…)`,
 * `new Float64Array(…)`) that stand for their first positional argument (or an `object=`/`data=`
 * keyword when there is none), and `float('nan')`-style calls that turn a string into a number.
 */
import { LiteralError } from '../errors';
import type { LiteralNode, NullNode } from '../literal';
import type { Cursor } from './cursor';
import { dotsAt, notANumber, quote, unclosed, unexpected } from './messages';
import { numberIn } from './scan';
import { prefixedString, readString } from './strings';
import { Code, constantValue, FLOAT_CALLS, isCloser, isIdentStart, isModuleMember, isQuote, NEW_KEYWORD } from './vocabulary';

/** Reads one value at the cursor: a node, or null for a number left in the cursor's register. */
export type ReadValue = () => LiteralNode | null;

/** A name at the cursor: a constant, a call (wrapper), or a prefixed string. */
export function readName(cur: Cursor, readValue: ReadValue): LiteralNode | null {
  const start = cur.pos;
  let word = cur.peekWord(start)!;
  let nameStart = start;
  if (word.text === NEW_KEYWORD && cur.isSpaceAt(word.end)) {
    cur.pos = word.end;
    cur.skipTrivia();
    const next = cur.peekWord(cur.pos);
    if (next !== undefined) {
      nameStart = cur.pos;
      word = next;
    }
  }
  const prefixed = prefixedString(cur, word, start);
  if (prefixed !== undefined) return prefixed;
  cur.pos = word.end;
  cur.skipInlineSpace();
  if (cur.at() === Code.OpenParen) return readCall(cur, word.text, start, nameStart, readValue);
  cur.pos = word.end;
  return constant(cur, word.text, start, word.end);
}

function constant(cur: Cursor, name: string, start: number, end: number): LiteralNode | null {
  const value = constantValue(name);
  if (value === null) return { kind: 'null', range: { start, end } } satisfies NullNode;
  if (value !== undefined) return cur.setNumber(value, start, end);
  if (isModuleMember(name)) throw notANumber(cur, start);
  throw cur.error('not-a-number', `${quote(name)} is not a number: only literal values can be read, not names`, start, end);
}

/** After a sign that no digit follows: `-inf`, `-np.inf`, `-Infinity`, `-float('inf')`. */
export function readSignedName(cur: Cursor, start: number, neg: boolean, readValue: ReadValue): null {
  const c = cur.at();
  if (c === Code.Dot && cur.at(cur.pos + 1) === Code.Dot) throw dotsAt(cur, cur.pos);
  if (!isIdentStart(c)) throw unexpected(cur, `expected a number after '${neg ? '-' : '+'}'`);
  let node: LiteralNode | null;
  try {
    node = readName(cur, readValue);
  } catch (error) {
    // `-foo`: name the whole signed word, not just `foo`.
    if (error instanceof LiteralError && error.code === 'not-a-number') throw notANumber(cur, start);
    throw error;
  }
  if (node !== null || (cur.num === cur.num && Math.abs(cur.num) !== Infinity)) throw notANumber(cur, start);
  return cur.setNumber(neg ? -cur.num : cur.num, start, cur.numEnd);
}

/** `name(args)` with the cursor at `(`: the first positional argument (or `object=`/`data=`). */
function readCall(cur: Cursor, name: string, start: number, nameStart: number, readValue: ReadValue): LiteralNode | null {
  const open = cur.pos;
  cur.enter(open);
  cur.pos++;
  let found: { node: LiteralNode | null; num: number; start: number; end: number } | undefined;
  for (;;) {
    cur.skipTrivia();
    if (cur.at() === Code.CloseParen) break;
    if (cur.atEnd()) throw unclosed(cur, open, Code.CloseParen);
    const keyword = keywordArgument(cur);
    if (keyword !== undefined) cur.skipTrivia();
    if (found === undefined && (keyword === undefined || keyword === 'object' || keyword === 'data')) {
      if (isCloser(cur.at()) || cur.at() === Code.Comma) throw unexpected(cur, 'expected an argument');
      const node = readValue();
      found = { node, num: cur.num, start: cur.numStart, end: cur.numEnd };
    } else {
      skipArgument(cur, open);
    }
    cur.skipTrivia();
    const d = cur.at();
    if (d === Code.Comma) {
      cur.pos++;
      continue;
    }
    if (d === Code.CloseParen) break;
    if (cur.atEnd()) throw unclosed(cur, open, Code.CloseParen);
    throw unexpected(cur, `expected ',' or ')' in the arguments of ${name}(…)`);
  }
  cur.pos++;
  cur.leave();
  const end = cur.pos;
  if (found === undefined) throw cur.error('syntax', `${name}() has no value to read`, nameStart, end);
  if (FLOAT_CALLS.has(name)) return floatCall(cur, name, found.node ?? found.num, start, end);
  if (found.node !== null) return found.node;
  return cur.setNumber(found.num, found.start, found.end);
}

/** At `name=` (not `==`): consume it and return the name. */
function keywordArgument(cur: Cursor): string | undefined {
  if (!isIdentStart(cur.at())) return undefined;
  const e = cur.identEnd(cur.pos);
  let q = e;
  while (cur.at(q) === Code.Space || cur.at(q) === Code.Tab) q++;
  if (cur.at(q) !== Code.Equals || cur.at(q + 1) === Code.Equals) return undefined;
  const name = cur.text.slice(cur.pos, e);
  cur.pos = q + 1;
  return name;
}

/** Skip one argument by bracket and string matching, up to a `,` or `)` at its level. */
function skipArgument(cur: Cursor, open: number): void {
  let depth = 0;
  for (;;) {
    cur.skipTrivia();
    if (cur.atEnd()) throw unclosed(cur, open, Code.CloseParen);
    const c = cur.at();
    if (isQuote(c)) {
      readString(cur, false);
      continue;
    }
    if (c === Code.OpenParen || c === Code.OpenBracket || c === Code.OpenBrace) depth++;
    else if (isCloser(c)) {
      if (depth === 0) return;
      depth--;
    } else if (c === Code.Comma && depth === 0) return;
    cur.pos++;
  }
}

/** `float('nan')`, `float(1)`, `np.float32('1e-3')`: a number covering the whole call. */
function floatCall(cur: Cursor, name: string, node: LiteralNode | number, start: number, end: number): null {
  if (typeof node === 'number') return cur.setNumber(node, start, end); // float(1.5), float(-inf)
  if (node.kind !== 'string') throw cur.error('not-a-number', `${name}(…) of a ${node.kind} is not a number`, start, end);
  const value = numberInString(node.value.trim());
  if (value === undefined) throw cur.error('not-a-number', `${name}(${quote(node.value)}) is not a number`, start, end);
  return cur.setNumber(value, start, end);
}

/** What Python's `float()` reads in a string: a number token, or a signed nan/inf/infinity. */
function numberInString(s: string): number | undefined {
  const named = /^([+-]?)(nan|inf|infinity)$/i.exec(s);
  if (named !== null) {
    const v = named[2].toLowerCase() === 'nan' ? NaN : Infinity;
    return named[1] === '-' ? -v : v;
  }
  return numberIn(s);
}
