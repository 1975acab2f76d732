import { DEFAULT_IGNORE_INDEX, type Convention } from './loss-options';
import type { LossEvaluation } from './loss-types';
import { logSymbol, texNumber } from './tex-number';

/**
 * The formula of a cross-entropy loss with the frameworks' options (issue 9 item 2): the positive
 * weight, class weights, smoothed targets, ignored targets, the reduction and the convention, each
 * written into the formula when given. The substituted form lists each sample's loss, since with
 * options a sample's loss is no longer one −log p.
 */

interface Formula {
  readonly id: string;
  readonly title: string;
  readonly tex: string;
  readonly substituted: string;
}

const WRITTEN_OUT = 6;

/** How each convention turns a probability into a log, as TeX. */
const CONVENTION_TEX: Record<Exclude<Convention, 'exact'>, (log: string) => string> = {
  torch: (log) => `${log} p \\to \\max(${log} p, -100)`,
  keras: () => `p \\to \\operatorname{clip}(p, 10^{-7}, 1 - 10^{-7})`,
  sklearn: () => `p \\to \\operatorname{clip}(p, \\epsilon, 1 - \\epsilon),\\ \\epsilon = 2^{-52}`,
};

export function crossEntropyOptionsFormula(evaluation: LossEvaluation & { loss: 'bce' | 'cce' }, precision: number): Formula {
  const log = logSymbol(evaluation.unit);
  const options = evaluation.options ?? {};
  const bce = evaluation.loss === 'bce';
  const name = bce ? 'BCE' : 'CCE';
  const smoothing = options.labelSmoothing !== undefined && options.labelSmoothing > 0;
  const y = smoothing ? '\\tilde y' : 'y';
  const term = bce
    ? `\\ell_n = -\\left[${options.posWeight !== undefined ? 'w_{+}\\,' : ''}${y}_n ${log} p_n + (1 - ${y}_n) ${log}(1 - p_n)\\right]`
    : `\\ell_n = -\\sum_k ${options.weight ? 'w_k\\,' : ''}${y}_{nk} ${log} p_{nk}`;
  const parts = [`${reduction(evaluation, name)}`, term];
  if (smoothing) parts.push(bce ? `\\tilde y_n = (1 - \\varepsilon)\\,y_n + \\tfrac{\\varepsilon}{2}` : `\\tilde y_{nk} = (1 - \\varepsilon)\\,y_{nk} + \\tfrac{\\varepsilon}{${evaluation.classes}}`);
  if (evaluation.interpretation === 'logits') parts.push(bce ? 'p_n = \\sigma(z_n)' : 'p_n = \\operatorname{softmax}(z_n)');
  if (evaluation.convention && evaluation.convention !== 'exact') parts.push(CONVENTION_TEX[evaluation.convention](log));
  const num = (x: number) => texNumber(x, precision);
  const per = evaluation.perSample;
  const listed = per.length <= WRITTEN_OUT ? Array.from(per, num).join(' + ') : `${Array.from(per.subarray(0, 3), num).join(' + ')} + \\cdots + ${num(per[per.length - 1])}`;
  const symbol = `\\mathcal{L}_{\\mathrm{${name}}}`;
  const substituted =
    evaluation.reduction === 'none'
      ? `\\ell = \\left(${listed.replace(/ \+ /g, ',\\ ')}\\right)`
      : evaluation.reduction === 'sum'
        ? `${symbol} = ${listed} = ${num(evaluation.value)}`
        : `${symbol} = \\frac{1}{${num(evaluation.denominator ?? per.length)}}\\left[${listed}\\right] = ${num(evaluation.value)}`;
  return { id: 'loss', title: `${bce ? 'Binary' : 'Categorical'} cross-entropy with options`, tex: parts.join(',\\quad '), substituted };
}

/** The reduction: Σ, the mean (over Σ w of the targets for weighted class indices), or each ℓ_n. */
function reduction(evaluation: LossEvaluation, name: string): string {
  const symbol = `\\mathcal{L}_{\\mathrm{${name}}}`;
  const ignore = evaluation.options?.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  const indices = evaluation.loss === 'cce' && evaluation.targets.length === evaluation.samples;
  const over = indices ? `_{n:\\,y_n \\neq ${ignore}}` : '_{n}';
  switch (evaluation.reduction) {
    case 'none':
      return `\\mathcal{L}_n = \\ell_n`;
    case 'sum':
      return `${symbol} = \\sum${over} \\ell_n`;
    default: {
      const denominator = indices && evaluation.options?.weight ? `\\sum${over} w_{y_n}` : 'N';
      return `${symbol} = \\frac{1}{${denominator}}\\sum${over} \\ell_n`;
    }
  }
}
