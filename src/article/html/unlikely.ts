import { Readability } from '@mozilla/readability';
import { hidesElement } from './readability.js';

/**
 * Cuts from the markup what Readability's first pass removes before it scores anything: elements it
 * cannot see (hidden by a style, `hidden`, `aria-hidden`) and "unlikely candidates" (a class or id
 * such as `sidebar`, `comment` or `related`, or a menu or dialog role). On news pages that is a
 * fifth of the article container; left in, linkedom builds every node of it and Readability walks
 * them before it throws them away. Readability's own patterns decide, so the answer follows it.
 *
 * Only the first pass may run on the cut markup: when it finds too little, Readability retries with
 * the unlikely candidates kept, and the caller then gives it the whole markup.
 *
 * The markup is not parsed, so only elements whose extent a tag scan gets right are cut: containers
 * that nothing but their own end tag closes, closed by that end tag, and never inside a table or
 * code (Readability keeps those). Elements with a heading (Readability reads the page's headings to
 * settle the title) or that could be a byline (it keeps its text) are left for Readability.
 */

interface Frame {
  name: string;
  start: number;
  /** Readability's first pass would remove it. */
  unlikely: boolean;
  /** Inside an element that is already cut, or one that must not be. */
  covered: boolean;
}

const { REGEXPS, UNLIKELY_ROLES } = Readability.prototype as unknown as { REGEXPS: Record<string, RegExp>; UNLIKELY_ROLES: string[] };
const UNLIKELY = REGEXPS.unlikelyCandidates!;
const MAYBE_CANDIDATE = REGEXPS.okMaybeItsACandidate!;
const BYLINE = REGEXPS.byline!;
const ROLES = new Set(UNLIKELY_ROLES);

/** Containers only their own end tag (or an ancestor's) closes. */
const CUTTABLE = new Set(['div', 'section', 'aside', 'nav', 'header', 'footer', 'ul', 'ol', 'dl', 'figure', 'span', 'menu', 'details']);
/** Readability keeps what is inside these, and the parser treats their content specially. */
const PROTECTED = new Set(['table', 'code', 'pre', 'template', 'svg', 'math', 'select', 'textarea', 'button', 'form']);
/** Start tags that close an open `<p>`, as the parser does. */
const CLOSES_P = new Set(
  (
    'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section summary table ul'
  ).split(' '),
);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\t\n\f\r ="'<>/]+)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r "'=<>`]+)))?/g;
const HEADING = /<h[12]\b/i;

export function dropUnlikely(markup: string): string {
  const stack: Frame[] = [];
  const cuts: Array<[number, number]> = [];
  let protectedDepth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(markup); m; m = TAG.exec(markup)) {
    const name = m[2]!.toLowerCase();
    if (m[1] === '') {
      if (VOID.has(name)) continue;
      // A block that closes an open paragraph separates the paragraph's text from what follows
      // it; cut, it would glue them together.
      const closedParagraph = CLOSES_P.has(name) && closeOpenParagraph(stack);
      const covered = protectedDepth > 0 || stack.some((f) => f.covered || f.unlikely);
      const unlikely = !covered && !closedParagraph && CUTTABLE.has(name) && firstPassRemoves(m[3]!);
      stack.push({ name, start: m.index, unlikely, covered });
      if (PROTECTED.has(name)) protectedDepth++;
      continue;
    }
    const at = lastIndexOf(stack, name);
    if (at < 0) continue; // a stray end tag closes nothing
    // Elements left open inside are closed by this end tag; their extent is not certain.
    for (const f of stack.splice(at + 1)) if (PROTECTED.has(f.name)) protectedDepth--;
    const frame = stack.pop()!;
    if (PROTECTED.has(frame.name)) protectedDepth--;
    const end = m.index + m[0].length;
    if (frame.unlikely && !HEADING.test(markup.slice(frame.start, end))) cuts.push([frame.start, end]);
  }
  if (cuts.length === 0) return markup;
  let out = '';
  let last = 0;
  for (const [start, end] of cuts.sort((a, b) => a[0] - b[0])) {
    if (start < last) continue;
    out += markup.slice(last, start);
    last = end;
  }
  return out + markup.slice(last);
}

/** The parser closes an open paragraph when a block starts; so does the scan. */
function closeOpenParagraph(stack: Frame[]): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const name = stack[i]!.name;
    if (name === 'p') {
      stack.splice(i);
      return true;
    }
    if (PROTECTED.has(name) || name === 'td' || name === 'th' || name === 'caption') return false;
  }
  return false;
}

function lastIndexOf(stack: Frame[], name: string): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.name === name) return i;
  return -1;
}

/** Whether Readability's first pass removes an element with these attributes (and is sure to reach it). */
function firstPassRemoves(rawAttributes: string): boolean {
  if (rawAttributes.trim() === '') return false;
  const attrs = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(rawAttributes); m; m = ATTRIBUTE.exec(rawAttributes)) {
    const key = m[1]!.toLowerCase();
    if (!attrs.has(key)) attrs.set(key, m[2] ?? m[3] ?? m[4] ?? '');
  }
  const className = (attrs.get('class') ?? '').trim().split(/[\t\n\f\r ]+/).join(' ');
  const matchString = `${className} ${attrs.get('id') ?? ''}`;
  // A possible byline is Readability's to take: it keeps the text as the byline.
  if (attrs.get('rel') === 'author' || attrs.get('itemprop')?.includes('author') || BYLINE.test(matchString)) return false;
  const style = attrs.get('style');
  const hidden =
    (style !== undefined && hidesElement(style)) ||
    attrs.has('hidden') ||
    (attrs.get('aria-hidden') === 'true' && !className.includes('fallback-image'));
  if (hidden) return true;
  if (attrs.get('aria-modal') === 'true' && attrs.get('role') === 'dialog') return true;
  return (UNLIKELY.test(matchString) && !MAYBE_CANDIDATE.test(matchString)) || ROLES.has(attrs.get('role') ?? '');
}
