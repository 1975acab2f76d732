/**
 * Tiny DOM builders. Strings always become text nodes: user text (file names, JSON keys) can only
 * ever reach the page as text. Attributes are set one by one with setAttribute, never as HTML.
 */

export type Child = Node | string | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly attrs?: Readonly<Record<string, string>>;
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; attributes are presentation attributes (allowed under the CSP, unlike style=""). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

/**
 * What each button does. One listener on the document runs it, so a button that a re-render keeps
 * (morph.ts) simply takes the new draw's action: the page need not replace — restyle and lay out —
 * every button at every draw, as it would with a listener per button.
 */
const actions = new WeakMap<Element, () => void>();
let listening = false;

/** A `<button type="button">` whose `data-focus` key lets focus survive a re-render. */
export function button(label: Child, focusKey: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const node = el('button', { class: props.class ?? '', attrs: { type: 'button', 'data-focus': focusKey, ...(props.attrs ?? {}) } }, label);
  actions.set(node, onClick);
  if (!listening) {
    listening = true;
    document.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('button') : null;
      if (target && !target.disabled) actions.get(target)?.();
    });
  }
  return node;
}

/** A kept button does what the fresh one it stands for does. */
export function adoptAction(kept: Element, fresh: Element): void {
  const action = actions.get(fresh);
  if (action) actions.set(kept, action);
  else actions.delete(kept);
}
