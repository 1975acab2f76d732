/**
 * The literal reader: selected text (JSON, JS/TS, Python, numpy/torch reprs) → a LiteralNode tree
 * with the source range of every element. docs/grammar.md describes what it reads and why.
 */
import type { LiteralNode } from '../literal';
import { LiteralError } from '../errors';
import { Parser } from './parser';

export { MAX_DEPTH } from './cursor';
export { decimalToDouble } from './decimal';
export { ABBREVIATED_MESSAGE } from './messages';
export { readerWarnings } from './warnings';

/**
 * Read a selected text as a literal tree.
 * @throws LiteralError (and nothing else) with a range inside `text` pointing at the problem.
 */
export function readLiteral(text: string): LiteralNode {
  try {
    return new Parser(text).readTop();
  } catch (error) {
    // A typed array or the stack exhausted; anything else would be a bug and is not masked.
    if (error instanceof RangeError) {
      throw new LiteralError('too-large', `the selection is too large to read (${error.message})`, { start: 0, end: 0 });
    }
    throw error;
  }
}
