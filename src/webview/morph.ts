import { adoptAction } from './dom';
import { texKey } from './math';

/**
 * Turns the page into the freshly built one while keeping every node that did not change, so
 * Chromium reuses their style and layout instead of redoing the whole panel: a new literal changes
 * the numbers, not the toolbar, the headings, the figure labels or the symbolic formulas.
 *
 * - A formula (math.ts) whose TeX is unchanged is kept as it is; a changed one is replaced whole.
 * - `<details>` carry listeners bound to the update that built them, and placeholders belong to that
 *   update's Deferred: those are always replaced by the new node. A kept button takes the fresh
 *   one's action (dom.ts runs every button's action from one listener).
 * - A fresh `data-keep` block keeps the old one of the same `data-block` whole (Deferred refreshes it later).
 * - Otherwise same-tag elements are kept, their attributes synced and their children morphed in
 *   order; text nodes get the new text; anything else is replaced.
 */
export function morphChildren(parent: Node, next: Node): void {
  let old = parent.firstChild;
  let fresh = next.firstChild;
  while (fresh) {
    const following = fresh.nextSibling;
    if (!old) {
      parent.appendChild(fresh);
    } else {
      const oldNext = old.nextSibling;
      if (!morphNode(old, fresh)) parent.replaceChild(fresh, old);
      old = oldNext;
    }
    fresh = following;
  }
  while (old) {
    const oldNext = old.nextSibling;
    parent.removeChild(old);
    old = oldNext;
  }
}

const ALWAYS_REPLACED = new Set(['DETAILS']);

/** Brings `old` in line with `fresh` in place; false when it must be replaced instead. */
function morphNode(old: Node, fresh: Node): boolean {
  if (old.nodeType !== fresh.nodeType) return false;
  if (old.nodeType === Node.TEXT_NODE) {
    if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
    return true;
  }
  if (!(old instanceof Element) || !(fresh instanceof Element)) return false;
  if (old.namespaceURI !== fresh.namespaceURI || old.tagName !== fresh.tagName || ALWAYS_REPLACED.has(old.tagName)) return false;
  const oldTex = texKey(old);
  const freshTex = texKey(fresh);
  if (oldTex !== undefined || freshTex !== undefined) return oldTex === freshTex;
  if (old.hasAttribute('data-deferred') || fresh.hasAttribute('data-deferred')) return false;
  // A block a playground draw leaves as it was (render.ts): the same block stays untouched.
  if (fresh.hasAttribute('data-keep')) return old.getAttribute('data-block') === fresh.getAttribute('data-block') && !old.querySelector('[data-deferred]');
  for (const name of old.getAttributeNames()) if (!fresh.hasAttribute(name)) old.removeAttribute(name);
  for (const name of fresh.getAttributeNames()) {
    const value = fresh.getAttribute(name)!;
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  morphChildren(old, fresh);
  if (old.tagName === 'BUTTON') adoptAction(old, fresh);
  return true;
}
