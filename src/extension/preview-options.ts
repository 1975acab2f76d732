import { hashOf } from './rows-choice';
import { CONVENTIONS, REDUCTIONS, type Convention, type LossOptions, type Reduction } from '../core/loss-options';

/** What Preview Loss's Options… pick sets for one literal, over the settings. */
export interface PreviewOptions {
  readonly reduction?: Reduction;
  readonly labelSmoothing?: number;
  readonly convention?: Convention;
}

/** The options Preview Loss takes for one literal (its second argument, the Options… pick). */
export const PREVIEW_OPTION_KEYS: readonly (keyof PreviewOptions)[] = ['reduction', 'labelSmoothing', 'convention'];

/** Literals whose preview options are kept: a session's worth of trying options out. */
const MAX_LITERALS = 100;

/**
 * The options chosen in Preview Loss's Options… pick, remembered per literal for the session (the
 * window): by the document's uri and the literal's text without whitespace, so the choice follows
 * the literal when lines move and lapses when its numbers change, as the rows choice does. Not
 * saved: a reduction tried on one literal should not outlive the session that tried it; what should
 * last belongs in the settings (entropyLens.lossOptions.*). See docs/decisions.md.
 */
export class PreviewOptionsStore {
  readonly #byLiteral = new Map<string, PreviewOptions>();

  /** The literal's options; the text is asked for only when some literal has options. */
  get(uri: string, text: () => string): PreviewOptions | undefined {
    if (this.#byLiteral.size === 0) return undefined;
    return this.#byLiteral.get(keyOf(uri, text()));
  }

  /** Remembers the options for the literal; empty options forget it (the settings apply again). */
  set(uri: string, text: string, options: PreviewOptions): void {
    const key = keyOf(uri, text);
    this.#byLiteral.delete(key);
    if (Object.keys(options).length === 0) return;
    this.#byLiteral.set(key, options);
    // Map keeps insertion order: the first key is the least recently chosen.
    if (this.#byLiteral.size > MAX_LITERALS) this.#byLiteral.delete(this.#byLiteral.keys().next().value as string);
  }
}

function keyOf(uri: string, text: string): string {
  return `${uri}\n${hashOf(text.replace(/\s+/g, ''))}`;
}

/**
 * What "Preview with these options" remembers: this literal's earlier choice with the values changed
 * now over it. A value shown as it was in effect is not a choice: remembering it would pin the
 * literal to it against a later change of the settings.
 */
export function changedOver(remembered: PreviewOptions | undefined, shown: PreviewOptions, chosen: PreviewOptions): PreviewOptions {
  const changed = (Object.keys(chosen) as (keyof PreviewOptions)[]).filter((key) => chosen[key] !== shown[key]);
  return { ...remembered, ...Object.fromEntries(changed.map((key) => [key, chosen[key]])) };
}

/** The options in effect: the settings', with the preview's over them. */
export function withPreview(settings: LossOptions, preview: PreviewOptions | undefined): LossOptions {
  return preview ? { ...settings, ...preview } : settings;
}

/** ε as typed in the Options… input box: a decimal number in [0, 1], else undefined. */
export function smoothingOf(text: string): number | undefined {
  if (!/^\s*(\d+\.?\d*|\.\d+)(e-?\d+)?\s*$/i.test(text)) return undefined;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : undefined;
}

/**
 * Preview Loss's second argument, `{ reduction, labelSmoothing, convention }` (a keybinding's or
 * another extension's way to preview with options), checked strictly: the options, or what is wrong.
 */
export function previewOptionsArgument(arg: unknown): PreviewOptions | string {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return 'the options must be an object such as {"reduction": "sum"}';
  const record = arg as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !(PREVIEW_OPTION_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) return `unknown option ${unknown.map((key) => `"${key}"`).join(', ')}: Preview Loss takes "reduction", "labelSmoothing" and "convention"`;
  const { reduction, labelSmoothing, convention } = record;
  if (reduction !== undefined && !REDUCTIONS.includes(reduction as Reduction)) return `"reduction" must be one of ${REDUCTIONS.join(', ')}`;
  if (convention !== undefined && !CONVENTIONS.includes(convention as Convention)) return `"convention" must be one of ${CONVENTIONS.join(', ')}`;
  if (labelSmoothing !== undefined && !(typeof labelSmoothing === 'number' && labelSmoothing >= 0 && labelSmoothing <= 1)) return '"labelSmoothing" must be a number from 0 to 1';
  return {
    ...(reduction !== undefined ? { reduction: reduction as Reduction } : {}),
    ...(labelSmoothing !== undefined ? { labelSmoothing: labelSmoothing } : {}),
    ...(convention !== undefined ? { convention: convention as Convention } : {}),
  };
}
