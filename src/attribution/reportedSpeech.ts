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
  // "…, which, according to his words, …": the statement is the whole sentence.
  else if (/\b(?:which|who|that|where)\s*,\s*$/iu.test(before) || wordCount(before) < 4) span = trimmed(text, s.start, s.end);
  else span = trimmed(text, s.start, cueStart);
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

const PREPOSITION_START = /^\s*(?:in|on|at|during|via|through|to|from|of|about|with|for|by|after|before|last|this|late|early|earlier|later|when|while|as)\b/iu;
const CLAUSE_BREAK = /[,;:—–(]\s*$/u;
const NOT_SUBJECT = /^(?:and|but|or|which|who|whom|whose|that|where|when|while|as|if|because|although|though|so|then|it|this|there|what)$/i;

/**
 * The speaker of a verb with no known mention next to it, as written between the last clause break and the verb:
 * "…, trade experts say", "Traders cited …", "…, a second person briefed on the call said". Unresolved, but a speaker.
 */
function phraseSubject(text: string, s: Span, cueStart: number): Mention | null {
  const head = text.slice(s.start, cueStart);
  const breakAt = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf('—'), head.lastIndexOf(':'), head.lastIndexOf('”'), head.lastIndexOf('"'));
  const from = s.start + breakAt + 1;
  const span = trimmed(text, from, cueStart);
  const phrase = text.slice(span.start, span.end).replace(/\s+(?:also|later|earlier|previously|have|has|had)$/iu, '');
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 9) return null;
  if (NOT_SUBJECT.test(words[0]!) || /^(?:is|are|was|were|be|been)$/i.test(words[words.length - 1]!)) return null;
  // A plausible noun phrase ends in a noun-like word, not a verb form the lexicon would have matched.
  if (!/^[\p{L}'’.-]+$/u.test(words[words.length - 1]!)) return null;
  return { start: span.start, end: span.start + phrase.length, kind: 'group', text: phrase, entity: -1 };
}

/** Participial cues (", saying …") report the sentence's subject: its first mention. */
function sentenceSubject(mentions: readonly Mention[], s: Span, before: number): Mention | null {
  for (const m of mentions) {
    if (m.start >= before) break;
    if (m.start >= s.start && m.kind !== 'pronoun') return m;
    if (m.start >= s.start && /^(?:he|she|they|it)$/i.test(m.text)) return m;
  }
  return null;
}

function stripDeterminer(text: string, start: number, end: number): number {
  const m = /(?:\b(?:the|a|an)\s+)$/iu.exec(text.slice(start, end));
  return m ? end - m[0].length : end;
}

function verbStatement(text: string, s: Span, cue: string, cueStart: number, cueEnd: number, mentions: readonly Mention[]): ReportedStatement | null {
  const participle = cue.endsWith('ing');
  let speaker: Mention | null = null;
  let inverted = false;
  if (participle) {
    if (!/,\s*$/.test(text.slice(s.start, cueStart))) return null;
    speaker = sentenceSubject(mentions, s, cueStart);
  } else {
    speaker = mentionBefore(text, mentions, cueStart, s.start);
    if (!speaker) {
      const after = mentionAfter(text, mentions, cueEnd);
      // "said he." / "said Smith, a …" — but not "said he had given …", where "he" begins the reported clause.
      if (after && /^\s*(?:[,.;:!?]|$)/u.test(text.slice(after.end, after.end + 2))) {
        speaker = after;
        inverted = true;
      }
    }
    speaker ??= phraseSubject(text, s, cueStart);
  }
  if (!speaker) return null;
  const beforeEnd = participle ? cueStart : inverted ? cueStart : stripDeterminer(text, s.start, speaker.start);
  const before = text.slice(s.start, beforeEnd);
  const afterFrom = inverted ? speaker.end : cueEnd;
  const after = text.slice(afterFrom, s.end);
  const thatMatch = THAT_SOON.exec(after);
  const clauseFollows = thatMatch !== null || /^\s*:/.test(after);
  const beforeIsContent = !participle && CLAUSE_BREAK.test(before) && wordCount(before) >= 4;
  if (beforeIsContent && (inverted || (!thatMatch && wordCount(after) <= 8))) {
    return { ...trimmed(text, s.start, s.start + before.length), cue, cueStart, speaker };
  }
  if (inverted) return null;
  if (CLAUSE_ONLY_VERBS.has(cue) && !clauseFollows) return null;
  if (!thatMatch && PREPOSITION_START.test(after) && wordCount(after) <= 6) return null;
  const contentFrom = thatMatch ? afterFrom + thatMatch[0].length : afterFrom + (/^\s*:/.exec(after)?.[0].length ?? 0);
  if (wordCount(text.slice(contentFrom, s.end)) < 3) return null;
  return { ...trimmed(text, contentFrom, s.end), cue, cueStart, speaker };
}
