import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';
import { buildOpenApi } from '../openapi.js';

export function registerOpsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const openapi = JSON.stringify(buildOpenApi(ctx.version));
  app.get('/healthz', async () => ({ status: 'ok' as const, version: ctx.version, uptime: (Date.now() - ctx.startedAt) / 1000 }));
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });
  app.get('/openapi.json', async (_request, reply) => {
    reply.header('content-type', 'application/json; charset=utf-8');
    return openapi;
  });
}
