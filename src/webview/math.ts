import katex from 'katex';

/**
 * KaTeX into DOM nodes with `katex.render` (styles through CSSOM, which a strict CSP allows; the
 * HTML string from renderToString would carry blocked style="" attributes). The TeX comes from
 * src/core/tex.ts, built only from numbers; `trust: false` keeps \href, \url and friends inert anyway.
 */
export function math(tex: string, display = false): HTMLElement {
  const node = document.createElement(display ? 'div' : 'span');
  node.className = display ? 'math math-display' : 'math';
  katex.render(tex, node, { throwOnError: false, trust: false, strict: 'ignore', displayMode: display, output: 'htmlAndMathml', maxExpand: 1000 });
  return node;
}
