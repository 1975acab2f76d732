import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { send, startHarness, updateFor } from '../test/webview/harness';
import type { ToWebview } from '../src/shared/protocol';
import { random, row } from './measure';

/**
 * Visualizer paint time (issue #5), in real headless Chromium with the built dist/webview/visualizer.js
 * under its CSP, in a 900 × 900 px page.
 *
 * "Painted panel": from the page receiving the `update` message (dispatching it, which renders
 * synchronously) until the end of the first frame in which everything inside the viewport is final —
 * a task posted from that frame's requestAnimationFrame, so its style, layout and paint have run —
 * i.e. the page's `entropylens:painted` event. Blocks below the fold may still be placeholders then;
 * the bench checks independently that none intersects the viewport, and reports separately when the
 * page is complete (`entropylens:rendered`, every deferred block built and painted).
 *
 * Each measured run sends a different literal of the same size (new numbers, so every substituted
 * formula is new TeX and goes through KaTeX; the symbolic formulas repeat, as they do in use). The
 * first update in a fresh page (nothing cached, KaTeX and the renderer not yet compiled) is reported
 * on its own row. Not counted: building the view model on the host (core-bench) and the host →
 * webview postMessage hop.
 *
 * Goals: ≤ 100 ms for 1,000 elements, ≤ 300 ms for 100,000 (summarised on the host to the top elements
 * plus "the other N"). Exported for bench/bench.ts (`await runWebviewBench()`); needs dist/webview built.
 * Standalone: npx esbuild bench/webview-paint.ts --bundle --platform=node --format=cjs \
 *   --external:playwright-core --outfile=out/bench/webview-paint.js \
 *   && node -e "require('./out/bench/webview-paint.js').runWebviewBench()"
 */

export interface PaintResult {
  readonly elements: number;
  readonly goalMs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly scriptMs: number;
  readonly completeMs: number;
  readonly firstMs: number;
  readonly nodesPainted: number;
  readonly nodesComplete: number;
}

interface Sample {
  readonly painted: number;
  readonly complete: number;
  readonly script: number;
  readonly nodesPainted: number;
  readonly nodesComplete: number;
  readonly visiblePlaceholders: number;
}

/** A pair of `elements`-element count vectors from a seed: the same literal on every machine. */
function pairMessage(elements: number, seed: number): ToWebview {
  const next = random(seed);
  const p = Array.from({ length: elements }, () => Math.floor(next() * 100) + 1);
  const q = Array.from({ length: elements }, () => Math.floor(next() * 90) + 1);
  return updateFor(`[[${p.join(',')}], [${q.join(',')}]]`);
}

/** One update, timed inside the page from dispatch to `painted` and to `rendered`. */
function measure(page: Page, message: ToWebview): Promise<Sample> {
  return page.evaluate(
    (m) =>
      new Promise<Sample>((resolve) => {
        const doc = (globalThis as any).document;
        const nodes = () => doc.getElementsByTagName('*').length;
        let painted = 0;
        let nodesPainted = 0;
        let visiblePlaceholders = 0;
        let count = -1;
        const onPainted = (event: any) => {
          if (event.detail !== count) return;
          painted = performance.now() - start;
          nodesPainted = nodes();
          // Independent of the page's own check: placeholders inside the viewport at "painted".
          const height = (globalThis as any).innerHeight;
          for (const p of doc.querySelectorAll('[data-deferred]')) {
            const r = p.getBoundingClientRect();
            if (r.bottom > 0 && r.top < height) visiblePlaceholders++;
          }
        };
        const onRendered = (event: any) => {
          if (event.detail !== count) return;
          doc.removeEventListener('entropylens:painted', onPainted);
          doc.removeEventListener('entropylens:rendered', onRendered);
          resolve({ painted, complete: performance.now() - start, script, nodesPainted, nodesComplete: nodes(), visiblePlaceholders });
        };
        doc.addEventListener('entropylens:painted', onPainted);
        doc.addEventListener('entropylens:rendered', onRendered);
        const start = performance.now();
        (globalThis as any).__lens.send(m);
        const script = performance.now() - start;
        // main.ts numbers the updates it renders; the signals carry that number.
        count = Number(doc.body.dataset.updates);
      }),
    message as unknown,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function runWebviewBench(runs = 9): Promise<PaintResult[]> {
  const harness = await startHarness();
  const results: PaintResult[] = [];
  try {
    console.log(`\nvisualizer: message → painted panel, headless Chromium 900×900 (medians of ${runs} runs, each a new literal)`);
    console.log(`  machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start`);
    for (const [elements, goalMs] of [
      [1_000, 100],
      [100_000, 300],
    ] as const) {
      const messages = Array.from({ length: runs + 2 }, (_, k) => pairMessage(elements, 1000 * elements + k));
      const page = await harness.open('dark');
      // The first update in a fresh page: KaTeX and the renderer compile, nothing is cached.
      const first = await measure(page, messages[0]!);
      // One more unmeasured warm-up, then the measured runs, each on a literal not seen before.
      await send(page, messages[1]!);
      const samples: Sample[] = [];
      for (let r = 0; r < runs; r++) samples.push(await measure(page, messages[r + 2]!));
      await page.close();
      const hidden = samples.concat(first).reduce((n, s) => n + s.visiblePlaceholders, 0);
      if (hidden > 0) throw new Error(`"painted" was signalled with ${hidden} placeholder(s) in the viewport: the figure would not be honest`);
      const painted = samples.map((s) => s.painted);
      const result: PaintResult = {
        elements,
        goalMs,
        medianMs: median(painted),
        minMs: Math.min(...painted),
        maxMs: Math.max(...painted),
        scriptMs: median(samples.map((s) => s.script)),
        completeMs: median(samples.map((s) => s.complete)),
        firstMs: first.painted,
        nodesPainted: median(samples.map((s) => s.nodesPainted)),
        nodesComplete: median(samples.map((s) => s.nodesComplete)),
      };
      results.push(result);
      const n = elements.toLocaleString('en-US');
      const bytes = JSON.stringify(messages[2]).length;
      row(`pair of ${n}: painted (median)`, fmt(result.medianMs), `goal ≤ ${goalMs} ms (${(result.medianMs / goalMs).toFixed(2)}× the goal); min ${result.minMs.toFixed(1)}, max ${result.maxMs.toFixed(1)}`);
      row(`pair of ${n}: of which render script (median)`, fmt(result.scriptMs), `message ${(bytes / 1024).toFixed(1)} KiB`);
      row(`pair of ${n}: first update in a fresh page`, fmt(result.firstMs), `goal ≤ ${goalMs} ms (${(result.firstMs / goalMs).toFixed(2)}× the goal); cold: compiles, caches nothing`);
      row(`pair of ${n}: complete, below the fold too (median)`, fmt(result.completeMs), `DOM elements ${result.nodesPainted} when painted, ${result.nodesComplete} complete`);
    }
    console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
  } finally {
    await harness.close();
  }
  return results;
}
