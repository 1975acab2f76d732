import * as vscode from 'vscode';

/** How long a read runs before its progress (and its Cancel button) is shown. */
export const PROGRESS_DELAY_MS = 1000;

/**
 * Runs `work`, and only if it is still running after a second shows a cancellable progress
 * notification for it: most live values arrive in a tenth of a second, and a notification that
 * flashes and vanishes is noise. Cancelling it cancels the token `work` was given.
 */
export async function withLateProgress<T>(
  title: string,
  work: (token: vscode.CancellationToken, report: (done: number, total: number) => void) => Promise<T>,
  delayMs = PROGRESS_DELAY_MS,
): Promise<T> {
  const cancellation = new vscode.CancellationTokenSource();
  let fraction = 0;
  let show: ((fraction: number) => void) | undefined;
  const running = work(cancellation.token, (done, total) => {
    fraction = total > 0 ? done / total : 0;
    show?.(fraction);
  });
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => cancellation.cancel());
      let shown = 0;
      show = (now) => {
        if (now <= shown) return;
        progress.report({ increment: (now - shown) * 100 });
        shown = now;
      };
      show(fraction);
      return running.then(
        () => undefined,
        () => undefined,
      );
    });
  }, delayMs);
  try {
    return await running;
  } finally {
    clearTimeout(timer);
    cancellation.dispose();
  }
}
