import { expectObjectWithString } from '../repair/arguments.js';
import type { Article } from './schema.js';

export const ARTICLE_FORMATS = ['json', 'md', 'text'] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** One article as JSON (one line), Markdown, or plain text (title, blank line, body). */
export function formatArticle(article: Article, format: ArticleFormat): string {
  expectObjectWithString(article, 'formatArticle', 'article', 'text');
  if (!(ARTICLE_FORMATS as readonly unknown[]).includes(format)) {
    throw new TypeError(`formatArticle: format must be one of ${ARTICLE_FORMATS.join(', ')}, got ${JSON.stringify(format) ?? String(format)}`);
  }
  if (format === 'json') return JSON.stringify(article);
  if (format === 'text') return [article.title, article.text].filter((s) => s).join('\n\n') + '\n';
  const lines: string[] = [];
  if (article.title) lines.push(`# ${article.title}`, '');
  const meta = [article.byline, article.published, article.siteName].filter((s) => s);
  if (meta.length) lines.push(`*${meta.join(' · ')}*`, '');
  if (article.url) lines.push(`<${article.url}>`, '');
  for (const p of article.paragraphs) lines.push(escapeMarkdown(p).replace(/\n/g, '  \n'), '');
  return lines.join('\n').replace(/\n+$/, '\n');
}

/** Text that would start a Markdown list, heading or quote is escaped so it stays a paragraph. */
function escapeMarkdown(p: string): string {
  return p.replace(/^([#>*+-]|\d+\.)(\s)/, '\\$1$2');
}
