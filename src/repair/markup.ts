import htmlTags from 'html-tags';

const TAG_NAMES = new Set<string>(htmlTags);

const TAG_CANDIDATE = /<\/?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?\/?>/g;

/**
 * True when the text contains an HTML element tag (`<p>`, `</div>`, `<br/>`), not merely a less-than
 * sign: `a <b and c> d` in a formula has no known element name followed by a proper tag ending.
 */
export function looksLikeMarkup(text: string): boolean {
  if (text.indexOf('<') < 0) return false;
  TAG_CANDIDATE.lastIndex = 0;
  for (let m = TAG_CANDIDATE.exec(text); m; m = TAG_CANDIDATE.exec(text)) {
    const name = m[1]!.toLowerCase();
    if (!TAG_NAMES.has(name)) continue;
    const whole = m[0];
    // `<b and c>` has words after the name that are not attribute-shaped.
    const rest = whole.slice(name.length + (whole[1] === '/' ? 2 : 1), -1).trim().replace(/\/$/, '');
    if (rest === '' || /^[a-zA-Z_:][-\w:.]*(\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?(\s+[a-zA-Z_:][-\w:.]*(\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*$/.test(rest)) {
      if (rest === '' || /=/.test(rest)) return true;
    }
  }
  return false;
}
