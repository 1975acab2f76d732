import { send, startHarness, updateFor } from '../test/webview/harness';

/**
 * Visualizer paint time: from posting an `update` to the webview until the frame after it rendered
 * (the page's requestAnimationFrame after the synchronous render, then one more task so the frame
 * has been produced), in real headless Chromium with the built dist/webview/visualizer.js. The view
 * model is built on the host beforehand and not counted here: that is the host's share (core-bench).
 * Goals: ≤ 100 ms for 1,000 elements, ≤ 300 ms for 100,000 (summarised on the host).
 *
 * Exported for bench/bench.ts (`await runWebviewBench()`); needs dist/webview built first. Standalone:
 * npx esbuild bench/webview-paint.ts --bundle --platform=node --format=cjs --external:playwright-core \
 *   --outfile=out/bench/webview-paint.js && node -e "require('./out/bench/webview-paint.js').runWebviewBench()"
 */
export async function runWebviewBench(runs = 9): Promise<{ elements: number; medianMs: number; goalMs: number }[]> {
  const harness = await startHarness();
  const results: { elements: number; medianMs: number; goalMs: number }[] = [];
  try {
    console.log('\nVisualizer webview paint (headless Chromium, message → painted frame)');
    for (const [elements, goalMs] of [
      [1_000, 100],
      [100_000, 300],
    ] as const) {
      const p = Array.from({ length: elements }, (_, i) => ((i * 7919) % 101) + 1);
      const q = Array.from({ length: elements }, (_, i) => ((i * 104729) % 89) + 1);
      const message = updateFor(`[[${p.join(',')}], [${q.join(',')}]]`);
      const page = await harness.open('dark');
      // Warm-up: the first render compiles KaTeX and the renderer and loads the fonts.
      await send(page, message);
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const ms = await page.evaluate(
          (m) =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              (globalThis as any).__lens.send(m);
              (globalThis as any).requestAnimationFrame(() => {
                const channel = new (globalThis as any).MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - start);
                channel.port2.postMessage(0);
              });
            }),
          message as unknown,
        );
        times.push(ms);
      }
      await page.close();
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)]!;
      results.push({ elements, medianMs: median, goalMs });
      const bytes = JSON.stringify(message).length;
      console.log(
        `  pair of ${elements.toLocaleString('en-US').padStart(7)} elements  median ${median.toFixed(1).padStart(6)} ms  ` +
          `(min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, ${runs} runs; message ${(bytes / 1024).toFixed(1)} KiB)  ` +
          `goal ≤ ${goalMs} ms  ${median <= goalMs ? 'ok' : 'OVER'}`,
      );
    }
  } finally {
    await harness.close();
  }
  return results;
}
