import { expectOptions, expectString } from '../repair/arguments.js';
import { buildEntities, publicEntities, type EntityRecord, type EntityTable } from './entities.js';
import { unsupportedReason } from './language.js';
import { tagAttributions, type TaggedAttribution, type TokenSpan, type TokenTable } from './model/index.js';
import { findQuoteSpans, type QuoteSpan } from './quoteSpans.js';
import { ruleAttributions, type RuleAttribution } from './rules.js';
import { clauseSubject } from './clauseSubject.js';
import { collectMentions, upperBound, type Mention } from './speakers.js';
import type { AttributeOptions, AttributionResult, Quote, QuoteKind, Span, Speaker } from './types.js';

/**
 * Who said what in a news text: every attribution (speech, but also thoughts, intentions, findings and evidence)
 * with its content, cue and source, the speaker resolved to a person or organisation where the text allows, and
 * the people, organisations and places named. Offsets are UTF-16 indexes into `text`, as in JavaScript strings.
 *
 * The spans come from a sequence tagger trained on PolNeAR (`model/`); rules resolve the source to an entity
 * (pronouns, roles, "the company") and give a quotation without a source of its own the speaker of the quotation
 * it continues.
 */
export function attribute(text: string, options: AttributeOptions = {}): AttributionResult {
  expectString(text, 'attribute', 'text');
  expectOptions(options, 'attribute');
  const lang = options.lang ?? 'en';
  const reason = unsupportedReason(lang);
  if (reason) return { lang, supported: false, reason, quotes: [], entities: [] };

  const { tokens, attributions } = tagAttributions(text);
  const sources = attributions.flatMap((a) => (a.source ? [charSpan(tokens, a.source)] : []));
  const table = buildEntities(text, options.tagger ?? true, sources);
  const spans = findQuoteSpans(text);
  const mentions = collectMentions(text, table, spans);
  const quotes: Quote[] = [];
  for (const a of attributions) {
    const q = toQuote(text, tokens, a, table, mentions);
    // A lone pronoun is the source of an inverted attribution ("…”, — said he"), never what was said.
    if (q && !LONE_PRONOUN.test(q.text)) quotes.push(q);
  }
  startAtQuotations(text, quotes, spans);
  mergeRules(text, quotes, ruleAttributions(text, spans, mentions), table);
  subjectsOfCues(text, quotes, mentions, table);
  clauseSubjects(text, quotes, mentions, table);
  const joined = joinInterrupted(text, quotes);
  inheritSpeakers(text, joined);
  return { lang, supported: true, quotes: transcriptTurns(text, joined, table), entities: publicEntities(table) };
}

const EDGE = /[\s\p{P}\p{S}]/u;
const SIGNATURE_CUES = new Set(['―', '—', '–', '-', '--']);
const LONE_PRONOUN = /^(?:he|she|they|it|i|we|you)$/iu;

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * The rules' reading fills what the tagger left: a speaker for a content it found without a source, and the
 * attributions it missed entirely (those with a speaker), in layouts PolNeAR does not have.
 */
