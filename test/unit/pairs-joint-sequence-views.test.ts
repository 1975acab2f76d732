// The three kinds of issue 9 items 4–6 in every front end that is not the CLI's JSON: the
// visualizer's view model, Markdown, TeX, the assistants' text and the MCP
// server's output schema.

import * as assert from 'node:assert/strict';
import { evaluationOutput } from '../../src/cli/mcp/schemas';
import { toAssistantText } from '../../src/core/assistant-text';
import { evaluateText, type EvaluateOptions, type Evaluation } from '../../src/core/evaluate';
import { figuresOf } from '../../src/core/figures';
import { escapeMarkdown, toJson, toMarkdown } from '../../src/core/format';
import { formulasOf } from '../../src/core/tex';
import { buildViewModel } from '../../src/shared/model/build';

const LITERALS: Record<string, [string, Partial<EvaluateOptions>]> = {
  pairs: ['{"p": [[0.5, 0.5], [0.9, 0.1]], "q": [[0.9, 0.1], [1, 0]]}', {}],
  joint: ['[[10, 2], [3, 5]]', { joint: true }],
  sequence: ['[{"token": "Hi", "logprob": -0.1}, {"token": "!", "logprob": -2.3}]', {}],
};

function evaluated(kind: string): Evaluation {
  const [text, options] = LITERALS[kind];
  const result = evaluateText(text, { unit: 'bits', as: 'auto', loss: 'auto', ...options });
  assert.equal(result.kind, kind);
  return result;
}

describe('batches of pairs, joint tables and sequences in the front ends', () => {
  for (const kind of Object.keys(LITERALS)) {
    describe(kind, () => {
      it('the visualizer builds its view, each figure with its value and the kind’s one chart', () => {
        const evaluation = evaluated(kind);
        for (const view of ['figures', 'loss'] as const) {
          const model = buildViewModel(evaluation, { source: { fileName: 'x.py', line: 1, endLine: 1 }, precision: 6, view });
          assert.equal(model.kind, kind);
          assert.deepEqual(model.bars.map((bar) => bar.id), kind === 'pairs' ? ['pairs-kl'] : []);
          assert.equal(model.joint !== undefined, kind === 'joint');
          assert.equal(model.sequence !== undefined, kind === 'sequence');
          assert.deepEqual(model.curves, []);
          assert.deepEqual(
            model.figures.map((f) => f.key),
            figuresOf(evaluation).map((f) => f.key),
          );
          assert.ok(model.formulas.length >= 2);
          if (view === 'loss') assert.match(model.lossUnavailable ?? '', /has no loss/);
        }
      });

      it('Markdown lists every figure; the assistants’ text gives each a meaning', () => {
        const evaluation = evaluated(kind);
        const markdown = toMarkdown(evaluation);
        const text = toAssistantText(evaluation);
        for (const figure of figuresOf(evaluation)) {
          assert.ok(markdown.includes(`| ${escapeMarkdown(figure.label)} |`), `${figure.label} in\n${markdown}`);
          assert.match(text, new RegExp(`- ${figure.label.replace(/[()|‖]/g, '\\$&')} = [^\\n]+ \\(`), `${figure.label} has a meaning in\n${text}`);
        }
      });

      it('the MCP output schema accepts the --json object and describes every key', () => {
        const json = toJson(evaluated(kind));
        for (const key of Object.keys(json)) assert.ok(key in evaluationOutput.shape, key);
        const checked = evaluationOutput.safeParse(json);
        assert.ok(checked.success, checked.error?.message);
      });

      it('every formula ends in the value it substitutes, written out in TeX', () => {
        for (const formula of formulasOf(evaluated(kind))) {
          assert.match(formula.substituted, /= [-\d.]+(\\times10\^\{-?\d+\})?(\\quad.*)?$|= \\infty$/, formula.id);
        }
      });
    });
  }

  it('an infinite mean KL over rows is named by its row in the visualizer’s figure', () => {
    const model = buildViewModel(evaluated('pairs'), { source: { fileName: 'x.py', line: 1, endLine: 1 }, precision: 6, view: 'figures' });
    assert.equal(model.figures.find((f) => f.key === 'klPQ')?.cause, 'row 1');
  });
});
