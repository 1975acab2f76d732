import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ms, random, row } from './measure';

const CLI = resolve((JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> }).bin['entropy-lens']);
const ROWS = 200_000;
const COLUMNS = 4;
const ROUNDS = 7;

/**
 * Run in the CLI's process (`node -e PROBE <cli> <args>`): when it exits, its elapsed time since
 * the process started, CPU time and peak resident memory, as one JSON line on standard error.
 */
const PROBE = [
  "process.on('exit', () => {",
  '  const u = process.resourceUsage();',
  "  require('fs').writeSync(2, '\\n' + JSON.stringify({ ms: performance.now(), cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS * 1024 }) + '\\n');",
  '});',
  'require(process.argv[1]);',
].join('\n');

interface Run {
  readonly ms: number;
  readonly cpu: number;
  readonly rss: number;
}

/**
 * Issue 9 row 13: a numpy 2-D repr must cost at most twice what the same numbers cost as one
 * vector, in time and in memory, text and --json. Both texts are run through the real CLI, one
 * process each, interleaved round by round; a ratio is the median of the per-round ratios. Twice:
 * with doubles as numpy prints them, and with one-decimal values, where the text is short and what
 * every row costs (its result, and its line of JSON) weighs most.
 */
export function rowsBench(): void {
  const next = random(13);
  rowsCase('doubles as numpy prints them', () => numpyFloat(next()));
  rowsCase('one-decimal values', () => `0.${1 + Math.floor(next() * 9)}`);
}

function rowsCase(what: string, number: () => string): void {
  const numbers = Array.from({ length: ROWS * COLUMNS }, number);
  const rows = Array.from({ length: ROWS }, (_, i) => `[${numbers.slice(i * COLUMNS, (i + 1) * COLUMNS).join(', ')}]`);
  const matrix = `array([${rows.join(',\n       ')}])`;
  const vector = `array([${rows.map((r) => r.slice(1, -1)).join(',\n        ')}])`;
  const dir = mkdtempSync(join(tmpdir(), 'entropy-lens-rows-'));
  try {
    const files = { vector: join(dir, 'vector.txt'), matrix: join(dir, 'matrix.txt') };
    writeFileSync(files.vector, vector);
    writeFileSync(files.matrix, matrix);
    console.log(`\nrows, ${what}: a numpy repr of ${ROWS.toLocaleString('en-US')} × ${COLUMNS} (${mb(matrix.length)} of text) against the same numbers as one vector (${mb(vector.length)}), through ${CLI}`);
    console.log(`  (${ROUNDS} rounds, one process per run, vector and matrix in turn: medians; ratio = median of per-round ratios; goal ≤ 2×)`);
    checkOutputs(files);
    for (const json of [false, true]) {
      const runs = { vector: [] as Run[], matrix: [] as Run[] };
      for (let round = 0; round < ROUNDS; round++) {
        runs.vector.push(run(files.vector, json));
        runs.matrix.push(run(files.matrix, json));
      }
      const flag = json ? ' --json' : '';
      const time = ratioOf(runs, (r) => r.ms);
      const cpu = ratioOf(runs, (r) => r.cpu);
      const memory = ratioOf(runs, (r) => r.rss);
      row(`vector${flag}: time / peak RSS`, ms(time.vector), `${mb(memory.vector)}; CPU ${ms(cpu.vector)}`);
      row(`matrix${flag}: time / peak RSS`, ms(time.matrix), `${mb(memory.matrix)}; CPU ${ms(cpu.matrix)}`);
      row(`matrix / vector${flag}`, `${time.ratio.toFixed(2)}× time`, `${memory.ratio.toFixed(2)}× memory, ${cpu.ratio.toFixed(2)}× CPU  (goal ≤ 2× time and memory: ${time.ratio <= 2 && memory.ratio <= 2 ? 'met' : 'not met'})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** As numpy prints a double by default: 8 decimals in scientific notation, a two-digit exponent. */
function numpyFloat(x: number): string {
  return x.toExponential(8).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** One run of the CLI with `file` on its standard input, its output discarded. */
function run(file: string, json: boolean, stdout: 'ignore' | 'pipe' = 'ignore'): Run & { output: string } {
  const input = openSync(file, 'r');
  try {
    const child = spawnSync(process.execPath, ['-e', PROBE, CLI, ...(json ? ['--json'] : [])], { stdio: [input, stdout, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
    const last = child.stderr.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !last.startsWith('{')) throw new Error(`${CLI} on ${file} exited ${child.status}: ${child.stderr.slice(0, 300)}`);
    return { ...(JSON.parse(last) as Run), output: child.stdout ?? '' };
  } finally {
    closeSync(input);
  }
}

/** The runs measure what they should: a batch of every row, and one distribution of every number. */
function checkOutputs(files: { vector: string; matrix: string }): void {
  const batch = JSON.parse(run(files.matrix, true, 'pipe').output) as { kind: string; rows: unknown[] };
  const one = JSON.parse(run(files.vector, true, 'pipe').output) as { kind: string };
  if (batch.kind !== 'batch' || batch.rows.length !== ROWS || one.kind !== 'distribution') {
    throw new Error(`unexpected outputs: ${batch.kind} of ${batch.rows.length} rows, ${one.kind}`);
  }
  if (!run(files.matrix, false, 'pipe').output.startsWith(`batch of ${ROWS} rows of ${COLUMNS}`)) throw new Error('unexpected text output for the matrix');
}

function ratioOf(runs: { vector: Run[]; matrix: Run[] }, of: (r: Run) => number): { vector: number; matrix: number; ratio: number } {
  return {
    vector: median(runs.vector.map(of)),
    matrix: median(runs.matrix.map(of)),
    ratio: median(runs.matrix.map((r, i) => of(r) / of(runs.vector[i]))),
  };
}

function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
