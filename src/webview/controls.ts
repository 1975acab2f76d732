import { smoothingText, temperatureText } from '../shared/model/playground-text';
import { SMOOTHING_MAX, TEMPERATURE_MAX, TEMPERATURE_MIN, type PlaygroundBase, type PlaygroundState } from '../shared/playground';
import type { CurveChart, ViewModel } from '../shared/view-model';
import { button, el } from './dom';
import { t } from './strings';

/**
 * The playground's controls: the temperature slider (log scale: the range input holds log₁₀ T, so
 * Home is 0.1, End is 10 and each arrow press multiplies T by 10^0.01), the label-smoothing slider
 * for a BCE or CCE loss, and Reset / Copy as literal / Apply to editor. The sliders are native range
 * inputs — pointer, touch, keyboard and screen readers come with them — whose `input` events the
 * page handles on its root (main.ts), so a slider kept across draws keeps its drag.
 */

export interface PlaygroundUi {
  readonly base: PlaygroundBase;
  /** The state as it applies to this literal. */
  readonly state: PlaygroundState;
  temperatureChart(model: ViewModel): CurveChart | undefined;
  reset(): void;
  copyLiteral(): void;
  applyLiteral(): void;
}

/** log₁₀ T in hundredths: the slider's value. */
export const TEMPERATURE_STEP = 0.01;

export function temperatureOfSlider(value: number): number {
  // Whole hundredths of a decade, so T = 1 is exactly 1 and the ends are exactly 0.1 and 10.
  const exponent = Math.round(value / TEMPERATURE_STEP) * TEMPERATURE_STEP;
  return Math.min(TEMPERATURE_MAX, Math.max(TEMPERATURE_MIN, exponent === 0 ? 1 : Math.pow(10, exponent)));
}

export function sliderOfTemperature(temperature: number): string {
  return (Math.round(Math.log10(temperature) / TEMPERATURE_STEP) * TEMPERATURE_STEP).toFixed(2);
}

export function playgroundSection(ui: PlaygroundUi): HTMLElement {
  const { base, state } = ui;
  const isLoss = base.kind === 'loss';
  const edited = state.edits.p.length + state.edits.q.length > 0;
  const changed = state.temperature !== 1 || state.smoothing !== 0 || edited;
  const rows: HTMLElement[] = [
    sliderRow({
      id: 'temperature',
      label: t('playground.temperature'),
      min: Math.log10(TEMPERATURE_MIN).toFixed(2),
      max: Math.log10(TEMPERATURE_MAX).toFixed(2),
      step: TEMPERATURE_STEP.toFixed(2),
      value: sliderOfTemperature(state.temperature),
      text: temperatureText(state.temperature),
      hint: isLoss ? t('playground.temperature.hint.loss') : t('playground.temperature.hint'),
    }),
  ];
  if (isLoss) {
    rows.push(
      sliderRow({
        id: 'smoothing',
        label: t('playground.smoothing'),
        min: '0',
        max: String(SMOOTHING_MAX),
        step: '0.01',
        value: String(state.smoothing),
        text: smoothingText(state.smoothing),
        hint: t('playground.smoothing.hint', base.loss === 'bce' ? 2 : (base.predictionColumns ?? 2)),
      }),
    );
  }
  const literal = base.kind !== 'loss';
  return el(
    'section',
    { class: 'block playground', attrs: { 'aria-label': t('playground.title'), 'data-block': 'playground' } },
    el('h2', {}, t('playground.title')),
    ...rows,
    literal ? el('p', { class: 'hint' }, (base.kind === 'pair' ? t('playground.drag.pair') : t('playground.drag.distribution'))) : null,
    el(
      'div',
      { class: 'playground-actions' },
      button(t('playground.reset'), 'playground:reset', () => ui.reset(), { class: 'action', attrs: disabledUnless(changed, t('playground.reset.title')) }),
      literal ? button(t('playground.copy'), 'playground:copy', () => ui.copyLiteral(), { class: 'action', attrs: disabledUnless(state.temperature !== 1 || edited, t('playground.copy.title')) }) : null,
      literal ? button(t('playground.apply'), 'playground:apply', () => ui.applyLiteral(), { class: 'action', attrs: disabledUnless(state.temperature !== 1 || edited, t('playground.apply.title')) }) : null,
    ),
  );
}

interface SliderSpec {
  readonly id: 'temperature' | 'smoothing';
  readonly label: string;
  readonly min: string;
  readonly max: string;
  readonly step: string;
  readonly value: string;
  readonly text: string;
  readonly hint: string;
}

function sliderRow(spec: SliderSpec): HTMLElement {
  const input = el('input', {
    class: 'slider',
    attrs: {
      type: 'range',
      id: spec.id,
      min: spec.min,
      max: spec.max,
      step: spec.step,
      value: spec.value,
      'aria-valuetext': spec.text,
      'aria-describedby': `${spec.id}-hint`,
      'data-control': spec.id,
      'data-focus': spec.id,
    },
  });
  return el(
    'div',
    { class: 'slider-row' },
    el('label', { attrs: { for: spec.id } }, spec.label),
    input,
    el('output', { class: 'slider-value', attrs: { for: spec.id, 'data-output': spec.id } }, spec.text),
    el('span', { class: 'hint', attrs: { id: `${spec.id}-hint` } }, spec.hint),
  );
}

function disabledUnless(enabled: boolean, title: string): Record<string, string> {
  return enabled ? { title } : { title, disabled: '' };
}
