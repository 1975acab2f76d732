import type * as vscode from 'vscode';
import { l10n } from '../l10n';
import { LiveValueError } from './errors';
import type { LiveLanguage } from './language';

/** Longer selections are code, not an expression to read. */
const MAX_EXPRESSION_LENGTH = 2000;

/**
 * Checks that `text` is one expression that only reads: brackets balanced outside strings (so it
 * cannot close the parenthesis it is placed in and add statements of its own), no `;` between
 * statements, and no assignment (`=`, `+=`, `++`, Python's `:=`; in Python `=` inside a call is a
 * keyword argument, and a statement fails to compile in the debuggee). Calls stay allowed: a
 * selected `softmax(logits)` is what the user asked to read. Returns the trimmed expression.
 */
export function checkExpression(text: string, language: LiveLanguage): string {
  const expression = text.trim();
  if (expression === '') throw new LiveValueError(l10n.t('select an expression (such as a variable name) to read its value.'));
  if (expression.length > MAX_EXPRESSION_LENGTH) throw new LiveValueError(l10n.t('the selection is {0} characters: select one expression, such as a variable name.', expression.length.toLocaleString('en-US')));
  const problem = scan(expression, language);
  if (problem) throw new LiveValueError(l10n.t('"{0}" {1}; Entropy Lens reads one expression and changes nothing in the program.', excerpt(expression), problem));
  return expression;
}

function scan(text: string, language: LiveLanguage): string | undefined {
  const stack: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const end = stringEnd(text, i);
      if (end < 0) return l10n.t('has a string that does not end');
      i = end;
      continue;
    }
    if (c === '#' && language === 'python') return l10n.t('has a comment');
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*') && language === 'javascript') return l10n.t('has a comment');
    if (c === '(' || c === '[' || c === '{') stack.push(CLOSER[c]);
    else if (c === ')' || c === ']' || c === '}') {
      if (stack.pop() !== c) return l10n.t('has unbalanced brackets');
    } else if (c === ';') return l10n.t('is more than one statement');
    else if (c === '=' && assigns(text, i, language)) return l10n.t('assigns a value');
    else if ((c === '+' || c === '-') && text[i + 1] === c && language === 'javascript') return l10n.t('changes a value');
  }
  return stack.length > 0 ? l10n.t('has unbalanced brackets') : undefined;
}

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Whether the `=` at `i` assigns rather than compares (`==`, `!=`, `<=`), makes an arrow (`=>`) or,
 * in Python, names a keyword argument (`f(dim=0)`; a top-level `x = 1` is a statement, which the
 * debuggee refuses to compile as an expression, so only the walrus `:=` needs refusing here).
 */
function assigns(text: string, i: number, language: LiveLanguage): boolean {
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  if (language === 'python') return before === ':';
  if (after === '=' || after === '>' || before === '=' || before === '!') return false;
  if (before === '<' || before === '>') return text[i - 2] === before; // <<= and >>= assign
  return true;
}

/** The index of the closing quote of the string opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  const triple = quote !== '`' && text.startsWith(quote.repeat(3), start);
  for (let i = start + (triple ? 3 : 1); i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (triple ? text.startsWith(quote.repeat(3), i) : text[i] === quote) return triple ? i + 2 : i;
  }
  return -1;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/**
 * The expression at the cursor when nothing is selected: the dotted name the cursor is in, up to the
 * end of the word under it (`self.probs` on `probs` of `self.probs.mean()`), as a debugger's hover
 * takes it. Undefined off a name, and inside a string or a comment.
 */
export function expressionAt(document: vscode.TextDocument, position: vscode.Position): { readonly text: string; readonly range: vscode.Range } | undefined {
  const word = document.getWordRangeAtPosition(position, /[A-Za-z_$][\w$]*/);
  if (!word) return undefined;
  const line = document.lineAt(position.line).text;
  if (insideStringOrComment(line, word.start.character)) return undefined;
  let start = word.start.character;
  // Walk back over `.name` parts: `a.b.c` with the cursor on `c`.
  for (;;) {
    const match = /([A-Za-z_$][\w$]*)\s*\.\s*$/.exec(line.slice(0, start));
    if (!match) break;
    start = match.index;
  }
  const text = line.slice(start, word.end.character);
  if (/^\d/.test(text) || KEYWORDS.has(text)) return undefined;
  return { text, range: word.with({ start: word.start.with({ character: start }) }) };
}

/** Words that name no value. */
const KEYWORDS = new Set(['def', 'class', 'return', 'import', 'from', 'as', 'if', 'else', 'elif', 'for', 'while', 'in', 'not', 'and', 'or', 'is', 'lambda', 'with', 'function', 'const', 'let', 'var', 'new', 'typeof', 'await', 'async', 'yield', 'pass', 'break', 'continue']);

/** Whether column `at` of a line is in a string or a comment (a simple scan, as in the core's locate). */
function insideStringOrComment(line: string, at: number): boolean {
  let quote: string | undefined;
  for (let i = 0; i < at; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) return true;
  }
  return quote !== undefined;
}
