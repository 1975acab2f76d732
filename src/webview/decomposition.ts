import type { FigureView } from '../shared/view-model';
import { fromWire } from '../shared/wire';
import { responsive } from './chart-width';
import { svg } from './dom';
import { t } from './strings';

/**
 * H(P,Q) = H(P) + D_KL(P‖Q) as one stacked bar: the entropy, then the divergence on top of it, the
 * whole bar the cross-entropy. Minimising the cross-entropy over Q can only shrink the second part,
 * which is the article's point. An infinite divergence runs off the end, marked ∞.
 */

const LEFT = 8;
const RIGHT = 8;
const BAR_TOP = 22;
const BAR_HEIGHT = 18;
const HEIGHT = 64;

/** The bar across the panel's width, drawn again when it changes (chart-width.ts). */
export function decompositionBar(entropy: FigureView, kl: FigureView, cross: FigureView): SVGSVGElement {
  return responsive('decomposition', (width) => drawBar(entropy, kl, cross, width));
}

function drawBar(entropy: FigureView, kl: FigureView, cross: FigureView, width: number): SVGSVGElement {
  const h = fromWire(entropy.value);
  const d = fromWire(kl.value);
  const total = fromWire(cross.value);
  const unit = entropy.unit ? ` ${entropy.unit}` : '';
  const root = svg('svg', {
    class: 'chart decomposition',
    width: width,
    height: HEIGHT,
    viewBox: `0 0 ${width} ${HEIGHT}`,
    role: 'img',
    'aria-label': t('decomposition.label', cross.display, entropy.display, `${kl.display}${unit}`),
  });
  const span = width - LEFT - RIGHT;
  const infinite = !Number.isFinite(d);
  // An infinite divergence gets the right third, its end cut off; otherwise the bar is the total.
  const scale = infinite ? (span * 0.66) / Math.max(h, 1e-300) : span / Math.max(total, h + d, 1e-300);
  const hWidth = Math.max(0, h * scale);
  const dWidth = infinite ? span - hWidth : Math.max(0, d * scale);
  root.appendChild(svg('rect', { class: 'segment series-0', x: LEFT, y: BAR_TOP, width: hWidth, height: BAR_HEIGHT }));
  root.appendChild(svg('rect', { class: `segment kl${infinite ? ' infinite' : ''}`, x: LEFT + hWidth, y: BAR_TOP, width: dWidth, height: BAR_HEIGHT }));
  const labelY = BAR_TOP - 6;
  root.appendChild(svg('text', { class: 'tick', x: LEFT, y: labelY, 'text-anchor': 'start' }, `H(P) = ${entropy.display}`));
  root.appendChild(svg('text', { class: 'tick', x: LEFT + span, y: labelY, 'text-anchor': 'end' }, `D_KL(P‖Q) = ${kl.display}`));
  root.appendChild(svg('text', { class: 'total', x: LEFT + span, y: BAR_TOP + BAR_HEIGHT + 16, 'text-anchor': 'end' }, `H(P,Q) = ${cross.display}${unit}`));
  return root;
}
