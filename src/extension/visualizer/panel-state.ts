import * as vscode from 'vscode';
import type { SavedLive } from '../../shared/live';
import type { PanelChoices, PanelState, ViewName } from '../../shared/protocol';
import type { SourceRef } from '../targets/source';

/**
 * What the webview keeps (setState) so the serializer can bring the panel back after a reload: a
 * document range, or a notebook cell's output. A live value cannot come back (its session ends with
 * the window); its title and Follow history can.
 */
export function panelState(ref: SourceRef | undefined, locked: boolean, view: ViewName, live?: SavedLive, choices: PanelChoices = {}): PanelState {
  return {
    version: 1,
    ...(ref?.kind === 'document'
      ? { source: { uri: ref.uri.toString(), start: { line: ref.range.start.line, character: ref.range.start.character }, end: { line: ref.range.end.line, character: ref.range.end.character } } }
      : {}),
    ...(ref?.kind === 'notebook-output' ? { output: { uri: ref.uri.toString(), cell: ref.cell, output: ref.output } } : {}),
    locked,
    view,
    ...(live ? { live } : {}),
    ...(Object.keys(choices).length > 0 ? { choices } : {}),
  };
}

/** The source a saved state names; a uri that does not parse strictly names none. */
export function refOfState(state: PanelState): SourceRef | undefined {
  try {
    if (state.output) return { kind: 'notebook-output', uri: vscode.Uri.parse(state.output.uri, true), cell: state.output.cell, output: state.output.output };
    if (!state.source) return undefined;
    const { uri, start, end } = state.source;
    return { kind: 'document', uri: vscode.Uri.parse(uri, true), range: new vscode.Range(start.line, start.character, end.line, end.character) };
  } catch {
    return undefined;
  }
}
