import type { FastifyInstance } from 'fastify';
import type { ArticleTask } from '../articleTask.js';
import { expectBody } from '../bodies.js';
import { clientGone, type ServerContext } from '../context.js';
import { ArticleQuerySchema, ArticleRequestSchema } from '../schemas.js';
import { parseWith } from '../validate.js';

export function registerArticleRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/article', async (request, reply) => {
    const body = expectBody(request.body, ['application/json', 'text/html', 'text/plain']);
    let task: ArticleTask;
    if (body.kind === 'json') {
      const req = parseWith(ArticleRequestSchema, body.value, 'body');
      task = { kind: 'article', input: req.html ?? req.text ?? '', as: req.html !== undefined ? 'html' : 'text', ...defined({ url: req.url, lang: req.lang }) };
    } else {
      const query = parseWith(ArticleQuerySchema, request.query ?? {}, 'query');
      task = { kind: 'article', input: body.raw, as: body.mediaType === 'text/html' ? 'html' : 'text', ...defined({ charset: body.charset, url: query.url, lang: query.lang }) };
    }
    const article = await ctx.pool.run(task, clientGone(reply));
    ctx.metrics.countFixes(article.fixes);
    ctx.metrics.documents.inc({ route: '/v1/article', changed: String(article.fixes.length > 0) });
    return article;
  });
}

/** The task carries only what was given, so the article layer's own defaults apply to the rest. */
function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
