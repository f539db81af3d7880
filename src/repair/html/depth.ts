/**
 * Browsers cap how deep the parser nests elements (Blink: 512); past that, elements are laid side by
 * side. The parser linkedom uses keeps its stack of open elements in an array it shifts and searches
 * from the front, and the article extractor measures text per ancestor, so ten thousand unclosed
 * `<div>` made parsing and extraction quadratic. `capNesting` drops the tags that would open an
 * element deeper than the cap (and their end tags) before the markup reaches the parser, so the tree
 * is never deeper than the cap and depth costs nothing extra. Text is never dropped: what stood in
 * the deep elements stays in the deepest kept one, where a browser shows it too.
 *
 * To know the depth the parser will build, the scan mirrors that parser's tree rules (which start tags
 * close which open elements, void elements, self-closing tags in SVG and MathML, raw-text elements),
 * so markup that never goes past the cap comes out as the very same string. One forward scan: each
 * character is read once, quoted attribute values and comments are skipped with `indexOf`, and the
 * stack of open elements is searched through per-name counts, so the cost is linear in the markup.
 */
export const MAX_NESTING = 512;

/** The open elements a start tag closes when they are the innermost (the parser's table; HTML facts). */
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const CLOSED_BY = new Map<string, ReadonlySet<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']],
      ['th', ['th']],
      ['td', ['thead', 'th', 'td']],
      ['body', ['head', 'link', 'script']],
      ['li', ['li']],
      ['option', ['option']],
      ['optgroup', ['optgroup', 'option']],
      ['dd', ['dd', 'dt']],
      ['dt', ['dd', 'dt']],
      ['rt', ['rt', 'rp']],
      ['rp', ['rt', 'rp']],
      ['tbody', ['thead', 'tbody']],
      ['tfoot', ['thead', 'tbody']],
      ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((n) => [n, FORM] as const),
      ...(
        'p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer ' +
        'form header hr main nav ol pre section table ul'
      )
        .split(' ')
        .map((n) => [n, P] as const),
    ] as ReadonlyArray<readonly [string, readonly string[]]>
  ).map(([name, closes]) => [name, new Set(closes)]),
);

const VOID = new Set('area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr'.split(' '));
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Elements whose content is text up to their end tag, never markup; the end tag each looks for. */
const RAW_TEXT = new Map(['script', 'style', 'title', 'textarea', 'xmp'].map((n) => [n, new RegExp(`</${n}(?=[\\t\\n\\f\\r />])`, 'gi')]));

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

function isAsciiLetter(c: number): boolean {
  const folded = c | 0x20;
  return folded >= 0x61 && folded <= 0x7a;
}

interface Tag {
  name: string;
  /** Just past the `>` (or the end of the markup when the tag never ends). */
  end: number;
  selfClosing: boolean;
}

/** The markup with the tags that would nest elements deeper than `max` taken out; unchanged when none do. */
export function capNesting(html: string, max = MAX_NESTING): string {
  // Fewer tags than the cap cannot nest past it: most fragments end here.
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= max; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= max) return html;
  return new NestingCap(html, max).run();
}

class NestingCap {
  /** Open elements, outermost first; those from index `max` on are the ones whose tags were dropped. */
  private readonly stack: string[] = [];
  /** How many elements of each name are on the stack, so an end tag finds its element without a search. */
  private readonly counts = new Map<string, number>();
  /** The parser's foreign-content flags (SVG/MathML), as it keeps them: for the tags it sees. */
  private readonly foreign: boolean[] = [false];
  private readonly parts: string[] = [];
  private copied = 0;

  constructor(
    private readonly html: string,
    private readonly max: number,
  ) {}

  run(): string {
    const html = this.html;
    let i = html.indexOf('<');
    while (i >= 0 && i < html.length) {
      i = this.at(i);
      i = i < html.length ? html.indexOf('<', i) : -1;
    }
    if (this.parts.length === 0) return html;
    this.parts.push(html.slice(this.copied));
    return this.parts.join('');
  }

