/**
 * Quote attribution benchmark: precision/recall/F1 of attributions, speaker accuracy over matched ones, and
 * throughput, on the hand-annotated gold set in bench/gold/ over the aeb-dev pages in ../shared. The gold follows
 * an older convention than the attribution layer (PolNeAR's); bench/gold/README.md says how the score bridges
 * them. `--verbose` lists the misses and the extra attributions per article; `--no-tagger` measures
 * `{ tagger: false }`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { attribute, type Quote } from '../src/index.js';
import { cueLemma } from '../src/attribution/model/cueWords.js';

const ROOT = new URL('../../', import.meta.url);
// The development set, on which the rules were tuned, and a held-out set that never was.
const GOLD_SETS = [
  { name: 'development', file: new URL('bench/gold/aeb-dev-quotes.txt', ROOT) },
  { name: 'held-out', file: new URL('bench/gold/aeb-dev-quotes-heldout.txt', ROOT) },
];
const PAGES = new URL('../shared/data/aeb-dev/ground-truth.json', ROOT);
const VERBOSE = process.argv.includes('--verbose');

interface GoldQuote {
  kind: 'D' | 'P' | 'R';
  start: number;
  end: number;
  cue: string;
  speakers: string[];
}

interface GoldArticle {
  id: string;
  lines: string[];
}

function parseGold(source: string): GoldArticle[] {
  const articles: GoldArticle[] = [];
  for (const line of source.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (line.startsWith('@ ')) articles.push({ id: line.slice(2).trim(), lines: [] });
    else articles[articles.length - 1]!.lines.push(line);
  }
  return articles;
}

function resolve(text: string, article: GoldArticle): GoldQuote[] {
  return article.lines.map((line) => {
    const [kind, from, to, cue, speaker] = line.split(/\s*\|\s*/).map((s) => s.trim());
    if (!kind || !from || cue === undefined || !speaker) throw new Error(`${article.id}: malformed line: ${line}`);
    // "{context}words": the context before the braces disambiguates, the span starts after it.
    const context = /^\{([^}]*)\}/.exec(from)?.[1] ?? '';
    const needle = context ? context + from.slice(context.length + 2) : from;
    const at0 = text.indexOf(needle);
    if (at0 < 0) throw new Error(`${article.id}: anchor not found: ${from}`);
    if (text.indexOf(needle, at0 + 1) >= 0) throw new Error(`${article.id}: anchor not unique: ${from}`);
    const start = at0 + context.length;
    let end = at0 + needle.length;
    if (to) {
      const at = text.indexOf(to, start);
      if (at < 0) throw new Error(`${article.id}: end anchor not found after start: ${to}`);
      end = at + to.length;
    }
    return { kind: kind as GoldQuote['kind'], start, end, cue, speakers: speaker.split(';').map((s) => s.trim()) };
  });
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / Math.max(a.end - a.start, b.end - b.start);
}

function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/^(?:the|a|an|his|her|its|their)\s+/, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Initials and generational suffixes are spelled differently from one mention to the next ("Patrick W. Carlineo Jr."). */
function withoutInitials(name: string): string {
  return name.split(' ').filter((w) => w.length > 1 && !/^(?:jr|sr|ii|iii|iv)$/.test(w)).join(' ');
}

function sameSpeaker(system: string | undefined, gold: string[]): boolean {
  if (!system) return false;
  const s = withoutInitials(normaliseName(system));
  if (!s) return false;
  return gold.some((g) => {
    const n = withoutInitials(normaliseName(g));
    return n === s || ` ${n} `.includes(` ${s} `) || ` ${s} `.includes(` ${n} `);
  });
}

interface Score {
  articles: number;
  gold: number;
  system: number;
  /** System attributions the gold's guidelines leave out (beliefs, intentions, findings): neither right nor wrong. */
  unjudged: number;
  /** Judged system attributions that match at least one gold span. */
  systemMatched: number;
  /** Gold spans matched. */
  matched: number;
  speakerRight: number;
  byKind: Record<string, [number, number]>;
}

