import type { ArticleOptions } from '../../article/index.js';
import type { AttributedArticle } from '../../attribution/index.js';

export interface ArticleTask {
  kind: 'article';
  /** A string, or the bytes as sent (any charset, gzip): the article layer decodes pages itself. */
  input: string | Uint8Array;
  as: 'html' | 'text';
  charset?: string;
  url?: string;
  lang?: string;
}

export type ArticleResult = AttributedArticle;

/**
 * Loaded on the first article: they take about a second, and a worker that was stopped at its
 * deadline must come back quickly for the next repair.
 */
let articleLayer: Promise<typeof import('../../article/index.js')> | undefined;
let attributionLayer: Promise<typeof import('../../attribution/index.js')> | undefined;

/** Bad input as the article layer reports it, so the route can answer 422 instead of 500. */
export async function isArticleInputError(err: unknown): Promise<boolean> {
  return articleLayer !== undefined && err instanceof (await articleLayer).PageDecodeError;
}

/** The article, then who said what in its text (offsets of quotes and entities are into `text`). */
export async function articleTask(task: ArticleTask): Promise<ArticleResult> {
  const [{ toArticle }, { attributeArticle }] = await Promise.all([
    (articleLayer ??= import('../../article/index.js')),
    (attributionLayer ??= import('../../attribution/index.js')),
  ]);
  const options: ArticleOptions = { input: task.as };
  if (task.charset) options.charset = task.charset;
  if (task.url) options.url = task.url;
  if (task.lang) options.lang = task.lang;
  return attributeArticle(toArticle(task.input, options));
}
