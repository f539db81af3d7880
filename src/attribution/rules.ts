import { findDirectQuotes } from './directQuotes.js';
import type { QuoteSpan } from './quoteSpans.js';
import { maskQuotes } from './quoteSpans.js';
import { findReportedSpeech } from './reportedSpeech.js';
import { paragraphs, sentencesOf, wordCount } from './segments.js';
import type { Mention } from './speakers.js';
import type { QuoteKind } from './types.js';

/** An attribution found by the rules: a quotation with the speaker next to it, or a "said"-type report. */
export interface RuleAttribution {
  start: number;
  end: number;
  kind: QuoteKind;
  cue: string | null;
  cueStart: number;
  speaker: Mention | null;
}

/**
 * The hand-written reading: quotation marks paired in every style with the cue and speaker next to them
 * (“…”, — said he), and reported speech after the reporting-verb lexicon. The tagger learned PolNeAR's
 * American newspapers; these rules cover layouts it has not seen (translated news, em-dash attributions).
 */
export function ruleAttributions(text: string, spans: readonly QuoteSpan[], mentions: readonly Mention[]): RuleAttribution[] {
  const masked = maskQuotes(text, spans);
  const paras = paragraphs(text);
  const direct = findDirectQuotes(text, masked, spans, paras, mentions);
  const usedCues = new Set(direct.filter((d) => d.speaker && d.kind === 'direct').map((d) => d.cueStart));
  const sents = paras.flatMap((p) => sentencesOf(text, p));
  const reported = findReportedSpeech(text, masked, sents, mentions, spans, usedCues);
  const out: RuleAttribution[] = [];
  const hosts = hostStatements(direct.map((d) => d.span), reported);
  for (const [k, d] of direct.entries()) {
    let { speaker, cue, cueStart } = d;
    if (!speaker) {
      // A quotation inside a reported statement belongs to that statement's speaker ("Blinken said … “put a weapon…”").
      const host = hosts[k];
      if (host) {
        speaker = host.speaker;
        cue = host.cue;
        cueStart = host.cueStart;
      }
    }
    // Short unattributed quotes are scare quotes, slogans, titles or nicknames, not speech.
    if (!speaker && wordCount(text.slice(d.span.start, d.span.end)) < 6) continue;
    out.push({ start: d.span.start, end: d.span.end, kind: d.kind === 'partial' ? 'mixed' : 'direct', cue, cueStart, speaker });
  }
  for (const r of reported) out.push({ start: r.start, end: r.end, kind: 'indirect', cue: r.cue, cueStart: r.cueStart, speaker: r.speaker });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * For each quotation, the first reported statement (in their order) with a speaker that contains it, or undefined.
 * Quotations do not overlap, so those a statement contains are a run of them sorted by start, found by binary
 * search; each quotation takes the first statement that reaches it, and a pointer past the ones already taken
 * (path-halving, as in union–find) means no quotation is looked at twice: near-linear instead of statements ×
 * quotations.
 */
function hostStatements<R extends { start: number; end: number; speaker: Mention | null }>(quotes: readonly { start: number; end: number }[], reported: readonly R[]): (R | undefined)[] {
  const order = quotes.map((_, i) => i).sort((a, b) => quotes[a]!.start - quotes[b]!.start || a - b);
  const hosts: (R | undefined)[] = new Array(quotes.length);
  const next = order.map((_, k) => k).concat(order.length); // next[k]: the first k' >= k not yet given a host
  const find = (k: number): number => {
    while (next[k] !== k) k = next[k] = next[next[k]!]!;
    return k;
  };
  for (const r of reported) {
    if (!r.speaker) continue;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (quotes[order[mid]!]!.start < r.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = find(lo); k < order.length && quotes[order[k]!]!.start <= r.end + 2; k = find(k + 1)) {
      const q = quotes[order[k]!]!;
      // Ends follow starts among quotations that do not overlap: the first one past the statement ends the run.
      if (q.end > r.end + 2) break;
      hosts[order[k]!] = r;
      next[k] = k + 1;
    }
  }
  return hosts;
}
