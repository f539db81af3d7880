import nlp from 'compromise';
import { CUE_ALTERNATION } from './reportingCues.js';
import { HONORIFICS, KNOWN_PLACES, NAME_CONNECTORS, NOT_NAMES, ORG_HEADS, PERSON_ROLES } from './lexicon.js';
import type { EntityType, Span } from './types.js';

/** A run of capitalised words, split into the role written before a name and the name itself. */
export interface NameRun extends Span {
  /** Where the name proper starts (after any title). */
  nameStart: number;
  name: string;
  /** Title as written before the name ("NATO Secretary General"), or ''. */
  role: string;
  /** Run start, including the title. */
  runStart: number;
  type: EntityType | null;
  gender: 'male' | 'female' | 'unknown';
  /** True when the run is only a title ("The NATO Secretary General"): a role mention, not a name. */
  titleOnly: boolean;
}

interface Token extends Span {
  word: string;
  lower: string;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&-]*\.?/gu;

interface TaggerHints {
  people: Set<string>;
  places: Set<string>;
  orgs: Set<string>;
}

function normalise(s: string): string {
  return s.replace(/['’]s$/u, '').replace(/[.,;:!?]+$/u, '').trim().toLowerCase();
}

/** One pass of compromise's tagger over the sample: which capitalised words it believes are people, places, organisations. */
function taggerHints(text: string): TaggerHints {
  const doc = nlp(text);
  const collect = (list: string[]): Set<string> => {
    const set = new Set<string>();
    for (const item of list) {
      const n = normalise(item);
      if (!n) continue;
      set.add(n);
      for (const w of n.split(/\s+/)) set.add(w);
    }
    return set;
  };
  return {
    people: collect(doc.people().out('array') as string[]),
    places: collect(doc.places().out('array') as string[]),
    orgs: collect(doc.organizations().out('array') as string[]),
  };
}

function isCapitalised(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word) && /\p{L}/u.test(word);
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    // A trailing dot belongs to the token only for known abbreviations (Dr., Sen., U.S.).
    if (word.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(word) && !isTitleAbbreviation(word)) word = word.slice(0, -1);
    if (!word) continue;
    out.push({ start: m.index!, end: m.index! + word.length, word, lower: word.toLowerCase() });
  }
  return out;
}

function isTitleAbbreviation(word: string): boolean {
  const l = word.toLowerCase();
  return l in HONORIFICS || ['sen.', 'rep.', 'gov.', 'gen.', 'prof.', 'lt.', 'col.', 'sgt.', 'st.', 'jr.', 'sr.'].includes(l);
}

/** Capitalised runs: consecutive capitalised tokens separated by single spaces, allowing connectors inside. */
function capitalisedRuns(text: string, toks: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length && NAME_CONNECTORS.has(run[run.length - 1]!.lower)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = run[run.length - 1];
    const gap = prev ? text.slice(prev.end, t.start) : '';
    // Initials keep their dot: "James P. Kennedy".
    const joined = prev !== undefined && (/^[ \u00a0]$/u.test(gap) || (gap === '. ' && /^\p{Lu}$/u.test(prev.word)));
    if (prev && !joined) flush();
    if (isCapitalised(t.word)) {
      run.push(t);
      if (/['’]s$/u.test(t.word)) flush();
    } else if (run.length && NAME_CONNECTORS.has(t.lower) && toks[i + 1] && isCapitalised(toks[i + 1]!.word)) {
      run.push(t);
    } else if (run.length && (t.lower === 'of' || t.lower === 'for') && toks[i + 1]?.lower === 'the' && toks[i + 2] && isCapitalised(toks[i + 2]!.word)) {
      // "Office for the Western District of New York", "Bank of the West"
      run.push(t, toks[i + 1]!);
      i++;
    } else {
      flush();
    }
  }
  flush();
  return runs;
}

/** Longest role (from PERSON_ROLES) that matches the tokens starting at `i`; returns its length in tokens. */
/** Roles by their first word, longest first, so that a run is matched against a handful of roles, not all. */
const ROLES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const role of PERSON_ROLES) {
  const parts = role.split(/\s+/);
  const list = ROLES_BY_FIRST_WORD.get(parts[0]!) ?? [];
  list.push(parts);
  ROLES_BY_FIRST_WORD.set(parts[0]!, list);
}

