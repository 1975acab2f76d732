// A batch's results as the CLI writes them (issue 9 row 13): from `entropies`, never a million row objects.
import * as assert from 'node:assert/strict';
import { evaluateText, type BatchEvaluation, type Evaluation } from '../../src/core/evaluate';
import { jsonPieces, toJson, toMarkdown, toText } from '../../src/core/format';
import { toAssistantText } from '../../src/core/assistant-text';
import { formulasOf, toLatex } from '../../src/core/tex';

function batch(text: string): BatchEvaluation {
  const evaluation = evaluateText(text);
  if (evaluation.kind !== 'batch') assert.fail(`${text} is a ${evaluation.kind}`);
  return evaluation;
}

/** `evaluation` with a count of the reads of its `rows`. */
function watched(evaluation: BatchEvaluation): { evaluation: BatchEvaluation; reads: () => number } {
  let reads = 0;
  const watching = Object.create(evaluation, { rows: { get: () => (reads++, evaluation.rows) } }) as BatchEvaluation;
  return { evaluation: watching, reads: () => reads };
}

const ROWS = `[${Array.from({ length: 7 }, (_, i) => `[${i + 1}, 2, 0.5]`).join(', ')}]`;

describe('batch output', () => {
  it('writes the JSON in pieces that join to JSON.stringify(toJson(...)), whatever the piece size', () => {
    const evaluation = batch(ROWS);
    const whole = JSON.stringify(toJson(evaluation));
    for (const size of [1, 2, 3, 7, 8, 65_536]) assert.equal([...jsonPieces(evaluation, size)].join(''), whole, `pieces of ${size}`);
    assert.equal((JSON.parse(whole) as { rows: unknown[] }).rows.length, 7);
    // Not a figure a batch gives, but written as toJson writes it: "Infinity", "NaN", -0 as 0.
    const odd = { ...evaluation, entropies: Float64Array.of(Infinity, NaN, -0, 1e-320, 2 / 3) };
    assert.equal([...jsonPieces(odd, 2)].join(''), JSON.stringify(toJson(odd)));
    const other: Evaluation = evaluateText('{"p": [0.5, 0.5], "q": [0.9, 0.1]}');
    assert.deepEqual([...jsonPieces(other)], [JSON.stringify(toJson(other))]);
  });

  it('keeps a batch’s JSON keys in their order, with a note that looks like JSON', () => {
    const evaluation = { ...batch(ROWS), notes: ['"rows":[] is not the rows'] };
    const whole = JSON.stringify(toJson(evaluation));
    assert.deepEqual(Object.keys(JSON.parse(whole) as object), ['kind', 'unit', 'interpretation', 'rows', 'meanEntropy', 'notes', 'warnings']);
    assert.equal([...jsonPieces(evaluation, 3)].join(''), whole);
  });

  it('renders text, JSON, Markdown, TeX and the assistant’s text without making the row objects', () => {
    const original = batch(ROWS);
    assert.equal(typeof Object.getOwnPropertyDescriptor(original, 'rows')?.get, 'function', 'rows made on demand');
    const { evaluation, reads } = watched(original);
    const text = toText(evaluation);
    [...jsonPieces(evaluation)].join('');
    toJson(evaluation);
    toMarkdown(evaluation);
    formulasOf(evaluation);
    toLatex(evaluation);
    toAssistantText(evaluation);
    assert.equal(reads(), 0);
    assert.match(text, /^batch of 7 rows of 3/);
    // Read, they are the entropies.
    assert.deepEqual(evaluation.rows.map((row) => row.entropy), Array.from(evaluation.entropies));
    assert.equal(reads(), 1);
  });
});
