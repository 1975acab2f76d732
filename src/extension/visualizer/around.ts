/**
 * The literal around the cursor when nothing is selected: the outermost `[…]` or `{…}` enclosing the
 * cursor within a bounded window (never the whole document). A stand-in until src/core/locate.ts's
 * findLiteralAt lands; then this becomes a thin wrapper over it.
 */

const OPEN = new Map([['[', ']'], ['{', '}']]);

/** Offsets [start, end) of the outermost bracketed literal containing `offset`, or undefined. */
export function enclosingLiteral(text: string, offset: number): { start: number; end: number } | undefined {
  // Cursor just before an opening bracket counts as inside it.
  let at = offset;
  if (OPEN.has(text[at] ?? '') && !OPEN.has(text[at - 1] ?? '')) at++;
  const stack: number[] = [];
  let outermost: { start: number; end: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0 || text.slice(i, close).includes('\n')) continue;
      i = close;
      continue;
    }
    if (OPEN.has(c)) stack.push(i);
    else if (c === ']' || c === '}') {
      const start = stack.pop();
      if (start === undefined || OPEN.get(text[start]!) !== c) {
        stack.length = 0;
        continue;
      }
      if (start < at && i >= at - 1 && stack.length === 0) outermost = { start, end: i + 1 };
    }
    if (i >= at && stack.length === 0 && outermost) break;
  }
  return outermost;
}
