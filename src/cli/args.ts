import { CONVENTIONS, lossOptionProblem, REDUCTIONS, type LossOptions } from '../core/loss-options';
import { ROWS_MODES, type RowsMode } from '../core/shape';
import { INTERPRETATION_MODES, JOINT_READING, LOSS_MODES, type InterpretationMode, type LossMode, type Unit } from '../core/types';

/** The CLI's contract: `entropy-lens [--base e|2|10] [--as MODE] [--loss MODE] [--json] [LITERAL]`. */
export interface CliArguments {
  readonly unit: Unit;
  readonly as: InterpretationMode;
  /** `--as joint`: read a table as a joint distribution (a shape, so apart from `as`). */
  readonly joint: boolean;
  /** `--rows pair|batch`: how a list of two rows is read (default auto: as a pair). */
  readonly rows: RowsMode;
  readonly loss: LossMode;
  /** --reduction, --weight, --pos-weight, --ignore-index, --label-smoothing, --convention: only those given. */
  readonly lossOptions: LossOptions;
  readonly json: boolean;
  readonly precision: number;
  /** The literal, or undefined to read standard input. */
  readonly literal: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

export const USAGE = `usage: entropy-lens [--base e|2|10] [--as auto|probs|counts|logits|logprobs|joint]
                    [--rows auto|pair|batch] [--loss auto|bce|cce|mse|none]
                    [--reduction mean|sum|none]
                    [--weight W0,W1,…] [--pos-weight W|W0,W1,…] [--ignore-index N]
                    [--label-smoothing E] [--convention exact|torch|keras|sklearn]
                    [--precision N] [--json] [LITERAL]

Evaluates an array literal (JSON, JS, Python, numpy or torch) and prints its entropy,
cross-entropy, both KL divergences, JS divergence, or the loss it implies.
LITERAL is read from standard input when absent or "-".

  --base e|2|10     logarithm base: nats (e, default), bits (2), hartleys (10)
  --as MODE         how to read the numbers (default auto); joint: a table as the joint
                    distribution of X (rows) and Y (columns)
  --rows MODE       how a list of two rows is read: pair (P then Q; what auto does)
                    or batch (two distributions, each with its entropy)
  --loss MODE       which loss a targets/predictions literal is evaluated with (default auto);
                    none: no loss, each sample's predicted distribution and its entropy
  --reduction R     mean (default), sum, or none (the per-sample losses), as PyTorch
  --weight W,…      CCE class weights; the weighted mean divides by the targets' Σ w
  --pos-weight W    BCE weight of the positive label, or one per label column
  --ignore-index N  CCE class-index targets equal to N are left out (default -100)
  --label-smoothing E  CCE: (1 − E)·y + E/C (PyTorch); BCE: (1 − E)·y + E/2 (Keras)
  --convention C    which framework's figure is the loss value (default exact); the
                    JSON gives all four: exact, torch, keras, sklearn
  --precision N     significant digits in the text summary (default 6)
  --json            one JSON object instead of the text summary
  -h, --help        this text
  --version         the version

Exit status: 0 on success, 2 on bad input or arguments, 1 on an internal fault.`;

export class UsageError extends Error {}

/** What `--base` accepts (the MCP tools take the same words). */
export const BASES: Record<string, Unit> = { e: 'nats', '2': 'bits', '10': 'hartleys', nats: 'nats', bits: 'bits', hartleys: 'hartleys' };

export function parseArguments(argv: readonly string[]): CliArguments {
  let unit: Unit = 'nats';
  let as: InterpretationMode = 'auto';
  let joint = false;
  let rows: RowsMode = 'auto';
  let loss: LossMode = 'auto';
  const lossOptions: { -readonly [K in keyof LossOptions]: LossOptions[K] } = {};
  let json = false;
  let precision = 6;
  let help = false;
  let version = false;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--base': {
        const base = value();
        const chosen = BASES[base];
        if (!chosen) throw new UsageError(`--base must be e, 2 or 10, not "${base}"`);
        unit = chosen;
        break;
      }
      case '--as': {
        const mode = value();
        joint = mode === JOINT_READING;
        as = joint ? 'auto' : oneOf(mode, INTERPRETATION_MODES, '--as', [JOINT_READING]);
        break;
      }
      case '--rows':
        rows = oneOf(value(), ROWS_MODES, '--rows');
        break;
      case '--loss':
        loss = oneOf(value(), LOSS_MODES, '--loss');
        break;
      case '--reduction':
        lossOptions.reduction = oneOf(value(), REDUCTIONS, '--reduction');
        break;
      case '--convention':
        lossOptions.convention = oneOf(value(), CONVENTIONS, '--convention');
        break;
      case '--weight':
        lossOptions.weight = numbers(value(), '--weight');
        break;
      case '--pos-weight': {
        const weights = numbers(value(), '--pos-weight');
        lossOptions.posWeight = weights.length === 1 ? weights[0] : weights;
        break;
      }
      case '--ignore-index': {
        const text = value();
        if (!/^[+-]?\d+$/.test(text.trim())) throw new UsageError(`--ignore-index must be a whole number written in digits (a class index, or -100), not "${text}"`);
        lossOptions.ignoreIndex = Number(text);
        break;
      }
      case '--label-smoothing':
        [lossOptions.labelSmoothing] = numbers(value(), '--label-smoothing', 1);
        break;
      case '--precision': {
        const text = value();
        // Digits only: "1e1" or "0x10" are numbers to Number() but not what a person means by N.
        precision = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
        if (!(precision >= 1 && precision <= 17)) throw new UsageError(`--precision must be a whole number from 1 to 17 written in digits, not "${text}"`);
        break;
      }
      case '--json':
        json = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '--version':
        version = true;
        break;
      case '--':
        positional.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        // A literal may start with '-' only as a number list such as "-1 2 3"; flags are known words.
        if (arg.startsWith('--') || (arg.startsWith('-') && arg !== '-' && !/^-[\d.]/.test(arg))) throw new UsageError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (positional.length > 1) throw new UsageError('give one literal (quote it), or none to read standard input');
  const problem = lossOptionProblem(lossOptions);
  if (problem) throw new UsageError(problem);
  const literal = positional[0] === '-' ? undefined : positional[0];
  return { unit, as, joint, rows, loss, lossOptions, json, precision, literal, help, version };
}

/** `--as joint` is a shape rather than a reading of numbers, so the editor's readings leave it out. */

/** A decimal number as a person writes it: digits, an optional point and exponent. No hex, no "Infinity". */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Comma-separated decimal numbers ("1,2,0.5"), at most `most` of them. */
function numbers(text: string, flag: string, most = Infinity): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const bad = parts.find((part) => !DECIMAL.test(part));
  if (bad !== undefined) throw new UsageError(`${flag} takes ${most === 1 ? 'a number' : 'numbers separated by commas (1,2,0.5)'}, not "${text}"${bad === '' ? ' (an empty entry)' : ''}`);
  if (parts.length > most) throw new UsageError(`${flag} takes one number, not "${text}"`);
  return parts.map(Number);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string, more: readonly string[] = []): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${[...allowed, ...more].join(', ')}, not "${value}"`);
  return value as T;
}
