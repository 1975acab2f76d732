/**
 * What counts as a space, a name, a bracket or a constant, for the reader and the locator alike:
 * the locator finds a literal only where the reader would read it, so both ask this file.
 */

/** Character codes by name (an object, not an enum: lint compares numbers with numbers). */
export const Code = {
  Tab: 9,
  Newline: 10,
  Return: 13,
  Space: 32,
  DoubleQuote: 34,
  Hash: 35,
  Dollar: 36,
  Quote: 39,
  OpenParen: 40,
  CloseParen: 41,
  Star: 42,
  Plus: 43,
  Comma: 44,
  Minus: 45,
  Dot: 46,
  Slash: 47,
  Zero: 48,
  Nine: 57,
  Colon: 58,
  Semicolon: 59,
  Less: 60,
  Equals: 61,
  Greater: 62,
  OpenBracket: 91,
  Backslash: 92,
  CloseBracket: 93,
  Underscore: 95,
  OpenBrace: 123,
  CloseBrace: 125,
  /** `…`: numpy and torch print it where they abbreviate. */
  Ellipsis: 0x2026,
} as const;

/** Every character read as whitespace: ASCII's, the no-break and typographic spaces, BOM, line and paragraph separators. */
export const SPACE_CODES: readonly number[] = [
  9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

/** One of SPACE_CODES, tested without a lookup for the ASCII ones. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c > 127 && (
    c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000
  );
}

export function isNewline(c: number): boolean {
  return c === Code.Newline || c === Code.Return;
}

export function isDigit(c: number): boolean {
  return c >= Code.Zero && c <= Code.Nine;
}

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === Code.Underscore || c === Code.Dollar;
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

export function isOpener(c: number): boolean {
  return c === Code.OpenBracket || c === Code.OpenParen || c === Code.OpenBrace;
}

export function isCloser(c: number): boolean {
  return c === Code.CloseBracket || c === Code.CloseParen || c === Code.CloseBrace;
}

/** The opening bracket that `close` closes. */
export function openerOf(close: number): number {
  return close === Code.CloseBracket ? Code.OpenBracket : close === Code.CloseParen ? Code.OpenParen : Code.OpenBrace;
}

/** A quote that starts a string the reader reads (backticks are not read). */
export function isQuote(c: number): boolean {
  return c === Code.DoubleQuote || c === Code.Quote;
}

/** Can `c` begin a number token: a digit, a sign or a leading `.`? */
export function startsNumber(c: number): boolean {
  return isDigit(c) || c === Code.Minus || c === Code.Plus || c === Code.Dot;
}

// ---------------------------------------------------------------- constant names

/** Module prefixes whose non-finite constants are read (`np.nan`, `jax.numpy.inf`, `Number.NaN`, …). */
const MODULES = ['np', 'numpy', 'math', 'cmath', 'torch', 'jnp', 'jax.numpy', 'tf', 'tf.math', 'Number'];
const NAN_SUFFIXES = ['nan', 'NaN', 'NAN'];
const INF_SUFFIXES = ['inf', 'Inf', 'INF', 'Infinity', 'infinity', 'infty', 'PINF', 'POSITIVE_INFINITY'];
const NEG_INF_SUFFIXES = ['NINF', 'NEGATIVE_INFINITY'];

/** The value of every constant name: booleans read as 1 and 0, `null`/`None` as null. */
const CONSTANTS = new Map<string, number | null>([
  ['true', 1], ['True', 1], ['false', 0], ['False', 0],
  ['null', null], ['None', null],
  ['NaN', NaN], ['nan', NaN], ['Infinity', Infinity], ['inf', Infinity],
]);
for (const module of MODULES) {
  for (const name of NAN_SUFFIXES) CONSTANTS.set(`${module}.${name}`, NaN);
  for (const name of INF_SUFFIXES) CONSTANTS.set(`${module}.${name}`, Infinity);
  for (const name of NEG_INF_SUFFIXES) CONSTANTS.set(`${module}.${name}`, -Infinity);
}

/** Every constant name the reader reads, each spelling once. */
export const CONSTANT_NAMES: readonly string[] = [...CONSTANTS.keys()];

/** The value of a constant name; null for `null`/`None`; undefined when `name` is not a constant. */
export function constantValue(name: string): number | null | undefined {
  return CONSTANTS.get(name);
}

export function isConstantName(name: string): boolean {
  return CONSTANTS.has(name);
}

/** Is `name` under one of the modules whose constants are read (so `np.banana` is a misspelt constant)? */
export function isModuleMember(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && MODULES.includes(name.slice(0, dot));
}

// ---------------------------------------------------------------- other words

/** Calls that turn a string argument into a number: `float('nan')`, `np.float32('1e-3')`, `Number('1')`. */
export const FLOAT_CALLS: ReadonlySet<string> = new Set([
  'float', 'Number', 'parseFloat', 'np.float64', 'np.float32', 'np.float16', 'numpy.float64', 'numpy.float32',
  'np.double', 'np.single',
]);

/** Python's string prefixes, any case and order: r, b, u, f and the raw pairs. */
export const STRING_PREFIXES: ReadonlySet<string> = new Set([
  'r', 'R', 'b', 'B', 'u', 'U', 'f', 'F', 'rb', 'br', 'Rb', 'bR', 'RB', 'BR', 'rB', 'Br', 'fr', 'rf', 'Fr', 'fR',
  'FR', 'RF', 'Rf', 'rF',
]);

/** Words before a literal that the reader skips: `const x = […]`, `return […]`. */
export const LEADING_KEYWORDS: ReadonlySet<string> = new Set(['export', 'default', 'const', 'let', 'var', 'return', 'declare']);

/** `new Float64Array([…])`: a constructor call reads as the call. */
export const NEW_KEYWORD = 'new';
