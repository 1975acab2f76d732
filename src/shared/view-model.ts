import type { Evaluation } from '../core/evaluate';
import type { LossName, Unit } from '../core/types';
import type { PlaygroundBase } from './playground';
import type { WireNumber } from './wire';

/**
 * The visualizer's view model: everything the webview draws, already formatted, JSON-safe and bounded
 * in size — but for `playground`, the numbers behind it. Only the types live here, shared by both
 * sides; src/shared/model/build.ts builds it, on the host for each literal and in the page (the
 * same code, bundled) for each playground change.
 */

export interface SourceView {
  /** The document's base name; user text, shown only as a text node. */
  readonly fileName: string;
  /** 1-based lines of the literal. */
  readonly line: number;
  readonly endLine: number;
}

export interface FigureView {
  readonly key: string;
  readonly label: string;
  /** TeX of the label, from the core (never user text). */
  readonly tex: string;
  readonly value: WireNumber;
  /** The value formatted to the chosen precision ("∞" when infinite). */
  readonly display: string;
  readonly unit?: string;
  /** Why it is infinite: "element 3", "sample 2". */
  readonly cause?: string;
  /** What the playground changed, "T = 2.51, edited": the figure is not the literal's as written. */
  readonly condition?: string;
}

export interface FormulaView {
  readonly id: string;
  readonly title: string;
  readonly tex: string;
  readonly substituted: string;
}

export interface BarRow {
  /** Element label: an index, or a key from the literal (user text). */
  readonly label: string;
  readonly values: readonly WireNumber[];
  readonly displays: readonly string[];
  /** True for the folded "the other N" row. */
  readonly other?: boolean;
  /** The element's index in the literal (kept rows of a summarised chart are not in order). */
  readonly index?: number;
}

export interface BarChart {
  readonly id: string;
  readonly title: string;
  /** What a person should see in it, one sentence. */
  readonly caption: string;
  readonly series: readonly string[];
  readonly rows: readonly BarRow[];
  /** Bars go below the axis for negative values. */
  readonly signed: boolean;
  /** Elements before summarising. */
  readonly total: number;
  /** A horizontal reference line (e.g. log n for row entropies). */
  readonly reference?: { readonly value: number; readonly label: string };
  /** Its bars of P (series 0) and Q (series 1) can be dragged: the playground's edits. */
  readonly draggable?: boolean;
  /** For a long vector, how many elements have each probability (model/histogram.ts). */
  readonly histogram?: Histogram;
}

/** A bin of a histogram: [lo, hi), and how many elements of each series fall in it. */
export interface HistogramBin {
  readonly lo: number;
  readonly hi: number;
  readonly counts: readonly number[];
}

export interface Histogram {
  readonly id: string;
  readonly title: string;
  readonly series: readonly string[];
  /** The probability axis: logarithmic when the values span a decade or more. */
  readonly scale: 'log' | 'linear';
  /** Contiguous and ascending; every positive value is in exactly one. */
  readonly bins: readonly HistogramBin[];
  /** Exact zeros of each series, which have no place on a log axis. */
  readonly zeros: readonly number[];
  /** Elements per series. */
  readonly total: number;
}

