import type { PausedFrame } from './paused-frame';

/** A variable of a paused frame that can be read: its expression, and what the debugger shows. */
export interface FrameVariable {
  readonly expression: string;
  readonly type: string;
  /** The debugger's short rendering of the value, for the pick list. */
  readonly value: string;
}

/** Types that are never numbers: left out of the pick list. */
const NOT_NUMBERS = /^(function|module|type|class|builtin_function_or_method|method|str|NoneType|undefined|null|symbol|string)$/;

const MAX_VALUE_TEXT = 120;

/**
 * The variables of the frame's scopes (DAP `scopes`, then `variables` of each; scopes the adapter
 * marks expensive, such as globals, are left out), those with an expression and a type that may hold
 * numbers. Reading the list runs nothing in the debuggee.
 */
export async function frameVariables(frame: PausedFrame): Promise<FrameVariable[]> {
  const { session, frameId } = frame;
  const { scopes = [] } = (await session.customRequest('scopes', { frameId })) as { scopes?: { variablesReference: number; expensive?: boolean }[] };
  const found: FrameVariable[] = [];
  const seen = new Set<string>();
  for (const scope of scopes) {
    if (scope.expensive || scope.variablesReference <= 0) continue;
    const { variables = [] } = (await session.customRequest('variables', { variablesReference: scope.variablesReference })) as {
      variables?: { name: string; value: string; type?: string; evaluateName?: string }[];
    };
    for (const variable of variables) {
      const expression = variable.evaluateName ?? (/^[A-Za-z_$][\w$]*$/.test(variable.name) ? variable.name : undefined);
      if (!expression || seen.has(expression) || expression.startsWith('__') || NOT_NUMBERS.test(variable.type ?? '')) continue;
      seen.add(expression);
      const value = variable.value.replace(/\s+/g, ' ');
      found.push({ expression, type: variable.type ?? '', value: value.length > MAX_VALUE_TEXT ? `${value.slice(0, MAX_VALUE_TEXT - 1)}…` : value });
    }
  }
  return found;
}
