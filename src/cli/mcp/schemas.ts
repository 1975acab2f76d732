import * as z from 'zod';
import { CONVENTIONS, REDUCTIONS, type Convention, type Reduction } from '../../core/loss-options';
import { ROWS_MODES, type RowsMode } from '../../core/shape';
import { INTERPRETATION_MODES, JOINT_READING, LOSS_MODES, UNITS, type InterpretationMode, type LossMode, type Unit } from '../../core/types';
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

/** The evaluate tool's `as`: the readings, or "joint" (a shape, as the CLI's `--as joint`). */
const evaluateAs = z
  .enum([...INTERPRETATION_MODES, JOINT_READING] as unknown as readonly [InterpretationMode | typeof JOINT_READING, ...(InterpretationMode | typeof JOINT_READING)[]])
  .optional()
  .describe(
    'How to read the numbers: "auto" (default: decided from the values, and the result says why), "probs", "counts", "logits", "logprobs", or "joint": rows of non-negative numbers as the joint distribution of X (the rows) and Y (the columns), giving H(X,Y), H(X), H(Y), both conditional entropies and the mutual information I(X;Y)',
  );

const rows = z
  .enum(ROWS_MODES as readonly [RowsMode, ...RowsMode[]])
  .optional()
  .describe('How a list of two rows is read: "auto" (default) and "pair" read them as P, then Q; "batch" reads them as two distributions, each with its entropy ("pair" on other than two rows is an error)');

const loss = z
  .enum(LOSS_MODES as readonly [LossMode, ...LossMode[]])
  .optional()
  .describe('Which loss a targets/predictions literal is evaluated with: "auto" (default), "bce", "cce", "mse", or "none" for no loss, the information figures only');

const weightValue = z.number().min(0).finite();

/** The CLI's loss options (--reduction, --weight, …) under camelCase names; the core names any that cannot apply. */
export const lossOptionArguments = {
  reduction: z
    .enum(REDUCTIONS as readonly [Reduction, ...Reduction[]])
    .optional()
    .describe('How per-sample losses become the value, as PyTorch: "mean" (default), "sum", or "none" (the per-sample losses)'),
  weight: z.array(weightValue).min(1).optional().describe('Categorical cross-entropy class weights, one per class; the weighted mean divides by the targets’ Σ w, as CrossEntropyLoss(weight=…)'),
  posWeight: z
    .union([weightValue, z.array(weightValue).min(1)])
    .optional()
    .describe('Binary cross-entropy weight of the positive label, or one per label column, as BCEWithLogitsLoss(pos_weight=…)'),
  ignoreIndex: z.number().int().optional().describe('Categorical cross-entropy with class indices: targets equal to it are left out (default -100, as PyTorch)'),
  labelSmoothing: z.number().min(0).max(1).optional().describe('ε: CCE targets (1 − ε)·y + ε/C (PyTorch), BCE labels (1 − ε)·y + ε/2 (Keras)'),
  convention: z
    .enum(CONVENTIONS as readonly [Convention, ...Convention[]])
    .optional()
    .describe('Which framework’s figure is loss.value: "exact" (default), "torch" (log clamped at −100), "keras" (clip 1e-7), "sklearn" (clip at float64 eps); loss.conventions gives all four'),
};

