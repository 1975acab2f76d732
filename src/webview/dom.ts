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

/** A `<button type="button">` whose `data-focus` key lets focus survive a re-render. */
export function button(label: Child, focusKey: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const node = el('button', { class: props.class ?? '', attrs: { type: 'button', 'data-focus': focusKey, ...(props.attrs ?? {}) } }, label);
  node.addEventListener('click', onClick);
  return node;
}
