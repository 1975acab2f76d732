/**
 * TeX → SVG for hovers, which cannot run KaTeX (their Markdown is sanitised: no <svg>, no <math>,
 * no styles). MathJax's SVG output draws every glyph as a path, so the image is self-contained
 * and renders the same TeX the visualizer shows. This module is heavy (~1.5 MB) and is loaded on
 * the first hover only; see formula-loader.ts.
 */
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { SVG } from 'mathjax-full/js/output/svg.js';

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
const document = mathjax.document('', {
  InputJax: new TeX({ packages: ['base', 'ams'] }),
  OutputJax: new SVG({ fontCache: 'local' }),
});

/** An SVG image of `tex`, drawn in `color` (images cannot read the theme's CSS variables). */
export function texToSvg(tex: string, color: string): string {
  // MathJax types convert() loosely; with the lite adaptor it returns a LiteElement.
  const node = document.convert(tex, { display: true }) as LiteElement;
  const svg = adaptor.innerHTML(node);
  // The SVG uses currentColor, which an <img> resolves to black: bake the theme's colour in.
  return svg.replace(/currentColor/g, color).replace('<svg ', `<svg color="${color}" `);
}