function roleAt(run: Token[], i: number): number {
  const candidates = ROLES_BY_FIRST_WORD.get(run[i]!.lower.replace(/['’]s$/u, ''));
  if (!candidates) return 0;
  for (const parts of candidates) {
    if (i + parts.length > run.length) continue;
    let ok = true;
    for (let k = 0; k < parts.length && ok; k++) ok = run[i + k]!.lower.replace(/['’]s$/u, '') === parts[k];
    if (ok) return parts.length;
  }
  return 0;
}

const LEXICON = (nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } }).model.one.lexicon;

function lexiconTags(word: string): string[] {
  const tag = LEXICON[word];
  return tag === undefined ? [] : Array.isArray(tag) ? tag : [tag];
}

const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Continent', 'State', 'Province', 'Town', 'Address']);
const ORG_TAGS = new Set(['Organization', 'Company', 'SportsTeam', 'School', 'University']);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

function genderOf(firstName: string): NameRun['gender'] {
  const tags = lexiconTags(firstName);
  if (tags.includes('MaleName')) return 'male';
  if (tags.includes('FemaleName')) return 'female';
  return 'unknown';
}

function classify(nameToks: Token[], hints: TaggerHints | null, hadRole: boolean, honorific: boolean): EntityType | null {
  const words = nameToks.map((t) => normalise(t.word));
  const full = words.join(' ');
  const last = words[words.length - 1] ?? '';
  if (hadRole || honorific) return 'person';
  if (KNOWN_PLACES.has(full)) return 'place';
  if (ORG_HEADS.has(last) || ORG_HEADS.has(full)) return 'organization';
  if (/^(?:\p{Lu}\.?){2,6}$/u.test(nameToks.map((t) => t.word.replace(/['’]s$/u, '')).join(' ')) && nameToks.length === 1) {
    return 'organization';
  }
  const fullTags = lexiconTags(full);
  if (fullTags.some((t) => PLACE_TAGS.has(t))) return 'place';
  if (fullTags.some((t) => ORG_TAGS.has(t))) return 'organization';
  if (words.length >= 2 && words.length <= 4) {
    if (lexiconTags(words[0]!).some((t) => FIRST_NAME_TAGS.has(t))) return 'person';
    if (words.length <= 3 && lexiconTags(last).includes('LastName')) return 'person';
  }
  if (!hints) return null;
  if (hints.orgs.has(full)) return 'organization';
  if (hints.people.has(full) && words.length >= 2) return 'person';
  if (hints.places.has(full)) return 'place';
  if (words.length >= 2 && words.length <= 4 && hints.people.has(words[0]!)) {
    return 'person';
  }
  if (hints.people.has(full)) return 'person';
  return null;
}

const ROLE_NOUN_BEFORE = new RegExp(`\\b(?:${PERSON_ROLES.filter((r) => /^[a-z]/.test(r)).map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s+$`, 'u');
const CUE_AFTER = new RegExp(`^(?:,[^,;“”"]{1,120},|,)?\\s+(?:(?:has|have|had|also|later|earlier|then|again|previously)\\s+)*(?:${CUE_ALTERNATION})\\b`);
const CUE_BEFORE = new RegExp(`\\b(?:${CUE_ALTERNATION})\\s+$`);

/** A capitalised pair that says or is said of ("Lucas Paganini said", "said Derek Scissors") is a person even when the tagger does not know the name. */
function nextToCue(text: string, start: number, end: number): boolean {
  return CUE_AFTER.test(text.slice(end, end + 120)) || CUE_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

interface Candidate {
  nameToks: Token[];
  roleToks: Token[];
  runStart: number;
  end: number;
  hadRole: boolean;
  honorific: boolean;
  gender: NameRun['gender'];
}

/**
 * Capitalised runs classified as people, organisations and places. Rules and compromise's lexicon decide most;
 * compromise's tagger, which is the slow part, runs only on the sentences holding the runs still undecided.
 */
export function findNameRuns(text: string, tagger = true, focus?: readonly Span[]): NameRun[] {
  const toks = tokens(text);
  const out: NameRun[] = [];
  const candidates: Candidate[] = [];
  for (const raw of capitalisedRuns(text, toks)) {
    let run = raw;
    while (run.length && NOT_NAMES.has(run[0]!.lower.replace(/['’]s$/u, ''))) run = run.slice(1);
    if (!run.length) continue;
    // Split off the title: the name starts after the last role word.
    let nameFrom = 0;
    let hadRole = false;
    let gender: NameRun['gender'] = 'unknown';
    let honorific = false;
    for (let i = 0; i < run.length; i++) {
      const lower = run[i]!.lower;
      if (lower in HONORIFICS) {
        nameFrom = i + 1;
        honorific = true;
        gender = HONORIFICS[lower]!;
        continue;
      }
      const len = roleAt(run, i);
      if (len > 0) {
        nameFrom = i + len;
        hadRole = true;
        i += len - 1;
      }
    }
    const roleToks = run.slice(0, nameFrom).filter((t) => !(t.lower in HONORIFICS));
    let nameToks = run.slice(nameFrom);
    const runStart = run[0]!.start;
    const end = run[run.length - 1]!.end;
    // "U.S. Attorney for the Western District": what follows the title is its jurisdiction, not a name.
    if (hadRole && nameToks.length && (NAME_CONNECTORS.has(nameToks[0]!.lower) || nameToks[0]!.lower === 'the')) nameToks = [];
    if (!nameToks.length) {
      if (hadRole) {
        out.push({ start: runStart, end, nameStart: end, name: '', role: text.slice(runStart, end), runStart, type: 'person', gender, titleOnly: true });
      }
      continue;
    }
    candidates.push({ nameToks, roleToks, runStart, end, hadRole, honorific, gender });
  }

  const types = candidates.map((c) => classify(c.nameToks, null, c.hadRole, c.honorific));
  // Only names that can matter for attribution go to the tagger: in a speaker's place (near a reporting cue when
  // the caller does not say where speakers are), or met again by one word.
  const cueSentences = focus ? focus.map((f): [number, number] => [f.start, f.end]) : sentencesWithCues(text);
  const words = wordCounts(candidates);
  const undecided = candidates.filter((c, i) => {
    if (types[i] !== null || c.nameToks.length < 2) return false;
    if (focus) return cueSentences.some(([a, b]) => c.runStart < b && c.end > a);
    const last = c.nameToks[c.nameToks.length - 1]!.lower.replace(/['’]s$/u, '');
    return ((words.get(last) ?? 0) > 1 && (words.get(c.nameToks[0]!.lower) ?? 0) > 1) || insideAny(cueSentences, c.runStart);
  });
  if (tagger && undecided.length) {
    const hints = taggerHints(sentencesAround(text, undecided));
    candidates.forEach((c, i) => {
      if (types[i] === null) types[i] = classify(c.nameToks, hints, c.hadRole, c.honorific);
    });
  }

  candidates.forEach((c, i) => {
    const { nameToks, runStart, end } = c;
    const nameStart = nameToks[0]!.start;
    const name = text.slice(nameStart, end).replace(/['’]s$/u, '');
    const role = c.roleToks.length ? text.slice(c.roleToks[0]!.start, c.roleToks[c.roleToks.length - 1]!.end) : '';
    let type = types[i]!;
    if (type === null && nameToks.length >= 2 && nameToks.length <= 4 && (nextToCue(text, runStart, end) || ROLE_NOUN_BEFORE.test(text.slice(Math.max(0, runStart - 40), runStart)))) {
      // Acronyms in a speaking name ("CBS DFW reports") mark an organisation.
      type = nameToks.some((t) => /^\p{Lu}{2,}$/u.test(t.word)) ? 'organization' : 'person';
    }
    // Only a first name tells gender: a lone surname ("Omar") may look like a first name.
    const gender = c.gender !== 'unknown' || nameToks.length < 2 ? c.gender : genderOf(normalise(nameToks[0]!.word));
    out.push({ start: nameStart, end: nameStart + name.length, nameStart, name, role, runStart, type, gender, titleOnly: false });
  });
  out.sort((a, b) => a.runStart - b.runStart);
  return out;
}

const CUE_ANYWHERE = new RegExp(`\\b(?:${CUE_ALTERNATION})\\b`, 'g');

/** Stretches of text close to a reporting cue, where speakers are named. */
function sentencesWithCues(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(CUE_ANYWHERE)) {
    const from = Math.max(0, m.index! - CUE_REACH);
    const to = m.index! + CUE_REACH;
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else out.push([from, to]);
  }
  return out;
}

const CUE_REACH = 120;

function insideAny(ranges: readonly [number, number][], pos: number): boolean {
  return ranges.some(([a, b]) => pos >= a && pos <= b);
}

/** How often each word of the candidate names occurs on its own or inside names. */
function wordCounts(candidates: readonly Candidate[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of candidates) {
    for (const t of c.nameToks) {
      const w = t.lower.replace(/['’]s$/u, '');
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * A few words of context around the first occurrence of each undecided name, one per line: enough for the
 * tagger to tell "Anezina Solomonidou said" from "Titan Ocean", at a fraction of the cost of tagging the article.
 */
function sentencesAround(text: string, runs: readonly Candidate[]): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const r of runs) {
    const key = text.slice(r.nameToks[0]!.start, r.end);
    if (seen.has(key)) continue;
    seen.add(key);
    let from = Math.max(0, r.runStart - 24);
    while (from > 0 && from < r.runStart && !/[\s.!?\n]/.test(text[from - 1]!)) from++;
    let to = Math.min(text.length, r.end + 24);
    while (to < text.length && to > r.end && !/[\s.!?\n]/.test(text[to]!)) to--;
    const window = text.slice(from, to);
    const cut = window.lastIndexOf('\n', r.runStart - from);
    parts.push(window.slice(cut + 1).split('\n')[0]!);
  }
  return parts.join('\n');
}
