/**
 * The visualizer page's own words, with their English defaults. The webview cannot call
 * vscode.l10n, so the host translates every entry when it creates the panel
 * (src/extension/visualizer/webview-strings.ts) and puts the result in the page as JSON
 * (html.ts); the page reads it with `t(key)` (src/webview/strings.ts). A key missing or malformed
 * there falls back to its English default, so the page always has words.
 *
 * What the host or the core wrote (figure labels, notes, warnings, a live value's status) arrives
 * in the view model and the messages as text already; only the page's framing is here.
 */
export const DEFAULT_STRINGS = {
  'page.loading': 'Loading…',
  'page.playgroundFailed': 'The playground could not compute this: {0}',
  'page.drawFailed': 'The visualizer failed to draw this literal: {0}',

  'playground.title': 'Playground',
  'playground.temperature': 'Temperature',
  'playground.temperature.hint': 'softmax(log p / T): below 1 sharper, above 1 flatter',
  'playground.temperature.hint.loss': 'divides the logits by T (probabilities: p^(1/T), renormalised)',
  'playground.smoothing': 'Label smoothing',
  'playground.smoothing.hint': 'targets (1 − ε)·y + ε/C, C = {0}',
  'playground.drag.distribution': 'Drag a bar of P in the chart below (or focus it and press ↑ or ↓) to change that probability; the others are rescaled to keep the sum 1.',
  'playground.drag.pair': 'Drag a bar of P or Q in the chart below (or focus it and press ↑ or ↓) to change that probability; the others are rescaled to keep the sum 1.',
  'playground.reset': 'Reset',
  'playground.reset.title': 'Back to the literal as written',
  'playground.copy': 'Copy as literal',
  'playground.copy.title': 'Copy the numbers shown, in the literal’s own syntax',
  'playground.apply': 'Apply to editor',
  'playground.apply.title': 'Replace the literal in its document with the numbers shown (one undoable edit)',

  'decomposition.label': 'Stacked bar: H(P,Q) = H(P) + D_KL(P‖Q), {0} = {1} + {2}.',

  'live.title': 'Live value',
  'live.follow': 'Follow while stepping',
  'live.follow.title': 'Read this expression again at every stop of the debug session, and chart it',
  'live.following': 'Following: read again at every stop',
  'live.following.title': 'Stop reading the value again at each stop',
  'live.history.title': '{0} at each stop',
  'live.history.titleWithUnit': '{0} at each stop ({1})',
  'live.history.caption': 'Each point is the value read when the program stopped; a gap is a stop where it could not be read.',
  'live.history.table.one': 'Data table (1 stop)',
  'live.history.table.many': 'Data table ({0} stops)',
  'live.history.chart.one': '{0}: 1 stop. The values are in the table below.',
  'live.history.chart.many': '{0}: {1} stops. The values are in the table below.',
  'live.history.stop': 'stop',
  'live.history.pausedAt': 'paused at',
  'live.history.point': 'stop {0} at {1}: {2}',

  'figure.label': '{0}. {1} The data is in the table below.',
  'figure.table.one': 'Data table (1 row)',
  'figure.table.many': 'Data table ({0} rows)',

  'figure.name.entropy': 'entropy of P',
  'figure.name.entropyQ': 'entropy of Q',
  'figure.name.maxEntropy': 'maximum entropy, log n',
  'figure.name.crossEntropy': 'cross-entropy of P and Q',
  'figure.name.klPQ': 'Kullback–Leibler divergence of P from Q',
  'figure.name.klQP': 'Kullback–Leibler divergence of Q from P',
  'figure.name.jsDivergence': 'Jensen–Shannon divergence of P and Q',
  'figure.name.mutualInformation': 'mutual information of X and Y',
  'figure.name.jointEntropy': 'joint entropy of X and Y',
  'figure.name.entropyX': 'entropy of X',
  'figure.name.entropyY': 'entropy of Y',
  'figure.name.conditionalEntropyXGivenY': 'conditional entropy of X given Y',
  'figure.name.conditionalEntropyYGivenX': 'conditional entropy of Y given X',
  'figure.name.gaussianNll': 'Normal negative log-likelihood',
  'figure.name.twoClassBce': 'binary cross-entropy of the two classes',
  'figure.name.loss': 'loss, {0}',
  'figure.name.mean': 'mean {0}',
  'figure.name.meanEntropy': 'mean entropy',

  'toolbar.label': 'Panel options',
  'toolbar.view': 'View',
  'toolbar.view.figures': 'Figures',
  'toolbar.view.loss': 'Loss',
  'toolbar.loss': 'Loss',
  'toolbar.readAs': 'Read as',
  'toolbar.reading.probs': 'probabilities',
  'toolbar.reading.counts': 'counts',
  'toolbar.reading.logprobs': 'log-probs',
  'toolbar.unit': 'Unit',
  'toolbar.lock': 'Lock',
  'toolbar.lock.label': 'Lock to this literal',
  'toolbar.lock.title': 'Lock: keep showing this literal when the selection moves',
  'toolbar.more': 'More',
  'toolbar.more.title': 'More options: view, loss, reading, copy',
  'toolbar.copy': 'Copy',
  'toolbar.copy.markdown.label': 'Copy figures (Markdown)',
  'toolbar.copy.markdown.title': 'Copy the figures as a Markdown table',
  'toolbar.copy.latex.label': 'Copy LaTeX',
  'toolbar.copy.latex.title': 'Copy every formula as LaTeX',
  'toolbar.makeDefault': 'Make default',
  'toolbar.makeDefault.title': 'Write this panel’s choices to the settings ({0})',

  'loss.distribution': 'Output distribution: {0}',
  'loss.summary': '{0} over {1} samples.',
  'loss.why': 'Why: {0}',
  'loss.options': 'Options in effect',
  'loss.smoothing': 'Label smoothing',
  'loss.derivation': 'Derivation',
  'loss.step': 'Step {0}: {1}',
  'loss.step.copyLatex': 'Copy LaTeX',
  'loss.step.copyLatex.label': 'Copy LaTeX: step {0}',
  'loss.formula': 'The loss on these numbers',
  'loss.conventions.agree': 'PyTorch, Keras, scikit-learn and the exact formula agree on these numbers ({0}).',
  'loss.conventions': 'Conventions',
  'loss.conventions.caption': 'The frameworks differ only in how a probability becomes a log. The value shown is {0}’s.',
  'loss.conventions.convention': 'convention',
  'loss.conventions.framework': 'as computed by',
  'loss.conventions.rule': 'a probability’s log',
  'loss.conventions.follows': '(the value)',
  'loss.equivalences': 'Equivalences',
  'loss.charts': 'Charts',

  'status.goTo': 'Go to line {0}, column {1}',
  'status.error': 'This selection could not be read: {0} ({1}, line {2}, column {3})',
  'error.title': 'This selection could not be read',
  'error.where': '{0}, line {1}, column {2}',

  'block.klDirections': 'Both directions of the KL divergence',
  'block.charts': 'Charts',
  'block.formulas': 'Formulas',
  'block.read': 'What was read',
  'block.figures': 'Figures',
  'read.line': 'line {0}',
  'read.lines': 'lines {0}–{1}',
  'read.reveal': 'Reveal in editor',
  'read.warnings': 'Warnings',
  'figure.cause': 'at {0}',
  'decomposition.caption': 'The cross-entropy is the entropy plus the divergence: making Q closer to P can only shrink the second part.',
  'formula.symbolic': '{0}: the formula',
  'formula.substituted': '{0}: on these numbers',
  'formula.copyLatex': 'Copy LaTeX',
  'formula.copyLatex.label': 'Copy LaTeX: {0}',

  'chart.label.draggable': '{0}. {1} Each bar is a slider: drag it, or use the up and down arrow keys; left and right move between bars.',
  'chart.label.curve': '{0}. {1} The marked points are in the table below.',
  'chart.bar.slider': '{0}, element {1}',
  'chart.bar.value': '{0} of {1} = {2}',
  'chart.table.element': 'element',
  'chart.table.point': 'point',
  'chart.mark.loss': '{0}, loss {1}',
  'chart.unmarked.one': '1 more sample is not marked.',
  'chart.unmarked.many': '{0} more samples are not marked.',
  'chart.samples.one': '1 sample',
  'chart.samples.many': '{0} samples (the largest and the smallest loss named where there is room; all in the table)',
  'figure.table.bins.one': 'Data table (1 bin)',
  'figure.table.bins.many': 'Data table ({0} bins)',

  'histogram.caption.log': 'The height of a bar is how many elements have a probability in its bin, on a logarithmic probability axis, {0} bins a decade.',
  'histogram.caption.linear': 'The height of a bar is how many elements have a probability in its bin, on a linear probability axis.',
  'histogram.caption.zeros': 'Exact zeros ({0}) are the bar at 0.',
  'histogram.label.log': '{0}: {1} in {2} bins on a log probability axis{3}. The counts are in the table below.',
  'histogram.label.linear': '{0}: {1} in {2} bins on a linear probability axis{3}. The counts are in the table below.',
  'histogram.label.fullest': ', the fullest from {0} to {1}',
  'histogram.elements': '{0} elements',
  'histogram.elements.each': '{0} elements each',
  'histogram.bin': '{0}{1} from {2} to {3}',
  'histogram.bin.zero': '{0}{1} exactly 0',
  'histogram.table.from': 'from',
  'histogram.table.to': 'to (not included)',
  'histogram.table.elements': '{0}: elements',
  'histogram.table.zero': '(exactly 0)',
  'histogram.axis.log': 'probability (log scale)',
  'histogram.axis.linear': 'probability',

  'heatmap.axis.y': 'Y (columns)',
  'heatmap.axis.x': 'X (rows)',
  'heatmap.table': '{0}: rows are x, columns are y',

  'surprisal.token': 'token {0} “{1}”',
  'surprisal.mean': 'mean {0}',
  'surprisal.key.runs': '−log p per run of tokens (mean)',
  'surprisal.key.tokens': '−log p per token',
  'surprisal.key.mean': 'mean {0} {1} per token',
  'surprisal.key.perplexity': 'perplexity {0}',
  'surprisal.table.tokens': 'tokens',
  'surprisal.table.meanSurprisal': 'mean −log p ({0})',
  'surprisal.table.mean': 'mean',
  'surprisal.table.token': 'token',
  'surprisal.table.logprob': 'log p (natural)',

  'information.label': 'Stacked bars: H(X,Y) = H(X) + H(Y|X): {0} = {1} + {2}{6}; H(X,Y) = H(X|Y) + H(Y): {0} = {3} + {4}{6}; I(X;Y) = H(X) + H(Y) − H(X,Y) = {5}{6}, where H(X) and H(Y) overlap.',
  'information.caption': 'Both bars are the joint entropy. H(X) and H(Y) overlap by the mutual information I(X;Y) = H(X) + H(Y) − H(X,Y): what knowing one variable tells about the other.',
  'information.table': 'The joint entropy split two ways',
  'information.table.quantity': 'quantity',
  'information.table.value': 'value{0}',
} as const;

