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

  const flush = () => {
    const tag = tagStack[tagStack.length - 1] ?? 'p';
    const pre = tagStack.includes('pre');
    const text = pre ? buffer.replace(/^\n+|\s+$/g, '') : tidy(buffer);
    if (text !== '') blocks.push({ kind: kindOf(tag), text, tag, linkChars: Math.min(linkChars, text.length) });
    buffer = '';
    linkChars = 0;
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
    } else if (CELL_TAGS.has(tag) && buffer.trim() !== '') {
      buffer += '\t';
    }
    if (tag === 'a') inLink++;
    stack.push({ node, pre, exit: isBlock ? 'block' : tag === 'a' ? 'link' : 'none' });
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
      tagStack.pop();
    } else if (frame.exit === 'link') {
      inLink--;
    }
  }
  flush();
  return blocks;
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
