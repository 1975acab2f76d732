/**
 * Whether a file holds a literal of numbers at all: what shows the editor title's visualizer
 * button. A regular expression over the file's start, so it costs the same for every file and
 * brings none of the reader into the extension's activation bundle.
 */

/** Characters of a document {@link containsLiteral} looks at: the title button's scan stays cheap. */
export const LITERAL_SCAN_LIMIT = 200_000;

/** A bracket opening at least two numbers, or an object's first key with a number: `[0.1, 0.9]`, `{"cat": 0.2`. */
const LITERAL_START = /[[(]\s*[-+]?(?:\d|\.\d)[\d_.eE+-]*\s*,\s*[-+]?(?:\d|\.\d)|\{\s*["']?[\w-]+["']?\s*:\s*[-+]?(?:\d|\.\d)/;

/**
 * Whether a document's text (its first {@link LITERAL_SCAN_LIMIT} characters) holds something that
 * looks like a literal of numbers: what shows the editor title's visualizer button.
 */
export function containsLiteral(text: string): boolean {
  return LITERAL_START.test(text.length > LITERAL_SCAN_LIMIT ? text.slice(0, LITERAL_SCAN_LIMIT) : text);
}
