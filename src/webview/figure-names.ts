import type { FigureView } from '../shared/view-model';
import { el } from './dom';
import { math } from './math';

/**
 * What a screen reader says for a figure: its plain name ("entropy of P"), once. The typeset label
 * is for the eye and is hidden from assistive technology: KaTeX's MathML would read "H ( P )" and
 * then the plain label again.
 */
const PLAIN: Readonly<Record<string, string>> = {
  entropy: 'entropy of P',
  entropyQ: 'entropy of Q',
  maxEntropy: 'maximum entropy, log n',
  crossEntropy: 'cross-entropy of P and Q',
  klPQ: 'Kullback–Leibler divergence of P from Q',
  klQP: 'Kullback–Leibler divergence of Q from P',
  jsDivergence: 'Jensen–Shannon divergence of P and Q',
  mutualInformation: 'mutual information of X and Y',
  jointEntropy: 'joint entropy of X and Y',
  entropyX: 'entropy of X',
  entropyY: 'entropy of Y',
  conditionalEntropyXGivenY: 'conditional entropy of X given Y',
  conditionalEntropyYGivenX: 'conditional entropy of Y given X',
  gaussianNll: 'Normal negative log-likelihood',
  twoClassBce: 'binary cross-entropy of the two classes',
};

/** The plain name of a figure; a batch of pairs' means say "mean". Unknown keys keep their label, already plain text. */
export function plainFigureName(figure: Pick<FigureView, 'key' | 'label'>): string {
  const plain = PLAIN[figure.key];
  if (figure.key === 'loss') return `loss, ${figure.label}`;
  if (figure.key === 'meanEntropy') return figure.label.replace(/^mean H\b/, 'mean entropy');
  if (!plain) return figure.label;
  return figure.label.startsWith('mean ') && figure.key !== 'maxEntropy' ? `mean ${plain}` : plain;
}

/** A figure's term: the typeset label for the eye, the plain name for the ear. */
export function figureTerm(figure: FigureView): HTMLElement {
  const typeset = math(figure.tex);
  typeset.setAttribute('aria-hidden', 'true');
  return el('dt', {}, typeset, el('span', { class: 'visually-hidden' }, plainFigureName(figure)));
}

/**
 * A display formula that may scroll sideways: Chromium makes a scroller a Tab stop when its content
 * overflows, so it is given a region's role and the formula's name, read when it takes focus.
 */
export function namedFormula(node: HTMLElement, name: string): HTMLElement {
  node.setAttribute('role', 'region');
  node.setAttribute('aria-label', name);
  return node;
}
