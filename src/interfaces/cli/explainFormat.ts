import type { Step } from '../../repair/index.js';
import { LineIndex } from '../../corpus/io/lineIndex.js';

export type ExplainFormat = 'text' | 'json';

/**
 * One line per step: `source:line:col fixer "before" → "after" (note)`, positions in the input, in the
 * order of the text (a reader goes down the file); steps at one position keep the pipeline's order. The
 * JSON form keeps the pipeline's order, because that is the plan `applyPlan` replays.
 */
export function formatStepsAsText(source: string, input: string, steps: readonly Step[]): string {
  const index = new LineIndex(input);
  return [...steps]
    .sort((a, b) => a.inputStart - b.inputStart)
    .map((s) => {
      const { line, column } = index.at(s.inputStart);
      const note = s.note ? `  (${s.note})` : '';
      return `${source}:${line}:${column} ${s.fixer} ${JSON.stringify(s.before)} → ${JSON.stringify(s.after)}${note}\n`;
    })
    .join('');
}

export function formatStepsAsJson(source: string, steps: readonly Step[], line?: number): string {
  return JSON.stringify(line === undefined ? { source, steps } : { source, line, steps }) + '\n';
}
