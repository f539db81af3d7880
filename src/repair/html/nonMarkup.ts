import { htmlTagNames } from 'html-tag-names';

/** Every element name HTML has known, obsolete ones included (`font`, `center`: translators' markup). */
const ELEMENT_NAMES = new Set<string>(htmlTagNames);

/** `<` or `</`, a name, and what may follow a name in a tag. The name has no `<`, so matches never overlap. */
const TAG_START = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\t\n\f\r />]|$)/y;

/**
 * Angle brackets that do not open an element are text: `B<Smith & Sons>` (POD), `L<https://…>`,
 * `x<y`, `I <3 you`, `<you>`. A parser would take `<Smith & Sons>` for an unknown element and drop it,
 * losing words from correct text. Only HTML's element names (and custom elements, which have a
 * hyphen) open a tag; comments, doctypes and `<?…>` stay for the parser. One pass over the `<`s.
 */
export function escapeNonMarkup(html: string): string {
  let at = html.indexOf('<');
  if (at < 0) return html;
  const parts: string[] = [];
  let last = 0;
  for (; at >= 0; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) continue;
    TAG_START.lastIndex = at;
    const name = TAG_START.exec(html)?.[1]?.toLowerCase();
    if (name !== undefined && (ELEMENT_NAMES.has(name) || /^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(name))) continue;
    parts.push(html.slice(last, at), '&lt;');
    last = at + 1;
  }
  if (last === 0) return html;
  parts.push(html.slice(last));
  return parts.join('');
}

/** `&nbsp;` and its numeric forms (with or without the semicolon browsers forgive). */
const NBSP_REFERENCE = /&(?:nbsp;?|NonBreakingSpace;|#0*160;?|#[xX]0*[aA]0;?)/g;

/**
 * In HTML mode the parser decodes entities before the repair pipeline sees the text, so the pipeline
 * cannot tell an `&nbsp;` from a no-break space typed as such. Like the `htmlEntities` fixer in text
 * mode, the reference becomes an ordinary space (unless `keepNbsp`); a literal U+00A0 in the markup is
 * the author's and stays.
 */
export function nbspReferencesToSpaces(html: string): string {
  return html.indexOf('&') < 0 ? html : html.replace(NBSP_REFERENCE, ' ');
}
