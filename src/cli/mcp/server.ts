import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { compareInput, evaluateInput, evaluationOutput } from './schemas';
import { compareTool, evaluateTool } from './tools';
import { LineTransport, MAX_MESSAGE_BYTES, type Refusal } from './transport';

/**
 * `entropy-lens mcp`: the core's figures for AI assistants, as a Model Context Protocol server over
 * stdio. Standard output carries protocol messages only; anything else goes to standard error.
 */

export const SERVER_INSTRUCTIONS =
  'Exact information measures of concrete numbers: entropy, cross-entropy, both Kullback–Leibler directions, ' +
  'Jensen–Shannon divergence, and the loss (BCE, CCE, MSE) that targets with predictions imply. Call a tool ' +
  'instead of computing these by hand. KL divergence is not symmetric: D_KL(P‖Q) ≠ D_KL(Q‖P) in general, and both are returned.';

export function createServer(version: string): McpServer {
  const server = new McpServer({ name: 'entropy-lens', version }, { instructions: SERVER_INSTRUCTIONS });
  server.registerTool(
    'evaluate',
    {
      title: 'Evaluate numbers (entropy, KL, loss)',
      description:
        'Evaluates one array literal exactly. A vector is a distribution (entropy); two rows, or {"p": [...], "q": [...]}, ' +
        'are a pair P, Q (entropies, cross-entropy H(P,Q), D_KL(P‖Q) and D_KL(Q‖P) — KL is not symmetric — and the ' +
        'Jensen–Shannon divergence; rows: "batch" reads two rows as two distributions); more rows are a batch; ' +
        '{"p": [[...]], "q": [[...]]} is a batch of pairs (each row\'s KL both ways, and the means); {"joint": [[...]]} or ' +
        'as: "joint" is a joint table (H(X,Y), conditional entropies, mutual information); {"logprobs": [...]} or token ' +
        'objects with "logprob" are a sequence (surprisal, perplexity); {"y": [...], "y_pred": [...]} or labels with logits is a loss ' +
        'case (BCE, CCE or MSE, as PyTorch computes it). Numbers are read as probabilities, counts, logits or ' +
        'log-probabilities, and the result says which and why. Bad input gives the problem with its line and column.',
      inputSchema: evaluateInput,
      outputSchema: evaluationOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input) => evaluateTool(input),
  );
  server.registerTool(
    'compare',
    {
      title: 'Compare two distributions (KL, JS)',
      description:
        'Compares two distributions P and Q given as two literals of the same length: H(P), H(Q), the cross-entropy ' +
        'H(P,Q), D_KL(P‖Q) (the divergence of P from Q) and D_KL(Q‖P) — KL is not symmetric, so say which direction ' +
        'you mean — and the Jensen–Shannon divergence.',
      inputSchema: compareInput,
      outputSchema: evaluationOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input) => compareTool(input),
  );
  return server;
}

/** The tools createServer registers. */
export const TOOL_NAMES: readonly string[] = ['evaluate', 'compare'];

/**
 * MCP makes a call to an unknown tool a protocol error (-32602), and bad arguments to a known one a
 * tool error the model can correct; the SDK answers both with a tool error, so the first is refused
 * here, before the SDK sees it.
 */
const refuseUnknownTools: Refusal = ({ method, params }) => {
  if (method !== 'tools/call') return undefined;
  const { name } = params as { name: string };
  return TOOL_NAMES.includes(name) ? undefined : { code: ErrorCode.InvalidParams, message: `Unknown tool: ${JSON.stringify(name)}; the tools are ${TOOL_NAMES.join(' and ')}` };
};

/** Serves until standard input closes, then exits. */
export async function serveStdio(version: string): Promise<void> {
  const server = createServer(version);
  const transport = new LineTransport(process.stdin, process.stdout, MAX_MESSAGE_BYTES, refuseUnknownTools);
  transport.onclose = () => process.exit(0);
  await server.connect(transport);
}
