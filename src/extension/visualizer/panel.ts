import * as vscode from 'vscode';
import { isFromWebview, type FromWebview, type ToWebview } from '../../shared/protocol';
import { Disposable } from '../dispose';
import { log } from '../log';
import { createNonce, pageHtml, PRELOADED_FONTS } from './html';
import { webviewStrings } from './webview-strings';

/**
 * One webview panel's host side: sets its options and page, validates what the webview posts, and
 * drops messages in both directions once the panel is disposed (postMessage on a disposed webview
 * throws; a late message must not reach a controller that moved on).
 */
export class PanelHost extends Disposable {
  /** Messages posted to the webview, and the last notice: what the panel was told, for tests. */
  posted = 0;
  lastNotice: string | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    onMessage: (message: FromWebview) => Promise<void>,
    private readonly onDispose: () => void,
  ) {
    super();
    const webview = panel.webview;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    // Set again on restore: after an update the install path (and so the roots) may differ.
    webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    webview.html = pageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      strings: webviewStrings(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'visualizer.js')).toString(),
      katexCssUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'katex', 'katex.min.css')).toString(),
      cssUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'visualizer.css')).toString(),
      fontUris: PRELOADED_FONTS.map((font) => webview.asWebviewUri(vscode.Uri.joinPath(dist, 'katex', 'fonts', font)).toString()),
    });
    this.register(
      webview.onDidReceiveMessage((message: unknown) => {
        if (this.isDisposed) return;
        if (!isFromWebview(message)) {
          log().warn('visualizer: ignored a malformed message from the webview', message);
          return;
        }
        // The controller answers failures itself; this only keeps a bug from going unheard.
        onMessage(message).catch((error: unknown) => log().error(`visualizer: the ${message.type} message failed`, error));
      }),
    );
    this.register(panel.onDidDispose(() => this.#ended()));
  }

  post(message: ToWebview): void {
    if (this.isDisposed) return;
    this.posted++;
    if (message.type === 'notice') this.lastNotice = message.text;
    // A webview that is hidden (its document discarded) rejects; it asks again with `ready`.
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.#ended();
    this.panel.dispose();
  }

  #ended(): void {
    if (this.isDisposed) return;
    super.dispose();
    this.onDispose();
  }
}
