/** How many characters an axis label keeps by default; the whole label is in its title and the data table. */
export const LABEL_CHARS = 14;

/**
 * A label cut to at most `chars` characters, the last an ellipsis, so long keys do not run into their
 * neighbours. Counted in code points: a cut never splits an emoji's surrogate pair.
 */
export function clip(label: string, chars = LABEL_CHARS): string {
  const points = Array.from(label);
  return points.length > chars ? `${points.slice(0, chars - 1).join('')}…` : label;
}
