import type { FeatureKeys } from './features.js';

/**
 * A linear-chain tagger (averaged perceptron weights, Viterbi decoding) over the attribution tags. Every token is
 * outside (O), content (B/I, and K for a content segment that resumes an interrupted one), source (B/I) or cue (B/I),
 * as PolNeAR annotates them.
 */
export const TAGS = ['O', 'B-C', 'I-C', 'K-C', 'B-S', 'I-S', 'B-Q', 'I-Q'] as const;
export type Tag = (typeof TAGS)[number];
export const T = TAGS.length;
export const O = 0, BC = 1, IC = 2, KC = 3, BS = 4, IS = 5, BQ = 6, IQ = 7;

/** Whether tag `cur` may follow tag `prev` (-1: sentence start): an I- tag continues its own span only. */
export function allowed(prev: number, cur: number): boolean {
  if (cur === IC) return prev === BC || prev === IC || prev === KC;
  if (cur === IS) return prev === BS || prev === IS;
  if (cur === IQ) return prev === BQ || prev === IQ;
  return true;
}

const ALLOWED = Uint8Array.from({ length: (T + 1) * T }, (_, i) => (allowed(Math.floor(i / T) === T ? -1 : Math.floor(i / T), i % T) ? 1 : 0));

/**
 * Feature key → weight row, by open addressing over the 30-bit keys; key and row side by side, so that a lookup
 * touches one cache line.
 */
export class KeyIndex {
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(keys: ArrayLike<number>) {
    let size = 1024;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.table = new Int32Array(size * 2).fill(-1);
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.table[2 * s] !== -1 && this.table[2 * s] !== keys[r]) s = (s + 1) & this.mask;
      this.table[2 * s] = keys[r]!;
      this.table[2 * s + 1] = r;
    }
  }

  get(key: number): number {
    for (let s = key & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.table[2 * s]!;
      if (k === key) return this.table[2 * s + 1]!;
      if (k === -1) return -1;
    }
  }
}

/** One pass's weights as integers (value × scale): 16 bits each keeps the table small enough for the cache. */
export interface Weights {
  index: KeyIndex;
  /** T weights per feature row. */
  emission: Int16Array;
  /** (T + 1) × T: row T is the start of the text. */
  transition: Int32Array;
}

/** The weight rows of each token's features, flat like the keys; unknown features are dropped. */
export interface FeatureRows {
  rows: Int32Array;
  offsets: Int32Array;
}

export function featureRows(f: FeatureKeys, index: { get(key: number): number }): FeatureRows {
  const rows = new Int32Array(f.keys.length);
  const offsets = new Int32Array(f.offsets.length);
  let n = 0;
  for (let i = 0; i + 1 < f.offsets.length; i++) {
    offsets[i] = n;
    for (let k = f.offsets[i]!, end = f.offsets[i + 1]!; k < end; k++) {
      const r = index.get(f.keys[k]!);
      if (r >= 0) rows[n++] = r;
    }
  }
  offsets[f.offsets.length - 1] = n;
  return { rows: rows.subarray(0, n), offsets };
}

/** The best tag sequence under the weights. */
export function viterbi(rows: FeatureRows, emission: ArrayLike<number>, transition: ArrayLike<number>, paragraphStart?: Uint8Array): Uint8Array {
  const n = rows.offsets.length - 1;
  const em = new Float64Array(n * T);
  const r = rows.rows;
  for (let i = 0; i < n; i++) {
    // Unrolled over the eight tags: this sum is most of the tagger's time.
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0;
    for (let k = rows.offsets[i]!, end = rows.offsets[i + 1]!; k < end; k++) {
      const b = r[k]! * T;
      e0 += emission[b]!;
      e1 += emission[b + 1]!;
      e2 += emission[b + 2]!;
      e3 += emission[b + 3]!;
      e4 += emission[b + 4]!;
      e5 += emission[b + 5]!;
      e6 += emission[b + 6]!;
      e7 += emission[b + 7]!;
    }
    const o = i * T;
    em[o] = e0;
    em[o + 1] = e1;
    em[o + 2] = e2;
    em[o + 3] = e3;
    em[o + 4] = e4;
    em[o + 5] = e5;
    em[o + 6] = e6;
    em[o + 7] = e7;
  }
  return decode(em, n, transition, paragraphStart);
}

/** Viterbi over per-token emission scores (T per token); `transition` is (T + 1) × T, row T the text's start. */
function decode(em: Float64Array, n: number, transition: ArrayLike<number>, paragraphStart?: Uint8Array): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  // Forbidden transitions cost -Infinity, so the inner loop needs no test.
  const trans = new Float64Array((T + 1) * T);
  for (let k = 0; k < trans.length; k++) trans[k] = ALLOWED[k] ? transition[k]! : -Infinity;
  const score = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  for (let t = 0; t < T; t++) score[t] = em[t]! + trans[T * T + t]!;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    const cur = i * T;
    // No span runs across a paragraph break: a quotation continued in the next paragraph is a new segment.
    const newParagraph = paragraphStart !== undefined && paragraphStart[i] === 1;
    for (let t = 0; t < T; t++) {
      if (newParagraph && (t === IC || t === IS || t === IQ)) {
        score[cur + t] = -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        const s = score[prev + p]! + trans[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[cur + t] = best + em[cur + t]!;
      back[cur + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (score[(n - 1) * T + t]! > best) {
      best = score[(n - 1) * T + t]!;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * T + arg]!;
  }
  return tags;
}

/** One tagging pass: integer weights (value × scale) in base64, feature keys in the same order. */
export interface PassFile {
  scale: number;
  transition: number[];
  /** Int32 little-endian feature keys, base64. */
  keys: string;
  /** Int16 little-endian weights, T per key, base64. */
  weights: string;
}

/** The weights file: the first pass tags from the tokens, the second from the tokens and the first pass's tags. */
export interface WeightsFile {
  format: 'unmangle-attribution-perceptron/4';
  tags: readonly string[];
  /** Cue words learned from the training split, beside the built-in cue lexicon. */
  cues: readonly string[];
  /** How the file was made: command, data, epochs. */
  training: Record<string, unknown>;
  passes: PassFile[];
}

export function weightsFromFile(file: WeightsFile): Weights[] {
  if (file.format !== 'unmangle-attribution-perceptron/4' || file.tags.join() !== TAGS.join() || !Array.isArray(file.cues)) {
    throw new Error('attribution model: unknown weights format');
  }
  return file.passes.map(passWeights);
}

function passWeights(file: PassFile): Weights {
  const keyBytes = Buffer.from(file.keys, 'base64');
  const weightBytes = Buffer.from(file.weights, 'base64');
  const keys = new Int32Array(keyBytes.length / 4);
  for (let i = 0; i < keys.length; i++) keys[i] = keyBytes.readInt32LE(i * 4);
  const emission = new Int16Array(weightBytes.length / 2);
  for (let i = 0; i < emission.length; i++) emission[i] = weightBytes.readInt16LE(i * 2);
  if (emission.length !== keys.length * T) throw new Error('attribution model: weights do not match the features');
  return { index: new KeyIndex(keys), emission, transition: Int32Array.from(file.transition) };
}
