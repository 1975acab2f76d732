/**
 * Reading what the debuggee answered. An adapter shows a string value as a literal of its language:
 * debugpy as a Python repr ('…' or "…", backslash escapes), js-debug as a JSON string, and some
 * adapters as the bare text. The helpers' answers always start with a known tag, so anything else
 * is not theirs: the text of an exception the adapter reported in place of a value.
 */

export type Reply =
  /** The value's JSON text starts with `head`; `token` > 0 keeps the rest in the debuggee. */
  | { readonly kind: 'ok'; readonly token: number; readonly length: number; readonly count: number; readonly head: string }
  | { readonly kind: 'raised'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'large'; readonly count: number }
  | { readonly kind: 'piece'; readonly text: string }
  | { readonly kind: 'gone' }
  | { readonly kind: 'released' }
  /** Not the helper's answer: what the adapter said instead (an exception's text, a shortened value). */
  | { readonly kind: 'foreign'; readonly text: string };

const OK = /^ok (\d+) (\d+) (\d+)\|/;

export function readReply(result: string): Reply {
  const text = unquoted(result);
  const ok = OK.exec(text);
  if (ok) return { kind: 'ok', token: Number(ok[1]), length: Number(ok[2]), count: Number(ok[3]), head: text.slice(ok[0].length) };
  const bar = text.indexOf('|');
  const tag = bar < 0 ? undefined : text.slice(0, bar);
  const rest = text.slice(bar + 1);
  switch (tag) {
    case '':
      return { kind: 'piece', text: rest };
    case 'raised':
      return { kind: 'raised', message: rest };
    case 'refused':
      return { kind: 'refused', message: rest };
    case 'large':
      return /^\d+$/.test(rest) ? { kind: 'large', count: Number(rest) } : { kind: 'foreign', text };
    case 'gone':
      return { kind: 'gone' };
    case 'released':
      return { kind: 'released' };
    default:
      return { kind: 'foreign', text: result };
  }
}

/** A string literal's value ('…', "…"; the escapes Python's repr and JSON write); bare text as it is. */
export function unquoted(result: string): string {
  const quote = result[0];
  if ((quote !== "'" && quote !== '"') || result.length < 2 || result[result.length - 1] !== quote) return result;
  const body = result.slice(1, -1);
  if (!body.includes('\\')) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (_, escape: string) => {
    switch (escape[0]) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case '0':
        return '\0';
      case 'x':
      case 'u':
      case 'U':
        return escape.length > 1 ? String.fromCodePoint(parseInt(escape.slice(1), 16)) : escape;
      default:
        return escape;
    }
  });
}
