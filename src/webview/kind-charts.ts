import type { ViewModel } from '../shared/view-model';
import { heatmap } from './heatmap';
import { informationDiagram } from './information-diagram';
import { surprisalChart } from './surprisal-chart';

/**
 * The charts of a joint table (the split of H(X,Y) and the heatmap with its marginals) and of a
 * sequence (the per-token surprisal), drawn in the panel's Charts section beside the bar charts.
 */

/** How many such charts the model has, to size the Charts section before it is built. */
export function kindChartCount(model: ViewModel): number {
  return (model.joint ? 2 : 0) + (model.sequence ? 1 : 0);
}

export function kindCharts(model: ViewModel): HTMLElement[] {
  const charts: (HTMLElement | null)[] = [];
  if (model.joint) charts.push(informationDiagram(model), heatmap(model.joint));
  if (model.sequence) charts.push(surprisalChart(model.sequence));
  return charts.filter((chart): chart is HTMLElement => chart !== null);
}
