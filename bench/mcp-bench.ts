import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { ms, row } from './measure';

const CLI = (JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['entropy-lens'];
const RUNS = 21;
const WARMUP = 3;

const INITIALIZE = `${JSON.stringify({
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } },
})}\n`;

/**
 * Issue #11's start-up goal: `entropy-lens mcp` answers `initialize` within 300 ms of its start.
 * Timed as a client sees it, from spawning the process (Node's own start-up included) to the
 * answer's line on its stdout; the request is written at once, as clients do. Beside it, the plain
 * CLI's start-up, which carries the SDK's code in the same file without running it.
 */
export async function mcpBench(): Promise<void> {
  console.log(`\nMCP server: spawn → initialize answered (${CLI}, ${(statSync(CLI).size / 1024).toFixed(0)} KB), median of ${RUNS} spawns`);
  const initialize = await median(() => untilInitialized());
  row('entropy-lens mcp: spawn → initialize result', ms(initialize.median), `goal ≤ 300 ms (${(initialize.median / 300).toFixed(2)}× the goal), min ${ms(initialize.min)}`);
  const plain = await median(() => untilExit([CLI, '--version']));
  row('entropy-lens --version: spawn → exit', ms(plain.median), `min ${ms(plain.min)}`);
  const bare = await median(() => untilExit(['-e', '0']));
  row('node -e 0: spawn → exit (Node alone)', ms(bare.median), `min ${ms(bare.min)}`);
}

async function median(sample: () => Promise<number>): Promise<{ median: number; min: number }> {
  for (let i = 0; i < WARMUP; i++) await sample();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await sample());
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], min: samples[0] };
}

/** Milliseconds from spawn to the initialize result; the server is then closed through its input. */
function untilInitialized(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, 'mcp'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    let answeredAt: number | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (answeredAt === undefined && stdout.includes('\n')) {
        answeredAt = performance.now() - start;
        if (!/"id":0/.test(stdout) || !/"result"/.test(stdout)) reject(new Error(`unexpected answer to initialize: ${stdout.slice(0, 200)}`));
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (answeredAt !== undefined && code === 0 ? resolve(answeredAt) : reject(new Error(`entropy-lens mcp exited ${code} before answering`))));
    child.stdin.write(INITIALIZE);
  });
}

function untilExit(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}