const TAGGER = !process.argv.includes('--no-tagger');

/**
 * Cues of thought, perception, intention and evidence: the gold annotates speech acts only ("Beliefs and
 * perceptions are not annotated"), so an indirect attribution with one of these cues is not judged.
 */
const NOT_SPEECH = new Set([
  'think', 'believe', 'feel', 'worry', 'fear', 'hope', 'want', 'wish', 'expect', 'plan', 'intend', 'seek', 'aim',
  'need', 'know', 'understand', 'see', 'consider', 'view', 'regard', 'doubt', 'wonder', 'suspect', 'assume',
  'imagine', 'realize', 'recognize', 'notice', 'learn', 'discover', 'find', 'show', 'indicate', 'demonstrate',
  'prove', 'mean', 'signal', 'reflect', 'seem', 'appear', 'prefer', 'decide', 'choose', 'vote', 'support',
  'oppose', 'favor', 'back', 'hold', 'accept', 'reject', 'dismiss', 'refuse',
]);

function judged(q: Quote): boolean {
  if (q.kind !== 'indirect' || !q.cue) return true;
  const lemma = q.cue.split(' ').map(cueLemma).find((l) => l !== null);
  return !lemma || !NOT_SPEECH.has(lemma);
}

/** The share of `inner` that lies inside `outer`. */
function inside(inner: { start: number; end: number }, outer: { start: number; end: number }): number {
  return Math.max(0, Math.min(inner.end, outer.end) - Math.max(inner.start, outer.start)) / Math.max(1, inner.end - inner.start);
}

/**
 * How well a system attribution covers a gold span, or 0 when it does not: overlap with its content or one of
 * its parts of at least half the longer span (the gold's own rule), or, for a quotation the gold marks on its
 * own (a fragment, one stretch of an interrupted quote), lying wholly inside the attribution's content, which
 * PolNeAR's convention extends to the clause or the whole interrupted quote.
 */
function cover(g: GoldQuote, s: Quote): number {
  const o = Math.max(overlap(g, s), ...s.parts.map((p) => overlap(g, p)));
  if (o >= 0.5) return o;
  return (g.kind === 'P' || g.kind === 'D') && inside(g, s) >= 0.9 ? 0.5 : 0;
}

function score(pages: Record<string, { articleBody: string }>, gold: GoldArticle[]): Score {
  const result: Score = { articles: gold.length, gold: 0, system: 0, unjudged: 0, systemMatched: 0, matched: 0, speakerRight: 0, byKind: { D: [0, 0], P: [0, 0], R: [0, 0] } };
  for (const article of gold) {
    const text = pages[article.id]?.articleBody;
    if (text === undefined) throw new Error(`unknown page id ${article.id}`);
    const wanted = resolve(text, article);
    const got = attribute(text, { lang: 'en', tagger: TAGGER }).quotes;
    // Each gold span takes the system attribution that covers it best; one attribution may cover several spans
    // (the stretches of an interrupted quote, a fragment and the clause the gold also marks around it).
    const matches: [GoldQuote, Quote][] = [];
    const usedSystem = new Set<number>();
    const usedGold = new Set<number>();
    wanted.forEach((g, gi) => {
      let best = -1;
      let bestCover = 0;
      got.forEach((s, si) => {
        const c = cover(g, s);
        if (c > bestCover) {
          bestCover = c;
          best = si;
        }
      });
      if (best < 0) return;
      usedGold.add(gi);
      usedSystem.add(best);
      matches.push([g, got[best]!]);
    });
    result.gold += wanted.length;
    got.forEach((s, si) => {
      if (usedSystem.has(si)) result.systemMatched++;
      else if (!judged(s)) result.unjudged++;
    });
    result.system += got.length;
    result.matched += matches.length;
    for (const g of wanted) result.byKind[g.kind]![1]++;
    for (const [g, s] of matches) {
      result.byKind[g.kind]![0]++;
      if (sameSpeaker(s.speaker?.name, g.speakers)) result.speakerRight++;
      else if (VERBOSE) console.log(`  speaker ${article.id.slice(0, 8)}: got ${s.speaker?.name ?? '-'} (${s.speaker?.mention ?? ''}) want ${g.speakers[0]} | ${text.slice(g.start, g.end).slice(0, 70)}`);
    }
    if (VERBOSE) {
      wanted.forEach((g, gi) => {
        if (!usedGold.has(gi)) console.log(`  missed  ${article.id.slice(0, 8)}: ${g.kind} ${g.speakers[0]} | ${text.slice(g.start, g.end).slice(0, 90)}`);
      });
      got.forEach((s, si) => {
        if (!usedSystem.has(si)) console.log(`  ${judged(s) ? 'extra  ' : 'unjudged'} ${article.id.slice(0, 8)}: ${s.kind} ${s.cue ?? '-'} ${s.speaker?.name ?? '-'} | ${s.text.slice(0, 90)}`);
      });
    }
  }
  return result;
}

