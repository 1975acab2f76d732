import type { LiveLanguage } from './language';
import { javascriptConverter } from './javascript-helper';
import { pythonConverter } from './python-helper';

/**
 * The expressions a live read sends to the debuggee, one set per language. Each evaluates to a
 * string in a small line protocol (reply.ts): the capture answers `ok <token> <length> <count>|` and
 * the first `first` characters of the value's JSON text, or why not (`raised|`, `refused|`,
 * `large|`); a text longer than `first` stays in the debuggee under `token` until its pieces
 * (`|<text>`) are fetched or it is released.
 */
export interface Converter {
  /** Evaluates `expression` in the frame and converts its value; at most `limit` numbers. */
  capture(expression: string, limit: number, first: number): string;
  /** Characters [start, end) of the text kept under `token`; the last piece releases it. */
  piece(token: number, start: number, end: number): string;
  /** Drops the text kept under `token` (a read that was cancelled). */
  release(token: number): string;
}

const CONVERTERS: Readonly<Record<LiveLanguage, Converter>> = { python: pythonConverter, javascript: javascriptConverter };

export function converterFor(language: LiveLanguage): Converter {
  return CONVERTERS[language];
}
