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

/** Feature key → weight row, by open addressing over the 30-bit keys. */
export class KeyIndex {
  private readonly slots: Int32Array;
  private readonly rowOf: Int32Array;
  private readonly mask: number;

  constructor(keys: ArrayLike<number>) {
    let size = 1024;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    this.rowOf = new Int32Array(size);
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r]! & this.mask;
      while (this.slots[s] !== -1 && this.slots[s] !== keys[r]) s = (s + 1) & this.mask;
      this.slots[s] = keys[r]!;
      this.rowOf[s] = r;
    }
  }

  get(key: number): number {
    for (let s = key & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.slots[s]!;
      if (k === key) return this.rowOf[s]!;
      if (k === -1) return -1;
    }
  }
}

export interface Weights {
  index: KeyIndex;
  /** T weights per feature row. */
  emission: Float32Array;
  /** (T + 1) × T: row T is the start of the text. */
  transition: Float64Array;
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
export function viterbi(rows: FeatureRows, emission: Float64Array | Float32Array, transition: Float64Array, paragraphStart?: Uint8Array): Uint8Array {
  const n = rows.offsets.length - 1;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const score = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  const em = new Float64Array(T);
  for (let i = 0; i < n; i++) {
    em.fill(0);
    for (let k = rows.offsets[i]!, end = rows.offsets[i + 1]!; k < end; k++) {
      const base = rows.rows[k]! * T;
      for (let t = 0; t < T; t++) em[t] = em[t]! + emission[base + t]!;
    }
    for (let t = 0; t < T; t++) {
      // No span runs across a paragraph break: a quotation continued in the next paragraph is a new segment.
      if (i === 0 || (paragraphStart?.[i] && (t === IC || t === IS || t === IQ))) {
        if (i > 0) {
          score[i * T + t] = -Infinity;
          continue;
        }
        score[t] = allowed(-1, t) && t !== IC && t !== IS && t !== IQ ? em[t]! + transition[T * T + t]! : -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed(p, t)) continue;
        const s = score[(i - 1) * T + p]! + transition[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * T + t] = best + em[t]!;
      back[i * T + t] = arg;
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
  format: 'unmangle-attribution-perceptron/3';
  tags: readonly string[];
  /** How the file was made: command, data, epochs. */
  training: Record<string, unknown>;
  passes: PassFile[];
}

export function weightsFromFile(file: WeightsFile): Weights[] {
  if (file.format !== 'unmangle-attribution-perceptron/3' || file.tags.join() !== TAGS.join()) {
    throw new Error('attribution model: unknown weights format');
  }
  return file.passes.map(passWeights);
}

function passWeights(file: PassFile): Weights {
  const keyBytes = Buffer.from(file.keys, 'base64');
  const weightBytes = Buffer.from(file.weights, 'base64');
  const keys = new Int32Array(keyBytes.length / 4);
  for (let i = 0; i < keys.length; i++) keys[i] = keyBytes.readInt32LE(i * 4);
  const emission = new Float32Array(weightBytes.length / 2);
  for (let i = 0; i < emission.length; i++) emission[i] = weightBytes.readInt16LE(i * 2) / file.scale;
  if (emission.length !== keys.length * T) throw new Error('attribution model: weights do not match the features');
  return { index: new KeyIndex(keys), emission, transition: Float64Array.from(file.transition, (x) => x / file.scale) };
}
