import type { Evaluation } from '../core/evaluate';
import { buildViewModel } from '../shared/model/build';
import { evaluationAt } from '../shared/model/playground';
import { withEdit } from '../shared/model/playground-edit';
import { curveSeries, temperatureChart } from '../shared/model/temperature-curve';
import { IDENTITY, isIdentity, NO_EDITS, type BaseDistribution, type PlaygroundBase, type PlaygroundState } from '../shared/playground';
import type { SavedPlayground, ToWebview } from '../shared/protocol';
import type { CurveChart, ViewModel } from '../shared/view-model';
import { fromWire } from '../shared/wire';
import { CurveJob } from './curve-job';

/**
 * The page's side of the playground: the temperature, smoothing and edits a person set (the page
 * owns them; the host learns them only when asked to copy or apply), and the model drawn at them,
 * built with the host's own code bundled into the page. The literal as written is drawn from the
 * host's model, so a freshly opened panel computes nothing here.
 *
 * Edits belong to one literal: `key` fingerprints its numbers, and a new literal (or a document
 * edited while the panel was closed) drops them. The temperature and the smoothing are the panel's
 * lens and stay.
 */

export type Update = Extract<ToWebview, { type: 'update' }>;

export class PagePlayground {
  private stateValue: PlaygroundState = IDENTITY;
  private keyValue: string | undefined;
  private update: Update | undefined;
  private baseValue: PlaygroundBase | undefined;
  private computed: { state: PlaygroundState; evaluation: Evaluation; model: ViewModel; charts: boolean } | undefined;
  readonly curve: CurveJob;

  constructor(saved: SavedPlayground | undefined, onCurveDone: () => void) {
    this.curve = new CurveJob(onCurveDone);
    if (saved) {
      this.stateValue = { temperature: saved.temperature, smoothing: saved.smoothing, edits: saved.edits };
      this.keyValue = saved.key;
    }
  }

  get state(): PlaygroundState {
    return this.stateValue;
  }

  get base(): PlaygroundBase | undefined {
    return this.baseValue;
  }

  /** A new message from the host: the literal may have changed, and with it what edits mean. True for the same numbers. */
  accept(update: Update): boolean {
    this.update = update;
    this.computed = undefined;
    const base = update.content.kind === 'model' ? usable(update.content.model.playground) : undefined;
    this.baseValue = base;
    if (!base) return false;
    // Fingerprinting reads every number (3 MB for a pair of 100,000): only when edits depend on it.
    // A fresh panel has none, and its first paint does not wait for it.
    const edited = this.stateValue.edits.p.length + this.stateValue.edits.q.length > 0;
    if (!edited) {
      this.keyValue = undefined;
      return false;
    }
    const key = fingerprint(base);
    const same = key === this.keyValue;
    if (!same) this.stateValue = { ...this.stateValue, edits: NO_EDITS };
    this.keyValue = key;
    return same;
  }

  /** The literal's fingerprint, computed when first needed. */
  private get key(): string | undefined {
    if (this.keyValue === undefined && this.baseValue) this.keyValue = fingerprint(this.baseValue);
    return this.keyValue;
  }

  set(state: PlaygroundState): void {
    this.stateValue = state;
  }

  reset(): void {
    this.stateValue = IDENTITY;
  }

  /** The state as it applies to this literal: smoothing only for a loss, edits only for distributions. */
  effective(): PlaygroundState {
    const base = this.baseValue;
    if (!base) return IDENTITY;
    const s = this.stateValue;
    return base.kind === 'loss' ? { ...s, edits: NO_EDITS } : { ...s, smoothing: 0 };
  }

  /** What to save with setState. */
  saved(): SavedPlayground | undefined {
    if (this.key === undefined || isIdentity(this.stateValue)) return undefined;
    return { ...this.stateValue, key: this.key };
  }

