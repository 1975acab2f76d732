import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toAssistantText } from '../../core/assistant-text';
import { compareTexts, SideError } from '../../core/compare';
import { isLiteralError, messageAt } from '../../core/errors';
import { evaluateText, type EvaluateOptions, type Evaluation } from '../../core/evaluate';
import { toJson } from '../../core/format';
import type { LossOptions } from '../../core/loss-options';
import { JOINT_READING } from '../../core/types';
import { BASES } from '../args';
import type { CompareInput, EvaluateInput } from './schemas';

/**
 * What the two MCP tools do with arguments the SDK has already checked against their schemas: the
 * same core calls as the CLI, the CLI's `--json` object as structured content. Bad numbers are a
 * tool result with isError, so the model sees the message and can correct its call.
 */

export function evaluateTool(input: EvaluateInput): CallToolResult {
  try {
    return success(evaluateText(input.literal, { ...evaluateOptions(input), lossOptions: lossOptionsOf(input) }));
  } catch (error) {
    if (!isLiteralError(error)) throw error;
    return failure(messageAt(input.literal, error));
  }
}

export function compareTool(input: CompareInput): CallToolResult {
  try {
    // A comparison is never a loss: P and Q are two distributions, whatever their values.
    return success(compareTexts(input.p, input.q, options(input, 'none')));
  } catch (error) {
    if (!(error instanceof SideError)) throw error;
    const [name, text] = error.side === 'P' ? ['p', input.p] : ['q', input.q];
    return failure(`${name}: ${messageAt(text, error)}`);
  }
}

/** As the CLI reads `--as joint` and `--rows`: joint is a shape, the numbers then read as "auto". */
function evaluateOptions(input: EvaluateInput): EvaluateOptions {
  return {
    ...options({ base: input.base, as: input.as === JOINT_READING ? 'auto' : input.as }, input.loss ?? 'auto'),
    ...(input.as === JOINT_READING ? { joint: true } : {}),
    ...(input.rows !== undefined ? { rows: input.rows } : {}),
  };
}

function options(input: { readonly base?: string | undefined; readonly as?: EvaluateOptions['as'] | undefined }, loss: EvaluateOptions['loss']): EvaluateOptions {
  return { unit: BASES[input.base ?? 'e'] ?? 'nats', as: input.as ?? 'auto', loss };
}

/** The loss options the call gave (absent ones stay absent: a given option is checked against the loss). */
function lossOptionsOf(input: EvaluateInput): LossOptions {
  const { reduction, weight, posWeight, ignoreIndex, labelSmoothing, convention } = input;
  return Object.fromEntries(Object.entries({ reduction, weight, posWeight, ignoreIndex, labelSmoothing, convention }).filter(([, value]) => value !== undefined));
}

function success(evaluation: Evaluation): CallToolResult {
  return { content: [{ type: 'text', text: toAssistantText(evaluation) }], structuredContent: toJson(evaluation) };
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}
