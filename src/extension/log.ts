import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/**
 * The "Entropy Lens" output channel, for what a user or a bug report needs to see: a malformed
 * webview message, an action that failed. Created on first use, so activation never pays for it.
 */
export function log(): vscode.LogOutputChannel {
  return (channel ??= vscode.window.createOutputChannel('Entropy Lens', { log: true }));
}

/** Disposes the channel if it was ever created; the features own this. */
export const logDisposable: vscode.Disposable = {
  dispose() {
    channel?.dispose();
    channel = undefined;
  },
};

