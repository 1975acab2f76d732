import { count, LiteralError, type SourceRange } from './errors';
import { elementRange, type LiteralNode, type ListNode, type ObjectEntry, type ObjectNode } from './literal';

/**
 * Recognising a sequence of token log-probabilities, the shapes language-model APIs return:
 * `{"logprobs": [-0.1, …]}`, the legacy completions object `{"tokens": [...], "token_logprobs": [...]}`
 * (whose first log-probability is null when the prompt is echoed), and a list of token objects
 * `[{"token": "Hi", "logprob": -0.1}, …]` (OpenAI-style `logprobs.content`), bare or under
 * `content` / `logprobs`. Log-probabilities are natural logs, as those APIs give them.
 */

export interface SequenceShaped {
  readonly kind: 'sequence';
  /** ln p of each token, nulls left out. */
  readonly logprobs: Float64Array;
  readonly range: SourceRange;
  /** The source of log-probability `index` (after nulls are left out). */
  elementRange(index: number): SourceRange;
  /** The token texts, aligned with `logprobs`, when the literal gives them. */
  readonly tokens?: readonly string[];
  readonly notes?: readonly string[];
  readonly warnings?: readonly string[];
}

/** Keys whose value is a sequence's log-probabilities (or an object holding them). */
export const SEQUENCE_KEYS: readonly string[] = ['logprobs', 'token_logprobs', 'content'];
const TOKENS_KEY = 'tokens';

/** The keys of a token object that are read; the others are named in a warning. */
const TOKEN_OBJECT_KEYS = ['token', 'logprob'];

/** A list whose first item is an object: only a list of token objects has that shape. */
export function isTokenObjectList(node: LiteralNode): node is ListNode {
  return node.kind === 'list' && node.items.length > 0 && node.items[0].kind === 'object';
}

/**
 * The sequence in an object that has one of SEQUENCE_KEYS, or undefined when it has none.
 * `used` receives the entries read, so the caller can name the others as ignored.
 */
export function sequenceOfObject(node: ObjectNode, used: ObjectEntry[]): SequenceShaped | undefined {
  const entry = node.entries.find((e) => SEQUENCE_KEYS.includes(e.key.toLowerCase()));
  if (!entry) return undefined;
  // "content" is a common word: it names a sequence only when it holds token objects.
  if (entry.key.toLowerCase() === 'content' && !isTokenObjectList(entry.value)) return undefined;
  used.push(entry);
  const value = entry.value;
  if (value.kind === 'object') {
    const inner: ObjectEntry[] = [];
    const nested = sequenceOfObject(value, inner);
    if (!nested) {
      throw new LiteralError('shape', `"${entry.key}" holds an object without log-probabilities: give "token_logprobs", "content" or a list of numbers`, value.range);
    }
    return withIgnored(nested, value, inner, `"${entry.key}"`);
  }
  if (isTokenObjectList(value)) return tokenObjects(value);
  const tokensEntry = node.entries.find((e) => e.key.toLowerCase() === TOKENS_KEY);
  if (tokensEntry) used.push(tokensEntry);
  return numberList(value, `"${entry.key}"`, tokensEntry);
}

/** A list of token objects, each with a numeric "logprob" and optionally a "token" string. */
export function tokenObjects(list: ListNode): SequenceShaped {
  const logprobs = new Float64Array(list.items.length);
  const ranges: SourceRange[] = [];
  const tokens: string[] = [];
  const ignored = new Set<string>();
  list.items.forEach((item, i) => {
    if (item.kind !== 'object') {
      throw new LiteralError('shape', `element ${i} is not a token object like {"token": "Hi", "logprob": -0.1}, as element 0 is`, item.range);
    }
    const logprob = item.entries.find((e) => e.key === 'logprob');
    if (!logprob) throw new LiteralError('shape', `token ${i} has no "logprob"`, item.range);
    if (logprob.value.kind !== 'number') throw new LiteralError('not-a-number', `the "logprob" of token ${i} is not a number`, logprob.value.range);
    logprobs[i] = logprob.value.value;
    ranges.push(logprob.value.range);
    const token = item.entries.find((e) => e.key === 'token');
    tokens.push(token && token.value.kind === 'string' ? token.value.value : '');
    for (const e of item.entries) if (!TOKEN_OBJECT_KEYS.includes(e.key)) ignored.add(e.key);
  });
  const warnings = ignored.size > 0 ? [`ignored ${keyList([...ignored])} of the token objects: only "token" and "logprob" are read`] : [];
  return {
    kind: 'sequence',
    logprobs,
    range: list.range,
    elementRange: (index) => ranges[index],
    ...(tokens.some((t) => t !== '') ? { tokens } : {}),
    notes: [`A list of ${count(list.items.length, 'token object')}: each "logprob" is a token's natural-log probability.`],
    warnings,
  };
}

