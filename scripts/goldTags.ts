/** Gold attribution spans → one tag per token, as the model is to predict them. */
import { BC, BQ, BS, IC, IQ, IS, KC, O } from '../src/attribution/model/sequenceModel.js';
import type { TokenTable } from '../src/attribution/model/tokens.js';
import type { GoldAttribution, Segments } from './polnear.js';

const KIND_NONE = 0, KIND_C = 1, KIND_S = 2, KIND_Q = 3;

/** Token indexes sharing a character with [a, b). */
function tokensIn(t: TokenTable, a: number, b: number): number[] {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.end[mid]! <= a) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < t.length && t.start[i]! < b; i++) if (/[\p{L}\p{N}]/u.test(t.word[i]!)) out.push(i);
  return out;
}

/** Segments split only by punctuation or spaces are one segment (annotators cut at sentence ends). */
function mergeSegments(text: string, segs: Segments): Segments {
  const out: Segments = [];
  for (const [a, b] of segs) {
    const last = out[out.length - 1];
    if (last && !/[\p{L}\p{N}]/u.test(text.slice(last[1], a))) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * The outer attribution wins where two overlap (PolNeAR nests a few), so that the tagger learns the spans the
 * evaluation counts: an outer content that contains a whole inner attribution.
 */
export function goldTags(text: string, t: TokenTable, attributions: readonly GoldAttribution[]): Uint8Array {
  const kind = new Uint8Array(t.length);
  const owner = new Int32Array(t.length).fill(-1);
  const segStart = new Uint8Array(t.length); // 1: first segment's start, 2: a later segment's start
  const extent = (a: GoldAttribution): number => a.content[a.content.length - 1]![1] - a.content[0]![0];
  const order = attributions.map((_, i) => i).sort((x, y) => extent(attributions[x]!) - extent(attributions[y]!) || x - y);
  for (const id of order) {
    const a = attributions[id]!;
    const mark = (segs: Segments, k: number): void => {
      mergeSegments(text, segs).forEach(([s, e], n) => {
        const toks = tokensIn(t, s, e);
        for (const i of toks) {
          kind[i] = k;
          owner[i] = id;
          segStart[i] = 0;
        }
        // Quotation marks and punctuation inside the span belong to it too.
        if (toks.length) {
          for (let i = toks[0]!; i <= toks[toks.length - 1]!; i++) {
            kind[i] = k;
            owner[i] = id;
            segStart[i] = 0;
          }
          if (k === KIND_C) segStart[toks[0]!] = n === 0 ? 1 : 2;
        }
      });
    };
    mark(a.source, KIND_S);
    mark(a.cue, KIND_Q);
    mark(a.content, KIND_C);
  }
  const tags = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) {
    const k = kind[i]!;
    const same = i > 0 && kind[i - 1] === k && owner[i - 1] === owner[i];
    const continues = same && t.paragraph[i - 1] === t.paragraph[i];
    if (k === KIND_NONE) tags[i] = O;
    else if (k === KIND_C) tags[i] = segStart[i] === 2 || (same && !continues) ? KC : segStart[i] === 1 || !continues ? BC : IC;
    else if (k === KIND_S) tags[i] = continues ? IS : BS;
    else tags[i] = continues ? IQ : BQ;
  }
  return tags;
}
