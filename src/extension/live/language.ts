/** The languages whose values a conversion expression is written for. */
export type LiveLanguage = 'python' | 'javascript';

/** Debug types by the runtime that evaluates: the Python Debugger's, and VS Code's JavaScript debugger's. */
const BY_DEBUG_TYPE: Readonly<Record<string, LiveLanguage>> = {
  debugpy: 'python',
  python: 'python',
  node: 'javascript',
  'pwa-node': 'javascript',
  'node-terminal': 'javascript',
  chrome: 'javascript',
  'pwa-chrome': 'javascript',
  msedge: 'javascript',
  'pwa-msedge': 'javascript',
  extensionHost: 'javascript',
  'pwa-extensionHost': 'javascript',
};

const BY_EXTENSION: Readonly<Record<string, LiveLanguage>> = {
  py: 'python',
  pyw: 'python',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'javascript',
  mts: 'javascript',
  cts: 'javascript',
  tsx: 'javascript',
};

/**
 * The language a paused frame evaluates in. The session's debug type says what runtime evaluates
 * (a TypeScript file debugged by js-debug evaluates JavaScript); an unknown type falls back to the
 * frame's file extension, so another adapter for Python still works.
 */
export function languageOf(debugType: string, path: string | undefined): LiveLanguage | undefined {
  const byType = BY_DEBUG_TYPE[debugType];
  if (byType) return byType;
  const extension = path?.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}
