import type { PlaygroundBase, PlaygroundState } from '../shared/playground';
import { CURVE_STEPS, curveSampler, curveTemperature, type CurvePoint } from '../shared/model/temperature-curve';

/**
 * The figures against the temperature, computed a few points at a time in idle periods: a point is
 * a pass over the whole literal, so for 100,000 elements the 41 points take longer than a frame and
 * must never delay one. Restarted whenever what it depends on changes (the literal, the edits, the
 * smoothing — not the temperature, which only moves the mark).
 */

const requestIdle: (fn: (deadline: IdleDeadline) => void) => number =
  typeof requestIdleCallback === 'function'
    ? (fn) => requestIdleCallback(fn, { timeout: 400 })
    : (fn) => window.setTimeout(() => fn({ didTimeout: true, timeRemaining: () => 8 }), 16);
const cancelIdle: (handle: number) => void = typeof cancelIdleCallback === 'function' ? (h) => cancelIdleCallback(h) : (h) => clearTimeout(h);

export class CurveJob {
  private key: string | undefined;
  private points: CurvePoint[] = [];
  private next = 0;
  private handle: number | undefined;
  private sample: ((t: number) => CurvePoint) | undefined;

  /** `onDone` asks for a redraw once every point is known. */
  constructor(private readonly onDone: () => void) {}

  /** The points for (base, state) so far, starting or restarting the computation when `key` is new. */
  pointsFor(key: string, base: PlaygroundBase, state: PlaygroundState): { points: readonly CurvePoint[]; complete: boolean } {
    if (key !== this.key) {
      this.cancel();
      this.key = key;
      this.sample = curveSampler(base, state);
      this.points = [];
      this.next = 0;
      this.schedule();
    }
    return { points: this.points, complete: this.next > CURVE_STEPS };
  }

  /** True while points are still being computed. */
  get pending(): boolean {
    return this.handle !== undefined;
  }

  cancel(): void {
    if (this.handle !== undefined) cancelIdle(this.handle);
    this.handle = undefined;
    this.key = undefined;
  }

  private schedule(): void {
    this.handle = requestIdle((deadline) => {
      this.handle = undefined;
      const sample = this.sample;
      if (!sample) return;
      // At least one point per period, then as many as the period has room for.
      do {
        this.points.push(sample(curveTemperature(this.next)));
        this.next++;
      } while (this.next <= CURVE_STEPS && deadline.timeRemaining() > 2);
      if (this.next <= CURVE_STEPS) this.schedule();
      else this.onDone();
    });
  }
}
