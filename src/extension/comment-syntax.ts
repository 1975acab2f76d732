/** Line-comment syntax by VS Code language id; undefined where the language has no comments. */
const LINE_COMMENT: Record<string, string> = {
  python: '#', r: '#', julia: '#', shellscript: '#', powershell: '#', perl: '#', ruby: '#', yaml: '#',
  toml: '#', makefile: '#', dockerfile: '#', coffeescript: '#', elixir: '#', nim: '#',
  javascript: '//', typescript: '//', javascriptreact: '//', typescriptreact: '//', jsonc: '//',
  c: '//', cpp: '//', csharp: '//', java: '//', go: '//', rust: '//', kotlin: '//', swift: '//',
  scala: '//', dart: '//', php: '//', 'objective-c': '//', fsharp: '//', zig: '//', groovy: '//',
  sql: '--', lua: '--', haskell: '--', ada: '--',
  matlab: '%', octave: '%', latex: '%', tex: '%', erlang: '%', prolog: '%',
  clojure: ';', lisp: ';', scheme: ';', ini: ';', bat: 'REM',
  plaintext: '#',
};

/** Block comments for languages without line comments. */
const BLOCK_COMMENT: Record<string, readonly [string, string]> = {
  html: ['<!--', '-->'], xml: ['<!--', '-->'], markdown: ['<!--', '-->'], css: ['/*', '*/'],
};

/** Wraps `text` as a comment line in the language, or undefined when it has no comments (JSON). */
export function asComment(languageId: string, text: string): string | undefined {
  const line = LINE_COMMENT[languageId];
  if (line) return `${line} ${text}`;
  const block = BLOCK_COMMENT[languageId];
  if (block) return `${block[0]} ${text.replace(/--/g, '- -').replace(/\*\//g, '* /')} ${block[1]}`;
  return undefined;
}
