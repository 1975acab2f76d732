/**
 * `entropy-lens mcp`. The server and the MCP SDK under it are a file of their own, loaded only for
 * this subcommand, so the plain CLI neither parses nor runs them.
 */

import type * as Server from './server';

type ServerModule = typeof Server;

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
  // dist/mcp.js, built from ./server on its own (esbuild.config.mjs): a module name esbuild cannot
  // follow keeps the SDK out of dist/cli.js, which every plain evaluation parses.
  const serverModule = './mcp.js';
  (import(serverModule) as Promise<ServerModule>)
    .then(({ serveStdio }) => serveStdio(version))
    .catch((error: unknown) => {
      process.stderr.write(`entropy-lens: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  return 0;
}
