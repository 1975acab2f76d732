import { barKey, niceStep, niceTicks, type BarOptions } from './charts';

/**
 * Dragging the bars of P and Q (charts.ts draws them as sliders, `data-drag="series:index"`).
 * Listeners sit on the page root, not on the bars: every draw builds new bars, and a drag must
 * survive them. While a bar is dragged the chart's axis is held (`fixedHi`), growing only when the
 * bar outgrows it, so the scale never moves under the pointer.
 *
 * Keyboard: one bar per chart is in the tab order; ↑/↓ change it by a step, Page Up/Down by ten,
 * Home/End set 0 and 1, ←/→ move to the neighbouring bar.
 */

export interface BarHost {
  /** The probability of element `index` of series 0 (P) or 1 (Q), as shown. */
  shown(series: number, index: number): number | undefined;
  /** Sets it, as shown; the page redraws on the next frame. */
  set(series: number, index: number, value: number): void;
  /** Draws again on the next frame (the axis may change once a bar is let go). */
  redraw(): void;
}

interface Target {
  readonly chart: string;
  readonly series: number;
  readonly index: number;
}

export class BarDragging implements BarOptions {
  activeBar: string | undefined;
  fixedHi: number | undefined;
  private dragging: { target: Target; pointer: number } | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: BarHost,
  ) {
    root.addEventListener('pointerdown', (event) => this.down(event));
    root.addEventListener('keydown', (event) => this.key(event));
    window.addEventListener('pointermove', (event) => this.move(event));
    window.addEventListener('pointerup', (event) => this.up(event));
    window.addEventListener('pointercancel', (event) => this.up(event));
  }

  /** Forgets the chart's state: a new literal draws new bars. */
  clear(): void {
    this.activeBar = undefined;
    this.fixedHi = undefined;
    this.dragging = undefined;
  }

  private down(event: PointerEvent): void {
    if (event.button !== 0) return;
    const target = targetOf(event.target);
    if (!target) return;
    event.preventDefault();
    const chart = this.svg(target.chart);
    this.fixedHi = chart ? Number(chart.dataset.hi) : undefined;
    this.dragging = { target, pointer: event.pointerId };
    this.activeBar = barKey(target.chart, target.series, target.index);
    this.root.querySelector<SVGElement>(`[data-focus="${CSS.escape(this.activeBar)}"]`)?.focus({ preventScroll: true });
    this.drag(target, event.clientY);
  }

  private move(event: PointerEvent): void {
    const dragging = this.dragging;
    if (!dragging || event.pointerId !== dragging.pointer) return;
    this.drag(dragging.target, event.clientY);
  }

  private up(event: PointerEvent): void {
    if (!this.dragging || event.pointerId !== this.dragging.pointer) return;
    this.dragging = undefined;
    // The axis may settle to the new values once the bar is let go.
    this.fixedHi = undefined;
    this.host.redraw();
  }

  /** The value at the pointer's height on the chart's axis (0 at the axis line, `hi` at the top). */
  private drag(target: Target, clientY: number): void {
    const chart = this.svg(target.chart);
    if (!chart) return;
    const box = chart.getBoundingClientRect();
    const scale = box.height / chart.viewBox.baseVal.height || 1;
    const top = Number(chart.dataset.top);
    const zero = Number(chart.dataset.zero);
    const hi = this.fixedHi ?? Number(chart.dataset.hi);
    const y = (clientY - box.top) / scale;
    const value = Math.min(1, Math.max(0, (hi * (zero - y)) / (zero - top)));
    if (value > hi) this.fixedHi = Math.min(1, niceTicks(0, value).hi);
    this.host.set(target.series, target.index, value);
  }

  private key(event: KeyboardEvent): void {
    const bar = event.target instanceof SVGElement && event.target.getAttribute('role') === 'slider' ? event.target : undefined;
    const target = bar && targetOf(bar);
    if (!bar || !target) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const bars = [...(bar.ownerSVGElement?.querySelectorAll<SVGElement>('[role="slider"]') ?? [])];
      const next = bars[bars.indexOf(bar) + (event.key === 'ArrowLeft' ? -1 : 1)];
      if (!next) return;
      bar.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      this.activeBar = next.dataset.focus;
      next.focus({ preventScroll: true });
      return;
    }
    const current = this.host.shown(target.series, target.index);
    if (current === undefined) return;
    const hi = Number(this.svg(target.chart)?.dataset.hi ?? 1);
    const step = niceStep(hi / 40);
    const value =
      event.key === 'ArrowUp' ? current + step
      : event.key === 'ArrowDown' ? current - step
      : event.key === 'PageUp' ? current + 10 * step
      : event.key === 'PageDown' ? current - 10 * step
      : event.key === 'Home' ? 0
      : event.key === 'End' ? 1
      : undefined;
    if (value === undefined) return;
    event.preventDefault();
    this.activeBar = barKey(target.chart, target.series, target.index);
    // Snapped to the step, so repeated presses land on round values.
    const snapped = event.key === 'Home' || event.key === 'End' ? value : Math.round(value / step) * step;
    this.host.set(target.series, target.index, Math.min(1, Math.max(0, snapped)));
  }

  private svg(chart: string): SVGSVGElement | null {
    return this.root.querySelector<SVGSVGElement>(`[data-chart="${CSS.escape(chart)}"] svg.draggable`);
  }
}

/** The bar a pointer or key event is about, from its `data-drag` and its chart's `data-chart`. */
function targetOf(node: EventTarget | null): Target | undefined {
  if (!(node instanceof Element)) return undefined;
  const bar = node.closest<SVGElement>('[data-drag]');
  const chart = bar?.closest<HTMLElement>('[data-chart]')?.dataset.chart;
  const [series, index] = (bar?.dataset.drag ?? '').split(':').map(Number);
  if (!bar || chart === undefined || !Number.isInteger(series) || !Number.isInteger(index)) return undefined;
  return { chart, series: series, index: index };
}
