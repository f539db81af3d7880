export interface ArticleTask {
  kind: 'article';
  /** A string, or the bytes as sent (any charset, gzip): the article layer decodes pages itself. */
  input: string | Uint8Array;
  as: 'html' | 'text';
  charset?: string;
  url?: string;
  lang?: string;
}

export type ArticleResult = Record<string, unknown>;

/** The article layer is not on this branch yet; the route answers 501 until it is. */
export const ARTICLE_AVAILABLE = false;

export async function articleTask(_task: ArticleTask): Promise<ArticleResult> {
  throw new Error('article extraction is not available in this build');
}
