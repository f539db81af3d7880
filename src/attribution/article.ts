import { expectObjectWithString, expectOptions } from '../repair/arguments.js';
import { z } from 'zod';
import { ArticleSchema, type Article } from '../article/index.js';
import { attribute } from './attribute.js';
import type { AttributeOptions } from './types.js';

const SpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const QuoteSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(['direct', 'partial', 'reported']),
  cue: z.string().nullable(),
  speaker: z
    .object({ mention: z.string(), name: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
    .nullable(),
});

export const EntitySchema = z.object({
  name: z.string(),
  type: z.enum(['person', 'organization', 'place']),
  roles: z.array(z.string()),
  mentions: z.array(SpanSchema),
  count: z.number().int().nonnegative(),
});

/** An article with who said what: every offset points into its `text`. */
export const AttributedArticleSchema = ArticleSchema.extend({
  quotes: z.array(QuoteSchema),
  entities: z.array(EntitySchema),
  /** Whether attribution ran for the article's language, and why not when it did not. */
  attribution: z.object({ lang: z.string(), supported: z.boolean(), reason: z.string().optional() }),
});

export type AttributedArticle = z.infer<typeof AttributedArticleSchema>;

/**
 * Adds quotations, speakers and entities to an article from `toArticle`. Attribution reads the
 * article's body (`text`), so the offsets it reports point into that text.
 */
export function attributeArticle(article: Article, options: Omit<AttributeOptions, 'lang'> = {}): AttributedArticle {
  expectObjectWithString(article, 'attributeArticle', 'article', 'text');
  expectOptions(options, 'attributeArticle');
  const result = attribute(article.text, { ...options, lang: article.lang ?? 'en' });
  const attribution = result.reason === undefined ? { lang: result.lang, supported: result.supported } : { lang: result.lang, supported: result.supported, reason: result.reason };
  return { ...article, quotes: result.quotes, entities: result.entities, attribution };
}

/** "Who said what" as a Markdown or plain-text section to follow the article. */
export function formatAttribution(article: AttributedArticle, format: 'md' | 'text'): string {
  if (article.quotes.length === 0) return '';
  const heading = format === 'md' ? '## Who said what\n\n' : 'Who said what\n\n';
  const lines = article.quotes.map((q) => {
    const who = q.speaker ? q.speaker.name : 'unattributed';
    const what = q.kind === 'reported' ? q.text : `“${q.text}”`;
    return format === 'md' ? `- **${who}** (${q.kind}${q.cue ? `, ${q.cue}` : ''}): ${what}` : `${who} (${q.kind}): ${what}`;
  });
  return `\n${heading}${lines.join('\n')}\n`;
}
