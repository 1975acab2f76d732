import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { send, startHarness, updateFor, type Harness } from '../test/webview/harness';
import type { ToWebview } from '../src/shared/protocol';
import { random, row } from './measure';

/**
 * Visualizer paint time (issues 5 and 13), in real headless Chromium with the built
 * dist/webview/visualizer.js under its CSP, in a 900 × 900 px page.
 *
 * "Painted panel": from the page receiving the `update` message (dispatching it, which renders
 * synchronously) until the end of the first frame in which everything inside the viewport is final —
 * a task posted from that frame's requestAnimationFrame, so its style, layout and paint have run —
 * i.e. the page's `entropylens:painted` event. Blocks below the fold may still be placeholders then;
 * the bench checks independently that none intersects the viewport, and reports separately when the
 * page is complete (`entropylens:rendered`: every deferred block built, the temperature curve drawn).
 *
 * - Warm: each measured run sends a different literal of the same size (new numbers, so every
 *   substituted formula is new TeX and goes through KaTeX), to a page that has drawn before.
 * - Cold: the first update of a freshly opened page (KaTeX and the renderer not yet compiled,
 *   nothing cached), in COLD_RUNS fresh pages; medians. With ENTROPY_LENS_BENCH_BASELINE=<an older
 *   build's visualizer.js> the same cold runs alternate between it and this build, page by page.
 * - Live (issue 13): one playground update — a temperature slider step (new T, so new TeX) with the
 *   page scrolled to the top, and a dragged bar's keyboard step with the bar chart in view. "Frame
 *   work" runs from the start of the page's draw (in the frame's requestAnimationFrame) to a task
 *   posted after that frame: script, style, layout and paint of the frame that shows the update —
 *   what must fit in 16 ms for 60 frames per second — once in wall-clock time, and once as the
 *   main thread's CPU time for that frame from a trace (on a shared machine the wall clock also
 *   counts the moments the thread waited for a CPU). "Latency" adds the wait for that frame.
 *
 * Not counted: building the view model on the host (core-bench) and the host → webview hop.
 * Goals: painted ≤ 100 ms for 1,000 elements and ≤ 300 ms for 100,000, cold included; a live update's
 * frame work ≤ 16 ms at 1,000. Exported for bench/bench.ts (`npm run bench -- webview`).
 */

export interface PaintResult {
  readonly elements: number;
  readonly goalMs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly scriptMs: number;
  readonly completeMs: number;
  readonly coldMs: number;
  readonly coldCompleteMs: number;
  readonly temperatureFrameMs: number;
  readonly barFrameMs: number;
  readonly temperatureCpuMs: number;
  readonly barCpuMs: number;
}

interface Sample {
  readonly painted: number;
  readonly complete: number;
  readonly script: number;
  readonly nodesPainted: number;
  readonly nodesComplete: number;
  readonly visiblePlaceholders: number;
}

interface LiveSample {
  readonly work: number;
  readonly latency: number;
  readonly script: number;
  /** Main-thread CPU time of the frame that draws the step (from a trace; see liveRuns). */
  cpu?: number;
}

/** The page's globals the timing callbacks use, typed here: this file is also checked without the DOM library. */
interface PageElement {
  value: string;
  getBoundingClientRect(): { readonly top: number; readonly bottom: number };
  dispatchEvent(event: unknown): boolean;
}
type Listener = (event: { readonly detail: unknown }) => void;
interface PageWindow {
  readonly innerHeight: number;
  readonly document: {
    readonly body: { readonly dataset: Record<string, string | undefined> };
    getElementsByTagName(name: string): { readonly length: number };
    querySelectorAll(selector: string): Iterable<PageElement>;
    querySelector(selector: string): PageElement | null;
    getElementById(id: string): PageElement | null;
    addEventListener(type: string, listener: Listener): void;
    removeEventListener(type: string, listener: Listener): void;
  };
  readonly __lens: { send(message: unknown): void };
  readonly Event: new (type: string, init: object) => unknown;
  readonly KeyboardEvent: new (type: string, init: object) => unknown;
}

const COLD_RUNS = 7;
const LIVE_RUNS = 21;

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
        const win = globalThis as unknown as PageWindow;
        const doc = win.document;
        const nodes = () => doc.getElementsByTagName('*').length;
        let painted = 0;
        let nodesPainted = 0;
        let visiblePlaceholders = 0;
        let count = -1;
        const onPainted: Listener = (event) => {
          if (event.detail !== count) return;
          painted = performance.now() - start;
          nodesPainted = nodes();
          // Independent of the page's own check: placeholders inside the viewport at "painted".
          for (const p of doc.querySelectorAll('[data-deferred]')) {
            const r = p.getBoundingClientRect();
            if (r.bottom > 0 && r.top < win.innerHeight) visiblePlaceholders++;
          }
        };
        // A later draw of the page's own (it settles, or the temperature curve is done) completes it.
        const onRendered: Listener = (event) => {
          if (!((event.detail as number) >= count) || painted === 0) return;
          doc.removeEventListener('entropylens:painted', onPainted);
          doc.removeEventListener('entropylens:rendered', onRendered);
          resolve({ painted, complete: performance.now() - start, script, nodesPainted, nodesComplete: nodes(), visiblePlaceholders });
        };
        doc.addEventListener('entropylens:painted', onPainted);
        doc.addEventListener('entropylens:rendered', onRendered);
        const start = performance.now();
        win.__lens.send(m);
        const script = performance.now() - start;
        // main.ts numbers the draws; the signals carry that number.
        count = Number(doc.body.dataset.updates);
      }),
    message as unknown,
  );
}

