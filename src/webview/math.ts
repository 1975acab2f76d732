import katex from 'katex';

/**
 * KaTeX into DOM nodes with `katex.render` (styles through CSSOM, which a strict CSP allows; the
 * HTML string from renderToString would carry blocked style="" attributes). The TeX comes from
 * src/core/tex.ts, built only from numbers; `trust: false` keeps \href, \url and friends inert anyway.
 *
 * Rendering is cached by TeX string: the symbolic formulas and figure labels are the same in every
 * update, so after the first one they are cloned (a native deep copy, ~10× cheaper than typesetting)
 * instead of typeset again. Only formulas whose TeX changed — the ones with numbers substituted — go
 * through KaTeX. KaTeX's output carries no ids or listeners, so a clone is as good as a fresh render.
 */

const CACHE_LIMIT = 256;
const cache = new Map<string, HTMLElement>();
/** The cache key of every node `math` handed out, so morph.ts can keep one whose TeX did not change. */
const keys = new WeakMap<Node, string>();

export function texKey(node: Node): string | undefined {
  return keys.get(node);
}

/**
 * While a slider or a dragged bar moves, the page draws once a frame and every formula with numbers
 * is new TeX. Those are typeset without their MathML twin (KaTeX's hidden copy for screen readers,
 * about 40 % of its nodes: style and layout the frame cannot afford), marked aria-busy, and not
 * cached; the draw that settles the page when the movement stops (main.ts) typesets them whole.
 */
let interim = false;

export function interimMath<T>(on: boolean, draw: () => T): T {
  interim = on;
  try {
    return draw();
  } finally {
    interim = false;
  }
}

export function math(tex: string, display = false): HTMLElement {
  const key = (display ? 'D' : 'I') + tex;
  const hit = cache.get(key);
  if (hit) {
    // Least recently used first out: re-inserting moves the entry to the end.
    cache.delete(key);
    cache.set(key, hit);
    const clone = hit.cloneNode(true) as HTMLElement;
    keys.set(clone, key);
    return clone;
  }
  const node = document.createElement(display ? 'div' : 'span');
  node.className = display ? 'math math-display' : 'math';
  katex.render(tex, node, { throwOnError: false, trust: false, strict: 'ignore', displayMode: display, output: interim ? 'html' : 'htmlAndMathml', maxExpand: 1000 });
  if (interim) {
    node.setAttribute('aria-busy', 'true');
    keys.set(node, `~${key}`);
    return node;
  }
  cache.set(key, node.cloneNode(true) as HTMLElement);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  keys.set(node, key);
  return node;
}
