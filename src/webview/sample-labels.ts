import type { CurveMark } from '../shared/view-model';

/** Sample dots named on the plot itself; the rest are named in their titles and the data table. */
const MAX_SAMPLE_LABELS = 3;

interface SampleLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

/**
 * Names for the extreme sample dots of a loss curve — the largest loss, the smallest, then the next
 * largest — at most MAX_SAMPLE_LABELS. Each goes above its dot, to the right or the left, or below,
 * wherever it covers no other dot and no label already placed and stays inside the plot; a dot with
 * no such place keeps its name in its title and the data table only: a few hundred dots cannot all
 * be named legibly.
 */
export function sampleLabels(
  marks: readonly CurveMark[],
  place: (mark: CurveMark) => { readonly y: number; readonly cx: number; readonly cy: number },
  plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number },
): SampleLabel[] {
  const samples = marks.filter((m) => m.name === undefined && m.series === undefined);
  if (samples.length === 0) return [];
  const placed = samples.map((mark) => ({ mark, ...place(mark) }));
  const byLoss = [...placed].sort((a, b) => b.y - a.y);
  const order = [byLoss[0], byLoss[byLoss.length - 1], ...byLoss.slice(1, -1)];
  const taken: Box[] = [];
  const labels: SampleLabel[] = [];
  for (const dot of order) {
    if (labels.length >= MAX_SAMPLE_LABELS) break;
    // "sample 12: p = 0.3" (curves.ts): the dot's name is the part before the colon.
    const text = dot.mark.label.split(':')[0];
    const w = text.length * 6.2 + 2;
    const { cx, cy } = dot;
    const candidates: (Box & { anchor: 'start' | 'end' })[] = [
      { x0: cx + 5, x1: cx + 5 + w, y0: cy - 18, y1: cy - 5, anchor: 'start' },
      { x0: cx - 5 - w, x1: cx - 5, y0: cy - 18, y1: cy - 5, anchor: 'end' },
      { x0: cx + 5, x1: cx + 5 + w, y0: cy + 5, y1: cy + 18, anchor: 'start' },
      { x0: cx - 5 - w, x1: cx - 5, y0: cy + 5, y1: cy + 18, anchor: 'end' },
      { x0: cx + 3, x1: cx + 3 + w, y0: cy - 30, y1: cy - 17, anchor: 'start' },
      { x0: cx - 3 - w, x1: cx - 3, y0: cy - 30, y1: cy - 17, anchor: 'end' },
    ];
    const inside = (b: Box) => b.x0 >= plot.left && b.x1 <= plot.right && b.y0 >= plot.top - 14 && b.y1 <= plot.bottom;
    const free = (b: Box) => !taken.some((t) => overlaps(t, b)) && !placed.some((d) => d !== dot && overlaps(b, { x0: d.cx - 5, x1: d.cx + 5, y0: d.cy - 5, y1: d.cy + 5 }));
    const box = candidates.find((b) => inside(b) && free(b));
    if (!box) continue;
    taken.push(box);
    labels.push({ text, x: box.anchor === 'start' ? box.x0 : box.x1, y: box.y1 - 3, anchor: box.anchor });
  }
  return labels;
}

interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
