import * as vscode from 'vscode';
import { COMMANDS } from '../command-ids';
import type { TargetService } from '../targets/service';
import type { Command, VisualizerHandle } from './command';
import { reportLiveError } from './run';

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
      void vscode.window.showWarningMessage(vscode.l10n.t('Entropy Lens: {0}', named.message));
      return;
    }
    if (named.kind === 'target') return this.visualizer().show(named.target.sources[0].ref);
    // While paused, a selected expression (or the name at the cursor) is read in the frame.
    const editor = vscode.window.activeTextEditor;
    if (editor && vscode.debug.activeDebugSession) {
      try {
        const chosen = await this.targets.liveCommandTarget(editor, 'figures');
        const source = chosen?.target.sources[0];
        if (chosen?.target.sources.length === 1 && source?.kind === 'debug') return this.visualizer().show(source.ref);
      } catch (error) {
        if (!reportLiveError(error)) throw error;
        return;
      }
    }
    this.visualizer().show();
  }
}
