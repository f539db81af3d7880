import { fixAndCount, fixAndExplain, type ExplainResult, type FixCounts, type FixOptions } from '../../repair/index.js';
import type { ChunkResult, ChunkTask } from '../../corpus/chunk.js';
import { processChunk } from '../../corpus/processChunk.js';
import { articleTask, isArticleInputError, type ArticleResult, type ArticleTask } from './articleTask.js';

/**
 * Runs in a worker thread, so that a slow document can be stopped at its deadline and never holds
 * up `/healthz` or other requests. It only calls the layers.
 */
export type Task =
  | { kind: 'fix'; text: string; options?: FixOptions }
  | { kind: 'count'; text: string; options?: FixOptions }
  | { kind: 'chunk'; task: ChunkTask }
  | ArticleTask;

export type TaskResult<T extends Task> = T extends { kind: 'fix' }
  ? ExplainResult
  : T extends { kind: 'count' }
    ? { text: string; counts: FixCounts }
    : T extends { kind: 'chunk' }
      ? ChunkResult
      : ArticleResult;

/** Errors lose their class crossing threads, so failures travel as data. */
export type Outcome = { ok: true; value: unknown } | { ok: false; name: string; message: string; stack?: string };

export default async function run(task: Task): Promise<Outcome> {
  try {
    switch (task.kind) {
      case 'fix':
        return { ok: true, value: fixAndExplain(task.text, task.options) };
      case 'count':
        return { ok: true, value: fixAndCount(task.text, task.options) };
      case 'chunk':
        return { ok: true, value: await processChunk(task.task) };
      case 'article':
        return { ok: true, value: await articleTask(task) };
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const name = (await isArticleInputError(e)) ? 'InputError' : e.name;
    return { ok: false, name, message: e.message, stack: e.stack };
  }
}
