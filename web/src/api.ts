/** The shapes the page reads from the service (see /openapi.json). */

export interface Step {
  fixer: string;
  pass: number;
  start: number;
  end: number;
  before: string;
  after: string;
  inputStart: number;
  inputEnd: number;
  note?: string;
}

export interface FixAnswer {
  text: string;
  changed: boolean;
  fixes: Record<string, number>;
  steps: Step[];
}

export interface Quote {
  text: string;
  /** 'direct' (in quotation marks), 'indirect' (reported), 'mixed' (a reported clause with quoted words). */
  kind: string;
  cue: string | null;
  speaker: { mention: string; name: string; type?: string; role?: string | null } | null;
}

export interface Entity {
  name: string;
  type: 'person' | 'organization' | 'place';
  roles: string[];
  count: number;
}

export interface ArticleAnswer {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  url: string | null;
  lang: string | null;
  text: string;
  paragraphs: string[];
  boilerplate: unknown[];
  quotes: Quote[];
  entities: Entity[];
  /** Whether quotes and entities could be looked for (the language may not be supported). */
  attribution?: { lang?: string; supported: boolean; reason?: string };
}

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function postText<T>(path: string, input: string): Promise<T> {
  const contentType = looksLikeHtml(input) && path === '/v1/article' ? 'text/html' : 'text/plain';
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'content-type': `${contentType}; charset=utf-8` }, body: input });
  } catch {
    throw new ServiceError(0, 'network', 'The service cannot be reached. Is `unmangle serve` still running?');
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: string; message?: string }) | null;
  if (!res.ok || body === null) {
    throw new ServiceError(res.status, body?.error ?? 'unknown', body?.message ?? `the service answered ${res.status}`);
  }
  return body;
}

export function looksLikeHtml(text: string): boolean {
  return /<(?:html|body|head|article|p|div|span|h[1-6]|!doctype)\b/i.test(text);
}

export const fixText = (input: string) => postText<FixAnswer>('/v1/fix', input);
export const extractArticle = (input: string) => postText<ArticleAnswer>('/v1/article', input);
