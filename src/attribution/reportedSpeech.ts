import { CLAUSE_ONLY_VERBS } from './lexicon.js';
import type { QuoteSpan } from './quoteSpans.js';
import { CUE, normaliseCue } from './reportingCues.js';
import { wordCount } from './segments.js';
import { mentionAfter, mentionBefore, type Mention } from './speakers.js';
import type { Span } from './types.js';

export interface ReportedStatement extends Span {
  cue: string;
  cueStart: number;
  speaker: Mention | null;
}

const THAT_SOON = /^\s*(?:[^\s,.;]+\s+){0,6}?that\b/iu;
const TRAILING = /[\s,;:—–-]+$/u;
const LEADING = /^[\s,;:—–-]+/u;

function trimmed(text: string, start: number, end: number): Span {
  const s = text.slice(start, end);
  const lead = LEADING.exec(s)?.[0].length ?? 0;
  const trail = TRAILING.exec(s.slice(lead))?.[0].length ?? 0;
  let e = end - trail;
  // The sentence's own full stop is not part of what was said.
  while (e > start + lead && /[.!?]/.test(text[e - 1]!) && !/["”»]/.test(text[e - 2] ?? '')) e--;
  return { start: start + lead, end: e };
}

function quoteCoverage(span: Span, quotes: readonly QuoteSpan[]): number {
  let covered = 0;
  for (const q of quotes) covered += Math.max(0, Math.min(span.end, q.close) - Math.max(span.start, q.open));
  return covered / Math.max(1, span.end - span.start);
}

/** Reported speech in each sentence: "X said that …", "…, X told the FT", "according to X, …", "X warned …". */
export function findReportedSpeech(
  text: string,
  masked: string,
  sentences: readonly Span[],
  mentions: readonly Mention[],
  quotes: readonly QuoteSpan[],
  usedCues: ReadonlySet<number>,
): ReportedStatement[] {
  const out: ReportedStatement[] = [];
  for (const s of sentences) {
    const re = new RegExp(CUE.source, 'giu');
    re.lastIndex = s.start;
    let coveredUntil = -1;
    for (let m = re.exec(masked); m && m.index < s.end; m = re.exec(masked)) {
      const cueStart = m.index;
      const cueEnd = cueStart + m[0].length;
      if (usedCues.has(cueStart) || cueStart < coveredUntil) continue;
      const cue = normaliseCue(m[0]);
      const statement = cue === 'according to'
        ? accordingTo(text, s, cueStart, cueEnd, mentions)
        : verbStatement(text, s, cue, cueStart, cueEnd, mentions);
      if (!statement) continue;
      if (wordCount(text.slice(statement.start, statement.end)) < 3) continue;
      if (quoteCoverage(statement, quotes) > 0.6) continue;
      out.push(statement);
      coveredUntil = statement.end;
    }
  }
  return out;
}

function accordingTo(text: string, s: Span, cueStart: number, cueEnd: number, mentions: readonly Mention[]): ReportedStatement | null {
  const phraseEnd = phraseEndAfter(text, cueEnd, s.end);
  const speaker = mentionAfter(text, mentions, cueEnd, true) ?? sourcePhrase(text, mentions, cueEnd, phraseEnd);
  const before = text.slice(s.start, cueStart);
  let span: Span;
  if (/^\s*$/.test(before)) span = trimmed(text, phraseEnd, s.end);
  else if (/^[\s.!?]*$/.test(text.slice(phraseEnd, s.end))) span = trimmed(text, s.start, cueStart);
  else span = trimmed(text, s.start, s.end);
  return { ...span, cue: 'according to', cueStart, speaker };
}

/** "according to the central bank": a named mention inside the phrase, else the phrase itself as an unresolved source. */
function sourcePhrase(text: string, mentions: readonly Mention[], from: number, to: number): Mention | null {
  const named = mentions.find((m) => m.start >= from && m.end <= to && m.kind !== 'pronoun');
  if (named) return named;
  const span = trimmed(text, from, to);
  const phrase = text.slice(span.start, span.end);
  if (!phrase || wordCount(phrase) > 8) return null;
  return { start: span.start, end: span.end, kind: 'group', text: phrase, entity: -1 };
}

/** End of the "according to …" phrase: the next comma, or the sentence end. */
function phraseEndAfter(text: string, from: number, limit: number): number {
  const comma = text.indexOf(',', from);
  return comma >= 0 && comma < limit ? comma + 1 : limit;
}

function verbStatement(text: string, s: Span, cue: string, cueStart: number, cueEnd: number, mentions: readonly Mention[]): ReportedStatement | null {
  let speaker = mentionBefore(text, mentions, cueStart, s.start);
  let inverted = false;
  if (!speaker) {
    speaker = mentionAfter(text, mentions, cueEnd);
    inverted = speaker !== null;
  }
  if (!speaker) return null;
  const before = text.slice(s.start, inverted ? cueStart : speaker.start);
  const afterFrom = inverted ? speaker.end : cueEnd;
  const after = text.slice(afterFrom, s.end);
  const thatMatch = THAT_SOON.exec(after);
  const clauseFollows = thatMatch !== null || /^\s*:/.test(after);
  const beforeIsContent = /[,—–-]\s*$/u.test(before) && wordCount(before) >= 4;
  if (beforeIsContent && (inverted || (!thatMatch && wordCount(after) <= 8))) {
    return { ...trimmed(text, s.start, s.start + before.length), cue, cueStart, speaker };
  }
  if (inverted) return null;
  if (CLAUSE_ONLY_VERBS.has(cue) && !clauseFollows) return null;
  const contentFrom = thatMatch ? afterFrom + thatMatch[0].length : afterFrom + (/^\s*:/.exec(after)?.[0].length ?? 0);
  if (wordCount(text.slice(contentFrom, s.end)) < 3) return null;
  return { ...trimmed(text, contentFrom, s.end), cue, cueStart, speaker };
}
