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
  for (const d of direct) {
    let { speaker, cue, cueStart } = d;
    if (!speaker) {
      // A quotation inside a reported statement belongs to that statement's speaker ("Blinken said … “put a weapon…”").
      const host = reported.find((r) => r.start <= d.span.start && d.span.end <= r.end + 2 && r.speaker);
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
