import { PERSON_ROLES } from './lexicon.js';
import { findNameRuns, type NameRun } from './names.js';
import type { Entity, EntityType, Span } from './types.js';

export interface EntityRecord {
  name: string;
  type: EntityType;
  roles: string[];
  gender: 'male' | 'female' | 'unknown';
  mentions: Span[];
}

/** A named mention in the text, tied to its entity; `runStart` includes any title written before the name. */
export interface NameMention extends Span {
  entity: number;
  runStart: number;
}

export interface EntityTable {
  entities: EntityRecord[];
  names: NameMention[];
  /** Title-only runs ("The NATO Secretary General"), used as role mentions. */
  titles: NameRun[];
}

const ROLE_ALTERNATION = PERSON_ROLES.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const ROLE_BEFORE = new RegExp(`(?:^|[\\s(])((?:[\\p{L}-]+\\s+){0,2}?(?:${ROLE_ALTERNATION}))\\s+$`, 'iu');
const ROLE_AFTER = new RegExp(`^,\\s+(?:the\\s+|a\\s+|an\\s+)?((?:[\\p{L}'’.-]+\\s+){0,4}?(?:${ROLE_ALTERNATION})(?:\\s+(?:of|at|for)\\s+(?:the\\s+)?[\\p{Lu}][\\p{L}'’.-]*(?:\\s+[\\p{Lu}][\\p{L}'’.-]*){0,3})?)(?=\\s*[,.;])`, 'iu');

const LOWER_ROLE_STOP = /^(?:the|a|an|and|with|of|by|to|for|as|from)$/i;

function key(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ');
}

/** The surname: the last word that is not an initial or a suffix ("James P. Kennedy Jr." → "kennedy"). */
function lastWord(name: string): string {
  const parts = key(name).split(' ').filter((w) => !/^(?:jr|sr|ii|iii|iv|\p{L})\.?$/u.test(w));
  return parts[parts.length - 1] ?? '';
}

/** Lower-case role written right before a name without a title: "chief executive Tim Cook". */
function roleBefore(text: string, run: NameRun): string {
  const window = text.slice(Math.max(0, run.runStart - 60), run.runStart);
  const m = ROLE_BEFORE.exec(window);
  if (!m) return '';
  const words = m[1]!.split(/\s+/).filter(Boolean);
  while (words.length && LOWER_ROLE_STOP.test(words[0]!)) words.shift();
  return words.join(' ');
}

/** Appositive role after a name: "Tim Cook, Apple's chief executive,". */
function roleAfter(text: string, run: NameRun): string {
  const m = ROLE_AFTER.exec(text.slice(run.end, run.end + 90));
  return m ? m[1]!.trim() : '';
}

/**
 * News names a person in full once and by surname after ("Michael Webb … Webb confessed"). A two- or three-word
 * name nobody classified is a person's when its last word comes back alone and is not known as anything else.
 */
function promoteNamesMetBySurname(runs: NameRun[]): void {
  const alone = new Map<string, NameRun['type']>();
  for (const r of runs) if (!r.titleOnly && !/\s/.test(r.name)) alone.set(r.name.toLowerCase(), alone.get(r.name.toLowerCase()) ?? r.type);
  for (const r of runs) {
    if (r.type !== null || r.titleOnly) continue;
    const words = r.name.split(/\s+/);
    if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(w))) continue;
    const surname = words[words.length - 1]!.toLowerCase();
    if (alone.has(surname) && (alone.get(surname) === null || alone.get(surname) === 'person')) r.type = 'person';
  }
}

/** `focus`: where speakers are written; when given, only names undecided there go to compromise's tagger. */
export function buildEntities(text: string, tagger = true, focus?: readonly Span[]): EntityTable {
  const runs = findNameRuns(text, tagger, focus);
  promoteNamesMetBySurname(runs);
  const entities: EntityRecord[] = [];
  const byKey = new Map<string, number>();
  const names: NameMention[] = [];
  const titles: NameRun[] = [];

  const add = (name: string, type: EntityType, run: NameRun): number => {
    const k = key(name);
    let idx = byKey.get(k);
    if (idx === undefined) {
      idx = entities.length;
      entities.push({ name, type, roles: [], gender: run.gender, mentions: [] });
      byKey.set(k, idx);
    }
    return idx;
  };

  // Full names first, so that later single-word mentions ("Stoltenberg") find their holder wherever they occur.
  for (const run of runs) {
    if (run.titleOnly) titles.push(run);
    else if (run.type === 'person' && /\s/.test(run.name)) add(run.name, 'person', run);
  }
  const surnames = new Map<string, number>();
  const firstNames = new Map<string, number>();
  entities.forEach((e, i) => {
    if (e.type !== 'person') return;
    const parts = key(e.name).split(' ');
    surnames.set(lastWord(e.name), i);
    if (!firstNames.has(parts[0]!)) firstNames.set(parts[0]!, i);
  });

  for (const run of runs) {
    if (run.titleOnly) continue;
    const k = key(run.name);
    let idx = byKey.get(k);
    if (idx === undefined && !/\s/.test(run.name)) idx = surnames.get(k) ?? firstNames.get(k);
    if (idx === undefined && /\s/.test(run.name)) {
      // "Mr. Blinken" style runs with a title but not the full name map to the full name by surname.
      const bySurname = surnames.get(lastWord(run.name));
      if (bySurname !== undefined && run.type === 'person' && entities[bySurname]!.name.endsWith(run.name)) idx = bySurname;
    }
    if (idx === undefined) {
      if (run.type === null) continue;
      idx = add(run.name, run.type, run);
      if (run.type === 'person') surnames.set(lastWord(run.name), idx);
    }
    const entity = entities[idx]!;
    if (entity.gender === 'unknown' && run.gender !== 'unknown') entity.gender = run.gender;
    if (entity.type === 'person') {
      const role = run.role || roleBefore(text, run) || roleAfter(text, run);
      if (role && !entity.roles.some((r) => r.toLowerCase() === role.toLowerCase())) entity.roles.push(role);
    }
    entity.mentions.push({ start: run.start, end: run.end });
    names.push({ start: run.start, end: run.end, entity: idx, runStart: run.role ? run.runStart : run.start });
  }
  return { entities, names, titles };
}

export function publicEntities(table: EntityTable): Entity[] {
  return table.entities
    .filter((e) => e.mentions.length > 0)
    .map((e) => ({ name: e.name, type: e.type, roles: e.roles, mentions: e.mentions, count: e.mentions.length }));
}