  /**
   * The update to draw: the host's own at the literal as written, else its model at the state —
   * without its bar and curve charts when `charts` is false (they are off screen and kept).
   */
  current(charts = true): Update | undefined {
    const update = this.update;
    const base = this.baseValue;
    if (!update || !base || update.content.kind !== 'model') return update;
    const state = this.effective();
    if (isIdentity(state)) return update;
    if (!this.computed || !sameState(this.computed.state, state) || (charts && !this.computed.charts)) {
      const hostModel = update.content.model;
      const evaluation = evaluationAt(base, state);
      const model = buildViewModel(evaluation, { source: hostModel.source, precision: update.settings.precision, view: update.state.view, playground: { base, state }, charts });
      this.computed = { state, evaluation, model, charts };
    }
    return { ...update, content: { kind: 'model', model: this.computed.model } };
  }

  /** The probability of element `index` of P (0) or Q (1) as the panel shows it. */
  shown(series: number, index: number): number | undefined {
    const evaluation = this.computed && sameState(this.computed.state, this.effective()) ? this.computed.evaluation : undefined;
    if (evaluation && (evaluation.kind === 'distribution' || evaluation.kind === 'pair')) {
      const d = series === 0 ? evaluation.p : evaluation.kind === 'pair' ? evaluation.q : undefined;
      return d?.p[index];
    }
    const d = this.distribution(series);
    return d?.p[index];
  }

  /** Drags element `index` of P or Q to `value` as shown; the others keep their proportions. */
  drag(series: number, index: number, value: number): void {
    const d = this.distribution(series);
    if (!d || !(index >= 0 && index < d.p.length)) return;
    const s = this.stateValue;
    const name = series === 0 ? 'p' : 'q';
    const edits = withEdit(d, s.edits[name], s.temperature, index, value);
    this.stateValue = { ...s, edits: { ...s.edits, [name]: edits } };
  }

  /** The figures against the temperature for `model`, as far as they are computed yet. */
  temperatureChart(model: ViewModel): CurveChart | undefined {
    const base = this.baseValue;
    if (!base || this.key === undefined) return undefined;
    const state = this.effective();
    const curveKey = `${this.key}|${state.smoothing}|${JSON.stringify(state.edits)}`;
    const { points, complete } = this.curve.pointsFor(curveKey, base, state);
    const keys = curveSeries(base).keys;
    const current = keys.map((key) => {
      const figure = model.figures.find((f) => f.key === key);
      return figure ? fromWire(figure.value) : Number.NaN;
    });
    return temperatureChart(base, points, state.temperature, current, complete);
  }

  private distribution(series: number): BaseDistribution | undefined {
    const base = this.baseValue;
    if (!base || base.kind === 'loss') return undefined;
    return series === 0 ? base.p : base.kind === 'pair' ? base.q : undefined;
  }
}

/** Edits are replaced, never changed in place: comparing the arrays is comparing the edits. */
function sameState(a: PlaygroundState, b: PlaygroundState): boolean {
  return a.temperature === b.temperature && a.smoothing === b.smoothing && a.edits.p === b.edits.p && a.edits.q === b.edits.q;
}

/** The base if its arrays are what the playground needs (the host sent it; anything else posts nothing usable). */
function usable(value: PlaygroundBase | undefined): PlaygroundBase | undefined {
  if (!value) return undefined;
  const distribution = (d: BaseDistribution | undefined) => d !== undefined && d.p instanceof Float64Array && d.logP instanceof Float64Array && d.p.length === d.logP.length && d.p.length > 0;
  switch (value.kind) {
    case 'distribution':
      return distribution(value.p) ? value : undefined;
    case 'pair':
      return distribution(value.p) && distribution(value.q) && value.p.p.length === value.q.p.length ? value : undefined;
    case 'loss':
      return value.targets instanceof Float64Array && value.predictions instanceof Float64Array && value.predictions.length > 0 ? value : undefined;
    default:
      return undefined;
  }
}

/** FNV-1a over the bytes of the literal's numbers: the same numbers, the same key. */
export function fingerprint(base: PlaygroundBase): string {
  const arrays = base.kind === 'loss' ? [base.targets, base.predictions] : base.kind === 'pair' ? [base.p.p, base.q.p] : [base.p.p];
  let hash = 0x811c9dc5;
  for (const array of arrays) {
    const words = new Uint32Array(array.buffer, array.byteOffset, array.byteLength / 4);
    for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 0x01000193) >>> 0;
    hash = Math.imul(hash ^ array.length, 0x01000193) >>> 0;
  }
  return `${base.kind}:${arrays[0].length}:${hash.toString(16)}`;
}
