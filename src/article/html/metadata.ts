import { decodeHTML } from 'entities';

export interface PageMetadata {
  title: string | null;
  /** The page's own summary (`og:description`, `description`, JSON-LD), not one made from the body. */
  description: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  url: string | null;
  lang: string | null;
}

const META_TAG = /<meta\b([^>]*)>/gi;
const LINK_TAG = /<link\b([^>]*)>/gi;
// ASCII white space, as HTML defines it: a page read as UTF-8 bytes has the no-break space's byte
// (which `\s` takes) inside other characters.
const ATTR = /([^\t\n\f\r ="'<>\/]+)[\t\n\f\r ]*=[\t\n\f\r ]*("([^"]*)"|'([^']*)'|([^\t\n\f\r "'=<>`]+))/g;
const LD_JSON = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|TechArticle|ScholarlyArticle|WebPage)$/;

/** How the page's characters read as text: the identity, or the decoding of UTF-8 bytes. */
type TextOf = (raw: string) => string;

function attributes(raw: string, textOf: TextOf): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(raw); m; m = ATTR.exec(raw)) {
    out.set(m[1]!.toLowerCase(), decodeHTML(textOf(m[3] ?? m[4] ?? m[5] ?? '')).trim());
  }
  return out;
}

/**
 * Page metadata from the markup itself (meta tags, the canonical link, JSON-LD), read before the
 * page is pruned for extraction; the extractor's own guesses fill what is missing. `textOf` decodes
 * the values of a page given as UTF-8 bytes.
 */
export function readMetadata(html: string, textOf: TextOf = (raw) => raw): PageMetadata {
  const headEnd = html.search(/<\/head\s*>/i);
  const head = headEnd > 0 ? html.slice(0, headEnd) : html.slice(0, 200_000);
  const meta = new Map<string, string>();
  META_TAG.lastIndex = 0;
  for (let m = META_TAG.exec(head); m; m = META_TAG.exec(head)) {
    const a = attributes(m[1]!, textOf);
    const key = (a.get('property') ?? a.get('name') ?? a.get('itemprop'))?.toLowerCase();
    const content = a.get('content');
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  let canonical: string | null = null;
  LINK_TAG.lastIndex = 0;
  for (let m = LINK_TAG.exec(head); m; m = LINK_TAG.exec(head)) {
    const a = attributes(m[1]!, textOf);
    if (a.get('rel')?.toLowerCase().split(/\s+/).includes('canonical') && a.get('href')) {
      canonical = a.get('href')!;
      break;
    }
  }
  const ld = readJsonLd(html, textOf);
  const htmlLang = /<html\b[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)/i.exec(html)?.[1] ?? null;
  const publishedRaw =
    meta.get('article:published_time') ?? ld.datePublished ?? meta.get('datepublished') ?? meta.get('pubdate') ??
    meta.get('publishdate') ?? meta.get('date') ?? meta.get('dc.date') ?? meta.get('dc.date.issued') ?? meta.get('sailthru.date') ?? null;
  return {
    title: meta.get('og:title') ?? ld.headline ?? meta.get('twitter:title') ?? null,
    description: meta.get('og:description') ?? ld.description ?? meta.get('description') ?? meta.get('twitter:description') ?? null,
    byline: ld.author ?? meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator') ?? meta.get('byl') ?? null,
    published: publishedRaw ? toIsoDate(publishedRaw) : null,
    siteName: meta.get('og:site_name') ?? ld.publisher ?? meta.get('application-name') ?? null,
    url: canonical ?? meta.get('og:url') ?? ld.url ?? null,
    lang: htmlLang ? htmlLang.toLowerCase().split(/[-_]/)[0]! : null,
  };
}

interface LdFields {
  headline?: string;
  description?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
}

function readJsonLd(html: string, textOf: TextOf): LdFields {
  const found: LdFields = {};
  LD_JSON.lastIndex = 0;
  for (let m = LD_JSON.exec(html); m; m = LD_JSON.exec(html)) {
    let data: unknown;
    try {
      data = JSON.parse(textOf(m[1]!).trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue; // a page's broken JSON-LD is its own problem; the meta tags still count
    }
    for (const node of flatten(data)) {
      const type = node['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue;
      found.headline ??= str(node.headline);
      found.description ??= str(node.description);
      found.datePublished ??= str(node.datePublished);
      found.author ??= names(node.author);
      found.publisher ??= names(node.publisher);
      found.url ??= str(node.url) ?? str((node.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']);
    }
  }
  return found;
}

function flatten(data: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(data)) return data.flatMap(flatten);
  if (data && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    return [obj, ...(obj['@graph'] ? flatten(obj['@graph']) : [])];
  }
  return [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? decodeHTML(v.trim()) : undefined;
}

function names(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  const list = (Array.isArray(v) ? v : [v]).map((x) => (x && typeof x === 'object' ? str((x as Record<string, unknown>).name) : str(x)));
  const joined = list.filter((x): x is string => !!x).join(', ');
  return joined || undefined;
}

/**
 * A published date as ISO 8601: a date with a time becomes UTC (`2019-11-19T15:23:00.000Z`), a date
 * alone stays a date (`2019-11-19`); anything unparseable is null rather than a guess.
 */
export function toIsoDate(raw: string): string | null {
  const s = raw.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (dateOnly) return `${dateOnly[1]}-${dateOnly[2]}-${dateOnly[3]}`;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2} \d/.test(s) ? s.replace(' ', 'T') : s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  if (d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200) return null;
  if (!/\d{1,2}:\d{2}/.test(s)) {
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  return d.toISOString();
}
