import { fixAndExplain } from '../repair/index.js';
import { classifyLine, continuesList } from './boilerplate/detect.js';
import type { BoilerplateKind } from './boilerplate/patterns.js';
import { readsAsHeadline, splitBlock } from './paragraphs.js';
import type { Boilerplate, Fix } from './schema.js';
import type { Step } from '../repair/index.js';

export interface PlainTextResult {
  title: string | null;
  paragraphs: string[];
  boilerplate: Boilerplate[];
  fixes: Fix[];
}

interface Line {
  text: string;
  number: number;
}

/**
 * Scraped text to an article: repaired by the repair pipeline, boilerplate lines removed and
 * reported, the rest split into paragraphs, and the first line taken as the title when it reads as
 * a headline.
 */
export function plainTextArticle(input: string, lang?: string): PlainTextResult {
  const normalised = input.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
  const repaired = fixAndExplain(normalised, lang ? { lang } : {});
  const lines: Line[] = repaired.text.split('\n').map((text, i) => ({ text, number: i + 1 }));

  const removed = findBoilerplate(lines);
  const blocks: Array<Line[]> = [];
  let block: Line[] = [];
  const boundaryAfter = new Map<number, Array<{ kind: BoilerplateKind; lang: string | null; line: Line }>>();
  for (const line of lines) {
    const hit = removed.get(line.number);
    if (hit) {
      if (block.length) blocks.push(block);
      block = [];
      const key = blocks.length;
      if (!boundaryAfter.has(key)) boundaryAfter.set(key, []);
      boundaryAfter.get(key)!.push({ ...hit, line });
      continue;
    }
    if (line.text.trim() === '') {
      if (block.length) blocks.push(block);
      block = [];
      continue;
    }
    block.push(line);
  }
  if (block.length) blocks.push(block);

  const paragraphs: string[] = [];
  const boilerplate: Boilerplate[] = [];
  const flushBoilerplate = (blockIndex: number) => {
    for (const b of boundaryAfter.get(blockIndex) ?? []) {
      boilerplate.push({ kind: b.kind, text: b.line.text.trim(), lang: b.lang, line: b.line.number, beforeParagraph: paragraphs.length });
    }
  };
  blocks.forEach((b, i) => {
    flushBoilerplate(i);
    paragraphs.push(...splitBlock(b.map((l) => l.text)));
  });
  flushBoilerplate(blocks.length);

  let title: string | null = null;
  const first = blocks[0];
  if (first && first.length === 1 && paragraphs.length > 1 && readsAsHeadline(paragraphs[0]!)) {
    title = paragraphs.shift()!;
    for (const b of boilerplate) if (b.beforeParagraph > 0) b.beforeParagraph--;
  }
  return { title, paragraphs, boilerplate, fixes: stepsToFixes(repaired.steps) };
}

/**
 * Boilerplate lines by number. An opener (a `Related` heading, a comment form's title) also takes
 * the short list-like lines that follow it, across blank lines, until real text resumes.
 */
function findBoilerplate(lines: readonly Line[]): Map<number, { kind: BoilerplateKind; lang: string | null }> {
  const found = new Map<number, { kind: BoilerplateKind; lang: string | null }>();
  let open: BoilerplateKind | null = null;
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    const hit = classifyLine(line.text);
    if (hit) {
      found.set(line.number, hit);
      open = hit.kind;
      continue;
    }
    if (open && continuesList(open, line.text)) {
      found.set(line.number, { kind: open, lang: null });
      continue;
    }
    open = null;
  }
  return found;
}

export function stepsToFixes(steps: readonly Step[]): Fix[] {
  return steps.map((s) => (s.note ? { fixer: s.fixer, before: s.before, after: s.after, note: s.note } : { fixer: s.fixer, before: s.before, after: s.after }));
}