function mergeRules(text: string, quotes: Quote[], rules: readonly RuleAttribution[], table: EntityTable): void {
  // A signed quotation stands alone: an attribution the tagger ran on into it keeps only its other parts.
  // Spans only shrink here, so the quotes that met a rule's span before any change are all that can meet it now.
  const byStart = new SpanIndex(quotes);
  for (const r of rules) {
    if (!r.speaker || !SIGNATURE_CUES.has(r.cue ?? '')) continue;
    byStart.eachOverlapping(r, (q) => {
      if (q.parts.length < 2 || overlap(q, r) === 0) return;
      const rest = q.parts.filter((p) => overlap(p, r) === 0);
      if (rest.length && rest.length < q.parts.length) withParts(text, q, rest);
    });
  }
  const voiced = rules.filter((x) => x.speaker);
  const voicedIndex = new SpanIndex(voiced);
  // An empty rule meets every quote by the half-overlap test below (0 ≥ 0): the first one is every quote's fallback.
  const empty = voiced.findIndex((x) => x.end <= x.start);
  for (const q of quotes) {
    let found = empty;
    voicedIndex.eachOverlapping(q, (x, i) => {
      if (found >= 0 && found < i) return false;
      if (overlap(x, q) * 2 >= Math.min(x.end - x.start, q.end - q.start)) found = i;
      return found < 0;
    });
    const r = found >= 0 ? voiced[found] : undefined;
    // A signature under the quotation (“…” ― Name) names its speaker better than any source inside the text.
    if (r && (!q.speaker || SIGNATURE_CUES.has(r.cue ?? ''))) q.speaker = speakerOf(r.speaker!, table);
  }
  // Rules come sorted by start, so a quote added from an earlier rule meets this one exactly when it ends after
  // this one starts: the furthest end so far answers for all of them.
  const tagged = new SpanIndex(quotes);
  let addedEnd = -Infinity;
  for (const r of rules) {
    if (!r.speaker) continue;
    if (r.end > r.start && (addedEnd > r.start || tagged.anyOverlapping(r))) continue;
    addedEnd = Math.max(addedEnd, r.end);
    quotes.push({
      text: text.slice(r.start, r.end),
      start: r.start,
      end: r.end,
      parts: [{ start: r.start, end: r.end }],
      kind: r.kind,
      cue: r.cue,
      cueSpan: r.cue && r.cueStart >= 0 ? { start: r.cueStart, end: r.cueStart + cueLength(text, r.cueStart, r.cue) } : null,
      speaker: speakerOf(r.speaker, table),
    });
  }
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Spans sorted by start with the running maximum of their ends: the first span that can reach past a point is
 * found by binary search, and the walk from it stops at the first span starting after the query. Rules and
 * tagged contents lie in few layers (quotations do not overlap one another, nor do reported statements, nor the
 * tagger's contents), so a walk meets the spans overlapping the query and a bounded number of others, and each
 * query costs O(log n + overlaps) instead of a scan of all spans.
 */
class SpanIndex<T extends Span> {
  // Positions as they were when indexed: the callers shrink spans while walking, and the order must hold.
  private readonly order: number[];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly maxEnd: number[] = [];
  constructor(private readonly spans: readonly T[]) {
    this.order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
    let m = -Infinity;
    for (const i of this.order) {
      this.starts.push(spans[i]!.start);
      this.ends.push(spans[i]!.end);
      this.maxEnd.push((m = Math.max(m, spans[i]!.end)));
    }
  }

  /** Calls `visit` with every span that may overlap `q` (a superset, in order of start); false stops the walk. */
  eachOverlapping(q: Span, visit: (span: T, index: number) => boolean | void): void {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxEnd[mid]! <= q.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.order.length; k++) {
      if (this.starts[k]! >= q.end) break;
      const i = this.order[k]!;
      if (this.ends[k]! > q.start && visit(this.spans[i]!, i) === false) break;
    }
  }

  /** Whether a non-empty span overlaps the non-empty `q`: O(log n), from the running maximum of ends alone. */
  anyOverlapping(q: Span): boolean {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < q.end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1]! > q.start;
  }
}

// What may stand between an introducing phrase and the quotation it introduces ("asking her, “…").
const INTRODUCED = /[,:]\s*$/u;

/**
 * "… before asking her, “I just want to know …”": when a content runs from an introducing phrase into a
 * quotation of whole sentences and ends with it, the quotation alone is what was said (PolNeAR's reading); the
 * phrase before it names the speech act. A fragment woven into the clause ("called it “a disgrace”") stays, and so
 * does a leading "that" ("wrote that, “For those …”"), which is part of the content.
 */
