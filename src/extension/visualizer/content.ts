import type { Content, ViewName } from '../../shared/protocol';
import { buildViewModel } from '../../shared/model/build';
import { l10n } from '../l10n';
import type { Settings } from '../settings';
import type { TargetSource } from '../targets/source';
import type { Outcome } from '../targets/target';

/** What the panel shows for an outcome: the view model of its evaluation, or its error, placed. */
export function contentOf(outcome: Outcome, settings: Settings, view: ViewName): Content {
  if (outcome.kind === 'error') {
    const { source, literalError, line, column } = outcome.error;
    // A position in the JSON text built in the debuggee would help no one: the value is named instead.
    if (source.kind === 'debug') return { kind: 'empty', message: l10n.t('{0} could not be evaluated: {1}.', source.describe(), literalError.message) };
    return { kind: 'error', error: { message: literalError.message, code: literalError.code, fileName: source.name, line, column } };
  }
  const source = outcome.target.sources[0];
  const model = buildViewModel(outcome.evaluation, { source: placeOf(source), precision: settings.precision, view });
  return { kind: 'model', model };
}

/**
 * The lines a source spans, 1-based, for the panel's heading ("train.py, line 4"). A live value is
 * headed by where the program is paused: "probs: live value, paused at train.py, line 42".
 */
function placeOf(source: TargetSource): { fileName: string; line: number; endLine: number } {
  if (source.kind === 'debug') {
    const location = source.frame.location;
    const line = location?.line ?? 1;
    return { fileName: l10n.t('{0}: live value, paused at {1}', source.expression, location?.fileName ?? source.frame.session.name), line, endLine: line };
  }
  return { fileName: source.name, line: source.locate(0).line, endLine: source.locate(source.text().length).line };
}

// Functions, not constants: a message is translated when it is shown, once the features have
// handed VS Code's l10n over (../l10n), not when this module loads.
export function nothingSelected(): Content {
  return {
    kind: 'empty',
    message: l10n.t('Select a literal of numbers — [0.2, 0.8], [[P], [Q]], or {"y": […], "p": […]} — or put the cursor inside one. The panel follows the selection.'),
  };
}

/** A panel restored after a reload that showed a live value: the value went with its session. */
export function liveEnded(): Content {
  return {
    kind: 'empty',
    message: l10n.t('This panel showed a live value of a debug session that has ended; its history is below. Debug again and evaluate the expression to see it now.'),
  };
}

export function emptySelection(): Content {
  return { kind: 'empty', message: l10n.t('The selection is empty. Select a literal of numbers, or put the cursor inside one.') };
}

/** A source that is gone (deleted, renamed): say so, and how to go on. */
export function unavailable(message: string): Content {
  return { kind: 'empty', message: l10n.t('{0} Select a literal in an editor to show it here.', message) };
}
