import { INTERPRETATION_MODES, LOSS_MODES, UNITS, type InterpretationMode, type LossMode, type Unit } from '../core/types';
import { isSavedLive, isSavedOutput, type LiveView, type SavedLive, type SavedOutput } from './live';
import { isPlaygroundState, type PlaygroundState } from './playground';
import type { ViewModel } from './view-model';

/**
 * The visualizer's message protocol, shared by the extension host (src/extension/visualizer) and
 * the webview (src/webview). Everything here crosses `postMessage`, so it is plain JSON: numbers that
 * may be infinite travel as a WireNumber (wire.ts). The webview starts with `ready`; the host answers
 * with an `update` carrying the whole current state.
 */

export const VIEW_TYPE = 'entropyLens.visualizer';

export type ViewName = 'figures' | 'loss';
export const VIEW_NAMES: readonly ViewName[] = ['figures', 'loss'];

/** The loss modes a setting (and the panel's toggle) can hold: `none` is the CLI's alone. */
export type LossSetting = Exclude<LossMode, 'none'>;
export const LOSS_SETTINGS: readonly LossSetting[] = LOSS_MODES.filter((mode): mode is LossSetting => mode !== 'none');

/** A zero-based line/character position, as `vscode.Position` has it. */
export interface WirePosition {
  readonly line: number;
  readonly character: number;
}

/**
 * What the serializer needs to bring the panel back after a reload. The webview keeps it with
 * `setState` (the host sends it in every update), so VS Code hands it to `deserializeWebviewPanel`.
 * The page adds its playground (the host never sets it); a state saved before the playground
 * existed has none, and one whose playground is malformed is restored without it (`panelStateFrom`).
 */
export interface PanelState {
  readonly version: 1;
  readonly source?: { readonly uri: string; readonly start: WirePosition; readonly end: WirePosition };
  readonly locked: boolean;
  readonly view: ViewName;
  readonly playground?: SavedPlayground;
  /** A live value's title and Follow history (its value is gone after a reload). */
  readonly live?: SavedLive;
  /** A notebook cell's output, instead of `source`. */
  readonly output?: SavedOutput;
  /** The panel's own unit, reading and loss, chosen in its toolbar over the settings (none: the settings). */
  readonly choices?: PanelChoices;
}

/** What the toolbar's choices override; "Make default" writes them to the settings of the same names. */
export interface PanelChoices {
  readonly unit?: Unit;
  readonly interpretation?: InterpretationMode;
  readonly loss?: LossSetting;
}

/** The playground as the page saves it; `key` names the literal its edits belong to. */
export interface SavedPlayground extends PlaygroundState {
  readonly key: string;
}

/** The settings the panel's toggles show and change. */
export interface SettingsView {
  readonly unit: Unit;
  readonly interpretation: InterpretationMode;
  readonly loss: LossSetting;
  readonly precision: number;
  /** The settings' own values where the panel's choices differ from them: what "Make default" would change. */
  readonly defaults?: PanelChoices;
}

/** A malformed selection: the core's message and where (1-based, in the document). */
export interface ErrorView {
  readonly message: string;
  readonly code: string;
  readonly fileName: string;
  readonly line: number;
  readonly column: number;
}

/**
 * What the panel says quietly above the content (issue 14). `stale`: the literal cannot be read as it
 * is now (mid-edit); the figures below are its last good ones, dimmed, and `line`/`column` (1-based)
 * say where the text fails. `ended`: the literal was deleted; the figures below are its last, dimmed.
 * `hint`: the selection holds no literal; the panel shows the last one, as it was.
 */
export interface StatusLine {
  readonly kind: 'stale' | 'ended' | 'hint';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type Content =
  | { readonly kind: 'model'; readonly model: ViewModel }
  | { readonly kind: 'error'; readonly error: ErrorView }
  | { readonly kind: 'empty'; readonly message: string };

export type ToWebview =
  | {
      readonly type: 'update';
      readonly content: Content;
      readonly settings: SettingsView;
      readonly state: PanelState;
      /** For a live value: where it was read, Follow, and its history. */
      readonly live?: LiveView;
      /** A quiet line above the content: why the figures are earlier ones, or why the selection was not followed. */
      readonly status?: StatusLine;
      /** Which literal this is: the same number while it is edited or moved, another for another literal (the page starts that at the top). */
      readonly literal?: number;
    }
  /** A short confirmation ("Copied the figures as Markdown"), shown in a live region. */
  | { readonly type: 'notice'; readonly text: string }
  /** The playground's numbers were written into the document: the next literal starts from them. */
  | { readonly type: 'applied' };

export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'setUnit'; readonly unit: Unit }
  | { readonly type: 'setInterpretation'; readonly interpretation: InterpretationMode }
  | { readonly type: 'setLoss'; readonly loss: LossSetting }
  | { readonly type: 'setView'; readonly view: ViewName }
  | { readonly type: 'setLocked'; readonly locked: boolean }
  /** Writes the panel's choices (unit, reading, loss) to the settings; the toggles themselves never do. */
  | { readonly type: 'makeDefault' }
  /** The figures as Markdown; with a playground, the figures the page shows. */
  | { readonly type: 'copyMarkdown'; readonly playground?: PlaygroundState }
  /** Copies one formula (by its id in the current model) or, without an id, all of them. */
  | { readonly type: 'copyLatex'; readonly id?: string; readonly playground?: PlaygroundState }
  /** Selects the source literal (or the error's position) in its editor. */
  | { readonly type: 'reveal' }
  /** The literal with the playground's changes, in its own syntax, to the clipboard. */
  | { readonly type: 'copyLiteral'; readonly playground: PlaygroundState }
  /** The same, written over the literal in its document as one undoable edit. */
  | { readonly type: 'applyLiteral'; readonly playground: PlaygroundState }
  /** Follow a live value: read it again at every stop of its debug session. */
  | { readonly type: 'setFollowing'; readonly following: boolean };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** The host's guard: anything the webview posts is checked before it is used. */
