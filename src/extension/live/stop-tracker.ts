import * as vscode from 'vscode';

/**
 * Tells Follow (visualizer/live-follow.ts) of every stop of every debug session: a DAP `stopped`
 * event, as the adapter sends it. Registered at activation, because a tracker only attaches to
 * sessions that start after its factory is registered; it does nothing until the features are
 * loaded (nothing can be followed before), and then only passes the session's id on.
 */
export function registerStopTracker(stopped: () => ((sessionId: string) => void) | undefined): vscode.Disposable {
  return vscode.debug.registerDebugAdapterTrackerFactory('*', {
    createDebugAdapterTracker: (session) => ({
      onDidSendMessage: (message: { type?: string; event?: string }) => {
        if (message.type === 'event' && message.event === 'stopped') stopped()?.(session.id);
      },
    }),
  });
}
