/**
 * Removes from the markup, before it is parsed, what can never be article text: scripts, styles,
 * inline SVG, forms' widgets, comments. Parsing cost grows with the number of nodes and these are
 * often most of a news page's bytes; metadata (JSON-LD) is read before this runs.
 */
const NEVER_TEXT =
  /<(script|style|noscript|svg|iframe|template|object|canvas|select|textarea|button|video|audio|map)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<(?:link|input|source|track|wbr|area|param|embed)\b[^>]*>/gi;

export function pruneMarkup(html: string): string {
  return html.replace(NEVER_TEXT, '');
}
