import { formatMessage, stringsFrom, STRINGS_ELEMENT_ID, type MessageArg, type StringKey, type Strings } from '../shared/strings';

/**
 * The page's words (src/shared/strings.ts): read once, on first use, from the JSON the host put in
 * the page in the display language; English where it put none. Inserted as text, never as markup.
 */

let catalogue: Strings | undefined;

function read(): Strings {
  const text = document.getElementById(STRINGS_ELEMENT_ID)?.textContent;
  if (!text) return stringsFrom(undefined);
  try {
    return stringsFrom(JSON.parse(text));
  } catch {
    return stringsFrom(undefined);
  }
}

/** The page's text for `key`, with `{0}`, `{1}`… replaced by `args`. */
export function t(key: StringKey, ...args: MessageArg[]): string {
  catalogue ??= read();
  return formatMessage(catalogue[key], args);
}
