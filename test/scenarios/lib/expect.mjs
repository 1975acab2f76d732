// Shared by the scenarios: expected figures computed here, independently of the extension (plain
// Math.log over the sample's numbers), and small assertions whose messages say what was on screen.
// This folder holds no scenario: the runner only runs test/scenarios/*.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/lib/pins.mjs';

/** The text of a file in samples/. @param {string} name */
export function sample(name) {
  return readFileSync(join(ROOT, 'samples', name), 'utf8');
}

/** `value` to `digits` significant digits without trailing zeros, as a person would write it. */
export function sig(value, digits = 6) {
  const [mantissa, exponent] = value.toPrecision(digits).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const mean = (xs) => sum(xs) / xs.length;

/** Shannon entropy in nats, 0·log 0 = 0. @param {number[]} p */
export function entropy(p) {
  return -sum(p.map((x) => (x > 0 ? x * Math.log(x) : 0)));
}

/** D_KL(P‖Q) in nats. @param {number[]} p @param {number[]} q */
export function kl(p, q) {
  return sum(p.map((x, i) => (x > 0 ? x * Math.log(x / q[i]) : 0)));
}

/** Mean binary cross-entropy of probabilities. @param {number[]} y @param {number[]} p */
export function bce(y, p) {
  return mean(y.map((t, i) => -(t * Math.log(p[i]) + (1 - t) * Math.log(1 - p[i]))));
}

/** Mean categorical cross-entropy of logit rows against class indices. @param {number[]} labels @param {number[][]} logits */
export function cce(labels, logits) {
  return mean(labels.map((k, i) => {
    const row = logits[i];
    const max = Math.max(...row);
    return max + Math.log(sum(row.map((z) => Math.exp(z - max)))) - row[k];
  }));
}

/** Mean squared error. @param {number[]} y @param {number[]} f */
export function mse(y, f) {
  return mean(y.map((t, i) => (t - f[i]) ** 2));
}

/** @param {unknown} condition @param {string} message */
export function ok(condition, message) {
  if (!condition) throw new Error(message);
}

/** @param {string} text @param {string} part @param {string} where */
export function includes(text, part, where) {
  if (!text.includes(part)) throw new Error(`${where} does not contain "${part}"; it reads: ${JSON.stringify(text.replace(/\s+/g, ' ').trim())}`);
}

/** @param {unknown} actual @param {unknown} expected @param {string} what */
export function equal(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/**
 * Polls `probe` until it returns a truthy value (returned) or `timeoutMs` passes; the failure says
 * what was awaited and what `probe` last saw (its last return or error).
 * @template T @param {() => Promise<T>} probe @param {string} what @param {number} [timeoutMs]
 */
export async function waitUntil(probe, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message.split('\n')[0] : error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not so after ${timeoutMs / 1000}s (last seen: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The full text of the first bracketed literal after `anchor` in `text` (e.g. anchor '"bce":' gives
 * the whole `{ ... }` after it, over several lines), as the file spells it, so a scenario can select
 * exactly that. The samples' strings hold no brackets.
 * @param {string} text @param {string} anchor
 */
export function literalAfter(text, anchor) {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`the sample has no "${anchor}"`);
  const start = text.slice(at + anchor.length).search(/[[{(]/) + at + anchor.length;
  const pairs = { '[': ']', '{': '}', '(': ')' };
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] in pairs) depth += 1;
    else if (Object.values(pairs).includes(text[i])) {
      depth -= 1;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  throw new Error(`the literal after "${anchor}" is never closed in the sample`);
}