/** Strict: a misspelt argument ("bas") is refused, never silently ignored. */
export const evaluateInput = z.strictObject({
  literal: literal('The numbers to evaluate'),
  base,
  as: evaluateAs,
  rows,
  loss,
  ...lossOptionArguments,
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
  kind: z.enum(['distribution', 'pair', 'batch', 'loss', 'pairs', 'joint', 'sequence']).describe('What the literal is'),
  unit: z.enum(UNITS as readonly [Unit, ...Unit[]]).describe('Unit of every figure but MSE'),
  interpretation: z.enum(['probs', 'counts', 'logits', 'logprobs']).describe('How the numbers (of P, or of the predictions) were read'),
  entropy: figure.optional().describe('H(P), distribution and pair; pairs: the mean over rows'),
  entropyQ: figure.optional().describe('H(Q), pair; pairs: the mean over rows'),
  crossEntropy: figure.optional().describe('H(P,Q) = −Σ p·log q, pair; pairs: the mean over rows'),
  klPQ: figure.optional().describe("D_KL(P‖Q) = Σ p·log(p/q): the divergence of P from Q, pair; pairs: the mean over rows, PyTorch's kl_div(log Q, P, reduction='batchmean')"),
  klQP: figure.optional().describe('D_KL(Q‖P): the other direction (KL is not symmetric), pair; pairs: the mean over rows'),
  jsDivergence: figure.optional().describe('Jensen–Shannon divergence (not its square root), pair; pairs: the mean over rows'),
  rows: z
    .array(
      z.object({
        entropy: figure,
        entropyQ: figure.optional(),
        crossEntropy: figure.optional(),
        klPQ: figure.optional(),
        klQP: figure.optional(),
        jsDivergence: figure.optional(),
      }),
    )
    .optional()
    .describe('Each row’s entropy, batch; each row’s pair figures, pairs'),
  jointEntropy: figure.optional().describe('H(X,Y), joint'),
  entropyX: figure.optional().describe('H(X), the row marginal’s entropy, joint'),
  entropyY: figure.optional().describe('H(Y), the column marginal’s entropy, joint'),
  conditionalEntropyXGivenY: figure.optional().describe('H(X|Y) = H(X,Y) − H(Y), joint'),
  conditionalEntropyYGivenX: figure.optional().describe('H(Y|X) = H(X,Y) − H(X), joint'),
  mutualInformation: figure.optional().describe('I(X;Y) = H(X) + H(Y) − H(X,Y), joint (scikit-learn’s mutual_info_score in nats)'),
  tokens: z
    .array(z.object({ token: z.string().optional(), logprob: figure, surprisal: figure }))
    .optional()
    .describe('Each token’s log-probability (natural log, as given) and surprisal (in the unit), sequence'),
  totalSurprisal: figure.optional().describe('−Σ log p over the tokens, sequence'),
  meanSurprisal: figure.optional().describe('Surprisal per token (bits per token in bits), sequence'),
  perplexity: figure.optional().describe('exp(mean surprisal in nats), the same in every unit, sequence; e^H(P), distribution'),
  meanEntropy: figure.optional().describe('Mean of the rows’ entropies, batch'),
  loss: z
    .object({
      name: z.enum(['bce', 'cce', 'mse']),
      value: z.union([figure, z.array(figure)]).describe('Mean over samples (or the sum, or the per-sample list, as reduction says), in the chosen convention'),
      perSample: z.array(figure),
      reduction: z.enum(REDUCTIONS as readonly [Reduction, ...Reduction[]]).describe('How per-sample losses became value, baseline and each convention'),
      gaussianNll: z.union([figure, z.array(figure)]).optional().describe('Unit-variance Normal negative log-likelihood, mse only'),
      convention: z.enum(CONVENTIONS as readonly [Convention, ...Convention[]]).optional().describe('Which convention value follows, bce and cce'),
      conventions: z
        .object(Object.fromEntries(CONVENTIONS.map((c) => [c, z.union([figure, z.array(figure)])])) as Record<Convention, z.ZodUnion<[typeof figure, z.ZodArray<typeof figure>]>>)
        .optional()
        .describe('The loss as each framework computes it: exact, torch (log clamped at −100), keras (clip 1e-7, rows rescaled), sklearn (clip at float64 eps), bce and cce'),
      baseline: z.union([figure, z.array(figure)]).optional().describe('The loss of a uniform guess (ln 2 a label for BCE, ln C for CCE), in the unit, bce and cce'),
      perplexity: figure.optional().describe('e^(mean loss in nats), bce and cce'),
      distribution: z.enum(['bernoulli', 'multinoulli', 'normal']),
      reason: z.string().describe('Why this loss'),
    })
    .optional()
    .describe('The loss, loss case'),
  notes: z.array(z.string()).describe('How the numbers were read, and why'),
  warnings: z.array(z.string()),
});
