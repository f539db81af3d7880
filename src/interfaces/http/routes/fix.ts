import type { FastifyInstance } from 'fastify';
import type { Step } from '../../../repair/index.js';
import { expectBody, textOf } from '../bodies.js';
import { parseWith } from '../validate.js';
import { FixQuerySchema, FixRequestSchema, optionsFromQuery, type FixRequest, type FixResponse } from '../schemas.js';
import { clientGone, type ServerContext } from '../context.js';

export function registerFixRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/fix', async (request, reply): Promise<FixResponse> => {
    const body = expectBody(request.body, ['application/json', 'text/plain']);
    const req: FixRequest =
      body.kind === 'json'
        ? parseWith(FixRequestSchema, body.value, 'body')
        : { text: textOf(body), options: optionsFromQuery(parseWith(FixQuerySchema, request.query ?? {}, 'query')) };
    const result = await ctx.pool.run({ kind: 'fix', text: req.text, options: req.options }, clientGone(reply));
    ctx.metrics.countFixes(result.steps);
    ctx.metrics.documents.inc({ route: '/v1/fix', changed: String(result.text !== req.text) });
    return { text: result.text, changed: result.text !== req.text, fixes: countSteps(result.steps), steps: result.steps };
  });
}

export function countSteps(steps: readonly Step[]): FixResponse['fixes'] {
  const fixes: FixResponse['fixes'] = { total: steps.length };
  for (const s of steps) fixes[s.fixer] = (fixes[s.fixer] ?? 0) + 1;
  return fixes;
}
