import type { FigureView } from '../shared/view-model';
import { el } from './dom';
import { math } from './math';
import { t } from './strings';

/**
 * What a screen reader says for a figure: its plain name ("entropy of P"), once. The typeset label
 * is for the eye and is hidden from assistive technology: KaTeX's MathML would read "H ( P )" and
 * then the plain label again.
 */
const PLAIN: Readonly<Record<string, () => string>> = {
  entropy: () => t('figure.name.entropy'),
  entropyQ: () => t('figure.name.entropyQ'),
  maxEntropy: () => t('figure.name.maxEntropy'),
  crossEntropy: () => t('figure.name.crossEntropy'),
  klPQ: () => t('figure.name.klPQ'),
  klQP: () => t('figure.name.klQP'),
  jsDivergence: () => t('figure.name.jsDivergence'),
  mutualInformation: () => t('figure.name.mutualInformation'),
  jointEntropy: () => t('figure.name.jointEntropy'),
  entropyX: () => t('figure.name.entropyX'),
  entropyY: () => t('figure.name.entropyY'),
  conditionalEntropyXGivenY: () => t('figure.name.conditionalEntropyXGivenY'),
  conditionalEntropyYGivenX: () => t('figure.name.conditionalEntropyYGivenX'),
  gaussianNll: () => t('figure.name.gaussianNll'),
  twoClassBce: () => t('figure.name.twoClassBce'),
};

/** The plain name of a figure; a batch of pairs' means say "mean". Unknown keys keep their label, already plain text. */
export function plainFigureName(figure: Pick<FigureView, 'key' | 'label'>): string {
  const plain = Object.hasOwn(PLAIN, figure.key) ? PLAIN[figure.key]() : undefined;
  if (figure.key === 'loss') return t('figure.name.loss', figure.label);
  if (figure.key === 'meanEntropy') return figure.label.replace(/^mean H\b/, () => t('figure.name.meanEntropy'));
  if (!plain) return figure.label;
  return figure.label.startsWith('mean ') && figure.key !== 'maxEntropy' ? t('figure.name.mean', plain) : plain;
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
