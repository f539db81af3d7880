import type { EntityTable } from './entities.js';
import { FEMALE_PRONOUNS, GROUP_SPEAKERS, MALE_PRONOUNS, PERSON_ROLES, SOURCE_NOUNS, VERB_ADVERBS } from './lexicon.js';
import type { QuoteSpan } from './quoteSpans.js';
import { firstNotBefore } from './search.js';
import { wordCount } from './segments.js';
import type { Span } from './types.js';

type MentionKind = 'name' | 'role' | 'pronoun' | 'group';

export interface Mention extends Span {
  kind: MentionKind;
  text: string;
  /** Resolved entity index, or -1. */
  entity: number;
  /** First mention of its sentence: the likely subject, which pronouns prefer. */
  subject?: boolean;
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
const HEADS = [...new Set([...PERSON_ROLES, ...SOURCE_NOUNS])].sort((a, b) => b.length - a.length).map(escape).join('|');
// Case-sensitive: heads are lower-case nouns, so capitalised names ("the Foreign Ministry") stay names.
const DESCRIPTOR = new RegExp(
  `(?<![\\p{L}'’])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|\\p{Lu}[\\p{L}-]*(?:\\s\\p{Lu}[\\p{L}-]*){0,3}['’]s)` +
    `\\s+(?:(?:[\\p{L}'’-]+|(?:\\p{Lu}\\.)+)\\s+){0,4}?(?:${HEADS})\\b(?!\\s+\\p{Lu})(?!['’])` +
    `(?:\\s+(?:familiar\\s+with|briefed\\s+on|close\\s+to|with\\s+knowledge\\s+of|on\\s+the\\s+scene|in\\s+the\\s+area|published\\s+in|for|at|from|of|in)(?:\\s+(?!(?:${'said|say|says|told|tells|reported|reports|added|wrote|noted|warned|claimed'})\\b)[\\p{L}'’-]+){1,6})?`,
  'gu',
);
const DEFINITE = /^(?:the|his|her|its|their|our|\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*){0,3}['’]s)\s/iu;
const ORG_HEAD = /\b(?:company|companies|ministry|government|department|agency|firm|group|team|club|league|bank|network|newspaper|campaign|court|police|military|army|union|committee|office|statement|release|report)\b/i;

const ROLE_ALTERNATION = PERSON_ROLES.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const ROLE_PHRASE = new RegExp(
  // Case-sensitive on purpose: with the i flag \p{Lu} would match any letter and the look-ahead would reject every phrase.
  `\\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)\\s+(?:(?:[\\p{L}'’-]+|(?:\\p{Lu}\\.)+)\\s+){0,3}?(?:${ROLE_ALTERNATION})\\b(?!\\s+\\p{Lu})`,
  'gu',
);
const GROUP_PHRASE = new RegExp(`\\b(?:${GROUP_SPEAKERS.map((g) => g.replace(/\s+/g, '\\s+')).join('|')})\\b`, 'giu');
const PRONOUN = /\b(?:he|she|they|it|his|her|its|their)\b/giu;

function roleHead(role: string): string {
  const l = role.toLowerCase();
  return PERSON_ROLES.find((r) => l.endsWith(r)) ?? l.split(/\s+/).pop() ?? l;
}

function insideQuote(quotes: readonly QuoteSpan[], pos: number): boolean {
  for (const q of quotes) if (pos >= q.start && pos < q.end) return true;
  return false;
}

/** Every mention that could name a speaker, resolved to an entity in text order (recency drives pronouns and roles). */
export function collectMentions(text: string, table: EntityTable, quotes: readonly QuoteSpan[]): Mention[] {
  const raw: Mention[] = [];
  for (const n of table.names) raw.push({ start: n.runStart, end: n.end, kind: 'name', text: text.slice(n.runStart, n.end), entity: n.entity });
  for (const t of table.titles) raw.push({ start: t.start, end: t.end, kind: 'role', text: text.slice(t.start, t.end), entity: -1 });
  for (const m of text.matchAll(ROLE_PHRASE)) raw.push({ start: m.index!, end: m.index! + m[0].length, kind: 'role', text: m[0], entity: -1 });
  for (const m of text.matchAll(DESCRIPTOR)) {
    const phrase = m[0].replace(/\s+(?:for|at|from|of|in)$/u, '');
    raw.push({ start: m.index!, end: m.index! + phrase.length, kind: 'group', text: phrase, entity: -1 });
  }
  for (const m of text.matchAll(GROUP_PHRASE)) raw.push({ start: m.index!, end: m.index! + m[0].length, kind: 'group', text: m[0], entity: -1 });
  for (const m of text.matchAll(PRONOUN)) raw.push({ start: m.index!, end: m.index! + m[0].length, kind: 'pronoun', text: m[0], entity: -1 });
  raw.sort((a, b) => a.start - b.start || b.end - a.end);

  // Drop mentions nested in a longer one ("the secretary general" inside a title run).
  const mentions: Mention[] = [];
  for (const m of raw) {
    const last = mentions[mentions.length - 1];
    if (last && m.start < last.end) continue;
    mentions.push(m);
  }

  entityTypes = table.entities.map((e) => e.type);
  const history: History[] = [];
  let sentenceStart = 0;
  let seenInSentence = false;
  const boundaries = sentenceBoundaries(text);
  let b = 0;
  for (const m of mentions) {
    // Mentions come in text order, so one pointer walks the boundaries: each is passed once over all mentions.
    while (b < boundaries.length && boundaries[b]!.index < m.start) b++;
    const boundary = b > 0 ? boundaries[b - 1]!.end : 0;
    if (boundary > sentenceStart) {
      sentenceStart = boundary;
      seenInSentence = false;
    }
    const quoted = insideQuote(quotes, m.start);
    if (m.kind === 'pronoun') m.entity = resolvePronoun(m.text.toLowerCase(), m.start, history, table);
    else if (m.kind === 'role') m.entity = resolveRole(m.text, history, table);
    else if (m.kind === 'group') m.entity = resolveDescriptor(m.text, history, table);
    // The subject of a sentence, for pronouns: its first person that is neither possessive nor in a
    // prepositional phrase ("Hours before Zach Parise's goals, Wild coach Bruce Boudreau said" is Boudreau).
    const person = m.entity >= 0 && table.entities[m.entity]!.type === 'person' && !isPossessive(m);
    if (person && !quoted && !seenInSentence && !possessiveAt(text, m.end) && !afterPreposition(text, m.start, sentenceStart)) {
      m.subject = true;
      seenInSentence = true;
    }
    if (m.entity >= 0 && !quoted) history.push({ entity: m.entity, pos: m.start, subject: m.subject === true });
  }
  return mentions;
}

interface History {
  entity: number;
  pos: number;
  subject: boolean;
}

function possessiveAt(text: string, end: number): boolean {
  return /^['’]s\b/u.test(text.slice(end, end + 3));
}

export function afterPreposition(text: string, start: number, floor: number): boolean {
  return /\b(?:with|of|to|from|by|in|on|at|for|about|via|against|after|before|during|since|until|than|like|over|under)\s+(?:the\s+|a\s+|an\s+)?$/iu.test(
    text.slice(Math.max(floor, start - 16), start),
  );
}

/**
 * Where each sentence boundary starts and ends, in one scan of the text. Looking for the last boundary before
 * each mention from the start of its sentence would rescan the sentence per mention and, in a text without a
 * full stop, run to its end every time: quadratic.
 */
function sentenceBoundaries(text: string): { index: number; end: number }[] {
  const out: { index: number; end: number }[] = [];
  for (const m of text.matchAll(/[.!?…]["”»’]?\s+|\n/g)) out.push({ index: m.index!, end: m.index! + m[0].length });
  return out;
}

/** "the company" names the last organisation; "the interior minister" the person holding the role; "an official" nobody in particular. */
function resolveDescriptor(phrase: string, history: History[], table: EntityTable): number {
  if (!DEFINITE.test(phrase)) return -1;
  const possessor = /^(\p{Lu}[\p{L}.-]*(?:\s\p{Lu}[\p{L}.-]*){0,3})['’]s\s/u.exec(phrase);
  const head = phrase.toLowerCase().split(/\s+/).pop() ?? '';
  if (PERSON_ROLES.includes(head) || PERSON_ROLES.some((r) => phrase.toLowerCase().endsWith(r))) {
    return resolveRole(phrase, history, table);
  }
  if (!possessor && ORG_HEAD.test(head) && /^(?:the|its)\s/i.test(phrase) && /\b(?:company|ministry|government|department|agency|firm|group|team|club|league|bank|network|newspaper|campaign)$/i.test(head)) {
    return lastOrg(history, table, phrase);
  }
  return -1;
}

/**
 * Pronouns take the most recent compatible person, preferring one that was the subject of a recent sentence
 * ("Ryan Suter, who joked about Parise's sticks, could see…” — "he said" is Suter). "they" names an organisation
 * only when one was the last thing talked about.
 */
function resolvePronoun(p: string, pos: number, history: History[], table: EntityTable): number {
  if (p === 'it' || p === 'its') return lastOrg(history, table, '');
  if (p === 'they' || p === 'their') {
    const last = history[history.length - 1];
    return last && table.entities[last.entity]!.type === 'organization' && pos - last.pos < 300 ? last.entity : -1;
  }
  const compatible = (h: History): boolean => {
    const e = table.entities[h.entity]!;
    if (e.type !== 'person') return false;
    if (MALE_PRONOUNS.has(p) && e.gender === 'female') return false;
    if (FEMALE_PRONOUNS.has(p) && e.gender === 'male') return false;
    return true;
  };
  let fallback = -1;
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!;
    if (!compatible(h)) continue;
    if (fallback < 0) fallback = h.entity;
    if (h.subject && pos - h.pos < 400) return h.entity;
    if (pos - h.pos >= 400) break;
  }
  return fallback;
}

function lastOrg(history: History[], table: EntityTable, noun: string): number {
  const head = noun.toLowerCase().split(/\s+/).pop() ?? '';
  let fallback = -1;
  for (let i = history.length - 1; i >= 0; i--) {
    const e = table.entities[history[i]!.entity]!;
    if (e.type !== 'organization') continue;
    if (head && e.name.toLowerCase().includes(head)) return history[i]!.entity;
    if (fallback < 0) fallback = history[i]!.entity;
  }
  return fallback;
}

/** A role noun names the nearest person before it whose written roles share the noun; failing that, anyone in the text with it. */
const TITLE_ABBREVIATIONS: Record<string, string> = {
  'gov.': 'governor', 'sen.': 'senator', 'rep.': 'representative', 'gen.': 'general', 'prof.': 'professor',
  'lt.': 'lieutenant', 'col.': 'colonel', 'sgt.': 'sergeant', 'dr.': 'doctor',
};

/** "Gov. Eric Holcomb" holds the role that "the governor" names. */
function expandTitle(role: string): string {
  return role.replace(/\b(?:gov|sen|rep|gen|prof|lt|col|sgt|dr)\./g, (a) => TITLE_ABBREVIATIONS[a] ?? a);
}

function resolveRole(role: string, history: History[], table: EntityTable): number {
  const head = expandTitle(roleHead(role));
  const matches = (i: number): boolean => table.entities[i]!.roles.some((r) => expandTitle(r.toLowerCase()).includes(head));
  for (let i = history.length - 1; i >= 0; i--) {
    const idx = history[i]!.entity;
    if (table.entities[idx]!.type === 'person' && matches(idx)) return idx;
  }
  const holders = table.entities.map((_, i) => i).filter((i) => table.entities[i]!.type === 'person' && matches(i));
  return holders.length === 1 ? holders[0]! : -1;
}

/** Index of the mention, in `mentions`, ending just before `pos` with only adverbs or an appositive between. */
export function mentionBefore(text: string, mentions: readonly Mention[], pos: number, floor: number): Mention | null {
  for (let i = upperBound(mentions, pos) - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (m.end > pos) continue;
    if (m.start < floor) return null;
    const gap = text.slice(m.end, pos);
    if (isPossessive(m)) return null;
    // "… Department responded and confirmed that": a coordinated verb between speaker and cue.
    if (gapIsAdverbs(gap) || /^\s+\p{Ll}+(?:ed|s)\s+and\s+$/u.test(gap)) return coordinatedHolder(text, mentions, i) ?? m;
    // Apposition: "Sonya Zoghlin, Carlineo's attorney, said"; and "Carlineo's attorney, Sonya Zoghlin, said",
    // where the bare comma must follow a person ("Richardson, via USA Today, said" is Richardson).
    if (m.kind === 'name' && /^,\s[^,;“”"]{1,140},\s*$/u.test(gap)) return m;
    if (m.kind === 'name' && /^,\s*$/.test(gap) && m.entity >= 0 && table(m) === 'person' && /,\s*$/.test(text.slice(Math.max(0, m.start - 3), m.start))) return m;
    if (m.end < pos - 160) return null;
    if (/[;!?“”"«»]/u.test(gap) || /\.\s/u.test(gap.replace(ABBREVIATION, ''))) return null;
  }
  return null;
}

const ABBREVIATION = /\b(?:\p{Lu}\.)+|\b(?:Jr|Sr|Dr|Mr|Mrs|Ms|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Inc|Corp|Co|Ltd)\./gu;

let entityTypes: readonly string[] = [];

export function isPerson(m: Mention): boolean {
  return m.entity >= 0 && entityTypes[m.entity] === 'person';
}
function table(m: Mention): string | undefined {
  return entityTypes[m.entity];
}

/** "Paganini and his team wrote": the holder named before "and his team". */
function coordinatedHolder(text: string, mentions: readonly Mention[], i: number): Mention | null {
  const m = mentions[i]!;
  const prev = mentions[i - 1];
  if (m.kind !== 'group' || !/^(?:his|her|their)\s/i.test(m.text) || !prev || prev.kind !== 'name') return null;
  return /^\s+and\s+$/.test(text.slice(prev.end, m.start)) ? prev : null;
}

/** Participial cues (", saying …") report the sentence's subject: its first person not inside a prepositional phrase. */
export function sentenceSubject(text: string, mentions: readonly Mention[], sentenceStart: number, before: number): Mention | null {
  let first: Mention | null = null;
  // From the sentence's first mention, found by binary search: a walk from the text's start would make a text of
  // many sentences quadratic.
  for (let i = upperBound(mentions, sentenceStart); i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.start >= before) break;
    const usable = m.kind !== 'pronoun' || /^(?:he|she|they|it)$/i.test(m.text);
    if (!usable) continue;
    if (afterPreposition(text, m.start, sentenceStart) || possessiveAt(text, m.end)) continue;
    first ??= m;
    if ((m.kind === 'name' || m.kind === 'pronoun') && m.entity >= 0 && table(m) === 'person') return m;
  }
  return first;
}

/** "said planetary geologist Rosaly Lopes of NASA's JPL": the first name after a short lower-case description. */
export function describedNameAfter(text: string, mentions: readonly Mention[], from: number, limit: number): Mention | null {
  for (const m of mentions) {
    if (m.start < from) continue;
    if (m.start >= limit || m.start - from > 80) return null;
    if (m.kind !== 'name') continue;
    const lead = text.slice(from, m.start);
    return /^[\s\p{L}'’-]*$/u.test(lead) && wordCount(lead) <= 8 ? m : null;
  }
  return null;
}

export function mentionAfter(text: string, mentions: readonly Mention[], pos: number, allowPossessive = false): Mention | null {
  const m = mentions[upperBound(mentions, pos)];
  if (!m || m.start - pos > 40) return null;
  if (isPossessive(m) && !allowPossessive) return null;
  return gapIsAdverbs(text.slice(pos, m.start)) ? m : null;
}

/** The index of the first mention starting at or after `pos` (mentions are in text order). */
export function upperBound(mentions: readonly Mention[], pos: number): number {
  return firstNotBefore(mentions.length, (i) => mentions[i]!.start < pos);
}

function gapIsAdverbs(gap: string): boolean {
  if (!/^\s*$/.test(gap.replace(/[\p{L}]+/gu, ''))) return false;
  return gap.split(/\s+/).filter(Boolean).every((w) => VERB_ADVERBS.has(w.toLowerCase()) || /^\p{Ll}{3,}ly$/u.test(w));
}

/** Pronoun mentions that are possessive ("his words") still name a speaker in "according to his words". */
export function isPossessive(m: Mention): boolean {
  return /^(?:his|her|its|their)$/i.test(m.text);
}