export function isFromWebview(value: unknown): value is FromWebview {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  switch (value.type) {
    case 'ready':
    case 'reveal':
      return true;
    case 'makeDefault':
      return Object.keys(value).length === 1;
    case 'copyMarkdown':
      return value.playground === undefined || isPlaygroundState(value.playground);
    case 'copyLiteral':
    case 'applyLiteral':
      return isPlaygroundState(value.playground);
    case 'setUnit':
      return oneOf(UNITS, value.unit);
    case 'setInterpretation':
      return oneOf(INTERPRETATION_MODES, value.interpretation);
    case 'setLoss':
      return oneOf(LOSS_SETTINGS, value.loss);
    case 'setView':
      return oneOf(VIEW_NAMES, value.view);
    case 'setLocked':
      return typeof value.locked === 'boolean';
    case 'setFollowing':
      return typeof value.following === 'boolean';
    case 'copyLatex':
      return (value.id === undefined || (typeof value.id === 'string' && value.id.length <= 64)) && (value.playground === undefined || isPlaygroundState(value.playground));
    default:
      return false;
  }
}

/** The webview's guard on what arrives from the host (and from anything else that posts to it). */
export function isToWebview(value: unknown): value is ToWebview {
  if (!isObject(value)) return false;
  if (value.type === 'notice') return typeof value.text === 'string';
  if (value.type === 'applied') return true;
  if (value.type !== 'update') return false;
  return isObject(value.content) && typeof value.content.kind === 'string' && isObject(value.settings) && isPanelState(value.state) && (value.status === undefined || isStatusLine(value.status)) && (value.literal === undefined || Number.isSafeInteger(value.literal));
}

const STATUS_KINDS: readonly StatusLine['kind'][] = ['stale', 'ended', 'hint'];

export function isStatusLine(value: unknown): value is StatusLine {
  const place = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) >= 1);
  return isObject(value) && oneOf(STATUS_KINDS, value.kind) && typeof value.message === 'string' && place(value.line) && place(value.column);
}

export function isPanelState(value: unknown): value is PanelState {
  if (!isObject(value) || value.version !== 1 || typeof value.locked !== 'boolean' || !oneOf(VIEW_NAMES, value.view)) return false;
  if (value.playground !== undefined && !isSavedPlayground(value.playground)) return false;
  if ((value.live !== undefined && !isSavedLive(value.live)) || (value.output !== undefined && !isSavedOutput(value.output))) return false;
  if (value.choices !== undefined && !isPanelChoices(value.choices)) return false;
  if (value.source === undefined) return true;
  const source = value.source;
  return isObject(source) && typeof source.uri === 'string' && isPosition(source.start) && isPosition(source.end);
}

/**
 * A saved state as far as it can be trusted: a malformed playground (an older or newer page's, or a
 * damaged one) is dropped and the rest restored; anything else wrong gives undefined.
 */
export function panelStateFrom(value: unknown): PanelState | undefined {
  if (isPanelState(value)) return value;
  if (!isObject(value) || (value.playground === undefined && value.choices === undefined)) return undefined;
  const { playground, choices, ...rest } = value;
  // Each optional part is dropped alone when it is what is wrong (a damaged playground, choices of another version).
  const kept = { ...rest, ...(isSavedPlayground(playground) ? { playground } : {}), ...(isPanelChoices(choices) ? { choices } : {}) };
  return isPanelState(kept) ? kept : undefined;
}

/** The panel's choices: only the three known keys, each a value its setting accepts. */
export function isPanelChoices(value: unknown): value is PanelChoices {
  if (!isObject(value)) return false;
  const allowed: Record<string, readonly string[]> = { unit: UNITS, interpretation: INTERPRETATION_MODES, loss: LOSS_SETTINGS };
  return Object.entries(value).every(([key, choice]) => Object.hasOwn(allowed, key) && oneOf(allowed[key], choice));
}

export function isSavedPlayground(value: unknown): value is SavedPlayground {
  return isObject(value) && typeof value.key === 'string' && value.key.length <= 128 && isPlaygroundState(value);
}

function isPosition(value: unknown): value is WirePosition {
  return isObject(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;
}
