import type { FixCounts, FixOptions } from '../repair/index.js';

/** One record as the chunk processor hands it to a mode: text, or raw bytes with their HTTP charset (WARC). */
export interface ProcessInput {
  text?: string;
  bytes?: Uint8Array;
  charset?: string;
  url?: string;
  source: string;
}

export interface Processed {
  text: string;
  counts: FixCounts;
  /** Whether the output differs from the input text; the input's length in UTF-16 units (for the damage score). */
  changed: boolean;
  inputLength: number;
  /** What the mode adds to the output record besides the text (the article's metadata). */
  extra?: Record<string, unknown>;
}

export type Processor = (input: ProcessInput) => Processed;

/** A mode makes its processor once per run's options (resolving them is not a per-record cost). */
export type ModeFactory = (options: FixOptions) => Processor;

/** The record cannot be processed (e.g. page bytes that decode to nothing); the chunk processor rejects it. */
export class RecordError extends Error {
  override readonly name = 'RecordError';
}
