/**
 * Removes from the markup, before it is parsed, what can never be article text: scripts, styles,
 * inline SVG, widgets, comments, the head (metadata is read before this runs), and the page's
 * navigation, footers and asides. Parsing cost grows with the number of nodes and these are often
 * most of a news page; Readability would discard them anyway.
 */
const NEVER_TEXT =
  /<(script|style|noscript|svg|iframe|template|object|canvas|select|textarea|button|video|audio|map|nav|aside|footer)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<(?:link|meta|input|source|track|wbr|area|param|embed)\b[^>]*>/gi;
const HEAD = /<head\b[^>]*>([\s\S]*?)<\/head\s*>/i;
const TITLE = /<title\b[^>]*>[\s\S]*?<\/title\s*>/i;

export function pruneMarkup(html: string): string {
  const withoutHead = html.replace(HEAD, (_whole, inner: string) => `<head>${TITLE.exec(inner)?.[0] ?? ''}</head>`);
  return withoutHead.replace(NEVER_TEXT, '');
}
