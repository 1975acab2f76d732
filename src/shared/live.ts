import type { WireNumber } from './wire';

/**
 * What the visualizer shows of a live value (an expression read in a paused debug frame): where it
 * was read, whether Follow is on, and the history of its headline figure at each stop while
 * following. The host builds it (src/extension/visualizer/live-follow.ts); the page draws it
 * (src/webview/history-chart.ts). The history is also kept in the panel's state, so it survives a
 * window reload (the value itself does not: its session is gone).
 */

export interface LiveView {
  /** "probs @ train.py:42" (user text: shown only as a text node). */
  readonly title: string;
  /** "live value, paused at train.py:42", or that the session has ended. */
  readonly status: string;
  readonly following: boolean;
  /** Follow can be turned on: the value's session is still paused. */
  readonly canFollow: boolean;
  readonly history?: LiveHistory;
}

/** The headline figure at each stop since Follow began. */
export interface LiveHistory {
  /** The figure's name: "H(P)", "D_KL(P‖Q)", "BCE". */
  readonly label: string;
  readonly unit?: string;
  readonly points: readonly LivePoint[];
}

export interface LivePoint {
  /** 1 for the stop at which Follow began. */
  readonly stop: number;
  /** Absent when the value could not be read at this stop (`note` says why). */
  readonly value?: WireNumber;
  readonly display: string;
  /** "train.py:42": where the program was paused. */
  readonly place: string;
  readonly note?: string;
}

/** The live part of a saved panel state. */
export interface SavedLive {
  readonly title: string;
  readonly history?: LiveHistory;
}

/** A notebook cell's output, as a saved panel state names it. */
export interface SavedOutput {
  readonly uri: string;
  readonly cell: number;
  readonly output: number;
}

/** Points kept: a long training loop keeps its last few hundred stops. */
export const HISTORY_LIMIT = 500;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isIndex(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isWireNumber(value: unknown): value is WireNumber {
  return (typeof value === 'number' && Number.isFinite(value)) || value === 'Infinity' || value === '-Infinity' || value === 'NaN';
}

export function isLivePoint(value: unknown): value is LivePoint {
  return (
    isObject(value) &&
    isIndex(value.stop) &&
    (value.value === undefined || isWireNumber(value.value)) &&
    isText(value.display, 100) &&
    isText(value.place, 300) &&
    (value.note === undefined || isText(value.note, 500))
  );
}

export function isLiveHistory(value: unknown): value is LiveHistory {
  return (
    isObject(value) &&
    isText(value.label, 200) &&
    (value.unit === undefined || isText(value.unit, 20)) &&
    Array.isArray(value.points) &&
    value.points.length <= HISTORY_LIMIT &&
    value.points.every(isLivePoint)
  );
}

export function isLiveView(value: unknown): value is LiveView {
  return (
    isObject(value) &&
    isText(value.title, 2100) &&
    isText(value.status, 2100) &&
    typeof value.following === 'boolean' &&
    typeof value.canFollow === 'boolean' &&
    (value.history === undefined || isLiveHistory(value.history))
  );
}

export function isSavedLive(value: unknown): value is SavedLive {
  return isObject(value) && isText(value.title, 2100) && (value.history === undefined || isLiveHistory(value.history));
}

export function isSavedOutput(value: unknown): value is SavedOutput {
  return isObject(value) && typeof value.uri === 'string' && isIndex(value.cell) && isIndex(value.output);
}