/** One playground update: a temperature step, or a keyboard step of the first bar of Q. */
function live(page: Page, kind: 'temperature' | 'bar', step: number): Promise<LiveSample> {
  return page.evaluate(
    ([what, k]) =>
      new Promise<LiveSample>((resolve) => {
        const win = globalThis as unknown as PageWindow;
        const doc = win.document;
        let count = -1;
        let drawStart = 0;
        let script = 0;
        const onDrawn: Listener = (event) => {
          ({ count, start: drawStart, script } = event.detail as { count: number; start: number; script: number });
          performance.mark(`bench-draw-${k}`);
        };
        const onPainted: Listener = (event) => {
          if (event.detail !== count) return;
          const end = performance.now();
          doc.removeEventListener('entropylens:drawn', onDrawn);
          doc.removeEventListener('entropylens:painted', onPainted);
          resolve({ work: end - drawStart, latency: end - t0, script });
        };
        doc.addEventListener('entropylens:drawn', onDrawn);
        doc.addEventListener('entropylens:painted', onPainted);
        const t0 = performance.now();
        if (what === 'temperature') {
          const input = doc.getElementById('temperature')!;
          // log₁₀ T from −0.5 upwards by 0.05: every step a new temperature, new numbers, new TeX.
          input.value = (-0.5 + 0.05 * (k % 20)).toFixed(2);
          input.dispatchEvent(new win.Event('input', { bubbles: true }));
        } else {
          const bar = doc.querySelector('[data-chart="pq"] rect[role="slider"][data-drag^="1:"]')!;
          bar.dispatchEvent(new win.KeyboardEvent('keydown', { key: k % 2 === 0 ? 'ArrowUp' : 'ArrowDown', bubbles: true }));
        }
      }),
    [kind, step] as const,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const spread = (values: number[]) => `min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}`;

/** The first update of COLD_RUNS fresh pages (per build when a baseline is given, alternating). */
async function coldRuns(harness: Harness, elements: number, builds: readonly ('current' | 'baseline')[]): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(builds.map((build) => [build, []]));
  for (let r = 0; r < COLD_RUNS; r++) {
    for (const build of r % 2 === 0 ? builds : [...builds].reverse()) {
      const page = await harness.open('dark', undefined, build);
      samples.get(build)!.push(await measure(page, pairMessage(elements, 7_000 * elements + r)));
      await page.close();
    }
  }
  return samples;
}

/**
 * LIVE_RUNS steps after three unmeasured ones. The machine this runs on is shared: wall-clock times
 * include the moments the page's thread waited for a CPU. So the steps also run under a trace, and
 * each step's frame is charged the thread (CPU) time of the one task that draws it — the
 * requestAnimationFrame with the draw, style, layout and paint — as Chromium's tracing records it
 * (tracing adds a little of its own).
 */
async function liveRuns(page: Page, kind: 'temperature' | 'bar'): Promise<LiveSample[]> {
  for (let k = 0; k < 3; k++) await live(page, kind, 100 + k);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReturnAsStream' });
  const samples: LiveSample[] = [];
  for (let k = 0; k < LIVE_RUNS; k++) samples.push(await live(page, kind, k));
  const chunks: string[] = [];
  const complete = new Promise<void>((resolve) => {
    cdp.on('Tracing.tracingComplete', ({ stream }) => {
      void (async () => {
        for (let eof = false; !eof && stream; ) {
          const read = await cdp.send('IO.read', { handle: stream });
          chunks.push(read.data);
          eof = read.eof ?? true;
        }
        resolve();
      })();
    });
  });
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  interface TraceEvent { readonly name: string; readonly ph: string; readonly tid: number; readonly ts: number; readonly dur?: number; readonly tdur?: number }
  const events = (JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] }).traceEvents;
  samples.forEach((sample, k) => {
    const mark = events.find((e) => e.name === `bench-draw-${k}`);
    const task = mark && events.find((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && e.tid === mark.tid && e.ts <= mark.ts && e.ts + (e.dur ?? 0) >= mark.ts);
    if (task?.tdur !== undefined) sample.cpu = task.tdur / 1000;
  });
  return samples;
}

