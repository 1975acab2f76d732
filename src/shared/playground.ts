import type { SourceRange } from '../core/errors';
import type { LossOptions } from '../core/loss-options';
import type { Interpretation, Unit } from '../core/types';

/**
 * The visualizer as a playground (issue 13): what a person changed by hand in the panel — the
 * temperature, the label smoothing and the bars they dragged — and the numbers the page needs to
 * recompute everything itself while they do. Types and validation only; the computation is
 * src/shared/model/playground*.ts, bundled into the page and used by the host.
 */

/** [element index, its new probability]: the other elements share the rest in their old proportions. */
export type Edit = readonly [index: number, probability: number];

export interface PlaygroundEdits {
  readonly p: readonly Edit[];
  readonly q: readonly Edit[];
}

export interface PlaygroundState {
  /** Sampling temperature: p ∝ p^{1/T}, i.e. softmax(log p / T). */
  readonly temperature: number;
  /** Label smoothing ε of a BCE or CCE loss: targets (1 − ε)·y + ε/C. */
  readonly smoothing: number;
  /** Probabilities set by dragging bars, applied before the temperature. */
  readonly edits: PlaygroundEdits;
}

export const TEMPERATURE_MIN = 0.1;
export const TEMPERATURE_MAX = 10;
export const SMOOTHING_MAX = 0.5;
/** Elements of one vector the page keeps to recompute from; longer literals are shown, not played with. */
export const PLAYGROUND_MAX_ELEMENTS = 200_000;
/** Edits kept in a state: a one-hot vector dragged down hands its rest to every other element. */
const MAX_EDITS = PLAYGROUND_MAX_ELEMENTS;

export const NO_EDITS: PlaygroundEdits = { p: [], q: [] };
export const IDENTITY: PlaygroundState = { temperature: 1, smoothing: 0, edits: NO_EDITS };

export function isIdentity(state: PlaygroundState): boolean {
  return state.temperature === 1 && state.smoothing === 0 && state.edits.p.length === 0 && state.edits.q.length === 0;
}

/** A distribution as the core read it: probabilities and their exact logarithms (−∞ where p is 0). */
export interface BaseDistribution {
  readonly p: Float64Array;
  readonly logP: Float64Array;
  readonly interpretation: Interpretation;
  readonly reason: string;
  readonly warnings: readonly string[];
}

interface BaseCommon {
  readonly unit: Unit;
  readonly range: SourceRange;
  /** The literal's notes, as the host's evaluation had them. */
  readonly notes: readonly string[];
}

/**
 * What the page recomputes from: the evaluation's inputs, not its results. Float64Arrays cross
 * `postMessage` as binary (VS Code transfers typed arrays by buffer), so −∞ survives.
 */
export type PlaygroundBase =
  | (BaseCommon & { readonly kind: 'distribution'; readonly p: BaseDistribution; readonly labels?: readonly string[] })
  | (BaseCommon & { readonly kind: 'pair'; readonly p: BaseDistribution; readonly q: BaseDistribution; readonly labels?: readonly string[] })
  | (BaseCommon & {
      readonly kind: 'loss';
      readonly loss: 'bce' | 'cce';
      readonly reason: string;
      /** How the predictions were read. */
      readonly interpretation: 'probs' | 'logits';
      /** BCE: labels; CCE: class indices (one per sample) or rows. */
      readonly targets: Float64Array;
      /** Columns of the targets as a matrix (CCE rows, multi-label BCE), or undefined for a vector. */
      readonly targetColumns: number | undefined;
      /** As read, row-major (CCE rows; a vector of binary predictions as two-class rows). */
      readonly predictions: Float64Array;
      readonly predictionColumns: number | undefined;
      /** The loss options the literal was evaluated with (reduction, weights, …), never label smoothing. */
      readonly options: LossOptions;
    });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inRange(value: unknown, lo: number, hi: number): value is number {
  return typeof value === 'number' && value >= lo && value <= hi;
}

function isEdits(value: unknown): value is readonly Edit[] {
  if (!Array.isArray(value) || value.length > MAX_EDITS) return false;
  return value.every((edit: unknown) => Array.isArray(edit) && edit.length === 2 && Number.isInteger(edit[0]) && (edit[0] as number) >= 0 && inRange(edit[1], 0, 1));
}

/** A playground state from a message or a saved state: every number in its range, nothing else. */
export function isPlaygroundState(value: unknown): value is PlaygroundState {
  if (!isObject(value) || !isObject(value.edits)) return false;
  return (
    inRange(value.temperature, TEMPERATURE_MIN, TEMPERATURE_MAX) &&
    inRange(value.smoothing, 0, SMOOTHING_MAX) &&
    isEdits(value.edits.p) &&
    isEdits(value.edits.q)
  );
}
