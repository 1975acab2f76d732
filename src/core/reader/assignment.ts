/**
 * What may stand before a literal in a selected line of code: `x =`, `self.p =`, `x: list[float] =`,
 * `const q: number[] =`, `export default`, `return`. The reader skips it and reads what follows.
 */
import type { Cursor } from './cursor';
import { Code, LEADING_KEYWORDS } from './vocabulary';

/** Skip a leading assignment or keyword when the text starts with one; else leave the cursor. */
export function skipLeadingAssignment(cur: Cursor): void {
  for (let rounds = 0; rounds < 4; rounds++) {
    const save = cur.pos;
    const word = cur.peekWord(cur.pos);
    if (word === undefined) return;
    if (LEADING_KEYWORDS.has(word.text) && word.end < cur.len && cur.isSpaceAt(word.end)) {
      cur.pos = word.end;
      cur.skipTrivia();
      continue;
    }
    // name (. name)* — then an optional `: type`, then `=` (not `==`, `=>`).
    cur.pos = word.end;
    cur.skipInlineSpace();
    if (cur.at() === Code.Colon && !skipTypeAnnotation(cur)) {
      cur.pos = save;
      return;
    }
    const next = cur.at(cur.pos + 1);
    if (cur.at() === Code.Equals && next !== Code.Equals && next !== Code.Greater) {
      cur.pos++;
      cur.skipTrivia();
      continue;
    }
    cur.pos = save;
    return;
  }
}

/** From a `:` after a name to the `=` ending the annotation; false when there is none. */
function skipTypeAnnotation(cur: Cursor): boolean {
  let depth = 0;
  for (let p = cur.pos + 1; p < cur.len; p++) {
    const c = cur.at(p);
    if (c === Code.OpenBracket || c === Code.OpenParen || c === Code.OpenBrace || c === Code.Less) {
      depth++;
    } else if (c === Code.CloseBracket || c === Code.CloseParen || c === Code.CloseBrace || (c === Code.Greater && cur.at(p - 1) !== Code.Equals)) {
      if (--depth < 0) return false;
    } else if (c === Code.Equals && depth === 0) {
      const next = cur.at(p + 1);
      if (next === Code.Equals || next === Code.Greater) return false;
      cur.pos = p;
      return true;
    } else if (c === Code.Newline || c === Code.Return || c === Code.Semicolon || (c === Code.Comma && depth === 0)) {
      return false;
    } else if (c === Code.Quote || c === Code.DoubleQuote || c === Code.Hash) {
      return false;
    }
  }
  return false;
}
