import { fixAndCount, type FixCounts, type FixOptions } from '../../repair/index.js';
import type { Mode } from './task.js';

/** One record as the worker hands it to a mode: text, or raw bytes with their HTTP charset (WARC). */
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

export type Processor = (input: ProcessInput, options: FixOptions) => Processed;

/** The record cannot be processed (e.g. page bytes that decode to nothing); the worker rejects it. */
export class RecordError extends Error {
  override readonly name = 'RecordError';
}

const fix: Processor = (input, options) => {
  const text = input.text ?? decodePayload(input.bytes!, input.charset);
  const result = fixAndCount(text, options);
  return { ...result, changed: result.text !== text, inputLength: text.length };
};

/**
 * Each mode is one function. The article layer (an HTML parser and language data) is loaded only by
 * workers that run it, so that repair-only runs start fast and stay small.
 */
export const PROCESSORS: Record<Mode, () => Promise<Processor>> = {
  fix: async () => fix,
  article: async () => (await import('./articleProcessor.js')).article,
};

/** WARC payloads are decoded as the HTTP header says; an unknown or absent charset falls back to UTF-8. */
export function decodePayload(bytes: Uint8Array, charset: string | undefined): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}
