/**
 * Shrinks the markup of the part of a page that is about to be parsed, without changing its text or
 * anything extraction reads. linkedom's cost grows with the number of nodes it builds — every
 * element, attribute and text node — and Readability then walks them all on each of its passes.
 * On news pages most attributes are for scripts and styling, two thirds of the text nodes are the
 * white space between block tags, and many inline elements are bare wrappers; none of that is text.
 */
import { BLOCK_TAGS } from '../../repair/html/text.js';

/** Attributes that Readability, the article focus and the noise filter read whatever their value. */
const READ_ATTRIBUTES = new Set(['class', 'id', 'role', 'aria-hidden', 'aria-modal', 'hidden', 'itemprop', 'lang', 'dir']);
/**
 * Elements whose attributes all stay: Readability decides about figures by their lazy-loading
 * attributes and about tables by theirs, and both decisions change which blocks it keeps.
 */
const KEEP_ALL_ATTRIBUTES = new Set(['picture', 'source', 'figure', 'table', 'tr', 'td', 'th', 'video', 'audio']);
/** Only a style that hides the element matters (Readability skips invisible elements). */
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/**
 * A link's address matters to Readability only as an in-page anchor (it weighs those links less)
 * or a `javascript:` link (it unwraps those); any other address reads the same as none.
 */
const TELLING_HREF = /^(?:#.|javascript:)/;
/** Readability drops an image that has none of these (a placeholder); otherwise only its presence counts. */
const IMAGE_SOURCE = /^(?:src|srcset|data-src|data-srcset)$/i;
const IMAGE_FILE = /\.(jpg|jpeg|png|webp)/i;

// White space in markup is ASCII (HTML's definition); so `\s`, which also takes the no-break space,
// is not used: a page read as UTF-8 bytes (see `readPage`) has that byte inside other characters.
/** A start tag, with quoted attribute values that may contain `>`. */
const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)([\t\n\f\r ](?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\t\n\f\r ="'<>\/]+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"|'[^']*'|[^\t\n\f\r "'=<>`]+))?/g;

/** Inline elements that, without attributes, only wrap text: removing their tags leaves the text as it was. */
const INLINE_TAG = /<(\/?)(span|b|i|em|strong|u|small|font|mark|abbr|cite)([\t\n\f\r ](?:[^>"']|"[^"]*"|'[^']*')*)?>/gi;

/**
 * Tags next to which white space is not text: block boundaries (the text layout trims the white
 * space at either side of one), a line break (it trims the spaces around one) and the head.
 */
const SPACE_SWALLOWING_TAGS = new Set([...BLOCK_TAGS, 'br', 'head', 'title']);
/** White space between two tags, with both tags' names. */
const SPACE_BETWEEN_TAGS = /(<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>)[\t\n\f\r ]+(?=<\/?([a-zA-Z][a-zA-Z0-9-]*))/g;
const PRE = /<pre\b[\s\S]*?<\/pre\s*>/gi;

export function slimMarkup(html: string): string {
  // White space is text inside `<pre>`: those stretches are left exactly as they are.
  let out = '';
  let last = 0;
  PRE.lastIndex = 0;
  for (let m = PRE.exec(html); m; m = PRE.exec(html)) {
    out += slimOutsidePre(html.slice(last, m.index)) + keepOnlyReadAttributes(m[0]);
    last = m.index + m[0].length;
  }
  return out + slimOutsidePre(html.slice(last));
}

function slimOutsidePre(html: string): string {
  return dropSpaceAtBlockTags(unwrapBareInline(keepOnlyReadAttributes(html)));
}

function keepOnlyReadAttributes(html: string): string {
  START_TAG.lastIndex = 0;
  return html.replace(START_TAG, (whole, name: string, attrs: string) => {
    const tag = name.toLowerCase();
    if (KEEP_ALL_ATTRIBUTES.has(tag)) return whole;
    // Readability removes an image without a source before anything else; for the others only
    // their presence and visibility count.
    if (tag === 'img' && !hasImageSource(attrs)) return '<img>';
    let kept = tag === 'img' ? ' src' : '';
    ATTRIBUTE.lastIndex = 0;
    for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
      const attr = m[1]!.toLowerCase();
      if (READ_ATTRIBUTES.has(attr) || keepsValue(attr, unquote(m[2]))) kept += ' ' + m[0];
    }
    const selfClosing = /\/\s*$/.test(attrs) ? ' /' : '';
    return `<${name}${kept}${selfClosing}>`;
  });
}

function keepsValue(attr: string, value: string): boolean {
  if (attr === 'href') return TELLING_HREF.test(value);
  if (attr === 'rel') return value === 'author'; // Readability's byline test
  if (attr === 'style') return HIDING_STYLE.test(value);
  return false;
}

function hasImageSource(attrs: string): boolean {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
    if (IMAGE_SOURCE.test(m[1]!) || IMAGE_FILE.test(unquote(m[2]))) return true;
  }
  return false;
}

function unquote(value: string | undefined): string {
  if (value === undefined) return '';
  const q = value[0];
  return (q === '"' || q === "'") && value.endsWith(q) ? value.slice(1, -1) : value;
}

/**
 * Removes the start and end tags of attribute-less inline wrappers, pairing each end tag with its
 * start tag so that an end tag closing an element with attributes is kept.
 */
function unwrapBareInline(html: string): string {
  const open = new Map<string, boolean[]>();
  const drop = new Set<number>();
  INLINE_TAG.lastIndex = 0;
  for (let m = INLINE_TAG.exec(html); m; m = INLINE_TAG.exec(html)) {
    const name = m[2]!.toLowerCase();
    let stack = open.get(name);
    if (!stack) open.set(name, (stack = []));
    const bare = m[3] === undefined || m[3].trim() === '' || m[3].trim() === '/';
    if (m[1] === '') {
      stack.push(bare);
      if (bare) drop.add(m.index);
    } else if (stack.length > 0) {
      if (stack.pop()) drop.add(m.index);
    }
  }
  if (drop.size === 0) return html;
  return html.replace(INLINE_TAG, (whole, _slash, _name, _attrs, offset: number) => (drop.has(offset) ? '' : whole));
}

function dropSpaceAtBlockTags(html: string): string {
  SPACE_BETWEEN_TAGS.lastIndex = 0;
  return html.replace(SPACE_BETWEEN_TAGS, (whole, tag: string, before: string, after: string) =>
    SPACE_SWALLOWING_TAGS.has(before.toLowerCase()) || SPACE_SWALLOWING_TAGS.has(after.toLowerCase()) ? tag : whole,
  );
}
