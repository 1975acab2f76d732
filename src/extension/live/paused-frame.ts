import * as vscode from 'vscode';
import { LiveValueError } from './errors';
import { languageOf, type LiveLanguage } from './language';

/** Where a frame is paused, for people: "train.py:42", and the file to reveal. */
export interface FrameLocation {
  /** The frame's file, when the adapter names one on disk (not a generated or internal source). */
  readonly uri: vscode.Uri | undefined;
  readonly fileName: string;
  /** 1-based, as the adapter reports it (VS Code asks for lines starting at 1). */
  readonly line: number;
}

/** The stack frame a live value is read in. */
export interface PausedFrame {
  readonly session: vscode.DebugSession;
  readonly threadId: number;
  readonly frameId: number;
  readonly language: LiveLanguage;
  readonly location: FrameLocation | undefined;
}

/** How far down the stack a focused frame is looked for (to name its file and line). */
const FRAMES = 64;

/** The DAP stack frame fields read here. */
interface DapFrame {
  readonly id: number;
  readonly line: number;
  readonly source?: { readonly path?: string; readonly name?: string };
}

/**
 * The frame in focus in the Call Stack view (`debug.activeStackItem`): a frame, or the top frame of
 * a focused thread. Undefined when no debug session is active: the caller reads literals as always.
 * A session that is running, a language without a conversion, or an untrusted workspace is a
 * LiveValueError saying so.
 */
export async function pausedFrame(): Promise<PausedFrame | undefined> {
  const item = vscode.debug.activeStackItem;
  const session = item?.session ?? vscode.debug.activeDebugSession;
  if (!session) return undefined;
  if (!vscode.workspace.isTrusted) {
    throw new LiveValueError(vscode.l10n.t('live values are read only in a trusted workspace: reading one runs an expression in the program being debugged.'));
  }
  if (!item) throw running(session);
  const frameId = item instanceof vscode.DebugStackFrame ? item.frameId : undefined;
  let frames: readonly DapFrame[];
  try {
    const reply = (await session.customRequest('stackTrace', { threadId: item.threadId, startFrame: 0, levels: frameId === undefined ? 1 : FRAMES })) as { stackFrames?: DapFrame[] };
    frames = reply.stackFrames ?? [];
  } catch {
    throw running(session);
  }
  const frame = frameId === undefined ? frames[0] : frames.find((candidate) => candidate.id === frameId);
  if (!frame && frameId === undefined) throw running(session);
  const location = frame && locationOf(frame);
  const language = languageOf(session.type, location?.uri?.path ?? frame?.source?.path);
  if (!language) {
    throw new LiveValueError(vscode.l10n.t('live values are read in Python and JavaScript (and TypeScript) sessions; "{0}" is a {1} session.', session.name, session.type));
  }
  return { session, threadId: item.threadId, frameId: frameId ?? frame!.id, language, location };
}

function running(session: vscode.DebugSession): LiveValueError {
  return new LiveValueError(vscode.l10n.t('"{0}" is running: pause it, or stop at a breakpoint, to read a live value.', session.name));
}

function locationOf(frame: DapFrame): FrameLocation {
  const path = frame.source?.path;
  const uri = path ? uriOf(path) : undefined;
  const fileName = (uri ? uri.path.slice(uri.path.lastIndexOf('/') + 1) : undefined) || frame.source?.name || vscode.l10n.t('an unnamed source');
  return { uri, fileName, line: frame.line };
}

/** A DAP source path: a file path (VS Code asks for pathFormat 'path'), or a uri from some adapters. */
function uriOf(path: string): vscode.Uri | undefined {
  try {
    return /^[a-z][a-z0-9+.-]+:\/\//i.test(path) ? vscode.Uri.parse(path, true) : vscode.Uri.file(path);
  } catch {
    return undefined;
  }
}

/** "train.py:42", or the session's name when the adapter gave no source. */
export function placeOf(frame: PausedFrame): string {
  return frame.location ? `${frame.location.fileName}:${frame.location.line}` : frame.session.name;
}
