import type { SourceRange } from './errors';

/**
 * Every bracketed group (`[…]` or `{…}`) of `text` that contains `offset`, outermost first. Strings
 * are skipped (a bracket inside quotes on the same line does not count). One pass over `text`, which
 * the caller bounds: it is a literal the locator already found.
 */
export function enclosingGroups(text: string, offset: number): SourceRange[] {
  const open: number[] = [];
  const found: SourceRange[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      i = stringEnd(text, i, c);
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      open.push(i);
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      const start = open.pop();
      if (start === undefined || text.charCodeAt(start) !== (c === 93 ? 91 : 123)) return found.reverse(); // Unbalanced: stop here.
      if (start <= offset && offset < i + 1) found.push({ start, end: i + 1 });
    }
  }
  // Inner groups close first, so they were found first.
  return found.reverse();
}

/** Index of the closing quote, or of the line's end for an unterminated string. */
function stringEnd(text: string, from: number, quote: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === quote || c === 10) return i;
  }
  return text.length;
}