export async function runWebviewBench(runs = 9): Promise<PaintResult[]> {
  const baseline = process.env.ENTROPY_LENS_BENCH_BASELINE;
  const harness = await startHarness(baseline ? { baseline } : {});
  const results: PaintResult[] = [];
  try {
    console.log(`\nvisualizer: message → painted panel, headless Chromium 900×900 (medians of ${runs} runs, each a new literal; cold: ${COLD_RUNS} fresh pages)`);
    console.log(`  machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start`);
    for (const [elements, goalMs] of [
      [1_000, 100],
      [100_000, 300],
    ] as const) {
      const n = elements.toLocaleString('en-US');
      const messages = Array.from({ length: runs + 2 }, (_, k) => pairMessage(elements, 1000 * elements + k));
      const cold = await coldRuns(harness, elements, baseline ? ['current', 'baseline'] : ['current']);
      const page = await harness.open('dark');
      // One unmeasured warm-up, then the measured runs, each on a literal not seen before.
      await send(page, messages[0]);
      await send(page, messages[1]);
      const samples: Sample[] = [];
      for (let r = 0; r < runs; r++) samples.push(await measure(page, messages[r + 2]));
      const temperature = await liveRuns(page, 'temperature');
      await page.locator('[data-chart="pq"]').scrollIntoViewIfNeeded();
      await page.locator('[data-chart="pq"] rect[role="slider"]').first().waitFor();
      const bar = await liveRuns(page, 'bar');
      await page.close();
      const current = cold.get('current')!;
      const hidden = samples.concat(current).reduce((sum, s) => sum + s.visiblePlaceholders, 0);
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
        coldMs: median(current.map((s) => s.painted)),
        coldCompleteMs: median(current.map((s) => s.complete)),
        temperatureFrameMs: median(temperature.map((s) => s.work)),
        barFrameMs: median(bar.map((s) => s.work)),
        temperatureCpuMs: median(temperature.map((s) => s.cpu ?? Number.NaN)),
        barCpuMs: median(bar.map((s) => s.cpu ?? Number.NaN)),
      };
      results.push(result);
      let arrays = 0;
      const bytes = JSON.stringify(messages[2], (_key, value: unknown) => {
        if (!ArrayBuffer.isView(value)) return value;
        arrays += value.byteLength;
        return undefined;
      }).length;
      row(`pair of ${n}: painted (median)`, fmt(result.medianMs), `goal ≤ ${goalMs} ms (${(result.medianMs / goalMs).toFixed(2)}× the goal); ${spread(painted)}`);
      row(`pair of ${n}: of which render script (median)`, fmt(result.scriptMs), `message ${(bytes / 1024).toFixed(1)} KiB as JSON and ${(arrays / 1024).toFixed(0)} KiB of typed arrays (the playground's numbers)`);
      row(`pair of ${n}: complete, below the fold too (median)`, fmt(result.completeMs), `DOM elements ${median(samples.map((s) => s.nodesPainted))} when painted, ${median(samples.map((s) => s.nodesComplete))} complete`);
      row(`pair of ${n}: first update, fresh page (median)`, fmt(result.coldMs), `goal ≤ ${goalMs} ms (${(result.coldMs / goalMs).toFixed(2)}× the goal); ${spread(current.map((s) => s.painted))}; script ${fmt(median(current.map((s) => s.script)))}`);
      row(`pair of ${n}: first update, fresh page, complete`, fmt(result.coldCompleteMs), spread(current.map((s) => s.complete)));
      const old = cold.get('baseline');
      if (old) {
        row(`pair of ${n}: baseline build, first update (median)`, fmt(median(old.map((s) => s.painted))), `${spread(old.map((s) => s.painted))}; script ${fmt(median(old.map((s) => s.script)))}; complete ${fmt(median(old.map((s) => s.complete)))}`);
      }
      row(`pair of ${n}: temperature step, frame CPU (median)`, fmt(result.temperatureCpuMs), `goal ≤ 16 ms at 1,000; ${spread(temperature.map((s) => s.cpu ?? Number.NaN))}`);
      row(`pair of ${n}: temperature step, frame wall (median)`, fmt(result.temperatureFrameMs), `${spread(temperature.map((s) => s.work))}; of which the draw's script ${fmt(median(temperature.map((s) => s.script)))}; input → painted ${fmt(median(temperature.map((s) => s.latency)))}`);
      row(`pair of ${n}: bar step (chart in view), frame CPU`, fmt(result.barCpuMs), `goal ≤ 16 ms at 1,000; ${spread(bar.map((s) => s.cpu ?? Number.NaN))}`);
      row(`pair of ${n}: bar step (chart in view), frame wall`, fmt(result.barFrameMs), `${spread(bar.map((s) => s.work))}; of which the draw's script ${fmt(median(bar.map((s) => s.script)))}; input → painted ${fmt(median(bar.map((s) => s.latency)))}`);
    }
    console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`);
  } finally {
    await harness.close();
  }
  return results;
}
