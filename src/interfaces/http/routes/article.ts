import type { FastifyInstance } from 'fastify';
import { ARTICLE_AVAILABLE } from '../articleTask.js';
import { expectBody } from '../bodies.js';
import { clientGone, type ServerContext } from '../context.js';
import { HttpError } from '../errors.js';
import { ArticleRequestSchema } from '../schemas.js';
import { parseWith } from '../validate.js';

export function registerArticleRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/article', async (request, reply) => {
    const body = expectBody(request.body, ['application/json', 'text/html', 'text/plain']);
    const req =
      body.kind === 'json'
        ? parseWith(ArticleRequestSchema, body.value, 'body')
        : body.mediaType === 'text/html'
          ? { html: body.text }
          : { text: body.text };
    if (!ARTICLE_AVAILABLE) {
      throw new HttpError(501, 'not_implemented', 'article extraction is not part of this build yet; /v1/fix works');
    }
    const task = {
      kind: 'article' as const,
      input: req.html ?? req.text ?? '',
      mediaType: req.html !== undefined ? ('text/html' as const) : ('text/plain' as const),
      ...(req.url ? { url: req.url } : {}),
    };
    const article = await ctx.pool.run(task, clientGone(reply));
    ctx.metrics.documents.inc({ route: '/v1/article', changed: 'true' });
    return article;
  });
}
