/**
 * Tokens for the attribution model: words (with inner apostrophes and hyphens), quotation marks (a pair of
 * apostrophes `''` or backquotes counts as one double mark, as NYT plain text writes them) and single
 * punctuation characters. Each token knows its sentence and paragraph and whether it lies inside a quotation.
 */
export interface TokenTable {
  start: Int32Array;
  end: Int32Array;
  /** The token as written. */
  word: string[];
  /** Sentence number (sentences never cross a paragraph). */
  sentence: Int32Array;
  /** Paragraph number: one paragraph per line. */
  paragraph: Int32Array;
  /** Quote state: 0 outside, 1 inside, 2 an opening mark, 3 a closing mark. */
  quote: Uint8Array;
  length: number;
}

/** 1 where a token opens a paragraph. */
export function paragraphStarts(t: TokenTable): Uint8Array {
  const out = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = i === 0 || t.paragraph[i] !== t.paragraph[i - 1] ? 1 : 0;
  return out;
}

// Words (don't, Trump's, ten-point, 4.5, U.S.), runs of dashes, quote pairs, any other visible character.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[.,'’\-&][\p{L}\p{N}]+)*|''|``|-{2,}|[^\s]/gu;

const DOUBLE_OPEN = new Set(['“', '„', '«', '``']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'jr', 'sr', 'inc', 'corp',
  'co', 'ltd', 'vs', 'no', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'prof', 'rev', 'ft',
  'mt', 'pa', 'fla', 'calif', 'ariz', 'mass', 'conn', 'va', 'wis', 'mich', 'minn', 'ill', 'ind', 'ky', 'tenn', 'okla',
]);

export function tokenize(text: string): TokenTable {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    words.push(m[0]);
  }
  const n = words.length;
  const table: TokenTable = {
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    word: words,
    sentence: new Int32Array(n),
    paragraph: new Int32Array(n),
    quote: new Uint8Array(n),
    length: n,
  };
  markParagraphsAndSentences(text, table);
  markQuotes(table);
  return table;
}

/**
 * Whether a line break lies in [from, to), for positions that only move forward: the next break is looked up
 * again only once it has been passed, so all calls together read the text once (an indexOf per token would run
 * to the end of a text without line breaks every time).
 */
function lineBreaks(text: string): (from: number, to: number) => boolean {
  let next = -1;
  return (from, to) => {
    if (next !== Infinity && next < from) {
      const i = text.indexOf('\n', from);
      next = i < 0 ? Infinity : i;
    }
    return next < to;
  };
}

function markParagraphsAndSentences(text: string, t: TokenTable): void {
  let para = 0;
  let sent = 0;
  let endsSentence = false;
  const lineBreakBetween = lineBreaks(text);
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && lineBreakBetween(t.end[i - 1]!, t.start[i]!)) {
      para++;
      sent++;
      endsSentence = false;
    } else if (endsSentence && startsSentence(t.word[i]!)) {
      sent++;
      endsSentence = false;
    }
    t.paragraph[i] = para;
    t.sentence[i] = sent;
    const w = t.word[i]!;
    if (w === '.' || w === '!' || w === '?' || w === '…') {
      const prev = i > 0 ? t.word[i - 1]!.toLowerCase() : '';
      endsSentence = !(w === '.' && (ABBREVIATIONS.has(prev) || /^\p{Lu}$/u.test(t.word[i - 1] ?? '')) && t.end[i - 1] === t.start[i]);
    } else if (endsSentence && !isClosingMark(w)) {
      endsSentence = false;
    }
  }
}

function isClosingMark(w: string): boolean {
  return w === '"' || w === "''" || w === '”' || w === '’' || w === ')' || w === '»' || w === "'";
}

function startsSentence(w: string): boolean {
  return /^[\p{Lu}\p{N}"“„”'‘(`«—–-]/u.test(w);
}

/**
 * Straight marks (`"`, `''`) alternate open/close within a paragraph; curly marks say which they are. A quotation
 * left open at a paragraph's end stays open only if the next paragraph opens with a mark (the news convention).
 */
function markQuotes(t: TokenTable): void {
  let open = false;
  let lowOpener = false; // „ is closed by “ (German, Polish style)
  let para = -1;
  for (let i = 0; i < t.length; i++) {
    const w = t.word[i]!;
    if (t.paragraph[i] !== para) {
      para = t.paragraph[i]!;
      const opensWithMark = w === '"' || w === "''" || DOUBLE_OPEN.has(w);
      if (open && opensWithMark) {
        t.quote[i] = 2;
        continue;
      }
      open = false;
    }
    const straight = w === '"' || w === "''";
    const closesLow = open && lowOpener && w === '“';
    if (!closesLow && (DOUBLE_OPEN.has(w) || (straight && !open))) {
      open = true;
      lowOpener = w === '„';
      t.quote[i] = 2;
    } else if (closesLow || DOUBLE_CLOSE.has(w) || (straight && open)) {
      t.quote[i] = open ? 3 : 0;
      open = false;
    } else {
      t.quote[i] = open ? 1 : 0;
    }
  }
}