function report(name: string, r: Score): void {
  const precision = r.systemMatched / Math.max(1, r.system - r.unjudged);
  const recall = r.matched / Math.max(1, r.gold);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  const pct = (x: number): string => x.toFixed(3);
  const kind = (k: string): string => pct(r.byKind[k]![0] / Math.max(1, r.byKind[k]![1]));
  console.log(`${name}: ${r.articles} articles, ${r.gold} gold quotes (${r.byKind.D![1]} direct, ${r.byKind.P![1]} partial, ${r.byKind.R![1]} reported); system ${r.system} (${r.unjudged} unjudged: belief, intention, finding), ${r.systemMatched} matching gold`);
  console.log(`  precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}   recall by kind: direct ${kind('D')}, partial ${kind('P')}, reported ${kind('R')}`);
  console.log(`  speaker accuracy ${pct(r.speakerRight / Math.max(1, r.matched))} (${r.speakerRight}/${r.matched} matched gold quotes)`);
}

function main(): void {
  if (!existsSync(PAGES)) {
    console.log('bench:quotes skipped: ../shared/data/aeb-dev/ground-truth.json is absent');
    return;
  }
  const pages = JSON.parse(readFileSync(PAGES, 'utf8')) as Record<string, { articleBody: string }>;
  const total: Score = { articles: 0, gold: 0, system: 0, unjudged: 0, systemMatched: 0, matched: 0, speakerRight: 0, byKind: { D: [0, 0], P: [0, 0], R: [0, 0] } };
  for (const set of GOLD_SETS) {
    if (VERBOSE) console.log(`-- ${set.name}`);
    const r = score(pages, parseGold(readFileSync(set.file, 'utf8')));
    report(set.name, r);
    for (const k of ['articles', 'gold', 'system', 'unjudged', 'systemMatched', 'matched', 'speakerRight'] as const) total[k] += r[k];
    for (const k of ['D', 'P', 'R']) for (const i of [0, 1]) total.byKind[k]![i]! += r.byKind[k]![i]!;
  }
  report('all', total);

  // Throughput over every page of the benchmark, not only the annotated ones.
  const texts = Object.values(pages).map((p) => p.articleBody);
  for (const t of texts.slice(0, 10)) attribute(t, { tagger: TAGGER });
  const rounds = 3;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) attribute(t, { tagger: TAGGER });
  const seconds = (performance.now() - t0) / 1000;
  const chars = texts.reduce((n, t) => n + t.length, 0) * rounds;
  console.log(`throughput: ${(texts.length * rounds / seconds).toFixed(1)} articles/s, ${(chars / seconds / 1e6).toFixed(2)} MB/s (${texts.length} pages x ${rounds})`);
}

main();
