import type { QuoteSpan } from './quoteSpans.js';
import { CUE, CUE_AT_START, CUE_MAX_LENGTH, normaliseCue } from './reportingCues.js';
import { spanIndexAt, wordCount } from './segments.js';
import { describedNameAfter, isPerson, mentionAfter, mentionBefore, sentenceSubject, type Mention } from './speakers.js';
import type { Span } from './types.js';

type QuoteKind = 'direct' | 'partial';

export interface DirectQuote {
  span: QuoteSpan;
  kind: QuoteKind;
  cue: string | null;
  /** Offset of the cue in the text, so reported-speech detection does not report the same statement twice. */
  cueStart: number;
  speaker: Mention | null;
  paragraph: number;
}

const LEAD = /^\s*[,.!?…]?\s*[―—–-]*\s*/u;

/**
 * A signature under a quotation: `“…” ― Pamela Padilla` or `“…” — Jane Doe, Phoenix` (vox-pop and reader-comment
 * layouts). The dash, then a name that ends its line or is followed by a comma, period or bracket.
 */
const SIGNATURE_DASH = /^\s*[,.!?…]?\s*([―—–]|--?)\s*$/u;

function signatureAfter(text: string, mentions: readonly Mention[], from: number, at: number): { cue: string; cueStart: number; speaker: Mention } | null {
  const dash = SIGNATURE_DASH.exec(text.slice(from, at));
  if (!dash) return null;
  const found = mentionAfter(text, mentions, at, false);
  // A name the entity table did not keep whole (seen once, unknown to the lexicon) still signs the quotation.
  const written = SIGNATURE_NAME.exec(text.slice(at, at + 80));
  const candidates: Mention[] = [];
  if (found && found.start === at && found.kind === 'name') candidates.push(found);
  if (written) candidates.push({ kind: 'name', text: written[0], start: at, end: at + written[0].length, entity: -1 });
  const speaker = candidates.find((m) => SIGNATURE_END.test(text.slice(m.end, m.end + 4)));
  return speaker ? { cue: dash[1]!, cueStart: from + dash[0].indexOf(dash[1]!), speaker } : null;
}
const SIGNATURE_NAME = /^\p{Lu}[\p{L}’'-]+(?:\s\p{Lu}\.?)?(?:[^\S\n]+\p{Lu}[\p{L}’'-]+){1,3}/u;
const SIGNATURE_END = /^[^\S\n]*(?:$|[\n,.;(])/u;

/** A quotation is partial when it is woven into the sentence: it starts in lower case ("when it “put a weapon…”"). */
function kindOf(text: string, q: QuoteSpan): QuoteKind {
  const first = text.slice(q.start, q.start + 3).match(/\p{L}/u)?.[0];
  if (first && first === first.toLowerCase() && first !== first.toUpperCase()) return 'partial';
  const before = text.slice(Math.max(0, q.open - 2), q.open);
  const inner = text.slice(q.start, q.end);
  if (/[\p{L}\p{N}]\s?$/u.test(before) && wordCount(inner) <= 6 && !/[.!?…,]$/u.test(inner)) return 'partial';
  return 'direct';
}

/** "…,” said he" / "…,” Smith said" after the closing mark. */
function attributionAfter(text: string, masked: string, mentions: readonly Mention[], from: number, limit: number): { cue: string; cueStart: number; speaker: Mention } | null {
  const lead = LEAD.exec(text.slice(from, limit))![0].length;
  const at = from + lead;
  const signed = signatureAfter(text, mentions, from, at);
  if (signed) return signed;
  const window = masked.slice(at, limit);
  const inverted = CUE_AT_START.exec(window);
  if (inverted) {
    const cueStart = at + inverted[0].length - inverted[1]!.length;
    const cueEnd = at + inverted[0].length;
    const speaker = mentionAfter(text, mentions, cueEnd, /^according/i.test(inverted[1]!)) ?? describedNameAfter(text, mentions, cueEnd, limit);
    if (speaker) return { cue: normaliseCue(inverted[1]!), cueStart, speaker };
  }
  // Try the first few cues after the quote: `…” announced in October, said Derek Scissors`.
  // Only cues starting within 220 characters count, so the search runs in a window that ends there (plus the
  // longest cue with room for wide spacing between its words, then to the end of a word so that \b reads as in the
  // whole text), starting one character early
  // for the same reason: searching the whole text would run to its end after each quotation that has no cue.
  const base = Math.max(0, at - 1);
  let stop = Math.min(masked.length, at + 220 + CUE_MAX_LENGTH);
  while (stop < masked.length && /\w/.test(masked[stop]!)) stop++;
  const near = masked.slice(base, stop);
  const re = new RegExp(CUE.source, 'g');
  re.lastIndex = at - base;
  const next = (): RegExpExecArray | null => {
    const m = re.exec(near);
    if (m) m.index += base;
    return m;
  };
  for (let m = next(), tries = 0; m && m.index < limit && m.index - at <= 220 && tries < 3; m = next(), tries++) {
    if (/[.!?]\s+\p{Lu}/u.test(text.slice(at, m.index).replace(ABBREVIATIONS, ''))) return null;
    const cueEnd = m.index + m[0].length;
    const speaker = mentionBefore(text, mentions, m.index, at) ?? invertedAfter(text, mentions, cueEnd, false);
    if (speaker) {
      // The speaker may come after a description: "…,” lead researcher and NASA planetary scientist Lucas Paganini said".
      const description = speaker.start > m.index ? '' : text.slice(at, speaker.start);
      if (!description || (!/[.!?;:“”"]/u.test(description) && wordCount(description) <= 8)) {
        return { cue: normaliseCue(m[0]), cueStart: m.index, speaker };
      }
    }
    // "…,” study lead author Lucas Paganini, a planetary scientist at …, said": the first person after the quote.
    const first = describedNameAfter(text, mentions, at, m.index);
    if (first && isPerson(first)) return { cue: normaliseCue(m[0]), cueStart: m.index, speaker: first };
  }
  return null;
}

const ABBREVIATIONS = /\b(?:\p{Lu}\.)+|\b(?:Jr|Sr|Dr|Mr|Mrs|Ms|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Inc|Corp|Co|Ltd)\./gu;


/** "Smith said: “…" / "He told reporters, “…" / "urged “to…" before the opening mark. */
function attributionBefore(text: string, masked: string, mentions: readonly Mention[], floor: number, open: number): { cue: string; cueStart: number; speaker: Mention } | null {
  const window = masked.slice(floor, open);
  let last: RegExpExecArray | null = null;
  const re = new RegExp(CUE.source, 'g');
  for (let m = re.exec(window); m; m = re.exec(window)) last = m;
  if (!last) {
    // "Noem called the new campaign a “bold, innovative effort”": the caller speaks. These verbs are too
    // ambiguous ("called 911") to be reporting verbs, so they only introduce quotations.
    const object = /\b(?:called|calls|dubbed|labell?ed|branded|termed|described|describing|accused|accusing)\s+(?:[^,.;:“”"]{0,60}\s)?$/u.exec(window);
    if (!object) return null;
    const cueStart = floor + object.index;
    const speaker = mentionBefore(text, mentions, cueStart, floor);
    return speaker ? { cue: normaliseCue(object[0].trim().split(/\s+/)[0]!), cueStart, speaker } : null;
  }
  const cueStart = floor + last.index;
  const cueEnd = cueStart + last[0].length;
  const between = text.slice(cueEnd, open);
  // Between the cue and the quote: an object or a short phrase, but no sentence end.
  if (between.length > 70 || /[.;!?]/.test(between.replace(/\b(?:Mr|Mrs|Ms|Dr)\./g, ''))) return null;
  const participle = /ing$/i.test(last[0]);
  const sentenceStart = Math.max(floor, lastBoundary(text, floor, cueStart));
  const speaker = participle
    ? sentenceSubject(text, mentions, sentenceStart, cueStart)
    : mentionBefore(text, mentions, cueStart, floor) ?? invertedAfter(text, mentions, cueEnd, /^according/i.test(last[0]));
  if (!speaker) return null;
  return { cue: normaliseCue(last[0]), cueStart, speaker };
}

/** "said Smith: “…" — a mention right after the cue that ends at punctuation, not the subject of a clause. */
function invertedAfter(text: string, mentions: readonly Mention[], cueEnd: number, according: boolean): Mention | null {
  const m = mentionAfter(text, mentions, cueEnd, according);
  return m && /^\s*[,:.;—–-]/u.test(text.slice(m.end, m.end + 3)) ? m : null;
}

function lastBoundary(text: string, from: number, to: number): number {
  let last = from;
  const re = /[.!?…]["”»’]?\s+(?=\p{Lu})/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) last = m.index + m[0].length;
  return last;
}

export function findDirectQuotes(
  text: string,
  masked: string,
  spans: readonly QuoteSpan[],
  paras: readonly Span[],
  mentions: readonly Mention[],
): DirectQuote[] {
  const out: DirectQuote[] = [];
  for (let i = 0; i < spans.length; i++) {
    const q = spans[i]!;
    const paraIdx = spanIndexAt(paras, q.open);
    const closePara = paras[spanIndexAt(paras, Math.max(q.open, q.close - 1))] ?? paras[paraIdx]!;
    const para = paras[paraIdx]!;
    const next = spans[i + 1];
    const prev = spans[i - 1];
    const afterLimit = Math.min(closePara.end, next ? next.open : Infinity, q.close + 140);
    const beforeFloor = Math.max(para.start, prev ? prev.close : 0);
    const found =
      (q.close <= afterLimit ? attributionAfter(text, masked, mentions, q.close, afterLimit) : null) ??
      attributionBefore(text, masked, mentions, beforeFloor, q.open);
    out.push({
      span: q,
      kind: kindOf(text, q),
      cue: found?.cue ?? null,
      cueStart: found?.cueStart ?? -1,
      speaker: found?.speaker ?? null,
      paragraph: paraIdx,
    });
  }
  shareAttributionWithinParagraphs(out, text, paras);
  return out;
}

/**
 * News writes a speaker once for several quotations: “A,” she said. “B.” — and continues a quote in the next
 * paragraph. An unattributed quote takes the speaker of the nearest attributed one in its paragraph, or of the
 * previous paragraph's last one when it opens its own paragraph.
 */
function shareAttributionWithinParagraphs(quotes: DirectQuote[], text: string, paras: readonly Span[]): void {
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (q.speaker) continue;
    let donor: DirectQuote | undefined;
    for (let d = 1; d < quotes.length && !donor; d++) {
      const before = quotes[i - d];
      const after = quotes[i + d];
      if (before?.speaker && before.paragraph === q.paragraph) donor = before;
      else if (after?.speaker && after.paragraph === q.paragraph) donor = after;
      if ((!before || before.paragraph !== q.paragraph) && (!after || after.paragraph !== q.paragraph)) break;
    }
    if (!donor) {
      const para = paras[q.paragraph]!;
      const opensParagraph = /^\s*$/.test(text.slice(para.start, q.span.open));
      const previous = quotes[i - 1];
      if (opensParagraph && previous?.speaker && previous.paragraph === q.paragraph - 1 && q.kind === 'direct') donor = previous;
    }
    if (donor) {
      q.speaker = donor.speaker;
      q.cue = donor.cue;
    }
  }
}
