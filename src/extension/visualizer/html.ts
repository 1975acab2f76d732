/**
 * The visualizer's page. Pure (no `vscode` import) so the Chromium tests serve exactly this page
 * with exactly this CSP. Nothing user-provided is ever written into it: the content arrives later as
 * messages and is inserted as DOM text nodes. The page's own words (translated by the host) are
 * written as JSON in a script element the page never runs, escaped so no string can close it.
 */
import { DEFAULT_STRINGS, STRINGS_ELEMENT_ID, type Strings } from '../../shared/strings';

export interface PageResources {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly katexCssUri: string;
  readonly cssUri: string;
  /** The KaTeX fonts in `PRELOADED_FONTS`, in that order (dist/webview/katex/fonts/…). */
  readonly fontUris: readonly string[];
  readonly nonce: string;
  /** The page's words in the display language (webview-strings.ts); English when absent. */
  readonly strings?: Strings;
  /** Tests only: scripts run before the bundle (the stub `acquireVsCodeApi`), with the same nonce. */
  readonly preludeScriptUris?: readonly string[];
  /** Tests only: a stylesheet standing in for the `--vscode-*` variables VS Code injects. */
  readonly preludeStyleUris?: readonly string[];
}

/**
 * The KaTeX fonts every view draws with (measured: the figures use Main, Math and Size2; the loss
 * view and the pairs' entropies add Size1 and Caligraphic). Preloaded from the page's head, they
 * download and decode while the script starts and the host evaluates the literal, instead of after
 * the first render asked for them: the first paint of a new panel waited on them.
 */
export const PRELOADED_FONTS = [
  'KaTeX_Main-Regular.woff2',
  'KaTeX_Math-Italic.woff2',
  'KaTeX_Size1-Regular.woff2',
  'KaTeX_Size2-Regular.woff2',
  'KaTeX_Caligraphic-Regular.woff2',
] as const;

/** 128 random bits as hex, from Web Crypto (Node 20 and web workers both have globalThis.crypto). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

function attr(value: string): string {
  return value.replace(/[&"<>']/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/**
 * JSON that is safe as a script element's text: `<` (so no `</script>` or `<!--`), `>`, `&` and the
 * two line separators are written as \u escapes, which JSON.parse reads back as the same characters.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function pageHtml(r: PageResources): string {
  const strings = r.strings ?? DEFAULT_STRINGS;
  const scripts = [...(r.preludeScriptUris ?? []), r.scriptUri]
    .map((uri) => `<script nonce="${attr(r.nonce)}" src="${attr(uri)}"></script>`)
    .join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(r.cspSource, r.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${(r.preludeStyleUris ?? []).map((uri) => `<link rel="stylesheet" href="${attr(uri)}">`).join('\n    ')}
    ${r.fontUris.map((uri) => `<link rel="preload" href="${attr(uri)}" as="font" type="font/woff2" crossorigin>`).join('\n    ')}
    <link rel="stylesheet" href="${attr(r.katexCssUri)}">
    <link rel="stylesheet" href="${attr(r.cssUri)}">
    <title>Entropy Lens</title>
  </head>
  <body>
    <main id="root"><p class="placeholder">${attr(strings['page.loading'])}</p></main>
    <div id="notice" role="status" aria-live="polite"></div>
    <script type="application/json" id="${STRINGS_ELEMENT_ID}" nonce="${attr(r.nonce)}">${scriptJson(strings)}</script>
    ${scripts}
  </body>
</html>`;
}
