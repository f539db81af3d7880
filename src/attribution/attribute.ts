import { expectOptions, expectString } from '../repair/arguments.js';
import { buildEntities, publicEntities } from './entities.js';
import { findDirectQuotes } from './directQuotes.js';
import { unsupportedReason } from './language.js';
import { findQuoteSpans, maskQuotes } from './quoteSpans.js';
import { findReportedSpeech } from './reportedSpeech.js';
import { paragraphs, sentencesOf, wordCount } from './segments.js';
import { collectMentions, toSpeaker } from './speakers.js';
import type { AttributeOptions, AttributionResult, Quote } from './types.js';

/**
 * Who said what in a news text: direct, partial and reported quotations with their cue and speaker, and the
 * people, organisations and places named. Offsets are UTF-16 indexes into `text`, as in JavaScript strings.
 */
export function attribute(text: string, options: AttributeOptions = {}): AttributionResult {
  expectString(text, 'attribute', 'text');
  expectOptions(options, 'attribute');
  const lang = options.lang ?? 'en';
  const reason = unsupportedReason(lang);
  if (reason) return { lang, supported: false, reason, quotes: [], entities: [] };

  const spans = findQuoteSpans(text);
  const masked = maskQuotes(text, spans);
  const paras = paragraphs(text);
  const table = buildEntities(text, options.tagger ?? true);
  const mentions = collectMentions(text, table, spans);

  const direct = findDirectQuotes(text, masked, spans, paras, mentions);
  const usedCues = new Set(direct.filter((d) => d.speaker && d.kind === 'direct').map((d) => d.cueStart));
  const sents = paras.flatMap((p) => sentencesOf(text, p));
  const reported = findReportedSpeech(text, masked, sents, mentions, spans, usedCues);

  const quotes: Quote[] = [];
  for (const d of direct) {
    let { speaker, cue } = d;
    if (!speaker) {
      // A quotation inside a reported statement belongs to that statement's speaker ("Blinken said … “put a weapon…”").
      const host = reported.find((r) => r.start <= d.span.start && d.span.end <= r.end + 2 && r.speaker);
      if (host) {
        speaker = host.speaker;
        cue = host.cue;
      }
    }
    const quoteText = text.slice(d.span.start, d.span.end);
    // Short unattributed quotes are scare quotes, slogans, titles or nicknames, not speech.
    if (!speaker && wordCount(quoteText) < 6) continue;
    quotes.push({
      text: quoteText,
      start: d.span.start,
      end: d.span.end,
      kind: d.kind,
      cue,
      speaker: speaker ? toSpeaker(speaker, table) : null,
    });
  }
  for (const r of reported) {
    quotes.push({
      text: text.slice(r.start, r.end),
      start: r.start,
      end: r.end,
      kind: 'reported',
      cue: r.cue,
      speaker: r.speaker ? toSpeaker(r.speaker, table) : null,
    });
  }
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  return { lang, supported: true, quotes, entities: publicEntities(table) };
}
