import * as vscode from 'vscode';
import { isFromWebview, type FromWebview, type ToWebview } from '../../shared/protocol';
import { createNonce, pageHtml, PRELOADED_FONTS } from './html';

/**
 * One webview panel's host side: sets its options and page, validates what the webview posts, and
 * drops messages in both directions once the panel is disposed (postMessage on a disposed webview
 * throws; a late message must not reach a controller that moved on).
 */
export class PanelHost implements vscode.Disposable {
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Messages posted to the webview, for the test hook. */
  posted = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    onMessage: (message: FromWebview) => void,
    onDispose: () => void,
  ) {
    const webview = panel.webview;
    const dist = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    // Set again on restore: after an update the install path (and so the roots) may differ.
    webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    webview.html = pageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'visualizer.js')).toString(),
      katexCssUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'katex', 'katex.min.css')).toString(),
      cssUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'visualizer.css')).toString(),
      fontUris: PRELOADED_FONTS.map((font) => webview.asWebviewUri(vscode.Uri.joinPath(dist, 'katex', 'fonts', font)).toString()),
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((message: unknown) => {
        if (this.disposed) return;
        if (!isFromWebview(message)) {
          console.warn('Entropy Lens visualizer: ignored a malformed message from the webview');
          return;
        }
        onMessage(message);
      }),
      panel.onDidDispose(() => {
        this.disposed = true;
        for (const s of this.subscriptions.splice(0)) s.dispose();
        onDispose();
      }),
    );
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  post(message: ToWebview): void {
    if (this.disposed) return;
    this.posted++;
    // A webview that is hidden (its document discarded) rejects; it asks again with `ready`.
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  dispose(): void {
    if (!this.disposed) this.panel.dispose();
  }
}