/** A list of numbers (nulls left out with a warning), with token texts from `tokensEntry` if given. */
function numberList(value: LiteralNode, name: string, tokensEntry: ObjectEntry | undefined): SequenceShaped {
  if (value.kind !== 'numbers' && value.kind !== 'list') {
    throw new LiteralError('shape', `${name} must be a list of log-probabilities`, value.range);
  }
  const length = value.kind === 'numbers' ? value.values.length : value.items.length;
  if (length === 0) throw new LiteralError('empty', `${name} is empty: there is nothing to evaluate`, value.range);
  const texts = tokensEntry ? tokenTexts(tokensEntry, length) : undefined;
  const kept: number[] = [];
  const skipped: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < length; i++) {
    if (value.kind === 'numbers') {
      values.push(value.values[i]);
      kept.push(i);
      continue;
    }
    const item = value.items[i];
    if (item.kind === 'null') {
      skipped.push(i);
      continue;
    }
    if (item.kind !== 'number') throw new LiteralError('not-a-number', `element ${i} of ${name} is not a number`, item.range);
    values.push(item.value);
    kept.push(i);
  }
  if (values.length === 0) throw new LiteralError('empty', `every element of ${name} is null: there is nothing to evaluate`, value.range);
  const warnings =
    skipped.length > 0
      ? [`left out ${count(skipped.length, 'token')} without a log-probability (null) at ${skipped.length === 1 ? 'element' : 'elements'} ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}: APIs give null for the first token of an echoed prompt`]
      : [];
  return {
    kind: 'sequence',
    logprobs: Float64Array.from(values),
    range: value.range,
    elementRange: (index) => elementRange(value, kept[index]),
    ...(texts ? { tokens: kept.map((i) => texts[i]) } : {}),
    notes: [`${name} read as the natural-log probabilities of ${count(values.length, 'token')}.`],
    warnings,
  };
}

function tokenTexts(entry: ObjectEntry, length: number): string[] {
  const value = entry.value;
  if (value.kind !== 'list' && !(value.kind === 'numbers' && value.values.length === 0)) {
    throw new LiteralError('shape', `"${entry.key}" must be a list of token strings`, value.range);
  }
  const items = value.kind === 'list' ? value.items : [];
  if (items.length !== length) {
    throw new LiteralError('length-mismatch', `"${entry.key}" has ${count(items.length, 'token')} but there are ${length} log-probabilities`, value.range);
  }
  return items.map((item, i) => {
    if (item.kind !== 'string') throw new LiteralError('not-a-number', `token ${i} of "${entry.key}" is not a string`, item.range);
    return item.value;
  });
}

function withIgnored(shaped: SequenceShaped, node: ObjectNode, used: readonly ObjectEntry[], where: string): SequenceShaped {
  const ignored = node.entries.filter((e) => !used.includes(e)).map((e) => e.key);
  if (ignored.length === 0) return shaped;
  return { ...shaped, warnings: [...(shaped.warnings ?? []), `ignored ${keyList(ignored)} in ${where}: only the log-probabilities (and "tokens") are read`] };
}

/** `key "r"`, `keys "a", "b"`: keys as the warnings name them. */
export function keyList(keys: readonly string[]): string {
  const shown = keys.slice(0, 8).map((key) => `"${key}"`).join(', ');
  return `${keys.length === 1 ? 'key' : 'keys'} ${shown}${keys.length > 8 ? ', …' : ''}`;
}
