import { CLAUSE_ONLY_VERBS } from './lexicon.js';
import type { QuoteSpan } from './quoteSpans.js';
import { CUE, normaliseCue } from './reportingCues.js';
import { wordCount } from './segments.js';
import { describedNameAfter, isPerson, mentionAfter, mentionBefore, sentenceSubject, type Mention } from './speakers.js';
import type { Span } from './types.js';

export interface ReportedStatement extends Span {
  cue: string;
  cueStart: number;
  speaker: Mention | null;
}

const THAT_NOW = /^\s*(?:(?:earlier|also|repeatedly|again|previously|later|then|today|yesterday|recently|publicly|privately|last\s+\w+|on\s+\w+|this\s+\w+)\s+){0,2}that\b/iu;
// After a prepositional phrase or a told-object: "said in an email to The Associated Press that", "told reporters that".
const THAT_LATER = /^\s*(?:[^\s,.;“”"]+\s+){1,8}?that\b/iu;
const TELL = /^(?:told|tells|tell|telling|told reporters)$/;
// Plural nouns as often as verbs ("10-year notes", "insurance claims"): they report only before a clause.
const AMBIGUOUS_NOUNS = /^(?:notes|states|claims|reports|estimates|promises|maintains)$/;
const COORDINATED = /\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$/iu;
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

/**
 * The share of a span inside quotation marks. Quotations do not overlap and come in text order, so the ones a
 * span meets are a run found by binary search, and running sums of their lengths give the covered length in
 * O(log n) per span, whatever the number of quotations in its sentence.
 */
function quoteCoverage(quotes: readonly QuoteSpan[]): (span: Span) => number {
  const sums = [0];
  for (const q of quotes) sums.push(sums[sums.length - 1]! + (q.close - q.open));
  const firstIndex = (ok: (q: QuoteSpan) => boolean): number => {
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ok(quotes[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return (span) => {
    const i = firstIndex((q) => q.close > span.start);
    const j = firstIndex((q) => q.open >= span.end);
    let covered = 0;
    if (i < j) covered = sums[j]! - sums[i]! - Math.max(0, span.start - quotes[i]!.open) - Math.max(0, quotes[j - 1]!.close - span.end);
    return covered / Math.max(1, span.end - span.start);
  };
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
  const coverage = quoteCoverage(quotes);
  // One pass over the text for cues, then walk them alongside the sentences.
  const cues = [...masked.matchAll(new RegExp(CUE.source, 'g'))];
  let next = 0;
  for (const s of sentences) {
    while (next < cues.length && cues[next]!.index! < s.start) next++;
    let coveredUntil = -1;
    for (let k = next; k < cues.length && cues[k]!.index! < s.end; k++) {
      const m = cues[k]!;
      const cueStart = m.index!;
      const cueEnd = cueStart + m[0].length;
      if (usedCues.has(cueStart) || cueStart < coveredUntil) continue;
      const cue = normaliseCue(m[0]);
      // Verbs are lower case; "United States" is not "states", "Claims Court" not "claims".
      if (/^\p{Lu}/u.test(m[0]) && cue !== 'according to' && cueStart !== s.start) continue;
      // "declined to say", "refused to comment": no statement.
      if (/\bto\s+$/u.test(text.slice(Math.max(s.start, cueStart - 4), cueStart))) continue;
      const previous = out[out.length - 1];
      const coordinated = previous && previous.cueStart >= s.start && COORDINATED.test(text.slice(s.start, cueStart)) ? previous.speaker : null;
      const statement = cue === 'according to'
        ? accordingTo(text, s, cueStart, cueEnd, mentions)
        : verbStatement(text, s, cue, cueStart, cueEnd, mentions, coordinated);
      if (!statement) continue;
      if (/^(?:added|adds|rose|fell)$/.test(cue) && /^[\d$€£.+-]/u.test(text.slice(statement.start, statement.start + 1))) continue;
      if (wordCount(text.slice(statement.start, statement.end)) < 3) continue;
      if (coverage(statement) > 0.6) continue;
      // A coordinated second statement ends the first: "said X, but added Y".
      if (previous && coordinated && previous.end > cueStart) previous.end = trimmed(text, previous.start, stripCoordination(text, previous.start, cueStart)).end;
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
  else {
    // The statement starts after the last clause break before the cue: "It's unclear … — both were said …, according to X".
    const head = text.slice(s.start, cueStart);
    const clause = Math.max(head.lastIndexOf('—'), head.lastIndexOf(';'), head.lastIndexOf(': '));
    span = trimmed(text, clause >= 0 && wordCount(head.slice(clause)) >= 4 ? s.start + clause + 1 : s.start, cueStart);
  }
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

// Machine translation garbles "warned that" into "warned in then while …": a preposition followed by no noun phrase.
const GARBLED_THAT = /^\s*(?:in|on|at)\s+(?!(?:a|an|the|his|her|its|their|this|that|these|those|\d)\b)\p{Ll}/u;
// What follows a trailing attribution: "…, the minister said on Tuesday, after years of debate" / "in a statement".
const ATTRIBUTION_TAIL = /^\s*(?:(?:in|on|at|during|via|through)\s+(?:a|an|the|his|her|its|their)?\s*(?:[\p{L}'’-]+\s+){0,3}(?:statement|interview|email|e-mail|release|post|tweet|letter|call|conference|briefing|video|speech|report|paper|announcement|message|appearance)|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last\s+\w+|this\s+\w+|earlier|later|today|yesterday)\b/u;
// "reported WeWork is the subject of …": a clause without "that", recognised by its auxiliary.
const FINITE_CLAUSE = /^\s*(?:(?!that\b|which\b|who\b|to\b)[\p{L}\d'’.,()-]+\s+){1,6}?(?:is|was|are|were|has|had|have|will|would|could|can|may|might|should)\b/u;
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
  if (NOT_SUBJECT.test(words[0]!) || /^(?:is|are|was|were|be|been|the|a|an|of|to|in|on|for|with|from|by|and|or|who|which|that)$/i.test(words[words.length - 1]!)) return null;
  if (words.some((w) => /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|be|not|when|who|which|that|where|while|if|because|did|does|do|to)$/i.test(w) || /ing$/.test(w))) return null;
  // A plausible noun phrase ends in a noun-like word, not a verb form the lexicon would have matched.
  if (!/^[\p{L}'’.-]+$/u.test(words[words.length - 1]!)) return null;
  return { start: span.start, end: span.start + phrase.length, kind: 'group', text: phrase, entity: -1 };
}


/** A reported clause stops where the subject goes on to do something else: "…, and called on the government to …". */
function contentEnd(text: string, from: number, end: number): number {
  const m = /,?\s+(?:and|but)\s+(?:also\s+)?(?:called|urged|asked|vowed|added|said|warned|declined|refused|promised|demanded)\b|,\s+(?:warning|saying|adding|noting|having\s+been|while|amid)\b/iu.exec(text.slice(from, end));
  return m ? from + m.index : end;
}

function stripCoordination(text: string, start: number, cueStart: number): number {
  const m = /[\s,]*\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$/iu.exec(text.slice(start, cueStart));
  return m ? cueStart - m[0].length : cueStart;
}

function stripDeterminer(text: string, start: number, end: number): number {
  const m = /(?:\b(?:the|a|an)\s+)$/iu.exec(text.slice(start, end));
  return m ? end - m[0].length : end;
}

function verbStatement(
  text: string,
  s: Span,
  cue: string,
  cueStart: number,
  cueEnd: number,
  mentions: readonly Mention[],
  coordinated: Mention | null,
): ReportedStatement | null {
  const participle = cue.endsWith('ing');
  let speaker: Mention | null = null;
  let inverted = false;
  if (coordinated) {
    speaker = coordinated;
  } else if (participle) {
    const lead = text.slice(s.start, cueStart);
    const loose = /^(?:accusing|claiming|insisting|arguing)$/.test(cue);
    if (!/,\s*(?:(?:after|before|while|when|by)\s+)?$/iu.test(lead) && !loose) return null;
    speaker = sentenceSubject(text, mentions, s.start, cueStart);
    // ", adding to a mounting series of problems" is no statement, nor ", telling them to believe in themselves".
    const rest = text.slice(cueEnd, s.end);
    if (PREPOSITION_START.test(rest) && !THAT_NOW.test(rest)) return null;
    if (TELL.test(cue) && !THAT_LATER.test(rest) && /^\s*(?:[\p{L}'’-]+\s+){1,3}to\s+\p{Ll}/u.test(rest)) return null;
  } else {
    speaker = mentionBefore(text, mentions, cueStart, s.start);
    if (!speaker) {
      let after = mentionAfter(text, mentions, cueEnd);
      const described = after ? null : describedNameAfter(text, mentions, cueEnd, s.end);
      if (described && isPerson(described)) after = described;
      // "said he." / "said Smith, a …" / "said executive chair Marcelo Claure in an email" — but not
      // "said he had given …", where "he" begins the reported clause.
      const rest = after ? text.slice(after.end, s.end) : '';
      if (after && (/^\s*(?:[,.;:!?]|$)/u.test(rest.slice(0, 2)) || ATTRIBUTION_TAIL.test(rest))) {
        speaker = after;
        inverted = true;
      }
    }
    // "… is ready to take her songs back and has indicated that …": a coordinated verb shares the subject.
    if (!speaker && COORDINATED.test(text.slice(s.start, cueStart).replace(/\s+(?:has|have|had)\s*$/u, ' '))) speaker = sentenceSubject(text, mentions, s.start, cueStart);
    if (!AMBIGUOUS_NOUNS.test(cue) || THAT_NOW.test(text.slice(cueEnd, s.end))) speaker ??= phraseSubject(text, s, cueStart);
  }
  if (!speaker) return null;
  const beforeEnd = participle || coordinated ? cueStart : inverted ? cueStart : stripDeterminer(text, s.start, speaker.start);
  const before = text.slice(s.start, beforeEnd);
  const afterFrom = inverted ? speaker.end : cueEnd;
  const after = text.slice(afterFrom, s.end);
  const thatMatch = THAT_NOW.exec(after) ?? (TELL.test(cue) || PREPOSITION_START.test(after) ? THAT_LATER.exec(after) : null);
  const clauseFollows = thatMatch !== null || /^\s*:/.test(after);
  if (AMBIGUOUS_NOUNS.test(cue) && !clauseFollows && (speaker.kind === 'group' || !FINITE_CLAUSE.test(after))) return null;
  const beforeIsContent = !participle && !coordinated && CLAUSE_BREAK.test(before) && wordCount(before) >= 4;
  // What may follow a trailing attribution: nothing, a told-object, or a tail like "in a statement on Tuesday"
  // ("…, protesters have responded with violence" is no attribution).
  const tail = wordCount(after) === 0 || ATTRIBUTION_TAIL.test(after) || (TELL.test(cue) && wordCount(after) <= 5) || wordCount(after) <= 2;
  if (beforeIsContent && (inverted || (!thatMatch && tail))) {
    return { ...trimmed(text, s.start, s.start + before.length), cue, cueStart, speaker };
  }
  if (inverted) return null;
  if (CLAUSE_ONLY_VERBS.has(cue) && !clauseFollows && !FINITE_CLAUSE.test(after)) return null;
  // "told the man to remove the bedding" is an instruction, not a statement.
  if (TELL.test(cue) && !thatMatch && /^\s*(?:[\p{L}'’-]+\s+){1,3}to\s+\p{Ll}/u.test(after)) return null;
  // "said in a statement." carries no content; "responded by hitting …" is no speech. A long clause after a
  // strong verb is kept: machine translation garbles "warned that" into "warned in then while …".
  // "admitted to threatening the girl": the gerund is what was admitted.
  const gerund = /^\s*to\s+(?=\p{Ll}+ing\b)/u.exec(after);
  if (gerund && /^(?:admitted|admits|confessed|denied|objected)$/.test(cue)) {
    return { ...trimmed(text, afterFrom + gerund[0].length, contentEnd(text, afterFrom + gerund[0].length, s.end)), cue, cueStart, speaker };
  }
  if (!thatMatch && PREPOSITION_START.test(after) && !GARBLED_THAT.test(after)) return null;
  const contentFrom = thatMatch ? afterFrom + thatMatch[0].length : afterFrom + (/^\s*:/.exec(after)?.[0].length ?? 0);
  if (wordCount(text.slice(contentFrom, s.end)) < 3) return null;
  return { ...trimmed(text, contentFrom, contentEnd(text, contentFrom, s.end)), cue, cueStart, speaker };
}
