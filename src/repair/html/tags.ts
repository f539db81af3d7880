import htmlTags from 'html-tags';

const TAG_NAMES = new Set<string>(htmlTags);

/** One repaired tag, in the coordinates of the markup as given. */
export interface TagRepair {
  start: number;
  end: number;
  before: string;
  after: string;
}

export interface TagRepairResult {
  html: string;
  repairs: TagRepair[];
}

/**
 * A tag as machine translation leaves it: spaces after `<`, around `/`, before `>` and around `=`,
 * an upper-cased name. The name must be a known element, so `a < b > c` in prose is not touched.
 */
const BROKEN_TAG = /<(\s*)(\/?)(\s*)([A-Za-z][A-Za-z0-9]*)([^<>]*)>/g;
const ATTRIBUTE = /([^\s="'<>\/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

/** Cells and headings closed by the wrong sibling (`<td>…</th>`, `<h2>…</h3>`) are re-closed. */
const FAMILIES: Record<string, string> = { td: 'cell', th: 'cell', h1: 'h', h2: 'h', h3: 'h', h4: 'h', h5: 'h', h6: 'h', ul: 'list', ol: 'list' };

/**
 * Repairs tags broken by translators so that a parser sees the page's structure: `</ P>` →
 * `</p>`, `< p dir = "ltr" >` → `<p dir="ltr">`, `< / a >` → `</a>`, and a closing tag of the
 * wrong kind for the innermost open cell, heading or list. Well-formed markup comes out unchanged.
 */
export function repairTags(html: string): TagRepairResult {
  if (html.indexOf('<') < 0) return { html, repairs: [] };
  const repairs: TagRepair[] = [];
  const open: string[] = [];
  const parts: string[] = [];
  let last = 0;
  BROKEN_TAG.lastIndex = 0;
  for (let m = BROKEN_TAG.exec(html); m; m = BROKEN_TAG.exec(html)) {
    const [whole, lead, slash, mid, rawName, tail] = m;
    const name = rawName!.toLowerCase();
    // The tail is attributes, then perhaps a self-closing slash, then perhaps spaces before `>`.
    // Tag white space is ASCII; `trimEnd` would also take a no-break space's byte off a page read
    // as UTF-8 bytes, where it ends other characters.
    const trimmed = tail!.replace(/[\t\n\f\r ]+$/, '');
    let trail = tail!.slice(trimmed.length);
    const selfClose = trimmed.endsWith('/');
    let rawAttrs = selfClose ? trimmed.slice(0, -1) : trimmed;
    if (rawAttrs !== '' && !/^\s/.test(rawAttrs)) continue; // `<pre-x>`, `<b2>`: not this element
    if (rawAttrs.trim() === '') {
      trail = rawAttrs + trail;
      rawAttrs = '';
    }
    if (!TAG_NAMES.has(name)) continue;
    const closing = slash === '/';
    if (closing && rawAttrs!.trim() !== '') continue;
    const spaced = lead !== '' || mid !== '' || (trail !== '' && !closing && rawAttrs === '');
    const family = FAMILIES[name];
    // Most tags are well formed and outside the tracked families: nothing to check or repair.
    if (!family && !spaced && (closing || !/\s=|=\s/.test(rawAttrs!))) continue;
    if (!closing && rawAttrs!.trim() !== '' && !attributesLookLikeMarkup(rawAttrs!)) continue;
    // `a < b > c` is a comparison unless a `</b>` follows; a spaced tag must have its pair.
    if (spaced && !closing && !VOID.has(name) && !closes(html, name, m.index + whole.length)) continue;
    let finalName = name;
    if (family) {
      if (!closing) open.push(name);
      else {
        const idx = findLastIndex(open, (n) => FAMILIES[n] === family);
        if (idx >= 0) {
          finalName = open[idx]!;
          open.splice(idx);
        }
      }
    }
    // Upper-case names are valid HTML; only spacing and mismatched pairs break a parser.
    const needsFix = spaced || finalName !== name || (!closing && /\s=|=\s/.test(rawAttrs!));
    if (!needsFix) continue;
    const attrs = closing ? '' : normaliseAttributes(rawAttrs!);
    const after = `<${closing ? '/' : ''}${finalName}${attrs}${selfClose ? ' /' : ''}>`;
    if (after === whole) continue;
    parts.push(html.slice(last, m.index), after);
    repairs.push({ start: m.index, end: m.index + whole.length, before: whole, after });
    last = m.index + whole.length;
  }
  if (repairs.length === 0) return { html, repairs };
  parts.push(html.slice(last));
  return { html: parts.join(''), repairs };
}

const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

function closes(html: string, name: string, from: number): boolean {
  return new RegExp(`<\\s*/\\s*${name}\\s*>`, 'i').test(html.slice(from, from + 20000));
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** Attributes cover the whole string, with nothing but spaces between them. */
function attributesLookLikeMarkup(attrs: string): boolean {
  let covered = 0;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
    if (attrs.slice(covered, m.index).trim() !== '') return false;
    covered = m.index + m[0].length;
  }
  return attrs.slice(covered).trim() === '';
}

function normaliseAttributes(attrs: string): string {
  const out: string[] = [];
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
    out.push(m[2] === undefined ? m[1]! : `${m[1]}=${m[2]}`);
  }
  return out.length ? ' ' + out.join(' ') : '';
}
