/**
 * `entropy-lens mcp`. The server and the MCP SDK under it are loaded only for this subcommand, so
 * the plain CLI does not pay for them.
 */

declare const ENTROPY_LENS_VERSION: string | undefined;

export const MCP_USAGE = `usage: entropy-lens mcp

Serves the tools "evaluate" and "compare" to an AI assistant over the Model Context Protocol
(JSON-RPC on standard input and output) until standard input closes.`;

/** Starts the server and returns the exit status so far: 0, or 2 for arguments it does not take. */
export function startMcp(args: readonly string[]): number {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    process.stdout.write(`${MCP_USAGE}\n`);
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(`entropy-lens: mcp takes no arguments, not "${args.join(' ')}"\n${MCP_USAGE}\n`);
    return 2;
  }
  const version = typeof ENTROPY_LENS_VERSION === 'string' ? ENTROPY_LENS_VERSION : 'dev';
  import('./server')
    .then(({ serveStdio }) => serveStdio(version))
    .catch((error: unknown) => {
      process.stderr.write(`entropy-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  return 0;
}
