import type { Strings } from '../../shared/strings';
import { l10n } from '../l10n';

/**
 * The visualizer page's words in the display language, made when a panel's page is made (panel.ts)
 * and written into it (html.ts). One `l10n.t` per entry of the catalogue (src/shared/strings.ts),
 * its English the catalogue's default: the type asks for every key, and a unit test that the
 * English here is the default, word for word.
 */
export function webviewStrings(): Strings {
  return {
    'page.loading': l10n.t('Loading…'),
    'page.playgroundFailed': l10n.t('The playground could not compute this: {0}'),
    'page.drawFailed': l10n.t('The visualizer failed to draw this literal: {0}'),

    'playground.title': l10n.t('Playground'),
    'playground.temperature': l10n.t('Temperature'),
    'playground.temperature.hint': l10n.t('softmax(log p / T): below 1 sharper, above 1 flatter'),
    'playground.temperature.hint.loss': l10n.t('divides the logits by T (probabilities: p^(1/T), renormalised)'),
    'playground.smoothing': l10n.t('Label smoothing'),
    'playground.smoothing.hint': l10n.t('targets (1 − ε)·y + ε/C, C = {0}'),
    'playground.drag.distribution': l10n.t('Drag a bar of P in the chart below (or focus it and press ↑ or ↓) to change that probability; the others are rescaled to keep the sum 1.'),
    'playground.drag.pair': l10n.t('Drag a bar of P or Q in the chart below (or focus it and press ↑ or ↓) to change that probability; the others are rescaled to keep the sum 1.'),
    'playground.reset': l10n.t('Reset'),
    'playground.reset.title': l10n.t('Back to the literal as written'),
    'playground.copy': l10n.t('Copy as literal'),
    'playground.copy.title': l10n.t('Copy the numbers shown, in the literal’s own syntax'),
    'playground.apply': l10n.t('Apply to editor'),
    'playground.apply.title': l10n.t('Replace the literal in its document with the numbers shown (one undoable edit)'),

    'decomposition.label': l10n.t('Stacked bar: H(P,Q) = H(P) + D_KL(P‖Q), {0} = {1} + {2}.'),

    'live.title': l10n.t('Live value'),
    'live.follow': l10n.t('Follow while stepping'),
    'live.follow.title': l10n.t('Read this expression again at every stop of the debug session, and chart it'),
    'live.following': l10n.t('Following: read again at every stop'),
    'live.following.title': l10n.t('Stop reading the value again at each stop'),
    'live.history.title': l10n.t('{0} at each stop'),
    'live.history.titleWithUnit': l10n.t('{0} at each stop ({1})'),
    'live.history.caption': l10n.t('Each point is the value read when the program stopped; a gap is a stop where it could not be read.'),
    'live.history.table.one': l10n.t('Data table (1 stop)'),
    'live.history.table.many': l10n.t('Data table ({0} stops)'),
    'live.history.chart.one': l10n.t('{0}: 1 stop. The values are in the table below.'),
    'live.history.chart.many': l10n.t('{0}: {1} stops. The values are in the table below.'),
    'live.history.stop': l10n.t('stop'),
    'live.history.pausedAt': l10n.t('paused at'),
    'live.history.point': l10n.t('stop {0} at {1}: {2}'),
  };
}
