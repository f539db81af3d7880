import { fixAndExplain, type TextBlock } from '../repair/index.js';
import { expectBytesOrString, expectOptions } from '../repair/arguments.js';
import { classifyLine, continuesList } from './boilerplate/detect.js';
import type { BoilerplateKind } from './boilerplate/patterns.js';
import { PageDecodeError, readPage, textOfUtf8Bytes } from './bytes.js';
import { extractFromHtml } from './html/extract.js';
import { detectLanguage } from './language.js';
import { plainTextArticle, stepsToFixes } from './plainText.js';
import { validateArticle, type Article, type Boilerplate, type Fix } from './schema.js';

export { ArticleSchema, BoilerplateSchema, FixSchema, validateArticle, type Article, type Boilerplate, type Fix } from './schema.js';
export { decodePage, charsetFromContentType, PageDecodeError, type DecodedPage, type CharsetSource } from './bytes.js';
export { BOILERPLATE_KINDS, type BoilerplateKind } from './boilerplate/patterns.js';
export { classifyLine } from './boilerplate/detect.js';
export { formatArticle, ARTICLE_FORMATS, type ArticleFormat } from './format.js';

export interface ArticleOptions {
  /** `auto` (default) looks at the input: gzip bytes or markup are HTML, anything else is text. */
  input?: 'auto' | 'html' | 'text';
  /** Where the input came from, copied to `source`. */
  source?: string;
  /** Charset from the HTTP header (a WARC record's Content-Type), for byte input. */
  charset?: string;
  /** The page's URL when known; the canonical URL found in the page wins. */
  url?: string;
  /** The body's language, when known; otherwise detected. */
  lang?: string;
}

/**
 * An HTML page, an HTML fragment or scraped text (a string, or bytes in any charset, gzipped or
 * not) to a clean article: title, metadata, paragraphs repaired by the repair pipeline, and the
 * boilerplate that was removed. A page without an article gives an empty body and a warning.
 */
export function toArticle(input: string | Uint8Array, options: ArticleOptions = {}): Article {
  expectBytesOrString(input, 'toArticle', 'input');
  expectOptions(options, 'toArticle');
  let text: string;
  let page: ReturnType<typeof readPage> | undefined;
  if (typeof input === 'string') text = input;
  else {
    page = readPage(input, options.charset);
    text = page.text;
  }
  const utf8Bytes = page?.utf8Bytes ?? false;
  const start = utf8Bytes ? textOfUtf8Bytes(text.slice(0, 2000)) : text;
  const kind = options.input && options.input !== 'auto' ? options.input : page?.gzipped || looksLikeHtml(start) ? 'html' : 'text';
  // A NUL is the same byte in UTF-8 as in the text.
  if (page && text.includes('\u0000')) throw new PageDecodeError('binary data (NUL byte), not a page or text');
  const article =
    kind === 'html' ? fromHtml(text, options, utf8Bytes) : fromText(utf8Bytes ? textOfUtf8Bytes(text) : text, options);
  return validateArticle(article);
}

const HTML_START = /^\s*(?:<!doctype html|<html\b|<head\b|<body\b|<(?:p|div|article|section|h[1-6]|table|ul|ol|span|a|br|meta|title)\b[^>]*>)/i;

function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 2000).replace(/^\ufeff/, '').replace(/^\s*(?:<!--[\s\S]*?-->\s*)+/, ''));
}

function fromText(text: string, options: ArticleOptions): Article {
  const r = plainTextArticle(text, options.lang);
  const body = r.paragraphs.join('\n\n');
  return {
    title: r.title,
    description: null,
    byline: null,
    published: null,
    siteName: null,
    url: options.url ?? null,
    lang: options.lang ?? detectLanguage(body, null),
    text: body,
    paragraphs: r.paragraphs,
    boilerplate: r.boilerplate,
    fixes: r.fixes,
    source: options.source ?? null,
    input: 'text',
    extractor: 'plain-text',
    warnings: r.paragraphs.length === 0 ? ['no article text found'] : [],
  };
}

function fromHtml(html: string, options: ArticleOptions, utf8Bytes: boolean): Article {
  const ex = extractFromHtml(html, utf8Bytes);
  const boilerplate: Boilerplate[] = ex.removed.map((r) => ({
    kind: r.reason === 'furniture' ? 'related' : (r.reason as BoilerplateKind),
    text: r.text.length > 300 ? r.text.slice(0, 297) + '...' : r.text,
    lang: null,
    line: null,
    beforeParagraph: r.index,
  }));
  // Text-level boilerplate the structure did not reveal (a `Read also:` paragraph, a copyright line).
  const kept: string[] = [];
  let open: BoilerplateKind | null = null;
  for (const block of ex.blocks) {
    const hit = block.text.includes('\n') ? null : classifyLine(block.text) ?? linkOnly(block);
    if (hit || (open && block.kind !== 'paragraph' && continuesList(open, block.text))) {
      const kindHit: BoilerplateKind = hit?.kind ?? open!;
      boilerplate.push({ kind: kindHit, text: block.text, lang: hit?.lang ?? null, line: null, beforeParagraph: kept.length });
      open = kindHit;
      continue;
    }
    open = null;
    kept.push(block.text);
  }
  boilerplate.sort((a, b) => a.beforeParagraph - b.beforeParagraph);
  const repairOptions = options.lang ? { lang: options.lang } : {};
  const repaired = fixAndExplain(kept.join('\n\n'), repairOptions);
  let paragraphs = repaired.text === '' ? [] : repaired.text.split(/\n\n+/);
  // The metadata went through the same encoders and translators as the body, so it is repaired the same way.
  const metaFixes: Fix[] = [];
  const repairField = (value: string | null): string | null => {
    if (value === null) return null;
    const r = fixAndExplain(value, repairOptions);
    metaFixes.push(...stepsToFixes(r.steps));
    return r.text.trim() || null;
  };
  const title = repairField(ex.metadata.title);
  const description = repairField(ex.metadata.description);
  const byline = repairField(ex.metadata.byline);
  const siteName = repairField(ex.metadata.siteName);
  // The headline repeated as the body's first block is the title, not body text.
  if (title && paragraphs.length > 0 && sameText(paragraphs[0]!, title)) paragraphs = paragraphs.slice(1);
  const body = paragraphs.join('\n\n');
  return {
    title,
    description,
    byline,
    published: ex.metadata.published,
    siteName,
    url: ex.metadata.url ?? options.url ?? null,
    lang: options.lang ?? detectLanguage(body, ex.metadata.lang),
    text: body,
    paragraphs,
    boilerplate,
    fixes: [...ex.markupFixes, ...metaFixes, ...stepsToFixes(repaired.steps)],
    source: options.source ?? null,
    input: 'html',
    extractor: ex.extractor,
    warnings: paragraphs.length === 0 ? ['no article found on the page'] : [],
  };
}

/**
 * A block that is nothing but a link, outside headings, is a pointer to another story (a related
 * list that carried no telling class name), not text of this one.
 */
function linkOnly(block: TextBlock): { kind: BoilerplateKind; lang: null } | null {
  if (block.kind === 'heading' || block.linkChars < block.text.replace(/\s/g, '').length * 0.9) return null;
  return block.text.length <= 200 ? { kind: 'related', lang: null } : null;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

export { PageDecodeError as ArticleInputError };
