/**
 * The charts' width follows the panel. Every chart is drawn at the width of the page's content box,
 * with a viewBox of that same width, so a wider panel gets a wider plot and its text stays at the
 * stylesheet's size (CSS-scaling one fixed drawing would blow the text up or shrink it away).
 *
 * A ResizeObserver on the page's root reports the width (from the entry: no layout is read); the
 * charts are drawn again in the next animation frame, once however many sizes arrived, each chart's
 * SVG replaced in place — the rest of the page is not rebuilt. Heights do not depend on the width,
 * so a relayout cannot bring a scrollbar that changes the width again.
 */

/** Narrower than this, a chart keeps this width and its box scrolls. */
export const MIN_CHART_WIDTH = 240;
/** Before the page is first laid out (a test page, a chart built in Node): a half-width panel. */
const FALLBACK_WIDTH = 600;

/** Draws one chart's SVG at a width. */
export type ChartDrawing = (width: number) => SVGSVGElement;

let width: number | undefined;
let observed: Element | undefined;
let frame: number | undefined;
/** The latest drawing of each chart key: what a resize draws again. */
const drawings = new Map<string, ChartDrawing>();

/** The width charts are drawn at now. */
export function chartWidth(): number {
  watch();
  if (width === undefined) {
    // Only before the observer's first report: one read, at render time, before the page is written.
    const root = observed as HTMLElement | undefined;
    const measured = root ? root.clientWidth - padding(root) : 0;
    width = measured > 0 ? measured : FALLBACK_WIDTH;
  }
  return Math.max(MIN_CHART_WIDTH, Math.floor(width));
}

/**
 * Draws a chart at the current width and remembers how, so a resize can draw it again. `key` names
 * the chart on the page (its `data-layout`): a later drawing under the same key replaces this one.
 */
export function responsive(key: string, draw: ChartDrawing): SVGSVGElement {
  drawings.set(key, draw);
  const at = chartWidth();
  return stamp(draw(at), key, at);
}

function stamp(graphic: SVGSVGElement, key: string, at = chartWidth()): SVGSVGElement {
  graphic.setAttribute('data-layout', key);
  graphic.setAttribute('data-layout-width', String(at));
  return graphic;
}

function watch(): void {
  if (observed || typeof ResizeObserver !== 'function') return;
  const root = document.getElementById('root') ?? document.body;
  if (!root) return;
  observed = root;
  new ResizeObserver((entries) => {
    const box = entries[entries.length - 1].contentBoxSize?.[0];
    const next = box ? box.inlineSize : entries[entries.length - 1].contentRect.width;
    if (next <= 0 || next === width) return;
    width = next;
    frame ??= requestAnimationFrame(() => {
      frame = undefined;
      relayout();
    });
  }).observe(root);
}

/** Every chart on the page drawn again at the current width (writes only). */
function relayout(): void {
  const target = chartWidth();
  const active = document.activeElement instanceof Element ? document.activeElement : null;
  const focusKey = active?.closest('svg[data-layout]') ? active.getAttribute('data-focus') : null;
  for (const old of document.querySelectorAll<SVGSVGElement>('svg[data-layout]')) {
    const key = old.getAttribute('data-layout')!;
    const draw = drawings.get(key);
    if (!draw || Number(old.getAttribute('data-layout-width')) === target) continue;
    old.replaceWith(stamp(draw(target), key, target));
  }
  if (focusKey) document.querySelector<SVGElement>(`svg[data-layout] [data-focus="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  document.dispatchEvent(new CustomEvent('entropylens:relayout', { detail: target }));
}

// Watching from the start: the observer's first report (after the first layout) comes before the
// host's first update, so no chart has to read the layout.
if (typeof document !== 'undefined') watch();

/** The root's horizontal padding (none in the visualizer's stylesheet: the body holds it). */
function padding(root: HTMLElement): number {
  const style = getComputedStyle(root);
  return (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
}
