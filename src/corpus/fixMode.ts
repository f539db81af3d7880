import { counterFor } from '../repair/index.js';
import type { ModeFactory } from './modeTypes.js';

export const fix: ModeFactory = (options) => {
  const fixAndCount = counterFor(options);
  return (input) => {
    const text = input.text ?? decodePayload(input.bytes!, input.charset);
    const result = fixAndCount(text);
    return { text: result.text, counts: result.counts, changed: result.text !== text, inputLength: text.length };
  };
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
