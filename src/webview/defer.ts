/**
 * Below-the-fold content, built after the first paint. A render puts a sized placeholder where a
 * heavy block (charts, the remaining formulas) goes; the block is built when the placeholder comes near
 * the viewport (IntersectionObserver) or, failing that, in idle time one block per idle period, top
 * to bottom, so the whole page is complete a moment after it is first painted.
 *
 * "Painted" stays honest: `visiblePending()` says whether a placeholder still intersects the viewport;
 * main.ts signals the panel painted only after a frame in which none does (docs/visualizer.md).
 */

type IdleHandle = number;
const requestIdle: (fn: () => void) => IdleHandle =
  typeof requestIdleCallback === 'function' ? (fn) => requestIdleCallback(fn, { timeout: 300 }) : (fn) => setTimeout(fn, 16);
const cancelIdle: (handle: IdleHandle) => void = typeof cancelIdleCallback === 'function' ? (h) => cancelIdleCallback(h) : (h) => clearTimeout(h);

interface Slot {
  readonly placeholder: HTMLElement;
  readonly build: () => Node;
}

export class Deferred {
  private readonly slots = new Map<HTMLElement, Slot>();
  private observer: IntersectionObserver | undefined;
  private idle: IdleHandle | undefined;
  private cancelled = false;
  private readonly waiting: (() => void)[] = [];
  /** A `data-focus` key to give focus back to once the block holding it is built. */
  focusKey: string | undefined;

  /** A placeholder `estimate` pixels tall (set through CSSOM: the CSP forbids style="") for `build()`. */
  slot(key: string, estimate: number, build: () => Node): HTMLElement {
    const placeholder = document.createElement('div');
    placeholder.className = 'deferred';
    placeholder.dataset.deferred = key;
    placeholder.setAttribute('aria-busy', 'true');
    placeholder.style.minHeight = `${Math.max(0, Math.round(estimate))}px`;
    this.slots.set(placeholder, { placeholder, build });
    return placeholder;
  }

  get pending(): number {
    return this.slots.size;
  }

  /**
   * Starts watching the placeholders, once they are in the document. With `ahead`, half a viewport
   * of margin: a block is built just before it scrolls into view. Without (a playground draw, up to
   * one a frame), only a block that does come into view is built at once.
   */
  start(ahead = true): void {
    if (this.slots.size === 0) return this.done();
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting) this.fill(entry.target as HTMLElement);
    }, { rootMargin: ahead ? '50% 0px' : '0px' });
    for (const placeholder of this.slots.keys()) this.observer.observe(placeholder);
    this.scheduleIdle();
  }

  /** True while a placeholder intersects the viewport (reads layout: call after a frame, not between writes). */
  visiblePending(): boolean {
    const height = window.innerHeight;
    for (const placeholder of this.slots.keys()) {
      const rect = placeholder.getBoundingClientRect();
      if (rect.bottom > 0 && rect.top < height) return true;
    }
    return false;
  }

  /** Calls `fn` once every placeholder has been built (at once if there are none). */
  whenDone(fn: () => void): void {
    if (this.slots.size === 0 && !this.cancelled) fn();
    else this.waiting.push(fn);
  }

  /** Stops: a new render replaced this one's page, so its placeholders are gone. */
  cancel(): void {
    this.cancelled = true;
    this.observer?.disconnect();
    if (this.idle !== undefined) cancelIdle(this.idle);
    this.slots.clear();
    this.waiting.length = 0;
  }

  private scheduleIdle(): void {
    if (this.cancelled || this.slots.size === 0) return;
    this.idle = requestIdle(() => {
      this.idle = undefined;
      // Top to bottom: the placeholders were created in document order.
      const first = this.slots.keys().next();
      if (!first.done) this.fill(first.value);
      this.scheduleIdle();
    });
  }

  private fill(placeholder: HTMLElement): void {
    const slot = this.slots.get(placeholder);
    if (!slot || this.cancelled) return;
    this.slots.delete(placeholder);
    this.observer?.unobserve(placeholder);
    const built = slot.build();
    placeholder.replaceWith(built);
    if (this.focusKey && built instanceof Element) {
      const target = built.querySelector<HTMLElement>(`[data-focus="${CSS.escape(this.focusKey)}"]`);
      if (target) {
        this.focusKey = undefined;
        target.focus({ preventScroll: true });
      }
    }
    if (this.slots.size === 0) this.done();
  }

  private done(): void {
    this.observer?.disconnect();
    const waiting = this.waiting.splice(0);
    for (const fn of waiting) fn();
  }
}
