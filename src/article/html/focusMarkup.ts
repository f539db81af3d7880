/**
 * The string-level twin of `focusOnArticle`: finds, before parsing, the one container the page marks
 * as its article (`<article>`, `<main>`, `itemprop="articleBody"`) that holds nearly all of the
 * page's paragraph text, and returns just that markup. Parsing then builds a few hundred nodes
 * instead of thousands. Null when no container clearly dominates; the caller then parses the page.
 */

const DOMINANT = 0.75;
const CANDIDATE = /<(article|main|div|section)\b([^>]*)>/gi;
/** A paragraph runs to the next `<p>` or `</p>`: old pages leave paragraphs unclosed. */
const PARAGRAPH = /<p\b[^>]*>((?:[^<]+|<(?!\/?p[\s>]))*)/gi;
const TAGS = /<[^>]*>/g;

interface Span {
  start: number;
  end: number;
  chars: number;
}

export function focusMarkup(html: string): string | null {
  const paragraphs: Span[] = [];
  let total = 0;
  PARAGRAPH.lastIndex = 0;
  for (let m = PARAGRAPH.exec(html); m; m = PARAGRAPH.exec(html)) {
    const chars = m[1]!.replace(TAGS, '').trim().length;
    total += chars;
    paragraphs.push({ start: m.index, end: m.index + m[0].length, chars });
  }
  if (total < 500) return null;
  let best: { start: number; end: number; share: number } | null = null;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(html); m; m = CANDIDATE.exec(html)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2]!;
    const marked = tag === 'article' || tag === 'main' || /\bitemprop\s*=\s*["']?articleBody\b/i.test(attrs) || /\brole\s*=\s*["']?main\b/i.test(attrs);
    if (!marked) continue;
    const end = closingEnd(html, tag, m.index + m[0].length);
    if (end < 0) continue;
    let inside = 0;
    for (const p of paragraphs) if (p.start >= m.index && p.end <= end) inside += p.chars;
    const share = inside / total;
    // Later (inner) candidates win when they hold as much: a `<main>` around an `<article>` loses.
    if (share >= DOMINANT && (best === null || share >= best.share - 0.02)) best = { start: m.index, end, share };
  }
  if (!best) return null;
  const title = /<title\b[^>]*>[\s\S]*?<\/title\s*>/i.exec(html)?.[0] ?? '';
  return `<!DOCTYPE html><html><head>${title}</head><body>${html.slice(best.start, best.end)}</body></html>`;
}

/** Where the element opened just before `from` ends, counting nested elements of the same name. */
function closingEnd(html: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}
