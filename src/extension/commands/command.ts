import type { ViewName } from '../../shared/protocol';
import type { SourceRef } from '../targets/source';

/** One command: its id (as in package.json) and what it does. */
export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

/** What the visualizer offers the commands (see visualizer/controller.ts). */
export interface VisualizerHandle {
  /** Opens (or reveals) the panel on `ref`, or on the active editor's selection without one. */
  show(ref?: SourceRef, view?: ViewName): void;
}
