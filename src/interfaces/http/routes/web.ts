import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** dist/src/interfaces/http/routes/ → the package root. */
const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
/** The page's static files, and its script as compiled by `tsconfig.web.json`. */
const SOURCES = [join(ROOT, 'web'), join(ROOT, 'dist', 'web')];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Everything comes from this origin: the page must work offline and nothing may be injected. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** The web page, read once at start-up; only files that exist there can be asked for. */
export function registerWebRoutes(app: FastifyInstance): void {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const dir of SOURCES) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (type) files.set(name, { type, body: readFileSync(join(dir, name)) });
    }
  }
  const send = (name: string) => async (_request: unknown, reply: import('fastify').FastifyReply) => {
    const file = files.get(name);
    if (!file) return reply.code(404).send({ error: 'not_found', message: `${name} is not built (run npm run build)` });
    return reply.headers({ ...SECURITY_HEADERS, 'content-type': file.type }).send(file.body);
  };
  app.get('/', send('index.html'));
  for (const name of files.keys()) if (name !== 'index.html') app.get(`/${name}`, send(name));
}
