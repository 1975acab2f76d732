/** Command ids, as declared in package.json's contributes.commands. */
export const COMMANDS = {
  evaluateSelection: 'entropyLens.evaluateSelection',
  compareSelections: 'entropyLens.compareSelections',
  previewLoss: 'entropyLens.previewLoss',
  previewLossWithOptions: 'entropyLens.previewLossWithOptions',
  openVisualizer: 'entropyLens.openVisualizer',
  copyMarkdown: 'entropyLens.copyMarkdown',
  copyLatex: 'entropyLens.copyLatex',
  insertComment: 'entropyLens.insertComment',
  setUnit: 'entropyLens.setUnit',
  setInterpretation: 'entropyLens.setInterpretation',
  openSample: 'entropyLens.openSample',
  evaluateVariable: 'entropyLens.evaluateVariable',
  compareWithVariable: 'entropyLens.compareWithVariable',
  evaluateCellOutput: 'entropyLens.evaluateCellOutput',
  readRowsAs: 'entropyLens.readRowsAs',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Every command the extension registers at activation. */
export const COMMAND_IDS: readonly CommandId[] = Object.values(COMMANDS);
