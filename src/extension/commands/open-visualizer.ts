import * as vscode from 'vscode';
import { COMMANDS } from '../command-ids';
import type { TargetService } from '../targets/service';
import type { Command, VisualizerHandle } from './command';

/** Opens the visualizer on the literal a hover link names, or on the selection. */
export class OpenVisualizer implements Command {
  readonly id = COMMANDS.openVisualizer;
  constructor(
    private readonly targets: TargetService,
    private readonly visualizer: () => VisualizerHandle,
  ) {}

  async execute(arg?: unknown): Promise<void> {
    const named = await this.targets.argumentTarget(arg);
    if (named.kind === 'invalid') {
      void vscode.window.showWarningMessage(`Entropy Lens: ${named.message}`);
      return;
    }
    this.visualizer().show(named.kind === 'target' ? named.target.sources[0].ref : undefined);
  }
}
