import type { FigureView, ViewModel } from '../shared/view-model';
import { fromWire } from '../shared/wire';
import { responsive } from './chart-width';
import { chartFigure, dataTable } from './data-figure';
import { svg } from './dom';
import { t } from './strings';

/**
 * The joint entropy split two ways, as two stacked bars on one scale: H(X,Y) = H(X) + H(Y|X) above,
 * H(X,Y) = H(X|Y) + H(Y) below. H(X) and H(Y) overlap by exactly I(X;Y) = H(X) + H(Y) − H(X,Y),
 * bracketed under the bars: the information each variable gives about the other. The bars span
 * the panel's width (chart-width.ts).
 */

const LEFT = 8;
const RIGHT = 8;
const BAR = 18;
const ROW1 = 22;
const ROW2 = 62;
const HEIGHT = 124;

const KEYS = ['jointEntropy', 'entropyX', 'conditionalEntropyYGivenX', 'conditionalEntropyXGivenY', 'entropyY', 'mutualInformation'] as const;

export function informationDiagram(model: ViewModel): HTMLElement | null {
  const found = KEYS.map((key) => model.figures.find((f) => f.key === key));
  if (found.some((f) => f === undefined)) return null;
  const figures = found as FigureView[];
  const [hxy, hx, hyx, hxy2, hy, mi] = figures;
  const unit = hxy.unit ? ` ${hxy.unit}` : '';
  const graphic = responsive('information', (width) => diagramSvg(figures, width));
  const table = () =>
    dataTable(
      t('information.table'),
      [t('information.table.quantity'), t('information.table.value', unit)],
      [
        ['H(X,Y)', hxy.display],
        ['H(X)', hx.display],
        ['H(Y|X)', hyx.display],
        ['H(X|Y)', hxy2.display],
        ['H(Y)', hy.display],
        ['I(X;Y)', mi.display],
      ],
    );
  return chartFigure('information', 'H(X,Y) = H(X) + H(Y|X) = H(X|Y) + H(Y)', t('information.caption'), graphic, table, 6);
}

/** The two bars at `width` px, H(X,Y) long each. */
function diagramSvg([hxy, hx, hyx, hxy2, hy, mi]: readonly FigureView[], width: number): SVGSVGElement {
  const unit = hxy.unit ? ` ${hxy.unit}` : '';
  const total = fromWire(hxy.value);
  const span = width - LEFT - RIGHT;
  const scale = total > 0 ? span / total : 0;
  const w = (f: FigureView) => Math.max(0, fromWire(f.value) * scale);
  const label = t('information.label', hxy.display, hx.display, hyx.display, hxy2.display, hy.display, mi.display, unit);
  const root = svg('svg', { class: 'chart information-diagram', width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': label });
  const segment = (cls: string, x: number, y: number, f: FigureView, label: string) => {
    root.appendChild(svg('rect', { class: `segment ${cls}`, x, y, width: w(f), height: BAR, 'data-key': f.key, 'data-value': fromWire(f.value) }, svg('title', {}, `${label} = ${f.display}${unit}`)));
  };
  segment('series-0', LEFT, ROW1, hx, 'H(X)');
  segment('conditional', LEFT + w(hx), ROW1, hyx, 'H(Y|X)');
  segment('conditional', LEFT, ROW2, hxy2, 'H(X|Y)');
  segment('series-1', LEFT + w(hxy2), ROW2, hy, 'H(Y)');
  const text = (x: number, y: number, anchor: string, content: string, cls = 'tick') => root.appendChild(svg('text', { class: cls, x, y, 'text-anchor': anchor }, content));
  text(LEFT, ROW1 - 6, 'start', `H(X) = ${hx.display}`);
  text(LEFT + span, ROW1 - 6, 'end', `H(Y|X) = ${hyx.display}`);
  text(LEFT, ROW2 - 6, 'start', `H(X|Y) = ${hxy2.display}`);
  text(LEFT + span, ROW2 - 6, 'end', `H(Y) = ${hy.display}`);
  // The overlap of H(X) (row 1, from the left) and H(Y) (row 2, to the right): I(X;Y).
  const from = LEFT + w(hxy2);
  const to = LEFT + w(hx);
  const by = ROW2 + BAR + 8;
  if (to - from >= 1) {
    root.appendChild(svg('path', { class: 'overlap-bracket', d: `M${from},${by - 4} L${from},${by} L${to},${by} L${to},${by - 4}` }));
  }
  text(Math.min(Math.max((from + to) / 2, LEFT + 70), LEFT + span - 70), by + 14, 'middle', `I(X;Y) = ${mi.display}${unit}`, 'total');
  return root;
}
