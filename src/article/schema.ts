import { z } from 'zod';
import { BOILERPLATE_KINDS } from './boilerplate/patterns.js';

/** What was removed as boilerplate, and where it stood. */
export const BoilerplateSchema = z.object({
  kind: z.enum(BOILERPLATE_KINDS),
  text: z.string(),
  /** Language of the phrase that matched (`en`, `ru`, ...); null when found by page structure. */
  lang: z.string().nullable(),
  /** 1-based line in the input text (plain text input); null for HTML. */
  line: z.number().int().positive().nullable(),
  /** Index of the output paragraph it stood before (the paragraph count when it stood at the end). */
  beforeParagraph: z.number().int().nonnegative(),
});

/** One repair made by the repair pipeline or the markup repair. */
export const FixSchema = z.object({
  fixer: z.string(),
  before: z.string(),
  after: z.string(),
  note: z.string().optional(),
});

export const ArticleSchema = z.object({
  title: z.string().nullable(),
  /** The page's own summary (its description meta tags), repaired like the body; null for text. */
  description: z.string().nullable(),
  byline: z.string().nullable(),
  /** ISO 8601: a date (`2022-01-09`) or a date and time in UTC (`2022-01-09T10:00:00.000Z`). */
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)?$/).nullable(),
  siteName: z.string().nullable(),
  url: z.string().nullable(),
  /** ISO 639-1 code of the body, detected (or given in the options). */
  lang: z.string().nullable(),
  /** The body: paragraphs joined by a blank line. */
  text: z.string(),
  paragraphs: z.array(z.string()),
  boilerplate: z.array(BoilerplateSchema),
  fixes: z.array(FixSchema),
  /** The file the article came from (`<stdin>` for standard input), or null. */
  source: z.string().nullable(),
  /** `html` or `text`: how the input was read. */
  input: z.enum(['html', 'text']),
  /**
   * What found the main content: `readability+linkedom` for pages, `linkedom-body` when Readability
   * found nothing on a page that has paragraphs, `plain-text` for text.
   */
  extractor: z.string(),
  /** Why the body is empty, when it is (no article on the page). */
  warnings: z.array(z.string()),
  /** Filled by the attribution layer when it runs. */
  quotes: z.array(z.unknown()).optional(),
  entities: z.array(z.unknown()).optional(),
});

export type Article = z.infer<typeof ArticleSchema>;
export type Boilerplate = z.infer<typeof BoilerplateSchema>;
export type Fix = z.infer<typeof FixSchema>;

/** Throws when an article does not match the schema: a bug in this layer, never bad input. */
export function validateArticle(article: Article): Article {
  const parsed = ArticleSchema.safeParse(article);
  if (!parsed.success) throw new Error(`article does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}
