import { PageDecodeError, toArticle, type ArticleOptions } from '../article/index.js';
import type { FixCounts } from '../repair/index.js';
import { RecordError, type ModeFactory } from './modeTypes.js';

/**
 * The article layer reads HTML (bytes with the HTTP charset, or a string) or scraped text and
 * repairs the body itself; it takes no repair options. A record counts as repaired when the body
 * needed fixes, and its damage is scored against the body's length, not the page's.
 */
export const article: ModeFactory = () => (input) => {
  const options: ArticleOptions = { source: input.source };
  if (input.charset) options.charset = input.charset;
  if (input.url) options.url = input.url;
  let result;
  try {
    result = toArticle(input.text ?? input.bytes!, options);
  } catch (err) {
    if (err instanceof PageDecodeError) throw new RecordError(err.message);
    throw err;
  }
  const counts: Record<string, number> = {};
  for (const fix of result.fixes) counts[fix.fixer] = (counts[fix.fixer] ?? 0) + 1;
  const { text, ...extra } = result;
  return { text, counts: counts as FixCounts, changed: result.fixes.length > 0, inputLength: text.length, extra };
};
