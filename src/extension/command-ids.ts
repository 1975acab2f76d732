/** Command ids, as declared in package.json's contributes.commands. */
export const COMMANDS = {
  evaluateSelection: 'entropyLens.evaluateSelection',
  compareSelections: 'entropyLens.compareSelections',
  previewLoss: 'entropyLens.previewLoss',
  openVisualizer: 'entropyLens.openVisualizer',
  copyMarkdown: 'entropyLens.copyMarkdown',
  copyLatex: 'entropyLens.copyLatex',
  insertComment: 'entropyLens.insertComment',
  setUnit: 'entropyLens.setUnit',
  setInterpretation: 'entropyLens.setInterpretation',
} as const;

/** Test hooks, not in package.json: the visualizer's last message, and its serializer's restore path. */
export const INTERNAL_COMMANDS = {
  visualizerState: 'entropyLens.internal.visualizerState',
  visualizerRestore: 'entropyLens.internal.visualizerRestore',
} as const;

/** Every command the extension registers at activation. */
export const ALL_COMMAND_IDS: readonly string[] = [...Object.values(COMMANDS), ...Object.values(INTERNAL_COMMANDS)];

/** Registers a command handler: with vscode directly, or into the lazily loaded features' table. */
export type RegisterCommand = (id: string, handler: (...args: unknown[]) => unknown) => void;
