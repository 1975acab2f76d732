import { readFileSync } from 'node:fs';
import { isLiteralError, messageAt } from '../core/errors';
import { evaluateText } from '../core/evaluate';
import { jsonPieces, toText } from '../core/format';
import { parseArguments, UsageError, USAGE } from './args';
import { startMcp } from './mcp/start';
import { guardStandardOutput } from './output';

declare const ENTROPY_LENS_VERSION: string | undefined;

/** Exit codes of the CLI contract. */
const OK = 0;
const INTERNAL = 1;
const BAD_INPUT = 2;

function main(argv: readonly string[]): number {
  if (argv[0] === 'mcp') return startMcp(argv.slice(1));
  guardStandardOutput();
  let args;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`entropy-lens: ${error.message}\n${USAGE}\n`);
      return BAD_INPUT;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return OK;
  }
  if (args.version) {
    process.stdout.write(`${typeof ENTROPY_LENS_VERSION === 'string' ? ENTROPY_LENS_VERSION : 'dev'}\n`);
    return OK;
  }
  const text = args.literal ?? readFileSync(0, 'utf8');
  try {
    const evaluation = evaluateText(text, { unit: args.unit, as: args.as, loss: args.loss, joint: args.joint, rows: args.rows, lossOptions: args.lossOptions });
    if (args.json) {
      // In pieces: a batch of millions of rows is never all its JSON at once.
      for (const piece of jsonPieces(evaluation)) process.stdout.write(piece);
      process.stdout.write('\n');
    } else {
      process.stdout.write(`${toText(evaluation, args.precision)}\n`);
    }
    return OK;
  } catch (error) {
    if (!isLiteralError(error)) throw error;
    process.stderr.write(`entropy-lens: ${messageAt(text, error)}\n`);
    return BAD_INPUT;
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`entropy-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = INTERNAL;
}
