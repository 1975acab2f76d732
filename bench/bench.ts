import { activationBench } from './activation-bench';
import { coreBench } from './core-bench';
import { hoverBench } from './hover-bench';
import { sinkValue } from './measure';
import { runWebviewBench } from './webview-paint';

/**
 * `npm run bench`: every speed goal of the project, measured side by side in one run, printed as
 * figures and ratios. Medians of repeated runs after a warm-up; see BENCHMARKS.md for the machine
 * and the figures last measured.
 */
async function main(): Promise<void> {
  console.log(`Entropy Lens benchmark — Node ${process.version}, ${process.platform}/${process.arch}`);
  coreBench();
  hoverBench();
  activationBench();
  await runWebviewBench();
  if (sinkValue() === Number.MIN_VALUE) console.log('');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