export interface CurveLine {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface CurveMark {
  readonly x: number;
  readonly y: WireNumber;
  readonly label: string;
  /** A short name written next to the dot and in the legend ("P", "Q"), for the few named points. */
  readonly name?: string;
  /** The colour of the dot: the series it belongs to (0 = P, 1 = Q), as in the bar charts. */
  readonly series?: number;
}

export interface CurveChart {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly lines: readonly CurveLine[];
  readonly marks: readonly CurveMark[];
  /** Samples not marked: a curve marks only the largest few hundred losses. */
  readonly marksLeftOff: number;
  /** The x axis is logarithmic (the temperature), ticked at 1, 2 and 5 × 10^k. */
  readonly xLog?: boolean;
  /** A vertical line at the current x (the temperature the panel shows). */
  readonly cursor?: { readonly x: number; readonly label: string };
}

export interface EquivalenceView {
  readonly title: string;
  readonly caption: string;
  readonly tex: string;
}

/** One loss option in effect (entropyLens.lossOptions.*, Preview Loss's Options…), and what it does. */
export interface LossOptionView {
  readonly key: 'reduction' | 'weight' | 'posWeight' | 'ignoreIndex' | 'labelSmoothing' | 'convention';
  /** As PyTorch names it: "reduction", "weight", "pos_weight", … */
  readonly name: string;
  readonly value: string;
  readonly effect: string;
}

/** BCE/CCE under the four conventions, side by side (model/loss-options-view.ts). */
export interface ConventionsView {
  /** Whose figure is the loss's value. */
  readonly follows: string;
  /** Whether any two differ at the shown precision: the table is drawn only then. */
  readonly differ: boolean;
  /** What the column holds: the value, or the mean per sample for reduction "none". */
  readonly column: string;
  readonly rows: readonly { readonly convention: string; readonly framework: string; readonly rule: string; readonly display: string; readonly follows: boolean }[];
}

export interface LossView {
  readonly name: LossName;
  readonly label: string;
  readonly distribution: string;
  readonly reason: string;
  readonly samples: number;
  readonly derivation: readonly { readonly caption: string; readonly tex: string }[];
  readonly formula: FormulaView;
  readonly perSample: BarChart;
  readonly curve?: CurveChart;
  /** Why there is no curve (soft labels). */
  readonly curveMissing?: string;
  readonly equivalences: readonly EquivalenceView[];
  /** Label smoothing in effect (the playground): the targets it makes, (1 − ε)·y + ε/C. */
  readonly smoothing?: FormulaView;
  /** The loss options in effect (empty: PyTorch's defaults). */
  readonly options: readonly LossOptionView[];
  /** BCE/CCE: the four conventions' figures. */
  readonly conventions?: ConventionsView;
}

/** One cell, bar or marginal: the number (for drawing) and its display at the chosen precision. */
export interface ValueView {
  readonly value: WireNumber;
  readonly display: string;
}

/**
 * A joint table as the heatmap draws it (src/shared/model/joint.ts). A table past JOINT_MAX_SIDE rows
 * or columns keeps the rows (columns) of largest marginal and folds the rest into one "the other N"
 * row (column), so the cells still sum to 1 and the marginals are still the cells' sums.
 */
export interface JointView {
  readonly title: string;
  readonly caption: string;
  /** X's values (the rows), then Y's (the columns): indices, or "the other N". */
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** How many rows (columns) the literal's table has, before folding. */
  readonly rowsTotal: number;
  readonly columnsTotal: number;
  /** Which label is a folded "the other N" (at most the last of each). */
  readonly rowFolded: boolean;
  readonly columnFolded: boolean;
  /** p(x, y), row-major, rowLabels.length × columnLabels.length. */
  readonly cells: readonly ValueView[];
  /** p(x) and p(y): the sums of the cells' rows and columns. */
  readonly marginalX: readonly ValueView[];
  readonly marginalY: readonly ValueView[];
  /** The largest cell not folded: the strongest shade (a larger folded cell is drawn at it). */
  readonly max: number;
}

/** The per-token surprisal chart of a sequence (src/shared/model/sequence.ts). */
export interface SequenceView {
  readonly title: string;
  readonly caption: string;
  /**
   * One bar a token; past SEQUENCE_MAX_BARS tokens, one bar per run of consecutive tokens holding
   * their mean surprisal (`from`–`to`), so the chart keeps the text's order.
   */
  readonly bars: readonly SurprisalBar[];
  readonly tokens: number;
  /** Whether the bars are runs of tokens. */
  readonly runs: boolean;
  readonly unit: Unit;
  readonly mean: ValueView;
  readonly perplexity: ValueView;
}

export interface SurprisalBar {
  /** The token as written (user text, shown as a text node), or "tokens 40–59" for a run. */
  readonly label: string;
  /** The label with whitespace made visible (␣, ⏎, ⇥), for the axis; a run's first token's index. */
  readonly shown: string;
  readonly from: number;
  readonly to: number;
  /** −log p in the unit (a run's mean); +∞ for probability 0. */
  readonly surprisal: ValueView;
  /** ln p as given (absent for a run). */
  readonly logprob?: ValueView;
}

export interface ViewModel {
  readonly kind: Evaluation['kind'];
  readonly source: SourceView;
  /** What the literal is: "pair of 3-element distributions P and Q, read as probs". */
  readonly shape: string;
  readonly unit: Unit;
  readonly interpretation: string;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
  readonly figures: readonly FigureView[];
  readonly formulas: readonly FormulaView[];
  readonly bars: readonly BarChart[];
  readonly curves: readonly CurveChart[];
  readonly loss?: LossView;
  /** In the loss view, why this literal has no loss. */
  readonly lossUnavailable?: string;
  /** A joint table's heatmap with its marginals. */
  readonly joint?: JointView;
  /** A sequence's per-token surprisal chart. */
  readonly sequence?: SequenceView;
  /**
   * The literal's distributions (or loss inputs) as the core read them, for the page to recompute
   * everything at another temperature, smoothing or dragged bar (typed arrays: binary on the wire).
   * Absent for batches, MSE and vectors longer than PLAYGROUND_MAX_ELEMENTS.
   */
  readonly playground?: PlaygroundBase;
  /** What the playground changed ("T = 2.51, edited"); absent for the literal as written. */
  readonly condition?: string;
}