function startAtQuotations(text: string, quotes: Quote[], spans: readonly QuoteSpan[]): void {
  let k = 0;
  for (const q of quotes) {
    const first = q.parts[0]!;
    while (k < spans.length && spans[k]!.open < first.start) k++;
    const qs = spans[k];
    if (!qs || qs.open >= first.end || qs.end < first.end - 1 || qs.end > first.end + 2) continue;
    const lead = text.slice(first.start, qs.open);
    if (!INTRODUCED.test(lead) || /\bthat\W*$/iu.test(lead) || /["“”«»„]/u.test(lead) || !/^\P{L}*\p{Lu}/u.test(text.slice(qs.start, qs.start + 4))) continue;
    const trimmed = trimSpan(text, qs.start, first.end);
    if (!trimmed) continue;
    q.parts[0] = trimmed;
    q.start = trimmed.start;
    q.text = text.slice(q.start, q.end);
    q.kind = kindOf(text, q.parts);
  }
}

// Between a subject and its cue: auxiliaries, negation and adverbs ("is promoting", "had also declared").
const SUBJECT_GAP = /^(?:\s+(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|does|did|do|not|also|been|being|\p{Ll}+ly))*\s*$/u;

/**
 * A content whose cue the tagger found but whose source it did not: the mention just before the cue in its
 * sentence is the subject that holds the statement ("Hillary Clinton is promoting plans for …").
 */
function subjectsOfCues(text: string, quotes: Quote[], mentions: readonly Mention[], table: EntityTable): void {
  for (const q of quotes) {
    if (q.speaker || !q.cueSpan) continue;
    const cue = q.cueSpan.start;
    for (let i = upperBound(mentions, cue) - 1; i >= 0; i--) {
      const m = mentions[i]!;
      if (m.end > cue) continue;
      if (cue - m.end > 60 || (m.start < q.end && m.end > q.start)) break;
      if (!SUBJECT_GAP.test(text.slice(m.end, cue)) || /^(?:his|her|its|their)$/iu.test(m.text)) break;
      q.speaker = speakerOf(m, table);
      break;
    }
  }
}


/**
 * A content whose cue the tagger found before it, in its sentence, but no source: the cue's clause names the
 * holder at its start ("In a statement, the Kentucky Republican on Tuesday dismissed …", "Obama, who has …,
 * reiterated …"), as PolNeAR annotates it. The subject is the clause before the cue, after any introductory
 * phrase set off by a comma, without auxiliaries and a trailing time; an apposition set off by commas leaves
 * the name before it. Nothing is guessed across a sentence end, a quotation mark or more than 200 characters.
 */
function clauseSubjects(text: string, quotes: Quote[], mentions: readonly Mention[], table: EntityTable): void {
  for (const q of quotes) {
    if (q.speaker || !q.cueSpan || q.cueSpan.end > q.start || q.start - q.cueSpan.end > 200) continue;
    if (/[.!?\n"“”«»]/u.test(text.slice(q.cueSpan.end, q.start))) continue;
    const subject = clauseSubject(text, q.cueSpan.start);
    if (subject) q.speaker = speakerAt(text, subject, table, mentions, q.parts);
  }
}


// Between two parts of one quotation cut by its cue: the first part's comma and closing mark, the cue and source
// (no other mark, no line break, a short aside at most), and the second part's opening mark.
const INTERRUPTION = /^[,—–-]\s*["”»]\s*[^"“”«»\n]{1,100}["“«]\s*$/u;

/**
 * “A,” she said, “B.” is one attribution with two parts, as PolNeAR annotates it, even when the tagger read B as
 * a quotation of its own: a quotation whose first part ends in a comma inside its marks, followed by its cue and
 * source and then by another quotation with no cue or source of its own (or the same ones), takes that
 * quotation in as its next part.
 */
function joinInterrupted(text: string, quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    const prev = out[out.length - 1];
    if (prev && prev.kind !== 'indirect' && q.kind === 'direct' && q.start > prev.end && q.start - prev.end <= 120 && prev.cueSpan && prev.cueSpan.start >= prev.end && prev.cueSpan.end <= q.start) {
      const gap = text.slice(prev.end, q.start);
      const sameCue = !q.cueSpan || (q.cueSpan.start === prev.cueSpan.start && q.cueSpan.end === prev.cueSpan.end);
      const sameSpeaker = !q.speaker || (prev.speaker !== null && q.speaker.start === prev.speaker.start);
      if (INTERRUPTION.test(gap) && sameCue && sameSpeaker) {
        withParts(text, prev, [...prev.parts, ...q.parts]);
        continue;
      }
    }
    out.push(q);
  }
  return out;
}

/** Gives a quote fewer parts: its span, text and kind follow. */
function withParts(text: string, q: Quote, parts: Span[]): void {
  q.parts = parts;
  q.start = parts[0]!.start;
  q.end = parts[parts.length - 1]!.end;
  q.text = text.slice(q.start, q.end);
  q.kind = kindOf(text, parts);
}

/** The cue as written may differ in spacing and case from its normalised form. */
function cueLength(text: string, start: number, cue: string): number {
  const words = cue.split(' ').length;
  const m = new RegExp(`^\\S+(?:\\s+\\S+){${words - 1}}`, 'u').exec(text.slice(start, start + cue.length + 20));
  return m ? m[0].replace(/[,.;:]+$/u, '').length : cue.length;
}

function speakerOf(m: Mention, table: EntityTable): Speaker {
  const entity = m.entity >= 0 ? table.entities[m.entity]! : null;
  return {
    mention: m.text,
    name: entity ? entity.name : m.text,
    start: m.start,
    end: m.end,
    type: entity ? entity.type : guessType(m.text),
    role: entity?.roles[0] ?? (m.kind === 'role' ? m.text : null),
  };
}
const CLOSING = /["”»’']/u;

/** The span without surrounding spaces, punctuation and quotation marks; null when nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && EDGE.test(text[s]!)) s++;
  while (e > s && EDGE.test(text[e - 1]!)) e--;
  // A closing mark or bracket that belongs to the words stays: "the “gold standard”" ends at the mark.
  if (e < end && CLOSING.test(text[e]!) && (text.slice(s, e).match(/["“”]/gu)?.length ?? 0) % 2 === 1) e++;
  return e > s ? { start: s, end: e } : null;
}

function charSpan(tokens: TokenTable, t: TokenSpan): Span {
  return { start: tokens.start[t.first]!, end: tokens.end[t.last]! };
}

/** direct: the whole content is in quotation marks; mixed: part of it is; indirect: none of it. */
function kindOf(text: string, parts: readonly Span[]): QuoteKind {
  const start = parts[0]!.start;
  const end = parts[parts.length - 1]!.end;
  const before = text.slice(Math.max(0, start - 4), start).replace(/[\s—–-]+$/u, '');
  const after = text.slice(end, end + 4).replace(/^[\s,.;:!?…]+/u, '');
  const opens = /(?:["“„«]|'')$/u.test(before);
  const closes = /^(?:["”»“]|'')/u.test(after); // “ closes „
  if (opens && closes) return 'direct';
  return opens || closes || /["“”«»]|''/u.test(text.slice(start, end)) ? 'mixed' : 'indirect';
}

function toQuote(text: string, tokens: TokenTable, a: TaggedAttribution, table: EntityTable, mentions: readonly Mention[]): Quote | null {
  const parts: Span[] = [];
  for (const c of a.content) {
    const span = charSpan(tokens, c);
    const trimmed = trimSpan(text, span.start, span.end);
    if (trimmed) parts.push(trimmed);
  }
  if (!parts.length) return null;
  const start = parts[0]!.start;
  const end = parts[parts.length - 1]!.end;
  const cueSpan = a.cue ? charSpan(tokens, a.cue) : null;
  const speaker = a.source ? speakerAt(text, charSpan(tokens, a.source), table, mentions, cueSpan ? [...parts, cueSpan] : parts) : null;
  // A source of function words alone ("the crisis, which has worried the member states") is the tagger
  // reading a relative clause as an attribution: no attribution at all.
  if (a.source && !speaker) return null;
  return {
    text: text.slice(start, end),
    start,
    end,
    parts,
    kind: kindOf(text, parts),
    cue: cueSpan ? text.slice(cueSpan.start, cueSpan.end).replace(/\s+/g, ' ').toLowerCase() : null,
    cueSpan,
    speaker,
  };
}

const FUNCTION_WORDS = /^(?:the|a|an|this|that|these|those|some|any|its|their|his|her|of|and|or|which|who|whom|what|where|when)$/iu;

/**
 * The source as written, resolved through the mention it contains (a name, a pronoun, a role, "the company").
 * A source cut inside a longer mention grows to it ("people familiar with [the talks]"); one of function words
 * alone is no source.
 */
function speakerAt(text: string, source: Span, table: EntityTable, mentions: readonly Mention[], others: readonly Span[]): Speaker | null {
  let best: Mention | null = null;
  let start = source.start;
  let end = source.end;
  // Mentions do not overlap (collectMentions keeps the outer one), so their ends are sorted as their starts are: a
  // binary search finds the first that reaches into the source and the walk stops at the first after it, so a call
  // costs O(log n + mentions in the source), not a scan from the start of the text.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end <= source.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.start >= source.end) break;
    if (m.end <= source.start) continue;
    if (m.kind !== 'pronoun' && !others.some((o) => overlap(o, m) > 0)) {
      start = Math.min(start, m.start);
      end = Math.max(end, m.end);
    }
    // A resolved name beats a pronoun or descriptor; the first one wins among equals ("Smith, a lawyer for X").
    if (!best || (best.entity < 0 && m.entity >= 0)) best = m;
  }
  const mention = text.slice(start, end);
  if ((mention.match(/[\p{L}\p{N}]+/gu) ?? []).every((w) => FUNCTION_WORDS.test(w))) return null;
  const entity = best && best.entity >= 0 ? table.entities[best.entity]! : null;
  const role = entity?.roles[0] ?? (best?.kind === 'role' ? best.text : null);
  return { mention, name: entity ? entity.name : mention, start, end, type: entity ? entity.type : guessType(mention), role };
}

const PERSON_WORDS = /^(?:he|she|him|her|i|me|mr|mrs|ms|dr)\b/iu;
const GROUP_WORDS = /\b(?:officials|sources|people|analysts|experts|voters|critics|aides|advisers|supporters|democrats|republicans|residents|americans|respondents|polls?|surveys?|studies|study|reports?|data|documents|records|statement|group|campaign|committee|department|agency|ministry|administration|government|company|office|court|police|party|house|senate|congress|university|institute|center|council|commission|times|post|journal|news)\b/iu;

function guessType(mention: string): Speaker['type'] {
  if (PERSON_WORDS.test(mention)) return 'person';
  if (/^(?:they|we|it)$/iu.test(mention)) return 'unknown';
  return GROUP_WORDS.test(mention) ? 'organization' : 'unknown';
}

/**
 * News names a speaker once for several quotations: “A,” she said. “B.” — and continues a quotation in the next
 * paragraph. A quotation with no source takes the speaker of the quotation just before it in its paragraph or
 * the previous one.
 */
function inheritSpeakers(text: string, quotes: Quote[]): void {
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i]!;
    if (q.speaker || q.kind === 'indirect') continue;
    const prev = quotes[i - 1]!;
    if (!prev.speaker) continue;
    const between = text.slice(prev.end, q.start);
    const breaks = between.split('\n').length - 1;
    if (breaks <= 1 || (breaks <= 2 && /\n\s*\n/.test(between))) q.speaker = prev.speaker;
  }
}

// "WALLACE: Let’s start…" / "MR. PENCE: Well, …": a speaker label in capitals opening a paragraph of a transcript.
const TURN_LABEL = /^[ \t]*["“]?[ \t]*((?:MR\.|MRS\.|MS\.|DR\.|SEN\.|GOV\.)?[ \t]*\p{Lu}[\p{Lu}'’-]+(?:[ \t]\p{Lu}[\p{Lu}'’.-]+){0,2}):[ \t]/gmu;

/**
 * In a transcript each turn is one attribution: the label names who speaks, the rest of the paragraph is what
 * was said. Whatever the tagger read inside a turn (a stray quotation mark, a clause about a third person)
 * gives way to it.
 */
function transcriptTurns(text: string, quotes: Quote[], table: EntityTable): Quote[] {
  const turns: Quote[] = [];
  const lines: Span[] = [];
  let bySurname: Map<string, EntityRecord> | null = null;
  for (const m of text.matchAll(TURN_LABEL)) {
    bySurname ??= peopleBySurname(table);
    const labelStart = m.index + m[0].indexOf(m[1]!);
    const label = { start: labelStart, end: labelStart + m[1]!.length };
    const lineEnd = text.indexOf('\n', m.index);
    const content = trimSpan(text, m.index + m[0].length, lineEnd < 0 ? text.length : lineEnd);
    if (!content) continue;
    lines.push({ start: m.index, end: content.end });
    const parts = [content];
    turns.push({
      text: text.slice(content.start, content.end),
      ...content,
      parts,
      kind: kindOf(text, parts),
      cue: ':',
      cueSpan: { start: label.end, end: label.end + 1 },
      speaker: labelSpeaker(text, label, bySurname),
    });
  }
  if (turns.length < 2) return quotes; // one capitalised word and a colon is a heading, not a transcript
  const kept: Quote[] = [];
  let j = 0;
  for (const q of quotes) {
    // An attribution that began before the turns keeps only its parts before the first turn it reaches.
    while (j < lines.length && lines[j]!.end <= q.start) j++;
    const cut = j < lines.length && lines[j]!.start < q.end ? lines[j]! : null;
    const rest = cut ? q.parts.filter((p) => p.end <= cut.start) : q.parts;
    if (!rest.length) continue;
    if (rest.length < q.parts.length) withParts(text, q, rest);
    kept.push(q);
  }
  return [...kept, ...turns].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** People by the last word of their name, lower case; the first one named wins. */
function peopleBySurname(table: EntityTable): Map<string, EntityRecord> {
  const out = new Map<string, EntityRecord>();
  for (const e of table.entities) {
    const surname = e.name.toLowerCase().split(/\s+/u).pop()!;
    if (e.type === 'person' && !out.has(surname)) out.set(surname, e);
  }
  return out;
}

function labelSpeaker(text: string, label: Span, people: ReadonlyMap<string, EntityRecord>): Speaker {
  const mention = text.slice(label.start, label.end);
  const surname = mention.split(/[\s.]+/u).filter(Boolean).pop()!.toLowerCase();
  const entity = people.get(surname);
  const titled = mention.toLowerCase().replace(/(^|[\s.'’-])\p{Ll}/gu, (c) => c.toUpperCase());
  return { mention, name: entity ? entity.name : titled, start: label.start, end: label.end, type: 'person', role: entity?.roles[0] ?? null };
}