export type StringKey = keyof typeof DEFAULT_STRINGS;

/** The catalogue as the page holds it: every key, a string each. */
export type Strings = { readonly [K in StringKey]: string };

export const STRING_KEYS = Object.keys(DEFAULT_STRINGS) as StringKey[];

/** The id of the page's `<script type="application/json">` holding the catalogue. */
export const STRINGS_ELEMENT_ID = 'entropy-lens-strings';

/** A translation longer than this is not one: the default is kept. */
const MAX_LENGTH = 2000;

/**
 * The catalogue as far as `value` (parsed from the page) can be trusted: each key's string if it
 * has one, its English default otherwise. Unknown keys are not kept.
 */
export function stringsFrom(value: unknown): Strings {
  const out: Record<string, string> = { ...DEFAULT_STRINGS };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out as Strings;
  for (const key of STRING_KEYS) {
    const given = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof given === 'string' && given.length <= MAX_LENGTH) out[key] = given;
  }
  return out as Strings;
}

export type MessageArg = string | number | boolean;

/**
 * `{0}`, `{1}`… replaced by the arguments, as vscode.l10n.t does (VS Code's `format2`): a brace
 * pair naming no argument stays as written, and with no arguments the message is returned as is.
 */
export function formatMessage(message: string, args: readonly MessageArg[]): string {
  if (args.length === 0) return message;
  return message.replace(/{([^}]+)}/g, (match, name: string) => {
    const index = /^\d+$/.test(name) ? Number(name) : -1;
    return index >= 0 && index < args.length ? String(args[index]) : match;
  });
}
