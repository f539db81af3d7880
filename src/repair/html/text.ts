import { guessLanguage, quoteStyleFor } from '../quoteStyle.js';
import { lazySpacing } from '../spacing.js';
import { parseHTML } from './parser.js';
import { ELEMENT_NODE, TEXT_NODE, type DomNode } from './dom.js';

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'quote' | 'pre' | 'row' | 'caption';

/** A run of text between block boundaries, with the element kind that enclosed it. */
export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** The nearest enclosing element's tag, lower-case (`p`, `h2`, `li`, `div`, ...). */
  tag: string;
  /** How many of the text's characters are inside links: a block that is all link is navigation. */
  linkChars: number;
}

/** Elements that start and end a block of text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(
  (
    'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table ' +
    'tbody thead tfoot tr ul caption legend'
  ).split(' '),
);
const SKIPPED_TAGS = new Set(
  'head script style noscript template svg math iframe object embed canvas select textarea button title meta link'.split(' '),
);
const CELL_TAGS = new Set(['td', 'th']);

function kindOf(tag: string): BlockKind {
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'li' || tag === 'dd' || tag === 'dt') return 'item';
  if (tag === 'blockquote') return 'quote';
  if (tag === 'pre') return 'pre';
  if (tag === 'tr') return 'row';
  if (tag === 'figcaption' || tag === 'caption') return 'caption';
  return 'paragraph';
}

export interface Layout {
  /**
   * Keep the line breaks of the text itself, not only `<br>`: a fragment written as text with a few
   * tags means its lines. Off for pages, whose source is wrapped wherever its editor wrapped it.
   */
  keepLineBreaks?: boolean;
}

/**
 * Walks a DOM subtree and returns its text as blocks, the way a browser lays it out: block elements
 * start and end a block, `<br>` is a line break inside one, inline elements add nothing (so words
 * are neither glued nor split), and runs of white space collapse except inside `<pre>` (and but for
 * line breaks with `keepLineBreaks`).
 */
export function blocksOf(root: DomNode, skip?: (element: DomNode) => boolean, layout: Layout = {}): TextBlock[] {
  const collapse = layout.keepLineBreaks ? (data: string) => data.replace(/\r\n?/g, '\n').replace(/[ \t\r\f]+/g, ' ') : (data: string) => data.replace(/[ \t\n\r\f]+/g, ' ');
  const blocks: TextBlock[] = [];
  let buffer = '';
  let linkChars = 0;
  let inLink = 0;
  let tagStack: string[] = [];
  // Counted, not searched for in the stack: a flush per block then costs the same at any depth.
  let preBlocks = 0;

  // Where inline elements start and end in the buffer: the padding inside them is judged at a flush.
  let edges: number[] = [];

  const flush = () => {
    const tag = tagStack[tagStack.length - 1] ?? 'p';
    const pre = preBlocks > 0;
    if (!pre && edges.length > 0) buffer = unpadInline(buffer, edges);
    const text = pre ? buffer.replace(/^\n+|\s+$/g, '') : tidy(buffer);
    if (text !== '') blocks.push({ kind: kindOf(tag), text, tag, linkChars: Math.min(linkChars, text.length) });
    buffer = '';
    linkChars = 0;
    edges = [];
  };

  // An explicit stack instead of recursion: pages nest elements tens of thousands deep.
  type Frame = { node: DomNode; pre: boolean; exit?: string };
  const stack: Frame[] = [{ node: root, pre: false }];
  const enter = (node: DomNode, pre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const data = node.textContent ?? '';
      const text = pre ? data : collapse(data);
      buffer += text;
      if (inLink > 0) linkChars += text.trim().length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (node.nodeType === ELEMENT_NODE && skip?.(node)) return;
    if (tag === 'br') {
      buffer += '\n';
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) {
      flush();
      tagStack.push(tag);
      if (tag === 'pre') preBlocks++;
    } else if (CELL_TAGS.has(tag) && buffer.trim() !== '') {
      buffer += '\t';
    }
    if (tag === 'a') inLink++;
    if (!isBlock) edges.push(buffer.length);
    stack.push({ node, pre, exit: isBlock ? 'block' : tag === 'a' ? 'link' : 'inline' });
    const children = node.childNodes;
    const childPre = pre || tag === 'pre';
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, pre: childPre });
  };

  tagStack = [];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit === undefined) {
      enter(frame.node, frame.pre);
      continue;
    }
    if (frame.exit === 'block') {
      flush();
      if (tagStack.pop() === 'pre') preBlocks--;
      continue;
    }
    if (frame.exit === 'link') inLink--;
    edges.push(~buffer.length); // an end, told from a start by its sign
  }
  flush();
  return blocks;
}

/**
 * Translators pad the text inside inline elements (`<em> report </em>,`, `«<i> Зберегти </i>»`); a
 * browser shows that padding, but before a closing mark or punctuation, and after an opening mark, it
 * is damage: no language puts a space there (French keeps its own, see `spacingOf`). Other padding
 * is left to collapse with the spaces around it. One pass over the edges, one over the text.
 */
function unpadInline(buffer: string, edges: readonly number[]): string {
  const spacing = lazySpacing(() => quoteStyleFor(guessLanguage(buffer)));
  const cuts: Array<[number, number]> = [];
  for (const edge of edges) {
    if (edge < 0) {
      const at = ~edge;
      let from = at;
      while (from > 0 && buffer.charCodeAt(from - 1) === 0x20) from--;
      if (from < at && from > 0 && spacing.tightBefore(buffer.charCodeAt(at))) cuts.push([from, at]);
    } else {
      let to = edge;
      while (to < buffer.length && buffer.charCodeAt(to) === 0x20) to++;
      if (to > edge && to < buffer.length && spacing.tightAfter(buffer.charCodeAt(edge - 1))) cuts.push([edge, to]);
    }
  }
  if (cuts.length === 0) return buffer;
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let last = 0;
  for (const [from, to] of cuts) {
    if (from < last) continue;
    out += buffer.slice(last, from);
    last = to;
  }
  return out + buffer.slice(last);
}

/** Collapses spaces around the line breaks `<br>` left and trims the block. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(/\u200b/g, '')
    .trim();
}

/** Joins blocks as plain text: a blank line between blocks, a newline for each `<br>`. */
export function blocksToText(blocks: readonly TextBlock[]): string {
  return blocks.map((b) => b.text).join('\n\n');
}

/** Parses markup (a fragment or a whole page) and returns its visible text, blocks separated by blank lines. */
export function markupToText(html: string, layout: Layout = {}): string {
  const { document } = parseHTML(`<!doctype html><html><body>${stripDocumentShell(html)}</body></html>`);
  return blocksToText(blocksOf(document.body as unknown as DomNode, undefined, layout));
}

/** A whole page given as a "fragment" keeps its body only; its head would otherwise become text. */
function stripDocumentShell(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html);
  if (body) return body[1]!;
  return html.replace(/<head\b[\s\S]*?<\/head\s*>/i, '').replace(/<\/?(?:html|!doctype)\b[^>]*>/gi, '');
}
