import * as vscode from 'vscode';
import type { PanelState, ViewName } from '../../shared/protocol';
import type { SourceRef } from '../targets/source';

/** What the webview keeps (setState) so the serializer can bring the panel back after a reload. */
export function panelState(ref: SourceRef | undefined, locked: boolean, view: ViewName): PanelState {
  return {
    version: 1,
    ...(ref
      ? { source: { uri: ref.uri.toString(), start: { line: ref.range.start.line, character: ref.range.start.character }, end: { line: ref.range.end.line, character: ref.range.end.character } } }
      : {}),
    locked,
    view,
  };
}

/** The source a saved state names; a uri that does not parse strictly names none. */
export function refOfState(state: PanelState): SourceRef | undefined {
  if (!state.source) return undefined;
  const { uri, start, end } = state.source;
  try {
    return { kind: 'document', uri: vscode.Uri.parse(uri, true), range: new vscode.Range(start.line, start.character, end.line, end.character) };
  } catch {
    return undefined;
  }
}
