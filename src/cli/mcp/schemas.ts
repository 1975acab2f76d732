import * as z from 'zod';
import { INTERPRETATION_MODES, LOSS_MODES, UNITS, type InterpretationMode, type LossMode, type Unit } from '../../core/types';
import { BASES } from '../args';

/**
 * The MCP tools' arguments and results as zod schemas; the SDK turns them into the JSON Schemas
 * that `tools/list` shows and checks every call against them. Arguments take the CLI flags' words;
 * the result is the CLI's `--json` object (README, "The CLI contract").
 */

const literal = (what: string) =>
  z
    .string()
    .describe(`${what}: an array literal as text — JSON, JS, Python, a numpy or torch literal, or a numpy repr such as "[0.1 0.2 0.7]"`);

const base = z
  .enum(Object.keys(BASES) as [string, ...string[]])
  .optional()
  .describe('Logarithm base: "e" (nats, the default), "2" (bits) or "10" (hartleys)');

const as = z
  .enum(INTERPRETATION_MODES as readonly [InterpretationMode, ...InterpretationMode[]])
  .optional()
  .describe('How to read the numbers: "auto" (default: decided from the values, and the result says why), "probs", "counts", "logits" or "logprobs"');

const loss = z
  .enum(LOSS_MODES as readonly [LossMode, ...LossMode[]])
  .optional()
  .describe('Which loss a targets/predictions literal is evaluated with: "auto" (default), "bce", "cce", "mse", or "none" for no loss, the information figures only');

/** Strict: a misspelt argument ("bas") is refused, never silently ignored. */
export const evaluateInput = z.strictObject({
  literal: literal('The numbers to evaluate'),
  base,
  as,
  loss,
});

export const compareInput = z.strictObject({
  p: literal('P, one vector of numbers'),
  q: literal('Q, one vector of numbers of the same length as P'),
  base,
  as,
});

export type EvaluateInput = z.infer<typeof evaluateInput>;
export type CompareInput = z.infer<typeof compareInput>;

/** A figure at full double precision; an infinite one is the string "Infinity", as in `--json`. */
const figure = z.union([z.number(), z.enum(['Infinity', '-Infinity', 'NaN'])]);

/**
 * Not strict: a field the CLI's JSON gains later must not make the server refuse its own results.
 * A unit test checks that every field `toJson` gives is described here.
 */
export const evaluationOutput = z.object({
  kind: z.enum(['distribution', 'pair', 'batch', 'loss']).describe('What the literal is'),
  unit: z.enum(UNITS as readonly [Unit, ...Unit[]]).describe('Unit of every figure but MSE'),
  interpretation: z.enum(['probs', 'counts', 'logits', 'logprobs']).describe('How the numbers (of P, or of the predictions) were read'),
  entropy: figure.optional().describe('H(P), distribution and pair'),
  entropyQ: figure.optional().describe('H(Q), pair'),
  crossEntropy: figure.optional().describe('H(P,Q) = −Σ p·log q, pair'),
  klPQ: figure.optional().describe('D_KL(P‖Q) = Σ p·log(p/q): the divergence of P from Q, pair'),
  klQP: figure.optional().describe('D_KL(Q‖P): the other direction (KL is not symmetric), pair'),
  jsDivergence: figure.optional().describe('Jensen–Shannon divergence (not its square root), pair'),
  rows: z.array(z.object({ entropy: figure })).optional().describe('Each row’s entropy, batch'),
  meanEntropy: figure.optional().describe('Mean of the rows’ entropies, batch'),
  loss: z
    .object({
      name: z.enum(['bce', 'cce', 'mse']),
      value: figure.describe('Mean over samples'),
      perSample: z.array(figure),
      gaussianNll: figure.optional().describe('Unit-variance Normal negative log-likelihood, mse only'),
      distribution: z.enum(['bernoulli', 'multinoulli', 'normal']),
      reason: z.string().describe('Why this loss'),
    })
    .optional()
    .describe('The loss, loss case'),
  notes: z.array(z.string()).describe('How the numbers were read, and why'),
  warnings: z.array(z.string()),
});
