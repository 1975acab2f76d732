/**
 * The visualizer: one panel beside the editor showing the selected literal as figures, formulas and
 * charts. One file per job:
 * - controller.ts — the panel's life: open, restore, refresh (latest wins), the webview's messages;
 * - following.ts — following the selection;
 * - content.ts, view-model.ts — what the panel is sent for an outcome;
 * - panel.ts, html.ts — the webview itself: page, CSP, validated messages;
 * - panel-state.ts, write-setting.ts, latex.ts — state kept across reloads, toggles written to the
 *   settings, formulas copied by id.
 */
export { VisualizerController, type VisualizerSnapshot } from './controller';
