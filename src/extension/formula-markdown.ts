import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/format';
import { loadFormulaRenderer } from './formula-loader';
import { log } from './log';

/** Foreground colours for formula images, by theme kind: images cannot read CSS variables. */
function colorFor(kind: vscode.ColorThemeKind): string {
  switch (kind) {
    case vscode.ColorThemeKind.Dark:
      return '#cccccc';
    case vscode.ColorThemeKind.HighContrast:
      return '#ffffff';
    case vscode.ColorThemeKind.HighContrastLight:
      return '#000000';
    default:
      return '#333333';
  }
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200;

/**
 * Markdown for an image of `tex`: an SVG data URI, sized for a hover, cached per TeX and theme.
 * If the renderer cannot be loaded, the TeX itself, so the hover still says what was computed.
 */
export async function formulaImage(tex: string, themeKind: vscode.ColorThemeKind): Promise<string> {
  const color = colorFor(themeKind);
  const key = `${color}\u0000${tex}`;
  let markdown = cache.get(key);
  if (markdown === undefined) {
    let renderer: Awaited<ReturnType<typeof loadFormulaRenderer>>;
    try {
      renderer = await loadFormulaRenderer();
    } catch (error) {
      log().error(`The formula renderer could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      return `\`\`\`latex\n${tex}\n\`\`\``;
    }
    const svg = renderer.texToSvg(tex, color);
    const uri = `data:image/svg+xml;base64,${base64(svg)}`;
    markdown = `![${escapeMarkdown(vscode.l10n.t('formula'))}](${uri})`;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, markdown);
  }
  return markdown;
}

/** Base64 of a UTF-8 string, in Node and in a web worker alike. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
