import { formatMessage, type MessageArg } from '../shared/strings';

/** What `vscode.l10n` offers that the host's modules use. */
export interface Translator {
  t(message: string, ...args: MessageArg[]): string;
}

let host: Translator | undefined;

/**
 * `vscode.l10n`, for the host's modules that also load where no `vscode` module exists (the unit
 * tests import them: figure-lines.ts, live/expression.ts, the webview's catalogue). The features
 * hand VS Code's over when they load (features.ts); before that, and in the tests, a message is its
 * English with the arguments put in, which is what VS Code shows when it has no translation.
 * Modules that import `vscode` call vscode.l10n directly; `npm run l10n` finds both.
 */
export const l10n: Translator = {
  t: (message, ...args) => (host ? host.t(message, ...args) : formatMessage(message, args)),
};

export function useHostL10n(translator: Translator): void {
  host = translator;
}
