import { activationBench } from './activation-bench';
import { coreBench } from './core-bench';
import { hoverBench } from './hover-bench';
import { liveBench } from './live-bench';
import { mcpBench } from './mcp-bench';
import { rowsBench } from './rows-bench';
import { sinkValue } from './measure';
import { runWebviewBench } from './webview-paint';

/**
 * `npm run bench`: every speed goal of the project, measured side by side in one run, printed as
 * figures and ratios. Medians of repeated runs after a warm-up; see BENCHMARKS.md for the machine
 * and the figures last measured. `npm run bench -- core hover` runs only the sections named
 * (core, rows, hover, activation, mcp, live, webview).
 */
async function main(): Promise<void> {
  console.log(`Entropy Lens benchmark — Node ${process.version}, ${process.platform}/${process.arch}`);
  const named = process.argv.slice(2);
  const wanted = (section: string) => named.length === 0 || named.includes(section);
  if (wanted('core')) coreBench();
  if (wanted('rows')) rowsBench();
  if (wanted('hover')) hoverBench();
  if (wanted('activation')) activationBench();
  if (wanted('mcp')) await mcpBench();
  if (wanted('live')) await liveBench();
  if (wanted('webview')) await runWebviewBench();
  if (sinkValue() === Number.MIN_VALUE) console.log('');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
