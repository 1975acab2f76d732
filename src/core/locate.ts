import type { SourceRange } from './errors';

/** Options for {@link findLiteralAt}. */
export interface FindLiteralOptions {
  /** Longest literal (in UTF-16 code units) worth finding; longer ones are declined. Default 100,000. */
  readonly maxLength?: number;
}

/** The range of the outermost bracketed literal around `offset`, or undefined (work in progress). */
export function findLiteralAt(_text: string, _offset: number, _options?: FindLiteralOptions): SourceRange | undefined {
  return undefined;
}

/** Whether `range` of `text` looks like numbers (work in progress). */
export function looksNumeric(text: string, range: SourceRange): boolean {
  return /[0-9]/.test(text.slice(range.start, range.end));
}
