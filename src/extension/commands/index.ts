import type { TargetService } from '../targets/service';
import type { Command, VisualizerHandle } from './command';
import { EvaluateCellOutput } from './cell-output';
import { copyCommands } from './copy';
import { CompareSelections, EvaluateSelection, PreviewLoss } from './evaluate';
import { InsertComment } from './insert-comment';
import { OpenSample } from './open-sample';
import { OpenVisualizer } from './open-visualizer';
import { PreviewLossWithOptions } from './preview-loss-options';
import { settingCommands } from './pick-setting';
import { ReadRowsAs } from './read-rows';
import type { PreviewOptionsStore } from '../preview-options';
import type { RowsChoices } from '../rows-choice';
import { CompareWithVariable, EvaluateVariable } from './variables';

/** Every command in package.json's contributes.commands, each with what it does. */
export function createCommands(targets: TargetService, visualizer: () => VisualizerHandle, rows: { readonly choices: RowsChoices; readonly refresh: () => void; readonly previews: PreviewOptionsStore }): Command[] {
  const previewLoss = new PreviewLoss(targets, visualizer, rows.previews, rows.refresh);
  return [
    new EvaluateSelection(targets, visualizer),
    new CompareSelections(targets, visualizer),
    previewLoss,
    new PreviewLossWithOptions(targets, previewLoss),
    new OpenVisualizer(targets, visualizer),
    ...copyCommands(targets),
    new InsertComment(targets),
    ...settingCommands(),
    new OpenSample(),
    new EvaluateVariable(targets, visualizer),
    new CompareWithVariable(targets, visualizer),
    new EvaluateCellOutput(targets, visualizer),
    new ReadRowsAs(targets, rows.choices, rows.refresh),
  ];
}

export type { Command, VisualizerHandle };
