import { z } from 'zod';
import { BatchQuerySchema } from './routes/batch.js';
import {
  ArticleQuerySchema,
  ArticleRequestSchema,
  ArticleResponseSchema,
  BatchErrorSchema,
  BatchLineSchema,
  BatchResultSchema,
  ErrorSchema,
  FixQuerySchema,
  FixRequestSchema,
  FixResponseSchema,
  HealthSchema,
} from './schemas.js';

type Json = Record<string, unknown>;

/** JSON Schema for a request (defaults make fields optional) or a response (defaults are filled in). */
function schema(s: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

const json = (s: z.ZodType, io: 'input' | 'output') => ({ 'application/json': { schema: schema(s, io) } });
const text = { type: 'string' };

const errors = (...statuses: number[]): Json =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: ERROR_WORDS[status] ?? 'error', content: json(ErrorSchema, 'output') }]));

const ERROR_WORDS: Record<number, string> = {
  400: 'invalid JSON, invalid UTF-8, or a request that does not match the schema',
  405: 'wrong method for this path (the Allow header lists the right ones)',
  408: 'the body did not arrive within --body-timeout',
  413: 'body larger than --body-limit',
  415: 'a content type or charset this endpoint does not accept',
  422: 'the input cannot be processed',
  503: 'busy (queue full) or timed out (--timeout)',
};

function queryParameters(s: z.ZodType, when?: string): Json[] {
  return Object.entries((schema(s, 'input').properties ?? {}) as Record<string, Json>).map(([name, p]) => ({
    name,
    in: 'query',
    required: false,
    schema: p,
    description: when ? `${String(p.description ?? '')} (${when})` : p.description,
  }));
}

/** The OpenAPI 3.1 description, built from the schemas the routes validate with. */
export function buildOpenApi(version: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Unmangle',
      version,
      description: 'Restores text damaged by encoders, HTML handling and machine translation; turns news pages into articles with who said what.',
    },
    paths: {
      '/v1/fix': {
        post: {
          summary: 'Repair a text and list every change',
          parameters: queryParameters(FixQuerySchema, 'only with a text/plain body'),
          requestBody: {
            required: true,
            content: { ...json(FixRequestSchema, 'input'), 'text/plain': { schema: text } },
          },
          responses: { 200: { description: 'the repaired text and its steps', content: json(FixResponseSchema, 'output') }, ...errors(400, 405, 408, 413, 415, 503) },
        },
      },
      '/v1/article': {
        post: {
          summary: 'Extract the article from a page: title, paragraphs, removed boilerplate, quotes and entities',
          parameters: queryParameters(ArticleQuerySchema),
          requestBody: {
            required: true,
            content: { ...json(ArticleRequestSchema, 'input'), 'text/html': { schema: text }, 'text/plain': { schema: text } },
          },
          responses: { 200: { description: 'the article', content: json(ArticleResponseSchema, 'output') }, ...errors(400, 405, 408, 413, 415, 422, 503) },
        },
      },
      '/v1/batch': {
        post: {
          summary: 'Repair a stream of JSON lines; answers with one JSON line per non-blank input line, in order, as they are done',
          parameters: queryParameters(BatchQuerySchema),
          requestBody: { required: true, content: { 'application/x-ndjson': { schema: schema(BatchLineSchema, 'input') } } },
          responses: {
            200: {
              description: 'one line per record: the record repaired, or an error line naming the input line',
              content: { 'application/x-ndjson': { schema: { oneOf: [schema(BatchResultSchema, 'output'), schema(BatchErrorSchema, 'output')] } } },
            },
            ...errors(400, 405, 408, 415),
          },
        },
      },
      '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: 'alive', content: json(HealthSchema, 'output') } } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text exposition format', content: { 'text/plain': { schema: text } } } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } },
      '/': { get: { summary: 'The web page', responses: { 200: { description: 'HTML', content: { 'text/html': { schema: text } } } } } },
    },
  };
}