  /** Handles the markup at `<` and returns where to go on. */
  private at(lt: number): number {
    const html = this.html;
    const c = html.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (html.startsWith('<!--', lt)) return this.after(html.indexOf('-->', lt + 2), 3);
      if (html.startsWith('<![CDATA[', lt)) return this.after(html.indexOf(']]>', lt + 9), 3);
      return this.after(html.indexOf('>', lt + 2), 1);
    }
    if (c === 0x3f /* ? */) return this.after(html.indexOf('>', lt + 2), 1);
    if (c === SLASH) {
      // The parser reads `</ div>` as `</div>`.
      let start = lt + 2;
      while (start < html.length && isSpace(html.charCodeAt(start))) start++;
      if (!isAsciiLetter(html.charCodeAt(start))) return this.after(html.indexOf('>', start), 1);
      let j = start;
      while (j < html.length && html.charCodeAt(j) !== GT && !isSpace(html.charCodeAt(j))) j++;
      const name = html.slice(start, j).toLowerCase();
      const end = this.after(html.indexOf('>', j), 1);
      this.endTag(name, lt, end);
      return end;
    }
    if (!isAsciiLetter(c)) return lt + 1;
    const tag = this.readStartTag(lt);
    return this.startTag(tag, lt);
  }

  private after(found: number, length: number): number {
    return found < 0 ? this.html.length : found + length;
  }

  /** A start tag's name and end, attribute values skipped whole (a quoted `>` does not end the tag). */
  private readStartTag(lt: number): Tag {
    const html = this.html;
    const n = html.length;
    let j = lt + 1;
    while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== SLASH && html.charCodeAt(j) !== GT) j++;
    const name = html.slice(lt + 1, j).toLowerCase();
    let slash = false;
    while (j < n) {
      const c = html.charCodeAt(j);
      if (c === GT) return { name, end: j + 1, selfClosing: slash };
      if (isSpace(c)) {
        j++;
        continue;
      }
      if (c === SLASH) {
        slash = true;
        j++;
        continue;
      }
      slash = false;
      // An attribute: its name (whose first character may be anything, even `=` or a quote), then
      // perhaps `=` and a value.
      j++;
      while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== SLASH && html.charCodeAt(j) !== GT && html.charCodeAt(j) !== 0x3d) j++;
      let k = j;
      while (k < n && isSpace(html.charCodeAt(k))) k++;
      if (html.charCodeAt(k) !== 0x3d /* = */) continue;
      k++;
      while (k < n && isSpace(html.charCodeAt(k))) k++;
      const q = html.charCodeAt(k);
      if (q === 0x22 || q === 0x27) {
        const close = html.indexOf(q === 0x22 ? '"' : "'", k + 1);
        j = close < 0 ? n : close + 1;
      } else {
        j = k;
        while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== GT) j++;
      }
    }
    return { name, end: n, selfClosing: false };
  }

  private startTag(tag: Tag, lt: number): number {
    const { stack, max } = this;
    const closes = CLOSED_BY.get(tag.name);
    let kept = stack.length;
    if (closes) while (kept > 0 && closes.has(stack[kept - 1]!)) kept--;
    const inForeign = FOREIGN.has(tag.name) || (!INTEGRATION.has(tag.name) && this.foreign[this.foreign.length - 1] === true);
    const pushes = !VOID.has(tag.name) && !(tag.selfClosing && inForeign);
    // A void element without closing effects changes no depth and is always kept; any other tag is kept
    // when the parser's stack and this one agree on what it closes and it opens no element past the cap.
    const keep = !pushes && !closes ? true : pushes ? kept < max : stack.length <= max || kept < max;
    this.popTo(kept);
    if (keep) {
      if (FOREIGN.has(tag.name)) this.foreign.push(true);
      else if (INTEGRATION.has(tag.name)) this.foreign.push(false);
    }
    if (pushes) this.push(tag.name);
    let end = tag.end;
    const close = pushes && !tag.selfClosing ? RAW_TEXT.get(tag.name) : undefined;
    if (close) {
      // Its content is text to the parser; past the cap it goes with its tags (never visible text).
      close.lastIndex = end;
      const found = close.exec(this.html);
      if (!keep) {
        end = found ? this.after(this.html.indexOf('>', found.index), 1) : this.html.length;
        this.popTo(stack.length - 1);
        this.drop(lt, end);
        return end;
      }
      end = found ? found.index : this.html.length;
    }
    if (!keep) this.drop(lt, end);
    return end;
  }

  private endTag(name: string, lt: number, end: number): void {
    if (VOID.has(name)) return; // `</br>` is a `<br>` to the parser, the others nothing
    if ((this.counts.get(name) ?? 0) === 0) {
      // Ignored by the parser (a stray `</p>` adds an empty p), which still leaves foreign content.
      if (FOREIGN.has(name) || INTEGRATION.has(name)) this.foreign.pop();
      return;
    }
    let at = this.stack.length - 1;
    while (this.stack[at] !== name) at--;
    const keep = at < this.max;
    this.popTo(at);
    if (keep) {
      if (FOREIGN.has(name) || INTEGRATION.has(name)) this.foreign.pop();
    } else this.drop(lt, end);
  }

  private push(name: string): void {
    this.stack.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  private popTo(length: number): void {
    while (this.stack.length > length) {
      const name = this.stack.pop()!;
      this.counts.set(name, this.counts.get(name)! - 1);
    }
  }

  private drop(start: number, end: number): void {
    this.parts.push(this.html.slice(this.copied, start));
    this.copied = end;
  }
}
