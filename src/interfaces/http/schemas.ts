import { z } from 'zod';
import { AttributedArticleSchema } from '../../attribution/index.js';
import { FIXER_NAMES, type FixOptions, type FixerName } from '../../repair/index.js';

/**
 * The single source of truth for what the service accepts and returns: requests are validated with
 * these schemas and `/openapi.json` is generated from them, so the two cannot drift apart.
 */

export const FixOptionsSchema = z
  .strictObject({
    fixers: z
      .partialRecord(z.enum(FIXER_NAMES), z.boolean())
      .optional()
      .describe('switch fixers on (true) or off (false); the others keep their defaults'),
    htmlEntities: z
      .enum(['auto', 'always', 'never'])
      .optional()
      .describe('decode intact entities: auto (not in HTML markup), always, never'),
    keepNbsp: z.boolean().optional().describe('keep decoded no-break spaces as U+00A0'),
    lang: z.string().min(1).max(35).optional().describe('language of the text for quote style; guessed when absent'),
  })
  .describe('repair options, as the CLI flags of `unmangle fix`');

const fixerList = z
  .string()
  .regex(new RegExp(`^(?:${FIXER_NAMES.join('|')})(?:,(?:${FIXER_NAMES.join('|')}))*$`), `a comma-separated list of ${FIXER_NAMES.join(', ')}`);

/**
 * The repair options as query parameters, for bodies that are not JSON (text/plain for /v1/fix,
 * JSON lines for /v1/batch); the names are those of the CLI flags.
 */
export const FixQuerySchema = z.strictObject({
  lang: z.string().min(1).max(35).optional().describe('language of the text for quote style'),
  htmlEntities: z.enum(['auto', 'always', 'never']).optional().describe('decode intact entities: auto, always, never'),
  keepNbsp: z.enum(['true', 'false']).optional().describe('keep decoded no-break spaces as U+00A0'),
  disable: fixerList.optional().describe('fixers to switch off, comma-separated'),
  enable: fixerList.optional().describe('fixers to switch on, comma-separated'),
});

export type FixQuery = z.infer<typeof FixQuerySchema>;

export function optionsFromQuery(query: FixQuery): FixOptions {
  const options: FixOptions = {};
  if (query.lang) options.lang = query.lang;
  if (query.htmlEntities) options.htmlEntities = query.htmlEntities;
  if (query.keepNbsp) options.keepNbsp = query.keepNbsp === 'true';
  const fixers: Partial<Record<FixerName, boolean>> = {};
  for (const name of query.disable?.split(',') ?? []) fixers[name as FixerName] = false;
  for (const name of query.enable?.split(',') ?? []) fixers[name as FixerName] = true;
  if (Object.keys(fixers).length > 0) options.fixers = fixers;
  return options;
}

export const FixRequestSchema = z
  .strictObject({
    text: z.string().describe('the damaged text'),
    options: FixOptionsSchema.optional(),
  })
  .describe('POST /v1/fix as application/json; a text/plain body is the text itself, with options as query parameters');

export const StepSchema = z
  .strictObject({
    fixer: z.enum(FIXER_NAMES),
    pass: z.int().min(0),
    start: z.int().min(0).describe('offset in the text as this pass saw it (what applyPlan replays)'),
    end: z.int().min(0),
    before: z.string(),
    after: z.string(),
    inputStart: z.int().min(0).describe('offset in the original input (UTF-16 code units) this change traces back to'),
    inputEnd: z.int().min(0),
    note: z.string().optional(),
  })
  .describe('one change, in the order the pipeline made it');

export const FixCountsSchema = z
  .object({ total: z.int().min(0) })
  .catchall(z.int().min(0))
  .describe('changes in total and per fixer; fixers that changed nothing are absent');

export const FixResponseSchema = z.strictObject({
  text: z.string().describe('the repaired text'),
  changed: z.boolean(),
  fixes: FixCountsSchema,
  steps: z.array(StepSchema),
});

export const ArticleRequestSchema = z
  .strictObject({
    html: z.string().optional().describe('the page as HTML'),
    text: z.string().optional().describe('scraped text, when there is no HTML'),
    url: z.string().optional().describe('where the page came from, for metadata and relative links'),
    lang: z.string().min(1).max(35).optional().describe('language of the body when known; detected otherwise'),
  })
  .refine((body) => (body.html === undefined) !== (body.text === undefined), {
    message: 'give exactly one of "html" or "text"',
  })
  .describe('POST /v1/article as application/json; a text/html or text/plain body (in any charset) is the page itself');

export const ArticleQuerySchema = z.strictObject({
  url: z.string().optional().describe('where the page came from (text/html or text/plain body)'),
  lang: z.string().min(1).max(35).optional().describe('language of the body when known (text/html or text/plain body)'),
});

/** The attribution layer's schema of an article with who said what: the API answers exactly that. */
export const ArticleResponseSchema = AttributedArticleSchema.describe(
  'the article as toArticle gives it, with quotes and entities as attribute finds them in its text (offsets are into `text`)',
);

export const BatchLineSchema = z
  .object({ text: z.string() })
  .catchall(z.unknown())
  .describe('one JSON object per line; other fields are echoed back');

export const BatchResultSchema = z
  .object({ text: z.string(), fixes: FixCountsSchema })
  .catchall(z.unknown())
  .describe('the input record with its text repaired and the changes counted, one line per input line');

export const BatchErrorSchema = z.strictObject({
  line: z.int().min(1),
  error: z.string(),
  message: z.string(),
});

export const ErrorSchema = z
  .strictObject({
    error: z.string().describe('a stable code: invalid_json, invalid_utf8, too_large, unsupported_media_type, invalid_request, busy, timeout, ...'),
    message: z.string().describe('one line naming the problem'),
  })
  .describe('every 4xx and 5xx answer');

export const HealthSchema = z.strictObject({ status: z.literal('ok'), version: z.string(), uptime: z.number() });

export type FixRequest = z.infer<typeof FixRequestSchema>;
export type FixResponse = z.infer<typeof FixResponseSchema>;
export type ArticleRequest = z.infer<typeof ArticleRequestSchema>;
export type ErrorBody = z.infer<typeof ErrorSchema>;
